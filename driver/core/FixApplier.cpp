//===--- FixApplier.cpp - prodready driver --------------------------------===//

#include "FixApplier.h"
#include "Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <set>

namespace prodready::driver {

namespace {

std::string location(const Finding &F) {
  return F.Check + " at " + F.File + ":" + std::to_string(F.Line) + ":" +
         std::to_string(F.Column);
}

/// Two edits of one file collide when applying both has no single
/// meaning: overlapping replaced ranges, two different insertions at one
/// offset, or an insertion strictly inside a replaced range.
bool collide(const Replacement &A, const Replacement &B) {
  if (A == B)
    return false; // Applied once.
  uint64_t AEnd = uint64_t(A.Offset) + A.Length,
           BEnd = uint64_t(B.Offset) + B.Length;
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset;
  if (A.Length == 0)
    return A.Offset > B.Offset && A.Offset < BEnd;
  if (B.Length == 0)
    return B.Offset > A.Offset && B.Offset < AEnd;
  return A.Offset < BEnd && B.Offset < AEnd;
}

struct FileState {
  std::string Content;
  bool Usable = false;
  std::vector<Replacement> Edits; ///< Taken so far.
  std::vector<size_t> EditOwners; ///< The finding of each edit.
};

} // namespace

llvm::Error writeFileAtomically(const std::string &Spelled,
                                llvm::StringRef Content) {
  // Through a symbolic link to the file it names: renaming over the link
  // would replace it with a copy and leave the real file unchanged.
  llvm::SmallString<256> Real;
  std::string Path =
      llvm::sys::fs::real_path(Spelled, Real) ? Spelled : std::string(Real);
  llvm::sys::fs::file_status Status;
  unsigned Mode = llvm::sys::fs::all_read | llvm::sys::fs::all_write;
  if (!llvm::sys::fs::status(Path, Status))
    Mode = Status.permissions();
  auto Temp = llvm::sys::fs::TempFile::create(Path + ".prodready-%%%%%%", Mode);
  if (!Temp)
    return Temp.takeError();
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Content;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::consumeError(Temp->discard());
      return llvm::errorCodeToError(EC);
    }
  }
  return Temp->keep(Path);
}

std::string sha256Hex(llvm::StringRef Content) {
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Content)),
                     /*LowerCase=*/true);
}

unsigned FixOutcome::appliedCount() const {
  return std::count(Applied.begin(), Applied.end(), true);
}

std::string applyEdits(llvm::StringRef Content,
                       std::vector<Replacement> Edits) {
  // Insertions before replacements at the same offset: an insertion at the
  // start of a replaced range goes in front of the new text.
  // (Edits that collide were refused, so this order is total.)
  std::sort(Edits.begin(), Edits.end(),
            [](const Replacement &A, const Replacement &B) {
              return std::make_pair(A.Offset, A.Length != 0) <
                     std::make_pair(B.Offset, B.Length != 0);
            });
  std::string Result;
  unsigned Position = 0;
  for (const Replacement &R : Edits) {
    Result += Content.slice(Position, R.Offset).str();
    Result += R.Text;
    Position = R.Offset + R.Length;
  }
  Result += Content.substr(Position).str();
  return Result;
}

FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      const FileDigests &Digests, llvm::StringRef Root) {
  FixOutcome Outcome;
  Outcome.Applied.assign(Findings.size(), false);
  std::map<std::string, FileState> Files;
  std::set<std::string> Refusals;

  auto LoadFile = [&](const std::string &File) -> FileState & {
    auto [It, Inserted] = Files.try_emplace(File);
    if (!Inserted)
      return It->second;
    FileState &State = It->second;
    std::string Path = normalizePath(File, Root);
    // A report naming a device or a FIFO would block, or read forever.
    if (llvm::sys::fs::exists(Path) && !llvm::sys::fs::is_regular_file(Path)) {
      Refusals.insert(File + ": not fixed: not a regular file");
      return State;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    auto Digest = Digests.find(File);
    if (!Buffer)
      Refusals.insert(File + ": not fixed: cannot read it (" +
                      Buffer.getError().message() + ")");
    else if (Digest == Digests.end())
      Refusals.insert(File + ": not fixed: the report has no digest of it");
    else if (sha256Hex((*Buffer)->getBuffer()) != Digest->second)
      Refusals.insert(File + ": not fixed: it changed since it was analyzed");
    else {
      State.Content = (*Buffer)->getBuffer().str();
      State.Usable = true;
    }
    return State;
  };

  for (size_t Index = 0; Index < Findings.size(); ++Index) {
    const Finding &F = Findings[Index];
    if (F.Fix.empty())
      continue;
    bool Takes = true;
    for (const Replacement &Edit : F.Fix) {
      FileState &State = LoadFile(Edit.File);
      if (!State.Usable) {
        Takes = false;
        break;
      }
      // In 64 bits: a crafted report must not wrap around.
      if (uint64_t(Edit.Offset) + Edit.Length > State.Content.size()) {
        Refusals.insert(location(F) +
                        ": fix not applied: it edits past the "
                        "end of " +
                        Edit.File);
        Takes = false;
        break;
      }
      for (size_t I = 0; I < State.Edits.size(); ++I)
        if (collide(Edit, State.Edits[I])) {
          Refusals.insert(location(F) +
                          ": fix not applied: it overlaps the "
                          "fix of " +
                          location(Findings[State.EditOwners[I]]));
          Takes = false;
          break;
        }
      if (!Takes)
        break;
    }
    if (!Takes)
      continue;
    for (const Replacement &Edit : F.Fix) {
      FileState &State = Files[Edit.File];
      if (std::find(State.Edits.begin(), State.Edits.end(), Edit) ==
          State.Edits.end()) {
        State.Edits.push_back(Edit);
        State.EditOwners.push_back(Index);
      }
    }
    Outcome.Applied[Index] = true;
  }

  for (auto &[File, State] : Files) {
    if (State.Edits.empty())
      continue;
    // The file is read once more just before it is replaced, so that an
    // edit made while the fixes were computed is not overwritten.
    std::string Path = normalizePath(File, Root);
    auto Current = llvm::MemoryBuffer::getFile(Path, false, false);
    llvm::Error Written =
        !Current || (*Current)->getBuffer() != State.Content
            ? llvm::createStringError(llvm::inconvertibleErrorCode(),
                                      "it changed since it was analyzed")
            : writeFileAtomically(Path, applyEdits(State.Content, State.Edits));
    if (Written) {
      Refusals.insert(File +
                      ": not fixed: " + llvm::toString(std::move(Written)));
      for (size_t Owner : State.EditOwners)
        Outcome.Applied[Owner] = false;
      continue;
    }
    Outcome.FilesWritten.push_back(File);
  }
  Outcome.Refusals.assign(Refusals.begin(), Refusals.end());
  return Outcome;
}

} // namespace prodready::driver
