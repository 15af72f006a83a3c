//===--- DependencyScan.cpp - prodready driver ----------------------------===//

#include "DependencyScan.h"
#include "ChangeImpact.h"
#include "Paths.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningService.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"

namespace prodready::driver {

using namespace clang::tooling::dependencies;

DependencyScanner::DependencyScanner()
    : Service(std::make_unique<DependencyScanningService>(
          ScanningMode::DependencyDirectivesScan,
          ScanningOutputFormat::Make)) {}

DependencyScanner::~DependencyScanner() = default;

llvm::Expected<std::vector<std::string>>
DependencyScanner::scan(const clang::tooling::CompilationDatabase &Database,
                        llvm::StringRef File,
                        const AnalysisSettings &Settings) {
  // One tool (a worker with its own file manager) per call: tools are not
  // thread-safe, the service is.
  DependencyScanningTool Tool(*Service);
  std::vector<std::string> Files;
  for (const clang::tooling::CompileCommand &Command :
       effectiveCommands(Database, File, Settings)) {
    llvm::Expected<std::string> Make =
        Tool.getDependencyFile(Command.CommandLine, Command.Directory);
    if (!Make)
      return Make.takeError();
    for (const std::string &Path : parseMakeDependencies(*Make))
      Files.push_back(normalizePath(Path, Command.Directory));
  }
  return Files;
}

} // namespace prodready::driver
