//===--- UnifiedDiff.cpp - prodready driver -------------------------------===//

#include "UnifiedDiff.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace prodready::driver {

namespace {

/// git's C-style quoting of a path with unusual bytes: `"st\303\266re.cpp"`
/// is `störe.cpp` (octal escapes are UTF-8 bytes).
std::string unquote(llvm::StringRef Quoted) {
  std::string Path;
  for (size_t I = 0; I < Quoted.size(); ++I) {
    char C = Quoted[I];
    if (C != '\\' || I + 1 == Quoted.size()) {
      Path.push_back(C);
      continue;
    }
    char Next = Quoted[++I];
    if (Next >= '0' && Next <= '7' && I + 2 < Quoted.size()) {
      unsigned Byte = 0;
      Quoted.substr(I, 3).getAsInteger(8, Byte);
      Path.push_back(static_cast<char>(Byte));
      I += 2;
      continue;
    }
    switch (Next) {
    case 'n':
      Path.push_back('\n');
      break;
    case 't':
      Path.push_back('\t');
      break;
    case 'a':
      Path.push_back('\a');
      break;
    case 'b':
      Path.push_back('\b');
      break;
    case 'f':
      Path.push_back('\f');
      break;
    case 'r':
      Path.push_back('\r');
      break;
    case 'v':
      Path.push_back('\v');
      break;
    default:
      Path.push_back(Next);
      break; // \\ and \"
    }
  }
  return Path;
}

/// The path of a `+++ b/path` line: the first component (`b/`) dropped,
/// git's quoting and a trailing tab and timestamp removed. Empty for
/// /dev/null (a deleted file).
std::string newSidePath(llvm::StringRef Line) {
  llvm::StringRef Spelled = Line.drop_front(4);
  std::string Path;
  if (Spelled.starts_with("\"")) {
    size_t End = Spelled.rfind('"');
    Path = unquote(Spelled.slice(1, End == 0 ? Spelled.size() : End));
  } else {
    Path = Spelled.split('\t').first.rtrim().str();
  }
  if (Path == "/dev/null")
    return "";
  if (size_t Slash = Path.find('/'); Slash != std::string::npos)
    Path.erase(0, Slash + 1);
  return Path;
}

/// `@@ -a[,b] +c[,d] @@`: the first new-side line and the count.
bool parseHunkHeader(llvm::StringRef Line, unsigned &NewStart,
                     unsigned &NewCount) {
  llvm::StringRef Rest = Line.drop_front(2).ltrim();
  auto [Old, AfterOld] = Rest.split(' ');
  auto [New, Tail] = AfterOld.split(' ');
  if (!Old.consume_front("-") || !New.consume_front("+") ||
      !Tail.starts_with("@@"))
    return false;
  auto [Start, Count] = New.split(',');
  NewCount = 1;
  if (Start.getAsInteger(10, NewStart) ||
      (!Count.empty() && Count.getAsInteger(10, NewCount)))
    return false;
  return true;
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::parse(llvm::StringRef Diff) {
  ChangedLines Result;
  std::string File;
  bool InFile = false;     // A "+++ " header was seen.
  unsigned NextLine = 0;   // New-side number of the next context/added line.
  unsigned Remaining = 0;  // New-side lines left in the hunk.
  unsigned LineNumber = 0; // In the diff, for errors.
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    ++LineNumber;
    Line = Line.rtrim('\r');
    if (Line.starts_with("+++ ")) {
      File = newSidePath(Line);
      InFile = true;
      Remaining = 0;
      continue;
    }
    if (Line.starts_with("@@")) {
      if (!InFile)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "hunk at line " + std::to_string(LineNumber) +
                " of the diff has no '+++' file header before it");
      unsigned Count = 0;
      if (!parseHunkHeader(Line, NextLine, Count))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "malformed hunk header at line " + std::to_string(LineNumber) +
                " of the diff: '" + Line.str() + "'");
      Remaining = Count;
      continue;
    }
    if (Remaining == 0 || File.empty())
      continue;
    if (Line.starts_with("+")) {
      auto &FileRanges = Result.Ranges[File];
      if (!FileRanges.empty() && FileRanges.back().second + 1 == NextLine)
        FileRanges.back().second = NextLine;
      else
        FileRanges.emplace_back(NextLine, NextLine);
      ++NextLine;
      --Remaining;
    } else if (Line.starts_with(" ") || Line.empty()) {
      ++NextLine;
      --Remaining;
    }
    // '-' lines and "\ No newline at end of file" use no new-side line.
  }
  return Result;
}

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Ranges.find(File.str());
  if (It == Ranges.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (First <= Line && Line <= Last)
      return true;
  return false;
}

std::vector<std::string> ChangedLines::files() const {
  std::vector<std::string> Files;
  for (const auto &[File, FileRanges] : Ranges)
    Files.push_back(File);
  return Files;
}

} // namespace prodready::driver
