//===--- ProdreadyMain.cpp - prodready driver -----------------------------===//
//
// The `prodready` command line (docs/driver.md):
//
//   prodready check -p BUILD_DIR [options] [PATHS...]
//   prodready merge [--format FORMAT] [-o FILE] REPORT...
//   prodready merge --whole-program -p BUILD_DIR [-o FILE] SHARD_REPORT...
//   prodready fix REPORT
//
// `check` runs the prodready checks, and the other clang-tidy checks the
// project's .clang-tidy files enable, over a compilation database in
// parallel, and reports in the formats CI systems read. Exit status: 0
// clean, 1 findings at or above --fail-on remain, 2 usage, configuration or
// database errors (nothing is written then).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ChangeImpact.h"
#include "CheckMetadata.h"
#include "ConfigValidator.h"
#include "DependencyScan.h"
#include "FixApplier.h"
#include "HelperHeaders.h"
#include "PathFilter.h"
#include "Paths.h"
#include "Report.h"
#include "ResultCache.h"
#include "Shard.h"
#include "TidyRunner.h"
#include "UnifiedDiff.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::tidy;
using namespace ::prodready::driver;
using clang::tidy::prodready::ProgramSummaries;

namespace clang::tidy {
// Keeps the statically linked prodready module's registration.
extern volatile int ProdreadyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED ProdreadyModuleAnchorDestination =
    ProdreadyModuleAnchorSource;
} // namespace clang::tidy

namespace {

constexpr const char *ToolVersion = "0.1.0";

llvm::cl::OptionCategory Category("prodready options");
llvm::cl::opt<std::string> Command(llvm::cl::Positional, llvm::cl::Required,
                                   llvm::cl::desc("<check|merge|fix>"),
                                   llvm::cl::cat(Category));
llvm::cl::list<std::string> Inputs(llvm::cl::Positional,
                                   llvm::cl::desc("[paths... | reports...]"),
                                   llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    BuildDir("p", llvm::cl::desc("Build directory with compile_commands.json"),
             llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    Format("format",
           llvm::cl::desc("text, json, sarif or codeclimate (check and merge)"),
           llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    Output("o", llvm::cl::desc("Write the report to this file (atomically)"),
           llvm::cl::value_desc("file"), llvm::cl::cat(Category));
llvm::cl::opt<unsigned>
    Jobs("j",
         llvm::cl::desc("Translation units analyzed at once (default: "
                        "all cores)"),
         llvm::cl::init(0), llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    ChecksOverride("checks",
                   llvm::cl::desc("Check globs, applied over the .clang-tidy "
                                  "files (as clang-tidy's --checks)"),
                   llvm::cl::cat(Category));
llvm::cl::list<std::string> CheckOptionOverrides(
    "check-option",
    llvm::cl::desc("A check option, NAME=VALUE, applied over the .clang-tidy "
                   "files (repeatable), e.g. prodready-missing-retry."
                   "BestEffortFunctions=::cache::fetch"),
    llvm::cl::value_desc("name=value"), llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    DiffBase("diff",
             llvm::cl::desc("Report only lines changed since this git ref "
                            "('-': read a unified diff from stdin)"),
             llvm::cl::value_desc("ref"), llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    BaselineFile("baseline",
                 llvm::cl::desc("Report only findings not in this baseline"),
                 llvm::cl::value_desc("file"), llvm::cl::cat(Category));
llvm::cl::opt<bool>
    WriteBaseline("write-baseline",
                  llvm::cl::desc("Record the current findings in --baseline"),
                  llvm::cl::cat(Category));
llvm::cl::opt<bool> Fix("fix", llvm::cl::desc("Apply the fix-its"),
                        llvm::cl::cat(Category));
llvm::cl::opt<bool>
    FixNotes("fix-notes",
             llvm::cl::desc("Also apply a fix found in a warning's note "
                            "(implies --fix)"),
             llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    FailOn("fail-on",
           llvm::cl::desc("Exit 1 when findings at or above this severity "
                          "remain: note, warning, error or never"),
           llvm::cl::init("never"), llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    ShardSpecText("shard", llvm::cl::desc("Analyze only shard K of N (K/N)"),
                  llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    CacheDir("cache",
             llvm::cl::desc("Reuse results of unchanged translation "
                            "units from this directory"),
             llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
llvm::cl::opt<bool> WholeProgram(
    "whole-program",
    llvm::cl::desc("Link the function summaries of all translation units and "
                   "analyze again, with them, the units that call functions "
                   "of other units (docs/driver.md)"),
    llvm::cl::cat(Category));
llvm::cl::opt<bool> AllowPlugins(
    "allow-plugins",
    llvm::cl::desc("Keep compiler flags that load plugins (-fplugin=, "
                   "-Xclang -load, ...) in the compile commands"),
    llvm::cl::cat(Category));
llvm::cl::list<std::string> Exclude(
    "exclude",
    llvm::cl::desc("Neither analyze nor report files whose path relative to "
                   "the project root matches this regular expression "
                   "(repeatable; also 'exclude:' in .prodready.yaml)"),
    llvm::cl::value_desc("regex"), llvm::cl::cat(Category));
llvm::cl::opt<bool> Quiet("quiet", llvm::cl::desc("No progress and no summary"),
                          llvm::cl::cat(Category));

[[noreturn]] void fail(const llvm::Twine &Message) {
  llvm::errs() << "prodready: error: " << Message << "\n";
  std::exit(2);
}

void warn(const llvm::Twine &Message) {
  llvm::errs() << "prodready: warning: " << Message << "\n";
}

/// "1 translation unit", "3 translation units".
std::string plural(size_t Count, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(Count) + " " + (Count == 1 ? One : Many).str();
}

template <typename T> T orFail(llvm::Expected<T> Value) {
  if (!Value)
    fail(llvm::toString(Value.takeError()));
  return std::move(*Value);
}

std::string currentDirectory() {
  llvm::SmallString<256> Directory;
  if (llvm::sys::fs::current_path(Directory))
    fail("cannot read the current directory");
  return std::string(Directory);
}

std::string absoluteNormalized(llvm::StringRef Path) {
  return normalizePath(Path, currentDirectory());
}

/// Writes a report to -o (atomically) or stdout.
void emit(const std::string &Text) {
  if (Output.empty()) {
    llvm::outs() << Text;
    return;
  }
  if (llvm::Error E = writeFileAtomically(Output, Text))
    fail("cannot write '" + Output + "': " + llvm::toString(std::move(E)));
}

void reportFixOutcome(const FixOutcome &Outcome) {
  for (const std::string &Refusal : Outcome.Refusals)
    warn(Refusal);
  for (const std::string &Header : Outcome.HeadersWritten)
    llvm::errs() << "prodready: wrote helper header " << Header << "\n";
  llvm::errs() << "prodready: applied " << Outcome.appliedCount()
               << " fixes to " << Outcome.FilesWritten.size() << " files\n";
}

std::string readFileOrFail(llvm::StringRef Path, llvm::StringRef What) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    fail("cannot read " + What + " '" + Path +
         "': " + Buffer.getError().message());
  return (*Buffer)->getBuffer().str();
}

//===----------------------------------------------------------------------===//
// Configuration checks: everything that would make the run wrong is found
// before anything is analyzed or written.
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// Progress
//===----------------------------------------------------------------------===//

/// A progress bar on a terminal, one line per translation unit otherwise
/// (CI logs); nothing with --quiet.
class Progress {
public:
  Progress(size_t Total, bool Enabled)
      : Total(Total), Enabled(Enabled),
        Terminal(llvm::sys::Process::StandardErrIsDisplayed()) {}

  void done(llvm::StringRef Path, const TranslationUnitResult &Result) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    std::string Counter =
        "[" + std::to_string(Done) + "/" + std::to_string(Total) + "]";
    if (!Terminal) {
      llvm::errs() << "prodready: " << Counter << " " << Path
                   << (Result.FromCache ? " (cached)"
                       : Result.Skipped
                           ? " (skipped: not affected by the diff)"
                           : llvm::formatv(" ({0:f1} s)", Result.Seconds).str())
                   << "\n";
      return;
    }
    constexpr unsigned BarWidth = 24;
    unsigned Filled = Total ? BarWidth * Done / Total : BarWidth;
    std::string Line = "[" + std::string(Filled, '#') +
                       std::string(BarWidth - Filled, '.') + "] " +
                       Counter.substr(1, Counter.size() - 2) + " " + Path.str();
    unsigned Width = llvm::sys::Process::StandardErrColumns();
    if (Width > 1 && Line.size() >= Width)
      Line.resize(Width - 1);
    llvm::errs() << "\r" << Line << "\x1b[K";
    llvm::errs().flush();
  }

  void finish() {
    if (Enabled && Terminal && Done)
      llvm::errs() << "\r\x1b[K";
  }

private:
  size_t Total, Done = 0;
  bool Enabled, Terminal;
  std::mutex Mutex;
};

//===----------------------------------------------------------------------===//
// check
//===----------------------------------------------------------------------===//

struct CheckRun {
  std::unique_ptr<tooling::CompilationDatabase> Database;
  std::string Root;
  /// Root with symlinks resolved: the database may name files by their
  /// real paths while the driver runs in a directory reached by a link.
  std::string RealRoot;
  std::vector<std::string> Files; ///< Absolute, sorted.
  AnalysisSettings Settings;
  std::map<std::string, std::string> ConfigText; ///< Per file.
  std::unique_ptr<ResultCache> Cache;
  std::string BuildIdentity;
  /// Vendored files: neither analyzed nor reported.
  PathFilter Excluded;
  size_t ExcludedUnits = 0;
  /// --diff: the changed files; units that read none are not analyzed.
  std::optional<ChangedFiles> Changed;
  /// --whole-program, after the first round: the linked summaries that a
  /// unit's analysis reads.
  LinkedSummariesFile *Linked = nullptr;
  /// Analyze without looking entries up (they are damaged), storing anew.
  bool IgnoreEntries = false;
};

/// The compile flags after `--` on the command line (as clang-tidy's
/// `file.cpp -- -Iinclude`): one command for every file named, in place of
/// a compilation database. Build systems that know each file's flags (a
/// Bazel aspect) run the driver this way, one file per action.
std::unique_ptr<tooling::CompilationDatabase> CommandLineDatabase;

std::unique_ptr<tooling::CompilationDatabase> loadDatabase() {
  if (CommandLineDatabase) {
    if (!BuildDir.empty())
      fail("give either -p BUILD_DIR or compile flags after '--', not both");
    return std::move(CommandLineDatabase);
  }
  if (BuildDir.empty())
    fail("'check' needs -p BUILD_DIR (the directory of compile_commands.json) "
         "or FILE... -- COMPILE_FLAGS");
  // Exactly BUILD_DIR/compile_commands.json: not a database found by
  // searching the parent directories, which would analyze something else.
  llvm::SmallString<256> Path(BuildDir);
  llvm::sys::path::append(Path, "compile_commands.json");
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> Database =
      tooling::JSONCompilationDatabase::loadFromFile(
          Path, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    fail("cannot load '" + Path +
         "': " + llvm::StringRef(Error).split('\n').first);
  // @response files are expanded here, so that the flags in them are
  // seen (and plugin flags removed) like any other.
  return tooling::expandResponseFiles(std::move(Database),
                                      llvm::vfs::getRealFileSystem());
}

/// --exclude and the root's .prodready.yaml.
PathFilter loadExcludes(const std::string &Root) {
  PathFilter Filter = orFail(PathFilter::create(Exclude, "--exclude"));
  llvm::SmallString<256> ConfigPath(Root);
  llvm::sys::path::append(ConfigPath, ".prodready.yaml");
  if (!llvm::sys::fs::exists(ConfigPath))
    return Filter;
  std::vector<std::string> Patterns = orFail(parseProjectConfigExcludes(
      readFileOrFail(ConfigPath, "configuration"), ConfigPath));
  Filter.add(orFail(PathFilter::create(Patterns, ConfigPath)));
  return Filter;
}

/// With flags after `--` there is no list of files: the files named are
/// the translation units, each of which must exist.
std::vector<std::string> namedFiles() {
  if (Inputs.empty())
    fail("'check FILE... -- COMPILE_FLAGS' needs at least one FILE");
  std::vector<std::string> Files;
  for (const std::string &Path : Inputs) {
    if (!llvm::sys::fs::is_regular_file(Path))
      fail("'" + Path + "' is not a file (with flags after '--', name each "
           "translation unit)");
    Files.push_back(absoluteNormalized(Path));
  }
  return Files;
}

std::vector<std::string> shardOf(std::vector<std::string> Selected,
                                 const std::string &Root);

std::vector<std::string>
selectFiles(const tooling::CompilationDatabase &Database,
            const std::string &Root, const PathFilter &Excluded,
            size_t &ExcludedUnits) {
  if (BuildDir.empty())
    return shardOf(namedFiles(), Root);
  std::vector<std::string> All;
  for (const std::string &File : Database.getAllFiles()) {
    std::string Path = absoluteNormalized(File);
    if (isUnder(Path, Root) && Excluded.excludes(relativePath(Path, Root))) {
      ++ExcludedUnits;
      continue;
    }
    All.push_back(std::move(Path));
  }
  llvm::sort(All);
  All.erase(std::unique(All.begin(), All.end()), All.end());
  std::vector<std::string> Selected;
  for (const std::string &Path : Inputs) {
    // As spelled, and with symbolic links resolved: the database may name
    // the real paths of files reached through a link.
    std::string Prefix = absoluteNormalized(Path);
    llvm::SmallString<256> RealPrefix;
    if (llvm::sys::fs::real_path(Path, RealPrefix))
      RealPrefix = Prefix;
    size_t Before = Selected.size();
    for (const std::string &File : All)
      if (isUnder(File, Prefix) || isUnder(File, RealPrefix))
        Selected.push_back(File);
    if (Selected.size() == Before)
      fail("'" + Path + "' matches no file of the compilation database");
  }
  if (All.empty() && !ExcludedUnits)
    warn("'" + BuildDir +
         "/compile_commands.json' lists no translation unit; nothing to "
         "analyze");
  if (Inputs.empty())
    Selected = All;
  return shardOf(std::move(Selected), Root);
}

std::vector<std::string> shardOf(std::vector<std::string> Selected,
                                 const std::string &Root) {
  llvm::sort(Selected);
  Selected.erase(std::unique(Selected.begin(), Selected.end()), Selected.end());
  if (ShardSpecText.empty())
    return Selected;
  ShardSpec Shard = orFail(parseShardSpec(ShardSpecText));
  std::vector<std::string> Relative;
  for (const std::string &File : Selected)
    Relative.push_back(relativePath(File, Root));
  std::set<std::string> Chosen;
  for (const std::string &File : selectShard(Relative, Shard))
    Chosen.insert(File);
  std::vector<std::string> Result;
  for (size_t I = 0; I < Selected.size(); ++I)
    if (Chosen.count(Relative[I]))
      Result.push_back(Selected[I]);
  return Result;
}

AnalysisSettings makeSettings(const std::string &Root) {
  AnalysisSettings Settings;
  Settings.ProjectRoot = Root;
  Settings.ResourceDir = PRODREADY_CLANG_RESOURCE_DIR;
  Settings.FixNotes = FixNotes;
  Settings.AllowPlugins = AllowPlugins;
  Settings.DefaultOptions = ClangTidyOptions::getDefaults();
  Settings.DefaultOptions.Checks = "-*,prodready-*";
  // Findings in the project's own headers, as a CI run wants them (a
  // .clang-tidy HeaderFilterRegex overrides this). clang-tidy matches the
  // regex against the path as spelled, often relative to the build
  // directory, so it cannot name the root: findings outside the root are
  // dropped when the report is put together.
  Settings.DefaultOptions.HeaderFilterRegex = ".*";
  if (!ChecksOverride.empty())
    Settings.OverrideOptions.Checks = ChecksOverride;
  for (const std::string &Option : CheckOptionOverrides) {
    auto [Name, Value] = llvm::StringRef(Option).split('=');
    Settings.OverrideOptions.CheckOptions[Name.trim()] =
        ClangTidyOptions::ClangTidyValue(Value);
  }
  // Tells the check it runs under the driver, which can add the helper
  // header its fixes include to the project (HelperHeaders.h).
  Settings.OverrideOptions.CheckOptions[ProjectRootOption] =
      ClangTidyOptions::ClangTidyValue(Root);
  return Settings;
}

/// Applies the fixes of \p Findings, with the helper headers they include
/// (HelperHeaders.h): the HelperHeader option is read per file as the
/// analysis read it.
FixOutcome applyFixesWithHelpers(const std::vector<Finding> &Findings,
                                 const FileDigests &Digests,
                                 const std::string &Root) {
  ConfigErrorLog Ignored; // The configuration was validated by the analysis.
  std::unique_ptr<ClangTidyOptionsProvider> Provider =
      makeOptionsProvider(makeSettings(Root), Ignored);
  auto OptionFor = [&](const std::string &File) {
    ClangTidyOptions Options =
        Provider->getOptions(normalizePath(File, Root));
    auto It = Options.CheckOptions.find(HelperHeaderOption);
    return It == Options.CheckOptions.end() ? std::string()
                                            : It->getValue().Value;
  };
  HelperHeaderPlan Plan = planHelperHeaders(Findings, Root, OptionFor);
  FixOutcome Outcome = applyFixes(Plan.Findings, Digests, Root);
  std::vector<std::string> Errors;
  Outcome.HeadersWritten = writeHelperHeaders(Plan, Outcome, Root, Errors);
  llvm::append_range(Outcome.Refusals, Plan.Refusals);
  llvm::append_range(Outcome.Refusals, Errors);
  llvm::sort(Outcome.Refusals);
  return Outcome;
}

void validateConfiguration(CheckRun &Run) {
  ConfigErrorLog ParseErrors;
  std::unique_ptr<ClangTidyOptionsProvider> Provider =
      makeOptionsProvider(Run.Settings, ParseErrors);
  ConfigurationValidator Validator;
  for (const std::string &File : Run.Files) {
    for (const auto &[Options, Source] : Provider->getRawOptions(File))
      Validator.validateSource(Options, Source);
    ClangTidyOptions Options = Provider->getOptions(File);
    std::string Text = configurationAsText(Options);
    Validator.validateValues(Options, Text, relativePath(File, Run.Root));
    Run.ConfigText[File] = std::move(Text);
  }
  for (const std::string &Warning : Validator.warnings())
    warn(Warning);
  std::vector<std::string> Errors = ParseErrors.take();
  llvm::append_range(Errors, Validator.errors());
  if (Errors.empty())
    return;
  for (size_t I = 0; I + 1 < Errors.size(); ++I)
    llvm::errs() << "prodready: error: " << Errors[I] << "\n";
  fail(Errors.back());
}

/// The identity of this build of the driver: a rebuilt driver (new checks)
/// must not reuse the old one's cache entries.
std::string buildIdentity(const char *Argv0) {
  std::string Executable = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&buildIdentity));
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Executable, Status))
    return ToolVersion;
  return std::string(ToolVersion) + ":" + std::to_string(Status.getSize()) +
         ":" +
         std::to_string(
             Status.getLastModificationTime().time_since_epoch().count());
}

/// --diff: whether the change can touch \p File's translation unit (whose
/// cache key is \p Key). A cache entry made stale by files of the diff
/// says so at once; otherwise a dependency scan lists the files the unit
/// reads. When the scan fails (a header missing), the unit is analyzed.
bool isAffected(CheckRun &Run, const std::string &File, llvm::StringRef Key) {
  if (Run.Changed->contains(File))
    return true;
  if (Run.Cache)
    if (std::optional<std::vector<std::string>> Stale =
            Run.Cache->changedDependencies(Key);
        Stale && Run.Changed->containsAny(*Stale))
      return true;
  llvm::Expected<std::vector<std::string>> Read =
      scanDependencies(*Run.Database, File, Run.Settings);
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return true;
  }
  return Run.Changed->containsAny(*Read);
}

/// With --whole-program, what the unit's analysis reads of other units:
/// the linked summaries of the functions it calls (\p Calls, from its
/// first analysis), as text for its cache key; "" in the first round.
std::string linkedInputs(const CheckRun &Run,
                         const ProgramSummaries *Previous) {
  if (!Run.Settings.KnownSummaries || !Previous)
    return "";
  return Run.Settings.KnownSummaries->restrictedTo(Previous->Calls)
      .serialize();
}

/// The cached result of \p Key, or nothing: with --whole-program an entry
/// is used only with the unit's summaries. \p Base: what the entry of a
/// later round is relative to. A first-round unit's summaries stay
/// unparsed until something links them (parseSummaries()); a later
/// round's are parsed here, so that a damaged entry is a miss and the
/// unit is analyzed again under that round's key and summaries.
std::optional<TranslationUnitResult> lookupCached(CheckRun &Run,
                                                  const std::string &File,
                                                  llvm::StringRef Key,
                                                  const DependencyBase *Base) {
  bool NeedsSummaries = Run.Settings.ExportSummaries;
  std::optional<CachedResult> Cached =
      Run.Cache->lookup(Key, NeedsSummaries, Base ? Base->Digest : "");
  if (!Cached)
    return std::nullopt;
  TranslationUnitResult Result;
  Result.File = File;
  Result.Report = std::move(Cached->Report);
  Result.Dependencies = std::move(Cached->Dependencies);
  Result.FromCache = true;
  Result.CacheKey = Key.str();
  Result.EntryDigest = std::move(Cached->Digest);
  if (NeedsSummaries) {
    Result.SummariesText = std::move(Cached->Summaries);
    if (Base && !Result.parseSummaries())
      return std::nullopt;
  }
  return Result;
}

/// The base of the cache entries of a unit's analyses after the first
/// round: the dependencies of its first-round result (\p Previous, or the
/// one Previous was relative to), current in this run. Null in the first
/// round, and for a unit of a shard, which has no dependency list (its
/// entries list them all).
std::shared_ptr<const DependencyBase>
firstRoundBase(TranslationUnitResult &Previous) {
  if (!Previous.Summaries)
    return nullptr;
  if (Previous.FirstRound)
    return Previous.FirstRound;
  if (Previous.Dependencies.empty())
    return nullptr;
  auto Base = std::make_shared<DependencyBase>();
  Base->Digest = ResultCache::dependencyDigest(Previous.Dependencies);
  Base->Dependencies = std::move(Previous.Dependencies);
  return Base;
}

/// Analyzes \p File, or reuses its cached result. \p Previous: the unit's
/// result in the round before (--whole-program), whose summaries' calls
/// say which linked summaries the analysis depends on (it is consumed).
TranslationUnitResult analyzeWithCache(CheckRun &Run, const std::string &File,
                                       TranslationUnitResult *Previous) {
  const ProgramSummaries *PreviousSummaries =
      Previous ? Previous->Summaries.get() : nullptr;
  std::shared_ptr<const DependencyBase> FirstRound =
      Previous ? firstRoundBase(*Previous) : nullptr;
  std::vector<std::string> Removed;
  std::vector<std::string> Command =
      effectiveCommand(*Run.Database, File, Run.Settings, &Removed);
  std::string Key;
  if (Run.Cache) {
    std::vector<std::string> Parts = {Run.BuildIdentity, File,
                                      Run.ConfigText.at(File),
                                      Run.Settings.FixNotes ? "notes" : "",
                                      linkedInputs(Run, PreviousSummaries)};
    Parts.insert(Parts.end(), Command.begin(), Command.end());
    Key = ResultCache::key(Parts);
    if (!Run.IgnoreEntries)
      if (std::optional<TranslationUnitResult> Cached =
              lookupCached(Run, File, Key, FirstRound.get())) {
        Cached->RemovedFlags = std::move(Removed);
        Cached->FirstRound = std::move(FirstRound);
        return std::move(*Cached);
      }
  }
  if (Run.Changed && !isAffected(Run, File, Key)) {
    TranslationUnitResult Result;
    Result.File = File;
    Result.RemovedFlags = std::move(Removed);
    Result.Skipped = true;
    return Result;
  }
  if (Run.Linked)
    Run.Linked->ensureWritten();
  TranslationUnitResult Result =
      analyzeTranslationUnit(*Run.Database, File, Run.Settings);
  // A TU that does not compile is not stored: the usual cause is a header
  // that does not exist yet (generated later in the build), and a file
  // that is missing is no dependency the entry could notice appearing.
  bool Failed = llvm::any_of(Result.Report.Findings, [](const Finding &F) {
    return F.Check == "clang-diagnostic-error";
  });
  if (Run.Cache && Result.Summaries)
    Result.SummariesText = Result.Summaries->serialize();
  if (Run.Cache && !Failed) {
    Result.EntryDigest = Run.Cache->store(
        Key, Result.Report, Result.Dependencies, Result.SummariesText,
        FirstRound ? &FirstRound->Dependencies : nullptr);
    Result.CacheKey = std::move(Key);
  }
  Result.FirstRound = std::move(FirstRound);
  return Result;
}

/// Analyzes the units of \p Indices (into Run.Files) into \p Results, on
/// --jobs threads.
void analyzeUnits(CheckRun &Run, llvm::ArrayRef<size_t> Indices,
                  std::vector<TranslationUnitResult> &Results) {
  unsigned Threads = Jobs ? Jobs.getValue()
                          : llvm::hardware_concurrency().compute_thread_count();
  Threads = std::max(1u, std::min<unsigned>(Threads, Indices.size()));
  Progress Bar(Indices.size(), !Quiet);
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I; (I = Next++) < Indices.size();) {
      size_t Unit = Indices[I];
      TranslationUnitResult Previous = std::move(Results[Unit]);
      Results[Unit] = analyzeWithCache(Run, Run.Files[Unit], &Previous);
      Bar.done(relativePath(Run.Files[Unit], Run.Root), Results[Unit]);
    }
  };
  // clang recurses deeply on some code: 8 MiB stacks, as clangd uses.
  std::vector<llvm::thread> Workers;
  for (unsigned I = 0; I < Threads; ++I)
    Workers.emplace_back(std::optional<unsigned>(8u << 20), Work);
  for (llvm::thread &Worker : Workers)
    Worker.join();
  Bar.finish();
}

std::vector<TranslationUnitResult> analyzeAll(CheckRun &Run) {
  std::vector<TranslationUnitResult> Results(Run.Files.size());
  std::vector<size_t> All(Run.Files.size());
  for (size_t I = 0; I < All.size(); ++I)
    All[I] = I;
  analyzeUnits(Run, All, Results);
  return Results;
}

/// A warm --whole-program run: when the first round read the same cache
/// entries as the run that left the cache's link record (\p FirstRound is
/// its digest), the rounds after it would analyze the same units with the
/// same summaries, so each such unit's last analysis comes from the cache
/// under the key the record names. False, with \p Results untouched, when
/// the record is another run's or an entry it names is gone.
bool reuseLastLink(CheckRun &Run, llvm::StringRef FirstRound,
                   std::vector<TranslationUnitResult> &Results,
                   WholeProgramOutcome &Outcome) {
  std::optional<LinkRecord> Record =
      LinkRecord::parse(Run.Cache->readLinkRecord());
  if (!Record || Record->FirstRound != FirstRound)
    return false;
  llvm::StringMap<size_t> UnitOf;
  for (size_t I = 0; I < Results.size(); ++I)
    if (!UnitOf.try_emplace(Results[I].File, I).second)
      return false; // The record names units by file.
  std::vector<std::pair<size_t, TranslationUnitResult>> Last;
  for (const auto &[File, Key] : Record->LastKeys) {
    auto It = UnitOf.find(File);
    if (It == UnitOf.end())
      return false;
    // No round follows: the base is needed only to find the entry.
    const TranslationUnitResult &First = Results[It->second];
    DependencyBase Base;
    Base.Digest = ResultCache::dependencyDigest(First.Dependencies);
    std::optional<TranslationUnitResult> Cached =
        lookupCached(Run, File, Key, &Base);
    if (!Cached)
      return false;
    Cached->RemovedFlags = First.RemovedFlags;
    Last.emplace_back(It->second, std::move(*Cached));
  }
  for (auto &[Unit, Result] : Last)
    Results[Unit] = std::move(Result);
  Outcome.Rounds = Record->Rounds;
  Outcome.Reanalyzed = Record->Reanalyzed;
  Outcome.Functions = Record->Functions;
  return true;
}

/// Leaves in the cache how the rounds after \p FirstRound went, for
/// reuseLastLink(); nothing when a unit's last analysis was not stored.
void storeLinkRecord(CheckRun &Run, llvm::StringRef FirstRound,
                     const std::vector<std::string> &FirstKeys,
                     const std::vector<TranslationUnitResult> &Results,
                     const WholeProgramOutcome &Outcome) {
  LinkRecord Record;
  Record.FirstRound = FirstRound.str();
  Record.Rounds = Outcome.Rounds;
  Record.Reanalyzed = Outcome.Reanalyzed;
  Record.Functions = Outcome.Functions;
  for (size_t I = 0; I < Results.size(); ++I) {
    if (Results[I].CacheKey.empty())
      return;
    if (Results[I].CacheKey != FirstKeys[I])
      Record.LastKeys.emplace_back(Results[I].File, Results[I].CacheKey);
  }
  if (llvm::Error E = Run.Cache->storeLinkRecord(Record.serialize()))
    llvm::consumeError(std::move(E)); // The cache is an optimisation.
}

/// Parses the summaries of the first-round units that came from the
/// cache; a unit whose entry holds damaged ones is analyzed again, without
/// the cache. Only before any round: the analysis is a first round's.
void parseSummaries(CheckRun &Run,
                    std::vector<TranslationUnitResult> &Results) {
  std::vector<size_t> Damaged;
  for (size_t I = 0; I < Results.size(); ++I)
    if (!Results[I].parseSummaries())
      Damaged.push_back(I);
  if (Damaged.empty())
    return;
  for (size_t I : Damaged)
    Results[I] = TranslationUnitResult();
  Run.IgnoreEntries = true;
  analyzeUnits(Run, Damaged, Results);
  Run.IgnoreEntries = false;
}

/// --whole-program: the rounds after the first (WholeProgram.h), with the
/// linked summaries in a temporary file.
WholeProgramOutcome linkRounds(CheckRun &Run,
                               std::vector<TranslationUnitResult> &Results) {
  parseSummaries(Run, Results);
  llvm::SmallString<128> SummariesFile;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "prodready-summaries", "json", SummariesFile))
    fail("cannot create the whole-program summaries file: " + EC.message());
  LinkedSummariesFile Linked{std::string(SummariesFile)};
  Run.Linked = &Linked;
  WholeProgramOutcome Outcome = linkWholeProgram(
      Results, Run.Settings, Linked,
      [&](llvm::ArrayRef<size_t> Units) { analyzeUnits(Run, Units, Results); });
  Run.Linked = nullptr;
  llvm::sys::fs::remove(SummariesFile);
  return Outcome;
}

/// --whole-program: the rounds after the first, or, in a warm run that
/// the cache's link record fits, their results from the cache.
void analyzeWholeProgram(CheckRun &Run,
                         std::vector<TranslationUnitResult> &Results) {
  std::string FirstRound =
      Run.Cache ? firstRoundDigest(Results, Run.BuildIdentity) : "";
  WholeProgramOutcome Outcome;
  bool Reused =
      !FirstRound.empty() && reuseLastLink(Run, FirstRound, Results, Outcome);
  if (!Reused) {
    std::vector<std::string> FirstKeys;
    for (const TranslationUnitResult &Result : Results)
      FirstKeys.push_back(Result.CacheKey);
    Outcome = linkRounds(Run, Results);
    if (!FirstRound.empty() && Outcome.Converged)
      storeLinkRecord(Run, FirstRound, FirstKeys, Results, Outcome);
  }
  // The editor reads the last run's summaries from the cache (driver.md).
  if (Run.Cache)
    if (llvm::Error E = Run.Cache->storeLinkedSummaries(
            linkedFrom(Results, Run.BuildIdentity), [&] {
              if (!Outcome.Linked) { // Reused: no round ran.
                parseSummaries(Run, Results);
                Outcome.Linked = linkSummaries(Results);
              }
              return Outcome.Linked->serialize(/*Indented=*/true);
            }))
      warn("cannot write the whole-program summaries to the cache: " +
           llvm::toString(std::move(E)));
  if (!Outcome.Converged)
    warn("whole-program analysis stopped after " +
         std::to_string(Outcome.Rounds) +
         " rounds before the function summaries settled; findings that "
         "depend on the last changes may be missing");
  if (!Quiet)
    llvm::errs() << "prodready: whole program: "
                 << plural(Outcome.Functions, "function summary",
                           "function summaries")
                 << " linked, "
                 << plural(Outcome.Reanalyzed, "translation unit",
                           "translation units")
                 << " analyzed again in "
                 << plural(Outcome.Rounds - 1, "more round", "more rounds")
                 << (Reused ? " (as in the last run, from the cache)" : "")
                 << "\n";
}

void warnAboutRemovedFlags(const CheckRun &Run,
                           const std::vector<TranslationUnitResult> &Results) {
  std::set<std::string> Warned;
  for (const TranslationUnitResult &Result : Results)
    for (const std::string &Flag : Result.RemovedFlags)
      if (Warned.insert(Flag).second)
        warn("removed '" + Flag + "' from the compile command of '" +
             relativePath(Result.File, Run.Root) +
             "': the driver does not load compiler plugins named by the "
             "compilation database (--allow-plugins keeps them)");
}

/// \p Path relative to the project root, or nothing for a file outside it.
std::optional<std::string> projectPath(const CheckRun &Run,
                                       llvm::StringRef Path) {
  if (isUnder(Path, Run.Root))
    return relativePath(Path, Run.Root);
  if (isUnder(Path, Run.RealRoot))
    return relativePath(Path, Run.RealRoot);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real) && isUnder(Real, Run.RealRoot))
    return relativePath(Real, Run.RealRoot);
  return std::nullopt;
}

/// One report over all translation units, with paths relative to the
/// project root; findings outside the root are dropped.
ReportInput combine(const CheckRun &Run,
                    std::vector<TranslationUnitResult> &Results,
                    size_t &DroppedOutsideRoot) {
  ReportInput Report;
  Report.ToolVersion = ToolVersion;
  DroppedOutsideRoot = 0;
  for (TranslationUnitResult &Result : Results) {
    for (Finding &F : Result.Report.Findings) {
      std::optional<std::string> File = projectPath(Run, F.File);
      bool IsError = F.Check == "clang-diagnostic-error";
      // Outside the root only compiler errors are kept (with their
      // absolute path): a TU that does not compile lost its findings.
      if (!File && !IsError) {
        ++DroppedOutsideRoot;
        continue;
      }
      if (File && !IsError && Run.Excluded.excludes(*File))
        continue;
      F.File = File.value_or(F.File);
      for (Replacement &R : F.Fix)
        R.File = projectPath(Run, R.File).value_or(R.File);
      // A note may point into a system header: it keeps its absolute path.
      for (Note &N : F.Notes)
        N.File = projectPath(Run, N.File).value_or(N.File);
      Report.Findings.push_back(std::move(F));
    }
    for (const auto &[Path, Digest] : Result.Report.Digests)
      if (std::optional<std::string> File = projectPath(Run, Path))
        Report.Digests[*File] = Digest;
  }
  canonicalize(Report);
  return Report;
}

std::optional<ChangedLines> loadDiff() {
  if (DiffBase.empty())
    return std::nullopt;
  std::string Text;
  if (DiffBase == "-") {
    auto Buffer = llvm::MemoryBuffer::getSTDIN();
    if (!Buffer)
      fail("cannot read the diff from stdin: " + Buffer.getError().message());
    Text = (*Buffer)->getBuffer().str();
  } else {
    if (llvm::StringRef(DiffBase).starts_with("-"))
      fail("--diff '" + DiffBase + "' is not a git ref");
    auto Git = llvm::sys::findProgramByName("git");
    if (!Git)
      fail("--diff needs git on PATH");
    llvm::SmallString<128> OutPath, ErrPath;
    llvm::sys::fs::createTemporaryFile("prodready-diff", "patch", OutPath);
    llvm::sys::fs::createTemporaryFile("prodready-diff", "err", ErrPath);
    // --relative: paths relative to the current directory, as findings
    // are. No external diff or textconv program runs.
    // Explicit prefixes (diff.noprefix or diff.mnemonicPrefix in a user's
    // git config would change them) and unquoted non-ASCII paths.
    std::vector<llvm::StringRef> Args = {"git",
                                         "-c",
                                         "core.quotePath=false",
                                         "diff",
                                         "--no-color",
                                         "--no-ext-diff",
                                         "--no-textconv",
                                         "--relative",
                                         "--src-prefix=a/",
                                         "--dst-prefix=b/",
                                         "-U0",
                                         DiffBase,
                                         "--"};
    std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                  OutPath.str(), ErrPath.str()};
    int Status = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects);
    auto Out = llvm::MemoryBuffer::getFile(OutPath);
    auto Err = llvm::MemoryBuffer::getFile(ErrPath);
    llvm::sys::fs::remove(OutPath);
    llvm::sys::fs::remove(ErrPath);
    if (Status != 0 || !Out)
      fail("git diff " + DiffBase + " failed: " +
           (Err ? (*Err)->getBuffer().trim().split('\n').first
                : llvm::StringRef("no output")));
    Text = (*Out)->getBuffer().str();
  }
  return orFail(ChangedLines::parse(Text));
}

std::optional<Severity> parseFailOn() {
  if (FailOn == "never")
    return std::nullopt;
  std::optional<Severity> Level = parseSeverity(FailOn);
  if (!Level)
    fail("unknown --fail-on '" + FailOn +
         "' (expected note, warning, error or never)");
  return Level;
}

/// clang-tidy's IncludeInserter adds an #include edit to the first fix-it
/// of a check in a file only. When --diff or --baseline leaves that
/// finding out, the fixes of the others would not compile, so each fix
/// gets the include insertions of every finding of its check in its file
/// (identical edits are applied once).
std::vector<Finding> withSharedIncludes(const std::vector<Finding> &Reported,
                                        const std::vector<Finding> &All) {
  auto IsIncludeInsertion = [](const Replacement &R) {
    return R.Length == 0 &&
           llvm::StringRef(R.Text).ltrim().starts_with("#include");
  };
  std::vector<Finding> Result = Reported;
  for (Finding &F : Result) {
    if (F.Fix.empty())
      continue;
    for (const Finding &Other : All) {
      if (Other.Check != F.Check || Other.File != F.File)
        continue;
      for (const Replacement &R : Other.Fix)
        if (IsIncludeInsertion(R) && llvm::find(F.Fix, R) == F.Fix.end())
          F.Fix.push_back(R);
    }
  }
  return Result;
}

void emitReport(const ReportInput &Reported) {
  if (Format == "json")
    emit(writeJson(Reported));
  else if (Format == "sarif")
    emit(writeSarif(Reported));
  else if (Format == "codeclimate")
    emit(writeCodeClimate(Reported));
  else
    emit(writeText(Reported));
}

RunStats runStats(const CheckRun &Run,
                  const std::vector<TranslationUnitResult> &Results,
                  std::chrono::steady_clock::time_point Start) {
  RunStats Stats;
  Stats.Units = Results.size();
  for (const TranslationUnitResult &Result : Results) {
    Stats.Cached += Result.FromCache;
    Stats.Skipped += Result.Skipped;
  }
  Stats.Analyzed = Stats.Units - Stats.Cached - Stats.Skipped;
  Stats.WholeProgram = WholeProgram;
  Stats.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return Stats;
}

void printSummary(const CheckRun &Run,
                  const std::vector<TranslationUnitResult> &Results,
                  const ReportInput &Reported,
                  std::chrono::steady_clock::time_point Start) {
  RunSummary Summary;
  Summary.FilesAnalyzed = Results.size();
  Summary.FilesExcluded = Run.ExcludedUnits;
  Summary.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  for (const TranslationUnitResult &Result : Results) {
    Summary.FilesFromCache += Result.FromCache;
    Summary.FilesSkipped += Result.Skipped;
    if (!Result.FromCache && !Result.Skipped)
      Summary.FileSeconds.emplace_back(relativePath(Result.File, Run.Root),
                                       Result.Seconds);
  }
  llvm::errs() << writeSummary(Reported, Summary);
}

/// 1 when a finding at or above --fail-on remains unfixed, else 0.
int exitStatus(const ReportInput &Reported,
               const std::optional<FixOutcome> &Fixes,
               std::optional<Severity> FailLevel) {
  if (!FailLevel)
    return 0;
  for (size_t I = 0; I < Reported.Findings.size(); ++I)
    if (!(Fixes && Fixes->Applied[I]) &&
        Reported.Findings[I].Level >= *FailLevel)
      return 1;
  return 0;
}

/// The options of `check` that need no file: wrong ones stop the run
/// before anything is read.
std::optional<Severity> validateCheckOptions() {
  if (Format.empty())
    Format = "text";
  if (Format != "text" && Format != "json" && Format != "sarif" &&
      Format != "codeclimate")
    fail("unknown --format '" + Format +
         "' (expected text, json, sarif or codeclimate)");
  std::optional<Severity> FailLevel = parseFailOn();
  if (WriteBaseline && BaselineFile.empty())
    fail("--write-baseline needs --baseline FILE");
  if (!ShardSpecText.empty())
    orFail(parseShardSpec(ShardSpecText));
  if (FixNotes)
    Fix = true;
  // A whole-program shard's findings are not final: `merge --whole-program`
  // replaces those of the units it analyzes again.
  if (WholeProgram && !ShardSpecText.empty()) {
    if (Format != "json")
      fail("--whole-program with --shard writes the shard's summaries in "
           "its JSON report: use --format json, and 'prodready merge "
           "--whole-program' for the final report");
    if (!DiffBase.empty() || !BaselineFile.empty() || Fix)
      fail("--diff, --baseline and --fix do not apply to a whole-program "
           "shard, whose findings are not final; use them without --shard");
  }
  return FailLevel;
}

Baseline readBaseline() {
  return orFail(
      Baseline::parse(readFileOrFail(BaselineFile, "baseline"), BaselineFile));
}

/// --write-baseline: records every finding, and returns the baseline the
/// run then filters with (so it reports nothing new).
Baseline writeBaseline(const ReportInput &Report) {
  if (llvm::Error E = writeFileAtomically(
          BaselineFile,
          Baseline::serialize(Report.Findings, Report.Fingerprints)))
    fail("cannot write '" + BaselineFile +
         "': " + llvm::toString(std::move(E)));
  if (!Quiet)
    llvm::errs() << "prodready: wrote " << Report.Findings.size()
                 << " findings to the baseline '" << BaselineFile << "'\n";
  return readBaseline();
}

/// The findings to report: on changed lines (--diff) and not in the
/// baseline. Fingerprints were computed over all findings, so each keeps
/// its own.
ReportInput selectReported(const ReportInput &Report,
                           const std::optional<ChangedLines> &Changed,
                           const std::optional<Baseline> &Known) {
  ReportInput Reported;
  Reported.ToolVersion = Report.ToolVersion;
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    // A translation unit that does not compile is reported whatever the
    // diff: its other findings are missing, wherever the error is.
    if (Changed && !Changed->contains(F.File, F.Line) &&
        F.Check != "clang-diagnostic-error")
      continue;
    if (Known && Known->contains(Report.Fingerprints[I]))
      continue;
    Reported.Findings.push_back(F);
    Reported.Fingerprints.push_back(Report.Fingerprints[I]);
  }
  for (const Finding &F : Reported.Findings)
    for (const Replacement &R : F.Fix)
      if (auto It = Report.Digests.find(R.File); It != Report.Digests.end())
        Reported.Digests.insert(*It);
  return Reported;
}

/// What canonicalize() merges findings on: one finding however many units
/// report it.
using FindingIdentity =
    std::tuple<std::string, unsigned, unsigned, std::string, std::string>;

FindingIdentity identityOf(const Finding &F) {
  return {F.File, F.Line, F.Column, F.Check, F.Message};
}

/// Each unit's findings, with the paths the report will give them: taken
/// before combine() moves them into the report.
std::vector<std::vector<FindingIdentity>>
findingIdentities(const CheckRun &Run,
                  const std::vector<TranslationUnitResult> &Results) {
  std::vector<std::vector<FindingIdentity>> Identities(Results.size());
  for (size_t I = 0; I < Results.size(); ++I)
    for (const Finding &F : Results[I].Report.Findings) {
      Finding Projected;
      Projected.File = projectPath(Run, F.File).value_or(F.File);
      Projected.Line = F.Line;
      Projected.Column = F.Column;
      Projected.Check = F.Check;
      Projected.Message = F.Message;
      Identities[I].push_back(identityOf(Projected));
    }
  return Identities;
}

/// The options that change what an analysis finds, as text: a
/// whole-program shard records them, and merge, which analyzes units
/// again, must be given the same.
std::string analysisOptionsText() {
  std::string Text = "checks=" + ChecksOverride;
  for (const std::string &Option : CheckOptionOverrides)
    Text += ";option=" + Option;
  for (const std::string &Pattern : Exclude)
    Text += ";exclude=" + Pattern;
  if (FixNotes)
    Text += ";fix-notes";
  if (AllowPlugins)
    Text += ";allow-plugins";
  return Text;
}

/// A unit's summaries with the files under the root named relative to it:
/// the merge runs in another directory (another checkout, another Bazel
/// sandbox) and names them under its own root.
std::string portableSummaries(const CheckRun &Run,
                              const ProgramSummaries &Summaries) {
  ProgramSummaries Portable = Summaries;
  Portable.mapFiles([&](llvm::StringRef File) {
    return projectPath(Run, File).value_or(File.str());
  });
  return Portable.serialize();
}

/// A file of a shard's summaries or records: relative to the root, or
/// absolute when outside it (a generated source of an out-of-tree build).
std::string underRoot(const CheckRun &Run, llvm::StringRef File) {
  if (llvm::sys::path::is_absolute(File))
    return File.str();
  llvm::SmallString<256> Path(Run.Root);
  llvm::sys::path::append(Path, File);
  return std::string(Path);
}

/// --whole-program --shard: each unit's summaries, and which of \p
/// Report's findings it produced, for `merge --whole-program`.
WholeProgramShard
unitRecords(const CheckRun &Run,
            const std::vector<TranslationUnitResult> &Results,
            const std::vector<std::vector<FindingIdentity>> &UnitFindings,
            const ReportInput &Report) {
  std::map<FindingIdentity, size_t> IndexOf;
  for (size_t I = 0; I < Report.Findings.size(); ++I)
    IndexOf.emplace(identityOf(Report.Findings[I]), I);
  WholeProgramShard Shard;
  Shard.Shard = ShardSpecText;
  Shard.Settings = analysisOptionsText();
  for (size_t I = 0; I < Results.size(); ++I) {
    UnitRecord Record;
    Record.File = projectPath(Run, Results[I].File).value_or(Results[I].File);
    Record.Summaries = Results[I].Summaries
                           ? portableSummaries(Run, *Results[I].Summaries)
                           : ProgramSummaries().serialize();
    for (const FindingIdentity &Identity : UnitFindings[I])
      if (auto It = IndexOf.find(Identity); It != IndexOf.end())
        Record.Findings.push_back(It->second);
    llvm::sort(Record.Findings);
    Record.Findings.erase(std::unique(Record.Findings.begin(), Record.Findings.end()),
                          Record.Findings.end());
    Shard.Units.push_back(std::move(Record));
  }
  return Shard;
}

/// The database, the root (the current directory) and the excludes of a
/// run over the project.
void openProject(CheckRun &Run) {
  Run.Database = loadDatabase();
  Run.Root = currentDirectory();
  llvm::SmallString<256> RealRoot;
  Run.RealRoot = llvm::sys::fs::real_path(Run.Root, RealRoot)
                     ? Run.Root
                     : std::string(RealRoot);
  Run.Excluded = loadExcludes(Run.Root);
}

int runCheck(const char *Argv0) {
  std::optional<Severity> FailLevel = validateCheckOptions();
  CheckRun Run;
  openProject(Run);
  Run.Files =
      selectFiles(*Run.Database, Run.Root, Run.Excluded, Run.ExcludedUnits);
  Run.Settings = makeSettings(Run.Root);
  validateConfiguration(Run);
  std::optional<Baseline> Known;
  if (!BaselineFile.empty() && !WriteBaseline)
    Known = readBaseline();
  std::optional<ChangedLines> Changed = loadDiff();
  if (!CacheDir.empty()) {
    Run.Cache = orFail(ResultCache::open(CacheDir));
    Run.BuildIdentity = buildIdentity(Argv0);
  }
  // A baseline records every finding, so it needs every unit analyzed.
  // --whole-program needs every unit's summaries.
  if (Changed && !WriteBaseline && !WholeProgram) {
    Run.Changed.emplace(Changed->files(), Run.Root);
  }

  // A whole-program shard only computes its units' summaries: linking
  // them is `merge --whole-program`'s.
  bool WholeProgramShard = WholeProgram && !ShardSpecText.empty();
  if (WholeProgram)
    Run.Settings.ExportSummaries = true;

  auto Start = std::chrono::steady_clock::now();
  std::vector<TranslationUnitResult> Results = analyzeAll(Run);
  if (WholeProgram && !WholeProgramShard)
    analyzeWholeProgram(Run, Results);
  warnAboutRemovedFlags(Run, Results);
  std::vector<std::vector<FindingIdentity>> UnitFindings;
  if (WholeProgramShard) {
    parseSummaries(Run, Results); // The report carries them.
    UnitFindings = findingIdentities(Run, Results);
  }
  size_t DroppedOutsideRoot = 0;
  ReportInput Report = combine(Run, Results, DroppedOutsideRoot);
  // Run from the wrong directory, every finding is outside the root: say
  // so rather than report a clean project.
  if (Report.Findings.empty() && DroppedOutsideRoot)
    warn(std::to_string(DroppedOutsideRoot) +
         (DroppedOutsideRoot == 1 ? " finding in a file"
                                  : " findings in files") +
         " outside the project root ('" + Run.Root + "') " +
         (DroppedOutsideRoot == 1 ? "was" : "were") +
         " dropped; run prodready from the project root");
  if (WriteBaseline)
    Known = writeBaseline(Report);
  ReportInput Reported = selectReported(Report, Changed, Known);
  Reported.Run = runStats(Run, Results, Start);
  if (WholeProgramShard)
    Reported.WholeProgram = unitRecords(Run, Results, UnitFindings, Reported);

  // The report is written before any file is fixed: if it cannot be
  // written (exit 2), the sources are untouched.
  emitReport(Reported);
  llvm::outs().flush();
  std::optional<FixOutcome> Fixes;
  if (Fix) {
    Fixes = applyFixesWithHelpers(
        withSharedIncludes(Reported.Findings, Report.Findings),
        Reported.Digests, Run.Root);
    reportFixOutcome(*Fixes);
  }
  if (!Quiet)
    printSummary(Run, Results, Reported, Start);
  return exitStatus(Reported, Fixes, FailLevel);
}

//===----------------------------------------------------------------------===//
// merge and fix
//===----------------------------------------------------------------------===//

/// `merge --whole-program`: links the summaries of every shard's units,
/// analyzes again (from the compilation database) the units that call
/// functions of other units, as `check --whole-program` does, and
/// replaces their findings.
ReportInput mergeWholeProgram(std::vector<ReportInput> Reports) {
  std::set<unsigned> Shards;
  unsigned Count = 0;
  for (size_t I = 0; I < Reports.size(); ++I) {
    if (!Reports[I].WholeProgram)
      fail("'" + Inputs[I] +
           "' is not the JSON report of a 'check --whole-program --shard' "
           "run");
    // The units analyzed again must be analyzed as the shards analyzed
    // theirs.
    if (Reports[I].WholeProgram->Settings != analysisOptionsText())
      fail("'" + Inputs[I] +
           "' was analyzed with other options than this merge (--checks, "
           "--check-option, --exclude, --fix-notes, --allow-plugins): give "
           "'merge --whole-program' the options its shards were given");
    if (llvm::Expected<ShardSpec> Spec =
            parseShardSpec(Reports[I].WholeProgram->Shard)) {
      Shards.insert(Spec->Index);
      Count = Spec->Count;
    } else {
      llvm::consumeError(Spec.takeError());
    }
  }
  if (Shards.size() != Count)
    warn("merging " + std::to_string(Shards.size()) + " of " +
         std::to_string(Count) +
         " whole-program shards: the units of the missing ones are neither "
         "linked nor reported");
  CheckRun Run;
  openProject(Run);
  Run.Settings = makeSettings(Run.Root);
  Run.Settings.ExportSummaries = true;
  // Every shard's units, analyzed by their shard: Skipped until analyzed
  // again here.
  std::vector<TranslationUnitResult> Results;
  for (size_t R = 0; R < Reports.size(); ++R)
    for (const UnitRecord &Unit : Reports[R].WholeProgram->Units) {
      TranslationUnitResult Result;
      Result.File = underRoot(Run, Unit.File);
      Result.Skipped = true;
      std::string Error;
      std::unique_ptr<ProgramSummaries> Summaries =
          ProgramSummaries::parse(Unit.Summaries, Error);
      if (!Summaries)
        fail("'" + Inputs[R] + "': the summaries of '" + Unit.File +
             "': " + Error);
      Summaries->mapFiles(
          [&](llvm::StringRef File) { return underRoot(Run, File); });
      Result.Summaries = std::move(Summaries);
      Run.Files.push_back(Result.File);
      Results.push_back(std::move(Result));
    }
  analyzeWholeProgram(Run, Results);

  // A finding stays if a unit not analyzed again produced it; the units
  // analyzed again bring their new findings.
  std::vector<ReportInput> Parts;
  size_t Unit = 0;
  for (ReportInput &Report : Reports) {
    std::vector<bool> AnalyzedAgain;
    for (size_t I = 0; I < Report.WholeProgram->Units.size(); ++I)
      AnalyzedAgain.push_back(!Results[Unit++].Skipped);
    ReportInput Part;
    Part.ToolVersion = Report.ToolVersion;
    Part.Run = Report.Run;
    Part.Findings = settledFindings(Report, AnalyzedAgain);
    Part.Digests = std::move(Report.Digests);
    Parts.push_back(std::move(Part));
  }
  std::vector<TranslationUnitResult> Again;
  for (TranslationUnitResult &Result : Results)
    if (!Result.Skipped)
      Again.push_back(std::move(Result));
  size_t DroppedOutsideRoot = 0;
  Parts.push_back(combine(Run, Again, DroppedOutsideRoot));
  Parts.back().Fingerprints.clear();
  // Without carried fingerprints, merging computes them over the final
  // set, as the run without shards does.
  return mergeReports(std::move(Parts));
}

int runMerge() {
  if (Inputs.empty())
    fail("'merge' needs the reports to merge");
  std::vector<ReportInput> Reports;
  std::optional<ReportFormat> InputFormat;
  for (const std::string &Path : Inputs) {
    auto [Report, Kind] =
        orFail(readReport(readFileOrFail(Path, "report"), Path));
    if (InputFormat && *InputFormat != Kind)
      fail("'" + Path + "' is not in the format of '" + Inputs.front() +
           "' (merge JSON with JSON, SARIF with SARIF)");
    InputFormat = Kind;
    Reports.push_back(std::move(Report));
  }
  if (Format.empty())
    Format = *InputFormat == ReportFormat::Sarif ? "sarif" : "json";
  if (Format != "json" && Format != "sarif" && Format != "codeclimate" &&
      Format != "text")
    fail("unknown --format '" + Format +
         "' for merge (expected json, sarif, codeclimate or text)");
  if (!WholeProgram)
    for (size_t I = 0; I < Reports.size(); ++I)
      if (Reports[I].WholeProgram)
        fail("'" + Inputs[I] +
             "' is a whole-program shard's report, whose findings are not "
             "final: merge it with 'prodready merge --whole-program -p "
             "BUILD_DIR'");
  ReportInput Merged = WholeProgram ? mergeWholeProgram(std::move(Reports))
                                    : mergeReports(std::move(Reports));
  emitReport(Merged);
  return 0;
}

int runFix() {
  if (Inputs.size() != 1)
    fail("'fix' needs exactly one JSON or SARIF report");
  auto [Report, Kind] =
      orFail(readReport(readFileOrFail(Inputs[0], "report"), Inputs[0]));
  FixOutcome Outcome = applyFixesWithHelpers(Report.Findings, Report.Digests,
                                             currentDirectory());
  reportFixOutcome(Outcome);
  return Outcome.Refusals.empty() ? 0 : 1;
}

} // namespace

int main(int Argc, const char **Argv) {
  // Taken as given, as an entry of compile_commands.json would be: a flag
  // clang does not know becomes the same compiler error finding either way
  // (clang tooling's own parsing of `--` would refuse to start instead).
  const char **DoubleDash = std::find(Argv, Argv + Argc, llvm::StringRef("--"));
  if (DoubleDash != Argv + Argc) {
    std::vector<std::string> Flags(DoubleDash + 1, Argv + Argc);
    CommandLineDatabase = std::make_unique<tooling::FixedCompilationDatabase>(
        currentDirectory(), Flags);
    Argc = DoubleDash - Argv;
  }
  llvm::cl::HideUnrelatedOptions(Category);
  llvm::cl::SetVersionPrinter(
      [](llvm::raw_ostream &OS) { OS << "prodready " << ToolVersion << "\n"; });
  if (!llvm::cl::ParseCommandLineOptions(
          Argc, Argv,
          "prodready: production-readiness checks for C++\n\n"
          "  prodready check -p BUILD_DIR [options] [PATHS...]\n"
          "  prodready check [options] FILE... -- COMPILE_FLAGS\n"
          "  prodready merge [--format json|sarif|codeclimate|text] [-o FILE] "
          "REPORT...\n"
          "  prodready merge --whole-program -p BUILD_DIR [-o FILE] "
          "SHARD_REPORT...\n"
          "  prodready fix REPORT\n",
          &llvm::errs()))
    return 2;
  for (const std::string &Option : CheckOptionOverrides)
    if (!llvm::StringRef(Option).contains('=') ||
        llvm::StringRef(Option).split('=').first.trim().empty())
      fail("--check-option expects NAME=VALUE, got '" + Option + "'");
  if (Command == "check")
    return runCheck(Argv[0]);
  if (Command == "merge")
    return runMerge();
  if (Command == "fix")
    return runFix();
  fail("unknown command '" + Command + "' (expected check, merge or fix)");
}
