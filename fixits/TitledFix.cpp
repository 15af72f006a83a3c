//===--- TitledFix.cpp - prodready ----------------------------------------===//

#include "TitledFix.h"

namespace clang::tidy::prodready::fixits {

void TitledFix::add(const DiagnosticBuilder &Warning, const FixItHint &Hint) {
  ++Count;
  if (InEditor)
    Kept.push_back(Hint);
  else
    Warning << Hint;
}

void TitledFix::emitNote(ClangTidyCheck &Check, SourceLocation Loc) const {
  if (!InEditor || Kept.empty())
    return;
  // "%0": a title may contain '%' (a format string in a fixed call).
  auto Note = Check.diag(Loc, "%0", DiagnosticIDs::Note) << Title;
  for (const FixItHint &Hint : Kept)
    Note << Hint;
}

} // namespace clang::tidy::prodready::fixits
