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

} // namespace clang::tidy::prodready::fixits
