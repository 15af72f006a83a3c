//===--- WholeProgram.cpp - prodready driver ------------------------------===//

#include "WholeProgram.h"
#include "FixApplier.h"
#include "JsonText.h"
#include <set>

namespace prodready::driver {

using clang::tidy::prodready::ProgramSummaries;

std::shared_ptr<ProgramSummaries>
linkSummaries(const std::vector<TranslationUnitResult> &Results) {
  auto Linked = std::make_shared<ProgramSummaries>();
  for (const TranslationUnitResult &Result : Results)
    if (Result.Summaries)
      Linked->merge(*Result.Summaries);
  Linked->composeForwards();
  // Composed, they are summaries like the others; the files the checks
  // and the editor read need nothing else of them.
  Linked->Forwards.clear();
  return Linked;
}

std::string firstRoundDigest(const std::vector<TranslationUnitResult> &Results,
                             llvm::StringRef Tool) {
  std::vector<std::string> Parts = {"first-round", Tool.str()};
  Parts.reserve(2 + 3 * Results.size());
  for (const TranslationUnitResult &Result : Results) {
    if (Result.EntryDigest.empty())
      return "";
    Parts.push_back(Result.File);
    Parts.push_back(Result.CacheKey);
    Parts.push_back(Result.EntryDigest);
  }
  return ResultCache::key(Parts);
}

namespace {

/// Bumped when the record's format or meaning changes.
constexpr int LinkRecordFormat = 1;

} // namespace

std::string LinkRecord::serialize() const {
  nlohmann::json Last = nlohmann::json::array();
  for (const auto &[File, Key] : LastKeys)
    Last.push_back({File, Key});
  return dumpJson({{"format", LinkRecordFormat},
                   {"firstRound", FirstRound},
                   {"rounds", Rounds},
                   {"reanalyzed", Reanalyzed},
                   {"functions", Functions},
                   {"lastKeys", std::move(Last)}});
}

std::optional<LinkRecord> LinkRecord::parse(llvm::StringRef Text) {
  nlohmann::json Json = nlohmann::json::parse(Text.begin(), Text.end(), nullptr,
                                              /*allow_exceptions=*/false);
  try {
    if (!Json.is_object() || Json.at("format") != LinkRecordFormat)
      return std::nullopt;
    LinkRecord Record;
    Record.FirstRound = Json.at("firstRound").get<std::string>();
    Record.Rounds = Json.at("rounds").get<unsigned>();
    Record.Reanalyzed = Json.at("reanalyzed").get<unsigned>();
    Record.Functions = Json.at("functions").get<size_t>();
    for (const nlohmann::json &Unit : Json.at("lastKeys"))
      Record.LastKeys.emplace_back(Unit.at(0).get<std::string>(),
                                   Unit.at(1).get<std::string>());
    return Record;
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
}

namespace {

/// The functions whose summary differs between \p Before and \p After.
std::set<std::string> changedFunctions(const ProgramSummaries *Before,
                                       const ProgramSummaries &After) {
  std::set<std::string> Changed;
  for (const auto &Function : After.functions()) {
    const ProgramSummaries::Entry *Old =
        Before ? Before->find(Function.getKey()) : nullptr;
    // A changed path changes only the notes of the callers' findings, but
    // those too must be the program's.
    if (!Old || Old->Summary != Function.getValue().Summary ||
        Old->Path != Function.getValue().Path)
      Changed.insert(Function.getKey().str());
  }
  return Changed;
}

} // namespace

std::string linkedFrom(const std::vector<TranslationUnitResult> &Results,
                       llvm::StringRef Tool) {
  std::vector<std::string> Parts = {Tool.str()};
  for (const TranslationUnitResult &Result : Results) {
    if (Result.Summaries && Result.SummariesText.empty())
      return "";
    Parts.push_back(Result.File);
    Parts.push_back(Result.SummariesText);
  }
  return ResultCache::key(Parts);
}

void LinkedSummariesFile::update(
    std::shared_ptr<const ProgramSummaries> Summaries) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Unwritten = std::move(Summaries);
}

void LinkedSummariesFile::ensureWritten() {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (!Unwritten)
    return;
  if (llvm::Error E = writeFileAtomically(Path, Unwritten->serialize())) {
    llvm::consumeError(std::move(E));
    Failed = true;
  }
  Unwritten.reset();
}

bool LinkedSummariesFile::failed() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Failed;
}

WholeProgramOutcome
linkWholeProgram(std::vector<TranslationUnitResult> &Results,
                 AnalysisSettings &Settings, LinkedSummariesFile &SummariesFile,
                 llvm::function_ref<void(llvm::ArrayRef<size_t>)> AnalyzeAgain,
                 unsigned MaxRounds) {
  WholeProgramOutcome Outcome;
  std::shared_ptr<ProgramSummaries> Linked = linkSummaries(Results);
  std::set<std::string> Changed = changedFunctions(nullptr, *Linked);
  Settings.OverrideOptions.CheckOptions["WholeProgramSummaries"] =
      clang::tidy::ClangTidyOptions::ClangTidyValue(SummariesFile.path());
  while (!Changed.empty()) {
    // The units that call a function whose summary they have not seen.
    std::vector<size_t> Dependent;
    for (size_t I = 0; I < Results.size(); ++I)
      if (const auto &Summaries = Results[I].Summaries)
        if (llvm::any_of(Summaries->Calls, [&](const std::string &Usr) {
              return Changed.count(Usr);
            }))
          Dependent.push_back(I);
    if (Dependent.empty())
      break;
    if (Outcome.Rounds == MaxRounds) {
      Outcome.Converged = false;
      break;
    }
    SummariesFile.update(Linked);
    Settings.KnownSummaries = Linked;
    AnalyzeAgain(Dependent);
    ++Outcome.Rounds;
    Outcome.Reanalyzed += Dependent.size();
    if (SummariesFile.failed()) {
      Outcome.Converged = false;
      break;
    }
    std::shared_ptr<ProgramSummaries> Relinked = linkSummaries(Results);
    Changed = changedFunctions(Linked.get(), *Relinked);
    Linked = std::move(Relinked);
  }
  Outcome.Functions = Linked->size();
  Outcome.Linked = std::move(Linked);
  return Outcome;
}

} // namespace prodready::driver
