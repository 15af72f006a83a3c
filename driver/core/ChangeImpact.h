//===--- ChangeImpact.h - prodready driver ---------------------*- C++ -*-===//
//
// `--diff BASE`: which translation units a change can affect. A finding is
// reported under --diff only on a changed line, and a translation unit
// none of whose files changed has no changed line to report on: it is not
// analyzed at all. What a translation unit reads comes from the result
// cache's entry (the files it read when it was last analyzed) or from a
// preprocessor-only run of its compile command (DependencyScan.h).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_CHANGEIMPACT_H
#define PRODREADY_DRIVER_CORE_CHANGEIMPACT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace prodready::driver {

/// The files of a diff, as absolute paths under the project root.
class ChangedFiles {
public:
  /// \p Files as the diff names them (relative to \p Root).
  ChangedFiles(llvm::ArrayRef<std::string> Files, llvm::StringRef Root);

  /// True if \p Path (absolute, or relative to \p Directory) is one of
  /// them, by its spelling or by its real path (a header reached through
  /// a symbolic link is the file the diff changed).
  bool contains(llvm::StringRef Path, llvm::StringRef Directory = "") const;

  /// True if any of \p Paths is one of them.
  bool containsAny(llvm::ArrayRef<std::string> Paths,
                   llvm::StringRef Directory = "") const;

  bool empty() const { return Spellings.empty(); }

private:
  llvm::StringSet<> Spellings;
  llvm::StringSet<> RealPaths;
};


} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_CHANGEIMPACT_H
