//===--- Report.cpp - prodready driver ------------------------------------===//

#include "Report.h"
#include "CheckMetadata.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <nlohmann/json.hpp>

namespace prodready::driver {

namespace {

using nlohmann::json;

constexpr const char *InformationUri = "https://github.com/prodready/prodready";

json position(unsigned Line, unsigned Column) {
  return {{"line", Line}, {"column", Column}};
}

json fixToJson(const std::vector<Replacement> &Fix) {
  json Edits = json::array();
  for (const Replacement &R : Fix)
    Edits.push_back({{"file", R.File},
                     {"start", position(R.StartLine, R.StartColumn)},
                     {"end", position(R.EndLine, R.EndColumn)},
                     {"text", R.Text}});
  return Edits;
}

std::string sarifLevel(Severity S) {
  return S == Severity::Note ? "note" : severityName(S).str();
}

/// "external/cwe/cwe-22": the tag GitHub code scanning reads CWEs from.
std::string cweTag(llvm::StringRef Cwe) {
  return "external/cwe/" + Cwe.lower();
}

json sarifRule(const CheckInfo &Info) {
  json Tags = json::array({"security", "reliability"});
  for (const std::string &Cwe : Info.Cwes)
    Tags.push_back(cweTag(Cwe));
  json Rule = {{"id", Info.Name},
               {"name", Info.Name},
               {"shortDescription", {{"text", Info.Description}}},
               {"fullDescription", {{"text", Info.Description}}},
               {"defaultConfiguration", {{"level", sarifLevel(Info.DefaultSeverity)}}},
               {"properties", {{"tags", Tags}}}};
  if (!Info.DocPath.empty()) {
    Rule["helpUri"] = std::string(InformationUri) + "/blob/main/" + Info.DocPath;
    Rule["help"] = {{"text", Info.Description + " See " + Info.DocPath + "."}};
  }
  return Rule;
}

json sarifRegion(unsigned StartLine, unsigned StartColumn, unsigned EndLine,
                 unsigned EndColumn) {
  json Region = {{"startLine", StartLine}, {"startColumn", StartColumn}};
  if (EndLine) {
    Region["endLine"] = EndLine;
    Region["endColumn"] = EndColumn;
  }
  return Region;
}

json sarifFix(const Finding &F) {
  // SARIF groups the edits of a fix by file.
  llvm::StringMap<json> ByFile;
  std::vector<std::string> Order;
  for (const Replacement &R : F.Fix) {
    auto [It, Inserted] = ByFile.try_emplace(R.File, json::array());
    if (Inserted)
      Order.push_back(R.File);
    It->second.push_back(
        {{"deletedRegion",
          sarifRegion(R.StartLine, R.StartColumn, R.EndLine, R.EndColumn)},
         {"insertedContent", {{"text", R.Text}}}});
  }
  json Changes = json::array();
  for (const std::string &File : Order)
    Changes.push_back({{"artifactLocation",
                        {{"uri", File}, {"uriBaseId", "%SRCROOT%"}}},
                       {"replacements", ByFile[File]}});
  return {{"description", {{"text", "Apply the fix-it of " + F.Check}}},
          {"artifactChanges", Changes}};
}

} // namespace

std::string writeJson(const ReportInput &Report) {
  json Findings = json::array();
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    CheckInfo Info = checkInfo(F.Check);
    json Entry = {{"check", F.Check},
                  {"severity", severityName(Info.DefaultSeverity).str()},
                  {"cwe", Info.Cwes},
                  {"file", F.File},
                  {"line", F.Line},
                  {"column", F.Column},
                  {"message", F.Message},
                  {"fingerprint", I < Report.Fingerprints.size()
                                      ? Report.Fingerprints[I]
                                      : std::string()}};
    if (!F.Fix.empty())
      Entry["fix"] = fixToJson(F.Fix);
    Findings.push_back(std::move(Entry));
  }
  json Document = {{"tool", "prodready"},
                   {"version", Report.ToolVersion},
                   {"schemaVersion", 1},
                   {"findings", std::move(Findings)}};
  return Document.dump(2) + "\n";
}

std::string writeSarif(const ReportInput &Report) {
  json Rules = json::array();
  llvm::StringMap<size_t> RuleIndex;
  // prodready's rules always, in a stable order; other checks as they occur.
  for (const CheckInfo &Info : prodreadyChecks()) {
    RuleIndex[Info.Name] = Rules.size();
    Rules.push_back(sarifRule(Info));
  }
  json Results = json::array();
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    CheckInfo Info = checkInfo(F.Check);
    auto [It, Inserted] = RuleIndex.try_emplace(F.Check, Rules.size());
    if (Inserted)
      Rules.push_back(sarifRule(Info));
    json Result = {
        {"ruleId", F.Check},
        {"ruleIndex", It->second},
        {"level", sarifLevel(Info.DefaultSeverity)},
        {"message", {{"text", F.Message}}},
        {"locations",
         json::array({{{"physicalLocation",
                        {{"artifactLocation",
                          {{"uri", F.File}, {"uriBaseId", "%SRCROOT%"}}},
                         {"region", sarifRegion(F.Line, F.Column, 0, 0)}}}}})}};
    if (I < Report.Fingerprints.size())
      Result["partialFingerprints"] = {{"prodready/v1", Report.Fingerprints[I]}};
    if (!F.Fix.empty())
      Result["fixes"] = json::array({sarifFix(F)});
    Results.push_back(std::move(Result));
  }
  json Document = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array({{{"tool",
                      {{"driver",
                        {{"name", "prodready"},
                         {"version", Report.ToolVersion},
                         {"informationUri", InformationUri},
                         {"rules", std::move(Rules)}}}}},
                     {"results", std::move(Results)}}})}};
  return Document.dump(2) + "\n";
}

std::string writeCodeClimate(const ReportInput &Report) {
  json Issues = json::array();
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    Severity Level = checkInfo(F.Check).DefaultSeverity;
    Issues.push_back(
        {{"type", "issue"},
         {"check_name", F.Check},
         {"description", F.Message},
         {"categories", json::array({"Bug Risk"})},
         {"severity", Level == Severity::Error     ? "critical"
                      : Level == Severity::Warning ? "major"
                                                   : "info"},
         {"fingerprint", I < Report.Fingerprints.size()
                             ? Report.Fingerprints[I]
                             : std::string()},
         {"location", {{"path", F.File}, {"lines", {{"begin", F.Line}}}}}});
  }
  return Issues.dump(2) + "\n";
}

} // namespace prodready::driver
