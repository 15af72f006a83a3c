//===--- TidyRunner.cpp - prodready driver --------------------------------===//

#include "TidyRunner.h"
#include "CheckMetadata.h"
#include "FixApplier.h"
#include "Paths.h"
#include "PluginFlags.h"
#include "Redaction.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>
#include <map>

using namespace clang;
using namespace clang::tidy;

namespace prodready::driver {

void ConfigErrorLog::add(std::string Message) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Messages.push_back(std::move(Message));
}

std::vector<std::string> ConfigErrorLog::take() {
  std::lock_guard<std::mutex> Lock(Mutex);
  return std::move(Messages);
}

namespace {

/// clang-tidy's FileOptionsProvider with our .clang-tidy handler. (Its
/// constructor that takes handlers leaves the file system unset; this one
/// sets it.)
class RecordingOptionsProvider : public FileOptionsProvider {
public:
  RecordingOptionsProvider(const AnalysisSettings &Settings,
                           ConfigErrorLog &Errors)
      : FileOptionsProvider(Settings.GlobalOptions, Settings.DefaultOptions,
                            Settings.OverrideOptions, handlers(Errors)) {
    FS = llvm::vfs::getRealFileSystem();
  }

private:
  /// clang-tidy's own handler prints a parse error and goes on without the
  /// file; this one records it, and the driver stops.
  static ConfigFileHandlers handlers(ConfigErrorLog &Errors) {
    ConfigFileHandlers Handlers;
    Handlers.emplace_back(
        ".clang-tidy",
        [&Errors](
            llvm::MemoryBufferRef Config) -> llvm::ErrorOr<ClangTidyOptions> {
          llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfiguration(Config);
          if (!Parsed) {
            Errors.add("cannot parse '" + Config.getBufferIdentifier().str() +
                       "': " + Parsed.getError().message());
            return ClangTidyOptions();
          }
          return Parsed;
        });
    return Handlers;
  }
};

} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const AnalysisSettings &Settings, ConfigErrorLog &Errors) {
  return std::make_unique<RecordingOptionsProvider>(Settings, Errors);
}

namespace {

/// What the analysis read: every file's hash, and the bytes of the
/// project's own files (findings are positioned in them).
struct SourceSnapshot {
  std::vector<Dependency> Dependencies;
  std::map<std::string, std::string> Contents;
};

/// clang-tidy's frontend action, which also takes the snapshot at the end
/// of the translation unit, while the source manager is alive.
/// --whole-program: computes the unit's function summaries once clang-tidy's
/// checks are done with the AST.
class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(const AnalysisSettings &Settings,
                  std::shared_ptr<clang::tidy::prodready::ProgramSummaries> &Out)
      : Settings(Settings), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Out = std::make_shared<clang::tidy::prodready::ProgramSummaries>(
        clang::tidy::prodready::summarizeTranslationUnit(Ctx,
                                            Settings.KnownSummaries.get()));
  }

private:
  const AnalysisSettings &Settings;
  std::shared_ptr<clang::tidy::prodready::ProgramSummaries> &Out;
};

class SnapshotAction : public ASTFrontendAction {
public:
  SnapshotAction(ClangTidyASTConsumerFactory &Factory, SourceSnapshot &Snapshot,
                 const AnalysisSettings &Settings,
                 std::shared_ptr<clang::tidy::prodready::ProgramSummaries> &Summaries)
      : Factory(Factory), Snapshot(Snapshot), ProjectRoot(Settings.ProjectRoot),
        Settings(Settings), Summaries(Summaries) {}

  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &Compiler, llvm::StringRef File) override {
    std::unique_ptr<ASTConsumer> Tidy =
        Factory.createASTConsumer(Compiler, File);
    if (!Settings.ExportSummaries)
      return Tidy;
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::move(Tidy));
    Consumers.push_back(std::make_unique<SummaryConsumer>(Settings, Summaries));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

  void EndSourceFileAction() override {
    const SourceManager &SM = getCompilerInstance().getSourceManager();
    llvm::ErrorOr<std::string> Directory =
        SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::optional<llvm::MemoryBufferRef> Buffer =
          It->second->getBufferIfLoaded();
      if (!Buffer)
        continue;
      llvm::StringRef Name = It->first.getName();
      llvm::SmallString<256> Absolute;
      if (llvm::sys::path::is_relative(Name) && Directory)
        Absolute = *Directory;
      llvm::sys::path::append(Absolute, Name);
      // The cache rereads dependencies by this name, so `..` stays: it may
      // follow a symlink (/usr/lib/llvm-19/bin/../lib/gcc/...), where
      // removing it textually names another file.
      Snapshot.Dependencies.emplace_back(
          std::string(Absolute), ResultCache::contentHash(Buffer->getBuffer()));
      std::string Path = normalizePath(Name, Directory ? *Directory : "");
      if (isUnder(Path, ProjectRoot))
        Snapshot.Contents[Path] = Buffer->getBuffer().str();
    }
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  SourceSnapshot &Snapshot;
  std::string ProjectRoot;
  const AnalysisSettings &Settings;
  std::shared_ptr<clang::tidy::prodready::ProgramSummaries> &Summaries;
};

class SnapshotActionFactory : public tooling::FrontendActionFactory {
public:
  SnapshotActionFactory(
      ClangTidyContext &Context, SourceSnapshot &Snapshot,
      const AnalysisSettings &Settings,
      std::shared_ptr<clang::tidy::prodready::ProgramSummaries> &Summaries,
      llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS)
      : ConsumerFactory(Context, std::move(FS)), Snapshot(Snapshot),
        Settings(Settings), Summaries(Summaries) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SnapshotAction>(ConsumerFactory, Snapshot,
                                            Settings, Summaries);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy does: code may test __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // No "N warnings generated." on stderr: findings are the report's.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory ConsumerFactory;
  SourceSnapshot &Snapshot;
  const AnalysisSettings &Settings;
  std::shared_ptr<clang::tidy::prodready::ProgramSummaries> &Summaries;
};

/// The diagnostics engine clang-tidy's context reports to; its
/// constructor changed in LLVM 21.
struct TidyDiagnostics {
  TidyDiagnostics(ClangTidyContext &Context, bool FixNotes)
      : Consumer(Context, nullptr, /*RemoveIncompatibleErrors=*/true,
                 /*GetFixesFromNotes=*/FixNotes) {
#if LLVM_VERSION_MAJOR >= 21
    auto Options = std::make_unique<DiagnosticOptions>();
    Engine = std::make_unique<DiagnosticsEngine>(
        llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), *Options, &Consumer,
        /*ShouldOwnClient=*/false);
    Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
    Engine = std::make_unique<DiagnosticsEngine>(
        llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
        llvm::makeIntrusiveRefCnt<DiagnosticOptions>(), &Consumer,
        /*ShouldOwnClient=*/false);
    Context.setDiagnosticsEngine(Engine.get());
#endif
  }

  ClangTidyDiagnosticConsumer Consumer;
  std::unique_ptr<DiagnosticsEngine> Engine;
};

void adjustCommand(std::vector<std::string> &Args,
                   const AnalysisSettings &Settings,
                   std::vector<std::string> *RemovedFlags) {
  if (!Settings.AllowPlugins) {
    std::vector<std::string> Removed = stripPluginFlags(Args);
    if (RemovedFlags)
      RemovedFlags->insert(RemovedFlags->end(), Removed.begin(), Removed.end());
  }
  // A clang configuration file beside the compiler the command names
  // (`x86_64-linux-gnu-clang++.cfg`) is read like --config and can carry
  // the same flags, so default configuration files are off too.
  bool ClangCl =
      llvm::any_of(
          Args,
          [](llvm::StringRef Arg) { return Arg == "--driver-mode=cl"; }) ||
      (!Args.empty() &&
       llvm::sys::path::filename(Args[0]).starts_with_insensitive("clang-cl"));
  if (!Settings.AllowPlugins && !ClangCl && !Args.empty())
    Args.insert(Args.begin() + 1, "--no-default-config");
  bool HasResourceDir = llvm::any_of(Args, [](llvm::StringRef Arg) {
    return Arg.starts_with("-resource-dir");
  });
  // Without it, clang looks for its builtin headers beside the running
  // binary - the driver's build directory, where there are none.
  if (!HasResourceDir && !Settings.ResourceDir.empty() && !Args.empty())
    Args.insert(Args.begin() + 1, "-resource-dir=" + Settings.ResourceDir);
}

/// 1-based line and column of \p Offset in \p Buffer, and the line's text.
void lineAndColumn(llvm::StringRef Buffer, unsigned Offset, unsigned &Line,
                   unsigned &Column, std::string *LineText = nullptr) {
  Offset = std::min<unsigned>(Offset, Buffer.size());
  llvm::StringRef Before = Buffer.take_front(Offset);
  Line = Before.count('\n') + 1;
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  Column = Offset - LineStart + 1;
  if (LineText)
    *LineText =
        Buffer.slice(LineStart, Buffer.find('\n', Offset)).rtrim("\r").str();
}

Severity severityOf(const ClangTidyError &Error) {
  if (Error.IsWarningAsError || Error.DiagLevel == ClangTidyError::Error)
    return Severity::Error;
  if (Error.DiagLevel == ClangTidyError::Remark)
    return Severity::Note;
  llvm::StringRef Check = Error.DiagnosticName;
  if (Check.starts_with("prodready-"))
    return findingSeverity(Check, Error.Message.Message);
  return Severity::Warning;
}

/// Turns clang-tidy's diagnostics into findings, positioned in the bytes
/// the analysis read.
class FindingBuilder {
public:
  FindingBuilder(SourceSnapshot &Snapshot, bool FixNotes)
      : Snapshot(Snapshot), FixNotes(FixNotes) {}

  void add(const ClangTidyError &Error, llvm::StringRef MainFile,
           ReportInput &Report) {
    Finding F;
    F.Check = Error.DiagnosticName;
    F.Message = Error.Message.Message;
    F.Level = severityOf(Error);
    unsigned Offset = Error.Message.FileOffset;
    if (Error.Message.FilePath.empty()) {
      // Errors without a location (an unknown flag, a missing file) are
      // the translation unit's: reported at its first line.
      if (F.Level != Severity::Error)
        return;
      F.File = MainFile.str();
      Offset = 0;
    } else {
      F.File = normalizePath(Error.Message.FilePath, Error.BuildDirectory);
    }
    lineAndColumn(content(F.File), Offset, F.Line, F.Column, &F.LineText);
    for (const tooling::DiagnosticMessage &Message : Error.Notes)
      if (!Message.FilePath.empty())
        F.Notes.push_back(note(Message, Error.BuildDirectory));
    if (const auto *Fix = getFixIt(Error, FixNotes))
      for (const auto &[Path, Replacements] : *Fix)
        for (const tooling::Replacement &R : Replacements)
          F.Fix.push_back(
              edit(R, normalizePath(Path, Error.BuildDirectory), Report));
    // Before any report, cache or baseline sees the quoted lines.
    redactSnippetsIfSecret(F);
    Report.Findings.push_back(std::move(F));
  }

private:
  Note note(const tooling::DiagnosticMessage &Message,
            llvm::StringRef BuildDirectory) {
    Note N;
    N.File = normalizePath(Message.FilePath, BuildDirectory);
    N.Message = Message.Message;
    lineAndColumn(content(N.File), Message.FileOffset, N.Line, N.Column,
                  &N.LineText);
    return N;
  }

  Replacement edit(const tooling::Replacement &R, const std::string &File,
                   ReportInput &Report) {
    Replacement Edit;
    Edit.File = File;
    Edit.Offset = R.getOffset();
    Edit.Length = R.getLength();
    Edit.Text = R.getReplacementText().str();
    llvm::StringRef Text = content(File);
    lineAndColumn(Text, Edit.Offset, Edit.StartLine, Edit.StartColumn);
    lineAndColumn(Text, Edit.Offset + Edit.Length, Edit.EndLine,
                  Edit.EndColumn);
    Report.Digests.try_emplace(File, sha256Hex(Text));
    return Edit;
  }

  /// The bytes the analysis read; files outside the project (a finding in
  /// a system header listed by HeaderFilterRegex) are read from disk.
  llvm::StringRef content(const std::string &File) {
    auto [It, Inserted] = Snapshot.Contents.try_emplace(File);
    if (Inserted)
      if (auto Buffer =
              llvm::MemoryBuffer::getFile(File, /*IsText=*/false, false))
        It->second = (*Buffer)->getBuffer().str();
    return It->second;
  }

  SourceSnapshot &Snapshot;
  bool FixNotes;
};

} // namespace

std::vector<std::string> optionValueProblems(const ClangTidyOptions &Options) {
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Options));
  TidyDiagnostics Diagnostics(Context, /*FixNotes=*/false);
  // Creating the checks makes them read, and validate, their options.
  ClangTidyASTConsumerFactory(Context).getCheckOptions();
  std::vector<std::string> Problems;
  for (const ClangTidyError &Error : Diagnostics.Consumer.take())
    Problems.push_back(Error.Message.Message);
  return Problems;
}

std::vector<tooling::CompileCommand>
effectiveCommands(const tooling::CompilationDatabase &Database,
                  llvm::StringRef File, const AnalysisSettings &Settings,
                  std::vector<std::string> *RemovedFlags) {
  std::vector<tooling::CompileCommand> Commands =
      Database.getCompileCommands(File);
  for (tooling::CompileCommand &Command : Commands)
    adjustCommand(Command.CommandLine, Settings, RemovedFlags);
  return Commands;
}

std::vector<std::string>
effectiveCommand(const tooling::CompilationDatabase &Database,
                 llvm::StringRef File, const AnalysisSettings &Settings,
                 std::vector<std::string> *RemovedFlags) {
  std::vector<std::string> Result;
  for (const tooling::CompileCommand &Command :
       effectiveCommands(Database, File, Settings, RemovedFlags)) {
    Result.push_back(Command.Directory);
    Result.insert(Result.end(), Command.CommandLine.begin(),
                  Command.CommandLine.end());
  }
  return Result;
}

bool TranslationUnitResult::parseSummaries() {
  if (Summaries || SummariesText.empty())
    return true;
  std::string Error;
  Summaries =
      clang::tidy::prodready::ProgramSummaries::parse(SummariesText, Error);
  return Summaries != nullptr;
}

TranslationUnitResult
analyzeTranslationUnit(const tooling::CompilationDatabase &Database,
                       llvm::StringRef File, const AnalysisSettings &Settings) {
  auto Start = std::chrono::steady_clock::now();
  TranslationUnitResult Result;
  Result.File = File.str();

  ConfigErrorLog IgnoredErrors; // Reported by the driver's pre-flight.
  ClangTidyContext Context(makeOptionsProvider(Settings, IgnoredErrors));
  TidyDiagnostics Diagnostics(Context, Settings.FixNotes);
  // A physical file system keeps its own working directory: ClangTool
  // changes it to each command's directory, which with the process-wide
  // one would race with the other threads.
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::createPhysicalFileSystem()));
  tooling::ClangTool Tool(Database, {Result.File},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster([&Context](
                                   const tooling::CommandLineArguments &Args,
                                   llvm::StringRef Filename) {
    // .clang-tidy's ExtraArgs and ExtraArgsBefore, as clang-tidy adds
    // them.
    ClangTidyOptions Options = Context.getOptionsForFile(Filename);
    tooling::CommandLineArguments Adjusted = Args;
    if (Options.ExtraArgsBefore && !Adjusted.empty())
      Adjusted.insert(Adjusted.begin() + 1, Options.ExtraArgsBefore->begin(),
                      Options.ExtraArgsBefore->end());
    if (Options.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Options.ExtraArgs->begin(),
                      Options.ExtraArgs->end());
    return Adjusted;
  });
  Tool.appendArgumentsAdjuster(
      [&](const tooling::CommandLineArguments &Args, llvm::StringRef) {
        tooling::CommandLineArguments Adjusted = Args;
        adjustCommand(Adjusted, Settings, &Result.RemovedFlags);
        return Adjusted;
      });
  Tool.setDiagnosticConsumer(&Diagnostics.Consumer);

  SourceSnapshot Snapshot;
  SnapshotActionFactory Factory(Context, Snapshot, Settings, Result.Summaries,
                                FS);
  int Status = Tool.run(&Factory);

  FindingBuilder Builder(Snapshot, Settings.FixNotes);
  for (const ClangTidyError &Error : Diagnostics.Consumer.take())
    Builder.add(Error, Result.File, Result.Report);
  bool HasError = llvm::any_of(Result.Report.Findings, [](const Finding &F) {
    return F.Level == Severity::Error &&
           llvm::StringRef(F.Check).starts_with("clang-diagnostic");
  });
  if (Status != 0 && !HasError) {
    Finding F;
    F.Check = "clang-diagnostic-error";
    F.Level = Severity::Error;
    F.File = Result.File;
    F.Line = F.Column = 1;
    F.Message = "the translation unit could not be analyzed";
    Result.Report.Findings.push_back(std::move(F));
  }
  Result.Dependencies = std::move(Snapshot.Dependencies);
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return Result;
}

} // namespace prodready::driver
