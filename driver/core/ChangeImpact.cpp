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

std::vector<std::string> parseMakeDependencies(llvm::StringRef Text) {
  std::vector<std::string> Files;
  std::string Word;
  bool InTargets = true;
  auto EndWord = [&] {
    if (Word.empty())
      return;
    // A target ends with ':' (`out.o:`), unless it is a drive letter.
    if (InTargets && Word.back() == ':') {
      InTargets = false;
    } else if (!InTargets) {
      Files.push_back(Word);
    }
    Word.clear();
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\\' && I + 1 < Text.size()) {
      char Next = Text[I + 1];
      if (Next == '\n' || Next == '\r') { // A continuation line.
        EndWord();
        ++I;
        continue;
      }
      if (Next == ' ' || Next == '#' || Next == '\\') {
        Word += Next;
        ++I;
        continue;
      }
    }
    if (C == '$' && I + 1 < Text.size() && Text[I + 1] == '$') {
      Word += '$';
      ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      EndWord();
      // A new rule starts on a line of its own.
      if (C == '\n' && I + 1 < Text.size() && Text[I + 1] != ' ' &&
          Text[I + 1] != '\t')
        InTargets = true;
      continue;
    }
    Word += C;
  }
  EndWord();
  return Files;
}

} // namespace prodready::driver
