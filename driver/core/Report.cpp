//===--- Report.cpp - prodready driver ------------------------------------===//

#include "Report.h"
#include "CheckMetadata.h"
#include "Fingerprint.h"
#include "JsonText.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <tuple>
#include <type_traits>

namespace prodready::driver {

namespace {

using nlohmann::json;

constexpr const char *InformationUri = "https://github.com/prodready/prodready";

auto sortKey(const Finding &F) {
  return std::tie(F.File, F.Line, F.Column, F.Check, F.Message);
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

json position(unsigned Line, unsigned Column) {
  return {{"line", Line}, {"column", Column}};
}

json fixToJson(const std::vector<Replacement> &Fix) {
  json Edits = json::array();
  for (const Replacement &R : Fix)
    Edits.push_back({{"file", R.File},
                     {"start", position(R.StartLine, R.StartColumn)},
                     {"end", position(R.EndLine, R.EndColumn)},
                     {"offset", R.Offset},
                     {"length", R.Length},
                     {"text", R.Text}});
  return Edits;
}

json notesToJson(const std::vector<Note> &Notes) {
  json Array = json::array();
  for (const Note &N : Notes)
    Array.push_back({{"file", N.File},
                     {"line", N.Line},
                     {"column", N.Column},
                     {"message", N.Message},
                     {"snippet", N.LineText}});
  return Array;
}

json digestsToJson(const FileDigests &Digests) {
  json Files = json::array();
  for (const auto &[Path, Digest] : Digests)
    Files.push_back({{"path", Path}, {"sha256", Digest}});
  return Files;
}

//===----------------------------------------------------------------------===//
// SARIF
//===----------------------------------------------------------------------===//

std::string sarifLevel(Severity S) {
  return S == Severity::Note ? "note" : severityName(S).str();
}

/// "external/cwe/cwe-22": the tag GitHub code scanning reads CWEs from.
std::string cweTag(llvm::StringRef Cwe) {
  return "external/cwe/" + Cwe.lower();
}

/// Where an upstream clang-tidy check is documented.
std::string clangTidyDocUri(llvm::StringRef Check) {
  auto [Module, Name] = Check.split('-');
  if (Check.starts_with("clang-analyzer-"))
    return "https://clang.llvm.org/extra/clang-tidy/checks/clang-analyzer/" +
           Check.drop_front(strlen("clang-analyzer-")).str() + ".html";
  return "https://clang.llvm.org/extra/clang-tidy/checks/" + Module.str() +
         "/" + Name.str() + ".html";
}

/// SARIF counts columns in characters (the run says unicodeCodePoints);
/// findings count bytes. \p LineText is the line both columns are on.
unsigned codePointColumn(llvm::StringRef LineText, unsigned ByteColumn) {
  unsigned Column = 1;
  for (size_t I = 0; I + 1 < ByteColumn; ++I)
    if (I >= LineText.size() || (LineText[I] & 0xC0) != 0x80)
      ++Column;
  return Column;
}

unsigned byteColumn(llvm::StringRef LineText, unsigned CodePointColumn) {
  size_t Byte = 0; // Where the current character starts.
  for (unsigned Seen = 1; Seen < CodePointColumn; ++Seen) {
    ++Byte;
    while (Byte < LineText.size() && (LineText[Byte] & 0xC0) == 0x80)
      ++Byte;
  }
  return Byte + 1;
}

/// An artifact URI: the relative path with every byte outside RFC 3986's
/// unreserved set (and '/') percent-encoded, so `my dir/é.cpp` is valid.
std::string encodeUri(llvm::StringRef Path) {
  std::string Uri;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri.push_back(C);
    else
      Uri += "%" + llvm::utohexstr(C, /*LowerCase=*/false, 2);
  }
  return Uri;
}

std::string decodeUri(llvm::StringRef Uri) {
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path.push_back(static_cast<char>(Byte));
      I += 2;
    } else {
      Path.push_back(Uri[I]);
    }
  }
  return Path;
}

json sarifRule(const CheckInfo &Info) {
  llvm::StringRef Name = Info.Name;
  bool Prodready = Name.starts_with("prodready-");
  // prodready's checks find production-readiness defects; other checks are
  // whatever the project enabled, and are not labelled as security.
  json Tags = Prodready ? json::array({"security", "reliability"})
                        : json::array({"clang-tidy"});
  for (const std::string &Cwe : Info.Cwes)
    Tags.push_back(cweTag(Cwe));
  json Rule = {
      {"id", Info.Name},
      {"name", Info.Name},
      {"shortDescription", {{"text", Info.Description}}},
      {"fullDescription", {{"text", Info.Description}}},
      {"defaultConfiguration", {{"level", sarifLevel(Info.DefaultSeverity)}}},
      {"properties", {{"tags", Tags}}}};
  if (!Info.DocPath.empty()) {
    Rule["helpUri"] =
        std::string(InformationUri) + "/blob/main/" + Info.DocPath;
    Rule["help"] = {{"text", Info.Description + " See " + Info.DocPath + "."}};
  } else if (!Prodready && !Name.starts_with("clang-diagnostic-")) {
    Rule["helpUri"] = clangTidyDocUri(Name);
  }
  return Rule;
}

json artifactLocation(const std::string &File) {
  return {{"uri", encodeUri(File)}, {"uriBaseId", "%SRCROOT%"}};
}

json sarifFix(const Finding &F) {
  // SARIF groups the edits of a fix by file.
  std::map<std::string, json> ByFile;
  std::vector<std::string> Order;
  for (const Replacement &R : F.Fix) {
    auto [It, Inserted] = ByFile.try_emplace(R.File, json::array());
    if (Inserted)
      Order.push_back(R.File);
    // A binary region: exact whatever the line holds (its columns would
    // need the edited lines' text to be counted in characters).
    It->second.push_back(
        {{"deletedRegion",
          {{"byteOffset", R.Offset}, {"byteLength", R.Length}}},
         {"insertedContent", {{"text", R.Text}}}});
  }
  json Changes = json::array();
  for (const std::string &File : Order)
    Changes.push_back({{"artifactLocation", artifactLocation(File)},
                       {"replacements", ByFile[File]}});
  return {{"description", {{"text", "Apply the fix-it of " + F.Check}}},
          {"artifactChanges", Changes}};
}

/// The path of an untrusted value, for GitHub code scanning's "show paths":
/// the notes from the source on, in order, then the sink.
/// The notes of \p F that walk a value from its source to the finding, in
/// order: all of a taint check's. An index finding's notes also say why
/// the access is unchecked (an earlier clear, the rest of a chain); its
/// flow is the notes on where the untrusted index or container comes from
/// and the calls that pass it on.
llvm::ArrayRef<Note> dataFlowNotes(const Finding &F) {
  if (reportsDataFlow(F.Check))
    return F.Notes;
  if (F.Check != "prodready-unchecked-container-access")
    return {};
  size_t End = 0;
  for (size_t I = 0; I < F.Notes.size(); ++I) {
    llvm::StringRef Message = F.Notes[I].Message;
    if (Message.contains("comes from here") ||
        Message.ends_with("returns the untrusted data") ||
        Message.contains(" passed to ") || Message.contains("passed on to"))
      End = I + 1;
  }
  return llvm::ArrayRef(F.Notes).take_front(End);
}

json sarifCodeFlow(const Finding &F, llvm::ArrayRef<Note> Flow) {
  auto Step = [](llvm::StringRef File, unsigned Line, unsigned Column,
                 llvm::StringRef LineText, llvm::StringRef Message) {
    json Region = {{"startLine", Line},
                   {"startColumn", codePointColumn(LineText, Column)}};
    return json{{"location",
                 {{"physicalLocation",
                   {{"artifactLocation", artifactLocation(File.str())},
                    {"region", std::move(Region)}}},
                  {"message", {{"text", Message}}}}}};
  };
  json Steps = json::array();
  for (const Note &N : Flow)
    Steps.push_back(Step(N.File, N.Line, N.Column, N.LineText, N.Message));
  Steps.push_back(Step(F.File, F.Line, F.Column, F.LineText, F.Message));
  return json::array(
      {{{"threadFlows", json::array({{{"locations", std::move(Steps)}}})}}});
}

json sarifResult(const Finding &F, const std::string &Fingerprint,
                 size_t RuleIndex) {
  json Region = {{"startLine", F.Line},
                 {"startColumn", codePointColumn(F.LineText, F.Column)}};
  if (!F.LineText.empty())
    Region["snippet"] = {{"text", F.LineText}};
  json Result = {
      {"ruleId", F.Check},
      {"ruleIndex", RuleIndex},
      {"level", sarifLevel(F.Level)},
      {"message", {{"text", F.Message}}},
      {"locations",
       json::array({{{"physicalLocation",
                      {{"artifactLocation", artifactLocation(F.File)},
                       {"region", Region}}}}})},
      {"partialFingerprints", {{"prodready/v1", Fingerprint}}}};
  if (!F.Fix.empty())
    Result["fixes"] = json::array({sarifFix(F)});
  if (!F.Notes.empty()) {
    json Related = json::array();
    for (size_t I = 0; I < F.Notes.size(); ++I) {
      const Note &N = F.Notes[I];
      json NoteRegion = {
          {"startLine", N.Line},
          {"startColumn", codePointColumn(N.LineText, N.Column)}};
      if (!N.LineText.empty())
        NoteRegion["snippet"] = {{"text", N.LineText}};
      Related.push_back({{"id", I},
                         {"message", {{"text", N.Message}}},
                         {"physicalLocation",
                          {{"artifactLocation", artifactLocation(N.File)},
                           {"region", NoteRegion}}}});
    }
    Result["relatedLocations"] = std::move(Related);
  }
  if (llvm::ArrayRef<Note> Flow = dataFlowNotes(F); !Flow.empty())
    Result["codeFlows"] = sarifCodeFlow(F, Flow);
  return Result;
}

//===----------------------------------------------------------------------===//
// Readers
//===----------------------------------------------------------------------===//

/// \p Value as a T, or a type error: nlohmann converts any number, and a
/// float out of T's range (a damaged or crafted report) would be undefined
/// behaviour.
template <typename T> T integerIn(const json &Value, const char *Key) {
  using Limits = std::numeric_limits<T>;
  bool InRange =
      Value.is_number_unsigned()
          ? Value.get<std::uint64_t>() <= std::uint64_t(Limits::max())
          : Value.is_number_integer() &&
                Value.get<std::int64_t>() >= std::int64_t(Limits::min()) &&
                (Value.get<std::int64_t>() < 0 ||
                 std::uint64_t(Value.get<std::int64_t>()) <=
                     std::uint64_t(Limits::max()));
  if (!InRange)
    throw json::type_error::create(
        302,
        std::string("'") + Key + "' must be an integer from " +
            std::to_string(Limits::min()) + " to " +
            std::to_string(Limits::max()),
        nullptr);
  return Value.get<T>();
}

/// nlohmann's lookups throw on a missing key or a wrong type; the readers
/// turn that into one error naming the report.
template <typename T> T field(const json &Object, const char *Key) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
    return integerIn<T>(Object.at(Key), Key);
  else
    return Object.at(Key).get<T>();
}

Replacement jsonEdit(const json &Edit) {
  Replacement R;
  R.File = field<std::string>(Edit, "file");
  R.StartLine = field<unsigned>(Edit.at("start"), "line");
  R.StartColumn = field<unsigned>(Edit.at("start"), "column");
  R.EndLine = field<unsigned>(Edit.at("end"), "line");
  R.EndColumn = field<unsigned>(Edit.at("end"), "column");
  R.Offset = field<unsigned>(Edit, "offset");
  R.Length = field<unsigned>(Edit, "length");
  R.Text = field<std::string>(Edit, "text");
  return R;
}

Severity severityOrWarning(const std::string &Name) {
  return parseSeverity(Name).value_or(Severity::Warning);
}

ReportInput readJsonReport(const json &Document) {
  ReportInput Report;
  Report.ToolVersion = field<std::string>(Document, "version");
  for (const json &Entry : Document.at("findings")) {
    Finding F;
    F.Check = field<std::string>(Entry, "check");
    F.Level = severityOrWarning(field<std::string>(Entry, "severity"));
    F.File = field<std::string>(Entry, "file");
    F.Line = field<unsigned>(Entry, "line");
    F.Column = field<unsigned>(Entry, "column");
    F.Message = field<std::string>(Entry, "message");
    F.LineText = Entry.value("snippet", "");
    if (Entry.contains("fix"))
      for (const json &Edit : Entry.at("fix"))
        F.Fix.push_back(jsonEdit(Edit));
    if (Entry.contains("notes"))
      for (const json &Item : Entry.at("notes")) {
        Note N;
        N.File = field<std::string>(Item, "file");
        N.Line = field<unsigned>(Item, "line");
        N.Column = field<unsigned>(Item, "column");
        N.Message = field<std::string>(Item, "message");
        N.LineText = Item.value("snippet", "");
        F.Notes.push_back(std::move(N));
      }
    Report.Findings.push_back(std::move(F));
    Report.Fingerprints.push_back(field<std::string>(Entry, "fingerprint"));
  }
  if (Document.contains("files"))
    for (const json &File : Document.at("files"))
      Report.Digests[field<std::string>(File, "path")] =
          field<std::string>(File, "sha256");
  if (Document.contains("wholeProgram")) {
    const json &Shard = Document.at("wholeProgram");
    Report.WholeProgram.emplace();
    Report.WholeProgram->Shard = field<std::string>(Shard, "shard");
    Report.WholeProgram->Settings = field<std::string>(Shard, "settings");
    for (const json &Unit : Shard.at("units")) {
      UnitRecord Record;
      Record.File = field<std::string>(Unit, "file");
      Record.Summaries = Unit.at("summaries").dump();
      for (const json &Index : Unit.at("findings")) {
        Record.Findings.push_back(integerIn<size_t>(Index, "findings"));
        if (Record.Findings.back() >= Report.Findings.size())
          throw json::out_of_range::create(
              401, "finding index out of range in 'wholeProgram'", &Index);
      }
      Report.WholeProgram->Units.push_back(std::move(Record));
    }
  }
  if (Document.contains("run")) {
    const json &Run = Document.at("run");
    RunStats Stats;
    Stats.Units = field<unsigned>(Run, "units");
    Stats.Analyzed = field<unsigned>(Run, "analyzed");
    Stats.Cached = field<unsigned>(Run, "cached");
    Stats.Skipped = field<unsigned>(Run, "skipped");
    Stats.WholeProgram = field<bool>(Run, "wholeProgram");
    Stats.Seconds = field<double>(Run, "seconds");
    Report.Run = Stats;
  }
  return Report;
}

std::vector<Replacement> sarifEdits(const json &Result) {
  std::vector<Replacement> Edits;
  if (!Result.contains("fixes") || Result.at("fixes").empty())
    return Edits;
  for (const json &Change : Result.at("fixes").at(0).at("artifactChanges")) {
    std::string File =
        decodeUri(field<std::string>(Change.at("artifactLocation"), "uri"));
    for (const json &Edit : Change.at("replacements")) {
      const json &Region = Edit.at("deletedRegion");
      Replacement R; // Line and column are not in SARIF's binary region.
      R.File = File;
      R.Offset = field<unsigned>(Region, "byteOffset");
      R.Length = field<unsigned>(Region, "byteLength");
      R.Text = Edit.contains("insertedContent")
                   ? field<std::string>(Edit.at("insertedContent"), "text")
                   : std::string();
      Edits.push_back(std::move(R));
    }
  }
  return Edits;
}

ReportInput readSarifReport(const json &Document) {
  ReportInput Report;
  for (const json &Run : Document.at("runs")) {
    Report.ToolVersion =
        field<std::string>(Run.at("tool").at("driver"), "version");
    for (const json &Result : Run.at("results")) {
      const json &Location =
          Result.at("locations").at(0).at("physicalLocation");
      const json &Region = Location.at("region");
      Finding F;
      F.Check = field<std::string>(Result, "ruleId");
      F.Level = severityOrWarning(Result.value("level", "warning"));
      F.Message = field<std::string>(Result.at("message"), "text");
      F.File =
          decodeUri(field<std::string>(Location.at("artifactLocation"), "uri"));
      F.Line = field<unsigned>(Region, "startLine");
      if (Region.contains("snippet"))
        F.LineText = field<std::string>(Region.at("snippet"), "text");
      F.Column = byteColumn(F.LineText, field<unsigned>(Region, "startColumn"));
      F.Fix = sarifEdits(Result);
      if (Result.contains("relatedLocations"))
        for (const json &Related : Result.at("relatedLocations")) {
          const json &Where = Related.at("physicalLocation");
          const json &NoteRegion = Where.at("region");
          Note N;
          N.File = decodeUri(
              field<std::string>(Where.at("artifactLocation"), "uri"));
          N.Line = field<unsigned>(NoteRegion, "startLine");
          N.Message = field<std::string>(Related.at("message"), "text");
          if (NoteRegion.contains("snippet"))
            N.LineText = field<std::string>(NoteRegion.at("snippet"), "text");
          N.Column = byteColumn(N.LineText,
                                field<unsigned>(NoteRegion, "startColumn"));
          F.Notes.push_back(std::move(N));
        }
      Report.Fingerprints.push_back(
          field<std::string>(Result.at("partialFingerprints"), "prodready/v1"));
      Report.Findings.push_back(std::move(F));
    }
    if (Run.contains("artifacts"))
      for (const json &Artifact : Run.at("artifacts"))
        Report.Digests[decodeUri(
            field<std::string>(Artifact.at("location"), "uri"))] =
            field<std::string>(Artifact.at("hashes"), "sha-256");
  }
  return Report;
}

} // namespace

void canonicalize(ReportInput &Report) {
  std::vector<Finding> &Findings = Report.Findings;
  // Fingerprints a report already carries are kept: they were computed
  // over all findings of a run, before --diff or --baseline left some out,
  // and recomputing them over the rest would change the ranks.
  bool Carried =
      !Findings.empty() && Report.Fingerprints.size() == Findings.size();
  std::vector<size_t> Order(Findings.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  // Findings with equal keys are the same finding from several
  // translation units, so which one is kept does not matter.
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return std::make_pair(sortKey(Findings[A]), A) <
           std::make_pair(sortKey(Findings[B]), B);
  });
  std::vector<Finding> Sorted;
  std::vector<std::string> SortedFingerprints;
  for (size_t Index : Order) {
    if (!Sorted.empty() && sortKey(Sorted.back()) == sortKey(Findings[Index])) {
      // The same finding from two reports with other fingerprints: their
      // ranks were computed over different sets (identical lines of a
      // header seen by TUs of different shards).
      if (Carried)
        Carried = SortedFingerprints.back() == Report.Fingerprints[Index];
      continue;
    }
    Sorted.push_back(std::move(Findings[Index]));
    if (Carried)
      SortedFingerprints.push_back(Report.Fingerprints[Index]);
  }
  Findings = std::move(Sorted);
  // Carried fingerprints must still identify one finding each; if they do
  // not, they are computed again over the whole set, which depends on the
  // set only, not on the order of the reports.
  if (Carried) {
    llvm::StringSet<> Seen;
    for (const std::string &Fingerprint : SortedFingerprints)
      Carried &= Seen.insert(Fingerprint).second;
  }
  Report.Fingerprints =
      Carried ? std::move(SortedFingerprints) : fingerprints(Findings);
  // Keep only the digests of files a remaining fix edits.
  FileDigests Used;
  for (const Finding &F : Findings)
    for (const Replacement &R : F.Fix)
      if (auto It = Report.Digests.find(R.File); It != Report.Digests.end())
        Used.insert(*It);
  Report.Digests = std::move(Used);
}

/// Adds the counts of a shard's run; shards run side by side, so the
/// merged run took as long as the slowest.
static void addRunStats(std::optional<RunStats> &Total, const RunStats &Run) {
  if (!Total)
    Total.emplace();
  Total->Units += Run.Units;
  Total->Analyzed += Run.Analyzed;
  Total->Cached += Run.Cached;
  Total->Skipped += Run.Skipped;
  Total->WholeProgram |= Run.WholeProgram;
  Total->Seconds = std::max(Total->Seconds, Run.Seconds);
}

ReportInput mergeReports(std::vector<ReportInput> Reports) {
  ReportInput Merged;
  bool AllCarryFingerprints = true;
  for (ReportInput &Report : Reports) {
    if (Merged.ToolVersion.empty())
      Merged.ToolVersion = Report.ToolVersion;
    AllCarryFingerprints &=
        Report.Fingerprints.size() == Report.Findings.size();
    std::move(Report.Findings.begin(), Report.Findings.end(),
              std::back_inserter(Merged.Findings));
    std::move(Report.Fingerprints.begin(), Report.Fingerprints.end(),
              std::back_inserter(Merged.Fingerprints));
    Merged.Digests.insert(Report.Digests.begin(), Report.Digests.end());
    if (Report.Run)
      addRunStats(Merged.Run, *Report.Run);
  }
  if (!AllCarryFingerprints)
    Merged.Fingerprints.clear();
  canonicalize(Merged);
  return Merged;
}

std::vector<Finding> settledFindings(ReportInput &Report,
                                     const std::vector<bool> &AnalyzedAgain) {
  // A finding in a header is produced by every unit that includes it: it
  // stays if any of them keeps its result.
  std::vector<bool> Claimed(Report.Findings.size(), false);
  std::vector<bool> Settled(Report.Findings.size(), false);
  if (Report.WholeProgram)
    for (size_t U = 0;
         U < Report.WholeProgram->Units.size() && U < AnalyzedAgain.size(); ++U)
      for (size_t Index : Report.WholeProgram->Units[U].Findings) {
        Claimed[Index] = true;
        Settled[Index] = Settled[Index] || !AnalyzedAgain[U];
      }
  std::vector<Finding> Kept;
  for (size_t I = 0; I < Report.Findings.size(); ++I)
    if (!Claimed[I] || Settled[I])
      Kept.push_back(std::move(Report.Findings[I]));
  return Kept;
}

/// One clang-style diagnostic: the location line, then the source line with
/// a caret under the column.
static void writeDiagnostic(llvm::raw_ostream &OS, llvm::StringRef File,
                            unsigned Line, unsigned Column,
                            llvm::StringRef Level, llvm::StringRef Message,
                            llvm::StringRef LineText) {
  OS << File << ":" << Line << ":" << Column << ": " << Level << ": " << Message
     << "\n";
  if (LineText.empty())
    return;
  OS << llvm::format("%5u | ", Line) << LineText << "\n      | ";
  // The caret goes under the column; tabs stay tabs so that it lines up
  // however the terminal expands them.
  // One space per character: UTF-8 continuation bytes take no column.
  for (size_t I = 0; I + 1 < Column && I < LineText.size(); ++I)
    if ((LineText[I] & 0xC0) != 0x80)
      OS << (LineText[I] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

std::string writeText(const ReportInput &Report) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (const Finding &F : Report.Findings) {
    writeDiagnostic(OS, F.File, F.Line, F.Column, severityName(F.Level),
                    F.Message + " [" + F.Check + "]", F.LineText);
    for (const Note &N : F.Notes)
      writeDiagnostic(OS, N.File, N.Line, N.Column, "note", N.Message,
                      N.LineText);
  }
  return Text;
}

std::string writeJson(const ReportInput &Report) {
  json Findings = json::array();
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    json Entry = {{"check", F.Check},
                  {"severity", severityName(F.Level).str()},
                  {"cwe", checkInfo(F.Check).Cwes},
                  {"file", F.File},
                  {"line", F.Line},
                  {"column", F.Column},
                  {"message", F.Message},
                  {"snippet", F.LineText},
                  {"fingerprint", I < Report.Fingerprints.size()
                                      ? Report.Fingerprints[I]
                                      : std::string()}};
    if (!F.Fix.empty())
      Entry["fix"] = fixToJson(F.Fix);
    if (!F.Notes.empty())
      Entry["notes"] = notesToJson(F.Notes);
    Findings.push_back(std::move(Entry));
  }
  json Document = {{"tool", "prodready"},
                   {"version", Report.ToolVersion},
                   {"schemaVersion", 1},
                   {"findings", std::move(Findings)},
                   {"files", digestsToJson(Report.Digests)}};
  if (Report.Run)
    Document["run"] = {{"units", Report.Run->Units},
                       {"analyzed", Report.Run->Analyzed},
                       {"cached", Report.Run->Cached},
                       {"skipped", Report.Run->Skipped},
                       {"wholeProgram", Report.Run->WholeProgram},
                       {"seconds", std::round(Report.Run->Seconds * 10) / 10}};
  if (Report.WholeProgram) {
    json Units = json::array();
    for (const UnitRecord &Unit : Report.WholeProgram->Units)
      Units.push_back({{"file", Unit.File},
                       {"summaries", json::parse(Unit.Summaries)},
                       {"findings", Unit.Findings}});
    Document["wholeProgram"] = {{"shard", Report.WholeProgram->Shard},
                                {"settings", Report.WholeProgram->Settings},
                                {"units", std::move(Units)}};
  }
  return dumpJson(Document);
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
    auto [It, Inserted] = RuleIndex.try_emplace(F.Check, Rules.size());
    if (Inserted)
      Rules.push_back(sarifRule(checkInfo(F.Check)));
    Results.push_back(sarifResult(
        F, I < Report.Fingerprints.size() ? Report.Fingerprints[I] : "",
        It->second));
  }
  json Run = {{"tool",
               {{"driver",
                 {{"name", "prodready"},
                  {"version", Report.ToolVersion},
                  {"informationUri", InformationUri},
                  {"rules", std::move(Rules)}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(Results)}};
  if (!Report.Digests.empty()) {
    json Artifacts = json::array();
    for (const auto &[Path, Digest] : Report.Digests)
      Artifacts.push_back({{"location", artifactLocation(Path)},
                           {"hashes", {{"sha-256", Digest}}}});
    Run["artifacts"] = std::move(Artifacts);
  }
  json Document = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::array({std::move(Run)})}};
  return dumpJson(Document);
}

std::string writeCodeClimate(const ReportInput &Report) {
  json Issues = json::array();
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    Issues.push_back(
        {{"type", "issue"},
         {"check_name", F.Check},
         {"description", F.Message},
         {"categories", json::array({"Bug Risk"})},
         {"severity", F.Level == Severity::Error     ? "critical"
                      : F.Level == Severity::Warning ? "major"
                                                     : "info"},
         {"fingerprint", I < Report.Fingerprints.size() ? Report.Fingerprints[I]
                                                        : std::string()},
         {"location", {{"path", F.File}, {"lines", {{"begin", F.Line}}}}}});
  }
  return dumpJson(Issues);
}

llvm::Expected<std::pair<ReportInput, ReportFormat>>
readReport(llvm::StringRef Text, llvm::StringRef Name) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Name + ": " + Why);
  };
  json Document = json::parse(Text.begin(), Text.end(), nullptr,
                              /*allow_exceptions=*/false);
  if (Document.is_discarded())
    return Fail("not valid JSON");
  try {
    if (Document.is_object() && Document.contains("runs"))
      return std::make_pair(readSarifReport(Document), ReportFormat::Sarif);
    if (Document.is_object() && Document.value("tool", "") == "prodready" &&
        Document.contains("findings"))
      return std::make_pair(readJsonReport(Document), ReportFormat::Json);
  } catch (const json::exception &E) {
    return Fail(llvm::Twine("malformed report (") + E.what() + ")");
  }
  return Fail("not a prodready JSON or SARIF report");
}

std::string writeSummary(const ReportInput &Report, const RunSummary &Run) {
  std::map<std::string, unsigned> ByCheck, BySeverity, ByCwe;
  for (const Finding &F : Report.Findings) {
    ++ByCheck[F.Check];
    ++BySeverity[severityName(F.Level).str()];
    for (const std::string &Cwe : checkInfo(F.Check).Cwes)
      ++ByCwe[Cwe];
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "prodready: " << Report.Findings.size()
     << (Report.Findings.size() == 1 ? " finding" : " findings") << " in "
     << Run.FilesAnalyzed << (Run.FilesAnalyzed == 1 ? " file" : " files");
  if (Run.FilesFromCache)
    OS << " (" << Run.FilesFromCache << " from the cache)";
  if (Run.FilesExcluded)
    OS << " (" << Run.FilesExcluded << " excluded)";
  OS << llvm::format(", %.1f s\n", Run.Seconds);
  if (Run.FilesSkipped)
    OS << "  analyzed " << Run.FilesAnalyzed - Run.FilesSkipped - Run.FilesFromCache
       << " of " << Run.FilesAnalyzed << " translation units, "
       << Run.FilesSkipped << " skipped (not affected by the diff)\n";
  auto Counts = [&](llvm::StringRef Title,
                    const std::map<std::string, unsigned> &Map) {
    if (Map.empty())
      return;
    // Most frequent first; ties by name, for a stable summary.
    std::vector<std::pair<std::string, unsigned>> Sorted(Map.begin(),
                                                         Map.end());
    std::sort(Sorted.begin(), Sorted.end(), [](const auto &A, const auto &B) {
      return std::tie(B.second, A.first) < std::tie(A.second, B.first);
    });
    OS << "  " << Title << ":";
    llvm::StringRef Separator = " ";
    for (const auto &[Name, Count] : Sorted) {
      OS << Separator << Name << " " << Count;
      Separator = ", ";
    }
    OS << "\n";
  };
  Counts("by check", ByCheck);
  Counts("by severity", BySeverity);
  Counts("by CWE", ByCwe);
  std::vector<std::pair<std::string, double>> Slowest = Run.FileSeconds;
  std::sort(Slowest.begin(), Slowest.end(), [](const auto &A, const auto &B) {
    return std::tie(B.second, A.first) < std::tie(A.second, B.first);
  });
  if (Slowest.size() > 5)
    Slowest.resize(5);
  if (!Slowest.empty()) {
    OS << "  slowest files:";
    llvm::StringRef Separator = " ";
    for (const auto &[Path, Seconds] : Slowest) {
      OS << Separator << Path << llvm::format(" %.1f s", Seconds);
      Separator = ", ";
    }
    OS << "\n";
  }
  return Text;
}

} // namespace prodready::driver
