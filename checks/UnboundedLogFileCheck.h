//===--- UnboundedLogFileCheck.h - prodready -------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNBOUNDEDLOGFILECHECK_H
#define PRODREADY_CHECKS_UNBOUNDEDLOGFILECHECK_H

#include "CheckOptions.h"
#include "UserCodeCheck.h"
#include "analysis/LogFileAnalysis.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::prodready {

/// Finds log files that grow without bound: spdlog basic (and daily or
/// hourly without max_files) file loggers and sinks, Boost.Log file sinks
/// without rotation or collector limits, and plain files opened for append
/// on a log path that a long-lived object keeps or a loop writes.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-log-file.md
class UnboundedLogFileCheck : public UserCodeCheck {
public:
  UnboundedLogFileCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  /// A fix planned for a finding before any is emitted, so that the
  /// `#include` goes with a certain fix when a file has one.
  struct PlannedFix {
    std::string Title;
    llvm::SmallVector<FixItHint, 3> Hints;
    /// On the warning (applied by -fix) rather than on a note.
    bool Certain = false;
    bool NeedsRotatingHeader = false;
  };

  void reportFindings(ASTContext &Ctx);
  bool isIgnored(const LogFileFinding &F, const SourceManager &SM) const;
  std::optional<PlannedFix> planFix(const LogFileFinding &F, ASTContext &Ctx);
  std::optional<PlannedFix> planSpdlogFix(const LogFileFinding &F,
                                          ASTContext &Ctx);
  std::optional<PlannedFix> planBoostFix(const LogFileFinding &F,
                                         ASTContext &Ctx);
  void report(const LogFileFinding &F, std::optional<PlannedFix> Fix);
  /// The warning, with the creation's range.
  DiagnosticBuilder warn(const LogFileFinding &F);
  DiagnosticBuilder describe(const LogFileFinding &F);
  std::string limitsText() const;
  std::string limitsTitle() const;

  const int64_t RawMaxFileSizeBytes;
  const int64_t RawMaxFiles;
  const std::string RawRotationFunctions;
  const std::string RawIgnorePaths;
  int64_t MaxFileSizeBytes;
  int64_t MaxFiles;
  FunctionNameList RotationFunctions;
  llvm::Regex IgnorePaths;
  utils::IncludeInserter Inserter;
  LogFileAnalysis Analysis;

  /// The TU's AST, kept for the editor, where findings are judged at its
  /// end (it is matched one declaration at a time).
  ASTContext *Context = nullptr;
  /// Locations reported in the editor: an instantiated template reports
  /// once per location (the command line merges them in UserCodeCheck).
  llvm::DenseSet<SourceLocation> ReportedInEditor;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNBOUNDEDLOGFILECHECK_H
