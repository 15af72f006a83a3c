//===--- Redaction.cpp - prodready driver ---------------------------------===//

#include "Redaction.h"
#include "CheckMetadata.h"
#include "llvm/ADT/StringExtras.h"

namespace prodready::driver {

namespace {

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// True if the `"` at \p Quote opens a raw string: `R"`, `u8R"`, `LR"`,
/// `uR"`, `UR"`, not the end of an identifier such as `FOOR"`.
bool opensRawString(llvm::StringRef Line, size_t Quote) {
  if (Quote == 0 || Line[Quote - 1] != 'R')
    return false;
  llvm::StringRef Before = Line.take_front(Quote - 1);
  for (llvm::StringRef Prefix : {"u8", "L", "u", "U", ""})
    if (Before.ends_with(Prefix)) {
      size_t Start = Before.size() - Prefix.size();
      if (Start == 0 || !isIdentifierChar(Line[Start - 1]))
        return true;
    }
  return false;
}

void mask(std::string &Out, size_t From, size_t To) {
  for (size_t I = From; I < To && I < Out.size(); ++I)
    Out[I] = '*';
}

} // namespace

std::string redactStringLiterals(llvm::StringRef Line) {
  std::string Out = Line.str();
  size_t N = Line.size();
  for (size_t I = 0; I < N;) {
    char C = Line[I];
    if (C == '/' && I + 1 < N && Line[I + 1] == '/')
      break;
    if (C == '/' && I + 1 < N && Line[I + 1] == '*') {
      size_t End = Line.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? N : End + 2;
      continue;
    }
    if (C == '\'') {
      // 1'000'000: a digit separator, not a character literal.
      if (I > 0 && llvm::isHexDigit(Line[I - 1]) && I + 1 < N &&
          llvm::isHexDigit(Line[I + 1])) {
        ++I;
        continue;
      }
      size_t J = I + 1;
      while (J < N && Line[J] != '\'')
        J += Line[J] == '\\' ? 2 : 1;
      I = J + 1;
      continue;
    }
    if (C != '"') {
      ++I;
      continue;
    }
    if (opensRawString(Line, I)) {
      size_t Open = Line.find('(', I + 1);
      if (Open == llvm::StringRef::npos) {
        mask(Out, I + 1, N);
        break;
      }
      std::string Close = ")" + Line.slice(I + 1, Open).str() + "\"";
      size_t End = Line.find(Close, Open + 1);
      size_t ContentEnd = End == llvm::StringRef::npos ? N : End;
      mask(Out, Open + 1, ContentEnd);
      I = End == llvm::StringRef::npos ? N : End + Close.size();
      continue;
    }
    size_t J = I + 1;
    while (J < N && Line[J] != '"')
      J += Line[J] == '\\' ? 2 : 1;
    mask(Out, I + 1, std::min(J, N));
    I = J + 1;
  }
  return Out;
}

void redactSnippetsIfSecret(Finding &F) {
  if (!checkInfo(F.Check).RedactsSnippets)
    return;
  F.LineText = redactStringLiterals(F.LineText);
  for (Note &N : F.Notes)
    N.LineText = redactStringLiterals(N.LineText);
}

} // namespace prodready::driver
