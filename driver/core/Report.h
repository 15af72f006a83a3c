//===--- Report.h - prodready driver ---------------------------*- C++ -*-===//
//
// The driver's output formats, built with nlohmann/json (never by string
// concatenation):
//   text         clang-style diagnostics with the source line and a caret
//   json         prodready's own stable schema (docs/driver.md)
//   sarif        SARIF 2.1.0, as GitHub code scanning reads it: rules with
//                help and CWE tags, fixes, partialFingerprints
//   codeclimate  GitLab's code quality report (merge request widget)
// and the readers `prodready merge` and `prodready fix` use: a JSON or
// SARIF report read back is the report that was written.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_REPORT_H
#define PRODREADY_DRIVER_CORE_REPORT_H

#include "Finding.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace prodready::driver {

/// What a `check` run analyzed: the JSON report's `run` object.
struct RunStats {
  /// Translation units selected (after --exclude and --shard).
  unsigned Units = 0;
  unsigned Analyzed = 0; ///< Parsed and checked by this run.
  unsigned Cached = 0;   ///< Findings taken from --cache.
  unsigned Skipped = 0;  ///< Not affected by the --diff change.
  bool WholeProgram = false;
  double Seconds = 0;
};

/// One translation unit of a `check --whole-program --shard K/N` run, for
/// `merge --whole-program`, which links every shard's summaries and
/// replaces the findings of the units it analyzes again.
struct UnitRecord {
  std::string File;              ///< Relative to the project root.
  std::string Summaries;         ///< Its ProgramSummaries, as JSON text.
  std::vector<size_t> Findings;  ///< Indices of the findings it produced.
};

/// The `wholeProgram` object of a whole-program shard's JSON report.
struct WholeProgramShard {
  std::string Shard;    ///< "K/N", so that merge sees a missing shard.
  std::string Settings; ///< The analysis options, as merge must repeat them.
  std::vector<UnitRecord> Units;
};

struct ReportInput {
  std::vector<Finding> Findings;
  std::vector<std::string> Fingerprints; ///< One per finding.
  /// Digests of the files the fixes edit (paths as in the findings).
  FileDigests Digests;
  std::string ToolVersion;
  /// Set by `check` (and summed by `merge`); per-TU reports have none.
  std::optional<RunStats> Run;
  /// Only in the JSON report of a whole-program shard (`wholeProgram`,
  /// present even when the shard has no unit); merging drops it.
  std::optional<WholeProgramShard> WholeProgram;
};

/// Puts \p Report in its canonical form: findings sorted by file, line,
/// column, check and message, duplicates dropped (a header's finding is
/// reported by every translation unit that includes it), fingerprints
/// computed. Two runs over the same code give byte-identical reports, and
/// so does merging the reports of shards.
void canonicalize(ReportInput &Report);

/// Combines the reports of shards into one canonical report.
ReportInput mergeReports(std::vector<ReportInput> Reports);

/// `merge --whole-program`: the findings of a whole-program shard's
/// \p Report that stay, moved out of it: those a unit not analyzed again
/// produced (\p AnalyzedAgain: one flag per unit record), and those no
/// unit claims. The units analyzed again bring their findings anew.
std::vector<Finding> settledFindings(ReportInput &Report,
                                     const std::vector<bool> &AnalyzedAgain);


std::string writeText(const ReportInput &Report);
std::string writeJson(const ReportInput &Report);
std::string writeSarif(const ReportInput &Report);
std::string writeCodeClimate(const ReportInput &Report);

enum class ReportFormat { Json, Sarif };

/// Reads a report written by writeJson or writeSarif (the format is
/// recognised from the content); \p Name is used in errors.
llvm::Expected<std::pair<ReportInput, ReportFormat>>
readReport(llvm::StringRef Text, llvm::StringRef Name);

/// What the summary at the end of a run says.
struct RunSummary {
  unsigned FilesAnalyzed = 0;
  unsigned FilesFromCache = 0;
  /// Translation units left out by --exclude / .prodready.yaml.
  unsigned FilesExcluded = 0;
  /// Translation units --diff did not analyze: none of their files changed.
  unsigned FilesSkipped = 0;
  double Seconds = 0;
  /// Per translation unit: (path, seconds), any order.
  std::vector<std::pair<std::string, double>> FileSeconds;
};

/// Counts per check, per severity and per CWE, and the slowest files.
std::string writeSummary(const ReportInput &Report, const RunSummary &Run);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_REPORT_H
