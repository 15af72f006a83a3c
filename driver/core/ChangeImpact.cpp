//===--- ChangeImpact.cpp - prodready driver ------------------------------===//

#include "ChangeImpact.h"
#include "Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

namespace prodready::driver {

namespace {

/// The real path of \p Path, or "" when it does not exist (a file the diff
/// deletes).
std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return "";
  return std::string(Real);
}

} // namespace

ChangedFiles::ChangedFiles(llvm::ArrayRef<std::string> Files,
                           llvm::StringRef Root) {
  for (const std::string &File : Files) {
    std::string Absolute = normalizePath(File, Root);
    if (std::string Real = realPath(Absolute); !Real.empty())
      RealPaths.insert(Real);
    Spellings.insert(std::move(Absolute));
  }
}

bool ChangedFiles::contains(llvm::StringRef Path,
                            llvm::StringRef Directory) const {
  std::string Absolute = normalizePath(Path, Directory);
  if (Spellings.contains(Absolute))
    return true;
  std::string Real = realPath(Absolute);
  return !Real.empty() && RealPaths.contains(Real);
}

bool ChangedFiles::containsAny(llvm::ArrayRef<std::string> Paths,
                               llvm::StringRef Directory) const {
  for (const std::string &Path : Paths)
    if (contains(Path, Directory))
      return true;
  return false;
}

} // namespace prodready::driver
