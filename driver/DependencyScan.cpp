//===--- DependencyScan.cpp - prodready driver ----------------------------===//

#include "DependencyScan.h"
#include "Paths.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace prodready::driver {

namespace {

using namespace clang;

/// The commands of one file, as the analysis runs them.
class AdjustedDatabase : public tooling::CompilationDatabase {
public:
  explicit AdjustedDatabase(std::vector<tooling::CompileCommand> Commands)
      : Commands(std::move(Commands)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return Commands;
  }

private:
  std::vector<tooling::CompileCommand> Commands;
};

/// Preprocesses, then lists the files the source manager read.
class ReadFilesAction : public PreprocessOnlyAction {
public:
  explicit ReadFilesAction(std::vector<std::string> &Files) : Files(Files) {}

  void EndSourceFileAction() override {
    const SourceManager &SM = getCompilerInstance().getSourceManager();
    llvm::ErrorOr<std::string> Directory =
        SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      Files.push_back(
          normalizePath(It->first.getName(), Directory ? *Directory : ""));
  }

private:
  std::vector<std::string> &Files;
};

class ReadFilesFactory : public tooling::FrontendActionFactory {
public:
  explicit ReadFilesFactory(std::vector<std::string> &Files) : Files(Files) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ReadFilesAction>(Files);
  }

private:
  std::vector<std::string> &Files;
};

} // namespace

llvm::Expected<std::vector<std::string>>
scanDependencies(const tooling::CompilationDatabase &Database,
                 llvm::StringRef File, const AnalysisSettings &Settings) {
  AdjustedDatabase Commands(effectiveCommands(Database, File, Settings));
  // Its own working directory, as in analyzeTranslationUnit: threads run
  // side by side.
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::createPhysicalFileSystem()));
  tooling::ClangTool Tool(Commands, {File.str()},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);
  // Counts errors (a missing header fails the run) and prints nothing.
  class CountingConsumer : public DiagnosticConsumer {
  } Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  std::vector<std::string> Files;
  ReadFilesFactory Factory(Files);
  if (Tool.run(&Factory) != 0 || Quiet.getNumErrors())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + File.str() +
                                       "' cannot be preprocessed");
  return Files;
}

} // namespace prodready::driver
