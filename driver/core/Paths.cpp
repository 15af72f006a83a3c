//===--- Paths.cpp - prodready driver -------------------------------------===//

#include "Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace prodready::driver {

std::string normalizePath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result;
  if (llvm::sys::path::is_relative(Path))
    Result = Directory;
  llvm::sys::path::append(Result, Path);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

bool isUnder(llvm::StringRef Path, llvm::StringRef Root) {
  return Path.starts_with(Root) &&
         (Path.size() == Root.size() ||
          llvm::sys::path::is_separator(Path[Root.size()]));
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Root) {
  if (!isUnder(Path, Root))
    return Path.str();
  return llvm::sys::path::relative_path(Path.drop_front(Root.size())).str();
}

} // namespace prodready::driver
