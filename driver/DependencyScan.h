//===--- DependencyScan.h - prodready driver -------------------*- C++ -*-===//
//
// The files a translation unit reads, found without analyzing it: its
// compile command run through the preprocessor only (clang's
// PreprocessOnlyAction), for `--diff` when the cache has no entry that says
// which files a translation unit read. Preprocessing costs a small part of
// a parse and analysis, and uses the same frontend on every LLVM version
// (clang's dependency-scanning library changed its interface in LLVM 22).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_DEPENDENCYSCAN_H
#define PRODREADY_DRIVER_DEPENDENCYSCAN_H

#include "TidyRunner.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace prodready::driver {

/// The files \p File's translation unit reads (the main file and every
/// header), absolute, over all its compile commands as the analysis runs
/// them. Fails when a command cannot be preprocessed (a missing header):
/// the caller then treats the unit as affected. Thread-safe.
llvm::Expected<std::vector<std::string>>
scanDependencies(const clang::tooling::CompilationDatabase &Database,
                 llvm::StringRef File, const AnalysisSettings &Settings);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_DEPENDENCYSCAN_H
