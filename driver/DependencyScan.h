//===--- DependencyScan.h - prodready driver -------------------*- C++ -*-===//
//
// The files a translation unit reads, found without analyzing it: clang's
// dependency scanner (the preprocessor over minimized sources, as
// clang-scan-deps runs it), for `--diff` when the cache has no entry that
// says which files a translation unit read.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_DEPENDENCYSCAN_H
#define PRODREADY_DRIVER_DEPENDENCYSCAN_H

#include "TidyRunner.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tooling::dependencies {
class DependencyScanningService;
} // namespace clang::tooling::dependencies

namespace prodready::driver {

class DependencyScanner {
public:
  DependencyScanner();
  ~DependencyScanner();

  /// The files \p File's translation unit reads (the main file and every
  /// header), absolute, over all its compile commands. Fails when a
  /// command cannot be preprocessed (a missing header): the caller then
  /// treats the unit as affected. Thread-safe.
  llvm::Expected<std::vector<std::string>>
  scan(const clang::tooling::CompilationDatabase &Database,
       llvm::StringRef File, const AnalysisSettings &Settings);

private:
  /// Shared by every thread: it caches the minimized sources.
  std::unique_ptr<clang::tooling::dependencies::DependencyScanningService>
      Service;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_DEPENDENCYSCAN_H
