//===--- WholeProgram.h - prodready driver ---------------------*- C++ -*-===//
//
// `prodready check --whole-program`: after every translation unit was
// analyzed once (and its function summaries computed), link the summaries
// by function and analyze again, with them, the units that call a function
// another unit defines; their new summaries may change what other units
// see, so this repeats until no summary changes (a fixpoint over the
// program's call graph: summaries only grow), or a cap of rounds.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_WHOLEPROGRAM_H
#define PRODREADY_DRIVER_WHOLEPROGRAM_H

#include "TidyRunner.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace prodready::driver {

/// The file the checks read the linked summaries from (their
/// WholeProgramSummaries option). It is written when the first unit is
/// analyzed under a version of the summaries, not when the version is
/// linked: in a warm run every unit comes from the cache, and serializing
/// the program's summaries for nobody was a third of what --whole-program
/// added to it.
class LinkedSummariesFile {
public:
  explicit LinkedSummariesFile(std::string Path) : Path(std::move(Path)) {}
  const std::string &path() const { return Path; }
  /// The summaries that the analyses from now on read.
  void update(std::shared_ptr<const clang::tidy::prodready::ProgramSummaries>
                  Summaries);
  /// Writes the current summaries unless they are written already; called
  /// by the analysis threads before they parse a unit.
  void ensureWritten();
  /// Whether a write failed (the analyses then missed the summaries).
  bool failed() const;

private:
  mutable std::mutex Mutex;
  std::string Path;
  std::shared_ptr<const clang::tidy::prodready::ProgramSummaries> Unwritten;
  bool Failed = false;
};

struct WholeProgramOutcome {
  unsigned Rounds = 1;      ///< Analysis rounds, the first included.
  unsigned Reanalyzed = 0;  ///< Analyses after the first round.
  size_t Functions = 0;     ///< Functions with a summary.
  bool Converged = true;    ///< False when the cap stopped it.
  /// The program's summaries after the last round.
  std::shared_ptr<const clang::tidy::prodready::ProgramSummaries> Linked;
};

/// A digest of what the summaries of \p Results link to (each unit's
/// summaries text, in order) and of \p Tool (the build that links them),
/// or "" when a unit's text is not known.
std::string linkedFrom(const std::vector<TranslationUnitResult> &Results,
                       llvm::StringRef Tool);

/// The program's summaries: every unit's, joined per function, with the
/// summaries composed from the units' forwards (SummaryForwards.h).
std::shared_ptr<clang::tidy::prodready::ProgramSummaries>
linkSummaries(const std::vector<TranslationUnitResult> &Results);

/// A digest of the first round of a run with --cache: of \p Tool and of
/// each unit's file, cache key and entry (read or stored; its bytes hold
/// the hash of every file the unit read), or "" unless every unit has one.
/// The rounds after the first are a function of it: two runs with the
/// same digest link the same program and analyze the same units again
/// with the same summaries.
std::string firstRoundDigest(const std::vector<TranslationUnitResult> &Results,
                             llvm::StringRef Tool);

/// What a --whole-program run with --cache leaves of how it linked the
/// program, so that a warm run whose first round has the same digest
/// takes each unit's last analysis straight from the cache, without
/// linking the summaries or walking the rounds again.
struct LinkRecord {
  std::string FirstRound; ///< firstRoundDigest() of the run.
  unsigned Rounds = 1;
  unsigned Reanalyzed = 0;
  size_t Functions = 0;
  /// Each unit analyzed again: its file, and the cache key of its last
  /// analysis.
  std::vector<std::pair<std::string, std::string>> LastKeys;

  std::string serialize() const;
  /// Nothing when \p Text is not a record (damaged, another format).
  static std::optional<LinkRecord> parse(llvm::StringRef Text);
};

/// Links the summaries of \p Results (the first round) and analyzes again,
/// through \p AnalyzeAgain (which replaces the results of the units it is
/// given), the units that depend on changed summaries, with \p Settings
/// naming the linked summaries, which \p SummariesFile holds for the
/// analyses (they call its ensureWritten()).
WholeProgramOutcome
linkWholeProgram(std::vector<TranslationUnitResult> &Results,
                 AnalysisSettings &Settings, LinkedSummariesFile &SummariesFile,
                 llvm::function_ref<void(llvm::ArrayRef<size_t>)> AnalyzeAgain,
                 unsigned MaxRounds = 6);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_WHOLEPROGRAM_H
