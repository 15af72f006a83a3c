//===--- TidyRunner.h - prodready driver -----------------------*- C++ -*-===//
//
// Runs clang-tidy's engine - the prodready checks and every other module
// linked into the driver - on one translation unit, and turns its
// diagnostics into the driver's findings. Each call owns its context,
// diagnostics engine and file system (whose working directory is its own,
// not the process's), so translation units run on several threads at once.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_TIDYRUNNER_H
#define PRODREADY_DRIVER_TIDYRUNNER_H

#include "Report.h"
#include "ResultCache.h"
#include "analysis/ProgramSummaries.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <mutex>
#include <string>
#include <vector>

namespace prodready::driver {

/// Errors found in .clang-tidy files while options are read: the provider
/// records them instead of printing and going on, so that the driver can
/// stop with exit 2 before it analyzes anything.
class ConfigErrorLog {
public:
  void add(std::string Message);
  std::vector<std::string> take();

private:
  std::mutex Mutex;
  std::vector<std::string> Messages;
};

struct AnalysisSettings {
  /// Files under it have their content kept for findings and fixes.
  std::string ProjectRoot;
  /// Clang's resource directory (builtin headers) of the LLVM the driver
  /// was built with, used when the command does not name one.
  std::string ResourceDir;
  bool FixNotes = false;
  bool AllowPlugins = false;
  /// --whole-program: also compute each unit's function summaries, with
  /// these summaries of the other units for its calls (none in the first
  /// round).
  bool ExportSummaries = false;
  std::shared_ptr<const clang::tidy::prodready::ProgramSummaries>
      KnownSummaries;
  clang::tidy::ClangTidyGlobalOptions GlobalOptions;
  clang::tidy::ClangTidyOptions DefaultOptions;
  clang::tidy::ClangTidyOptions OverrideOptions;
};

/// The options provider the driver uses everywhere: .clang-tidy files as
/// clang-tidy reads them, over \p Settings' defaults. Parse errors go to
/// \p Errors.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const AnalysisSettings &Settings, ConfigErrorLog &Errors);

/// The messages of the checks \p Options enables about the option values
/// they read (an integer option set to "abc", a value out of range):
/// clang-tidy reports them as warnings on every file; the driver refuses
/// to start.
std::vector<std::string>
optionValueProblems(const clang::tidy::ClangTidyOptions &Options);

/// The files a cache entry is stored relative to, and their digest.
struct DependencyBase {
  std::vector<Dependency> Dependencies;
  std::string Digest; ///< ResultCache::dependencyDigest(Dependencies).
};

struct TranslationUnitResult {
  std::string File; ///< Absolute.
  /// Findings and digests with absolute paths.
  ReportInput Report;
  /// Every file the translation unit read, for the cache.
  std::vector<Dependency> Dependencies;
  /// With --whole-program, in the rounds after the first: the
  /// Dependencies of the unit's first-round result (validated in this
  /// run), which the cache entries of all its later analyses are stored
  /// relative to (Dependencies then lists only the others).
  std::shared_ptr<const DependencyBase> FirstRound;
  /// With --cache: the key of the entry this result was stored under or
  /// read from, and (when read) a hash of the entry's bytes.
  std::string CacheKey;
  std::string EntryDigest;
  /// Plugin flags removed from the command (empty with --allow-plugins).
  std::vector<std::string> RemovedFlags;
  double Seconds = 0;
  bool FromCache = false;
  /// Not analyzed: --diff changed none of the files it reads.
  bool Skipped = false;
  /// With AnalysisSettings::ExportSummaries: its functions' summaries and
  /// the functions of other units it calls. Read from the cache, they are
  /// parsed only when needed (parseSummaries()): a warm run that reuses
  /// the last link does not need them.
  std::shared_ptr<clang::tidy::prodready::ProgramSummaries> Summaries;
  /// With --cache: Summaries as the cache entry holds them, so that a warm
  /// --whole-program run can tell that the program links to what it linked
  /// last time without serializing it ("" when not known).
  std::string SummariesText;

  /// Parses SummariesText into Summaries if that is not done; false when
  /// the text is damaged.
  bool parseSummaries();
};

TranslationUnitResult
analyzeTranslationUnit(const clang::tooling::CompilationDatabase &Database,
                       llvm::StringRef File, const AnalysisSettings &Settings);

/// The compile commands of \p File as the analysis runs them: plugin flags
/// removed unless allowed, default configuration files off, the resource
/// directory added.
std::vector<clang::tooling::CompileCommand>
effectiveCommands(const clang::tooling::CompilationDatabase &Database,
                  llvm::StringRef File, const AnalysisSettings &Settings,
                  std::vector<std::string> *RemovedFlags = nullptr);

/// The compile command of \p File as the analysis sees it (plugin flags
/// removed unless allowed, resource directory added), one directory and
/// command line per compile command: for the cache key.
std::vector<std::string>
effectiveCommand(const clang::tooling::CompilationDatabase &Database,
                 llvm::StringRef File, const AnalysisSettings &Settings,
                 std::vector<std::string> *RemovedFlags = nullptr);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_TIDYRUNNER_H
