//===--- Paths.h - prodready driver ----------------------------*- C++ -*-===//
//
// The few path operations the driver applies everywhere, so that a file has
// one spelling in findings, digests, the cache and the fixes.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_PATHS_H
#define PRODREADY_DRIVER_CORE_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace prodready::driver {

/// \p Path made absolute against \p Directory, with `.` and `..` removed
/// textually.
std::string normalizePath(llvm::StringRef Path, llvm::StringRef Directory);

/// True if \p Path is \p Root or below it (whole components only:
/// /a/bc is not under /a/b).
bool isUnder(llvm::StringRef Path, llvm::StringRef Root);

/// \p Path relative to \p Root, or \p Path itself if it is not below it.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Root);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_PATHS_H
