//===--- TitledFix.h - prodready -------------------------------*- C++ -*-===//
//
// One fix of a finding, with the title an editor shows for it.
//
// clangd turns the fix-its of a clang-tidy diagnostic into a quick fix and
// titles it from the diagnostic that carries them: a fix on the warning
// itself is titled "change 'x' to 'y'" (one edit) or with the warning's
// whole text (several edits, e.g. a replacement and an #include), neither
// of which says what the fix does. A fix on a *note* is titled with that
// note's message. clang-tidy, on the other hand, applies with -fix only the
// fixes on the warning (fixes on notes need --fix-notes).
//
// So a TitledFix goes on the warning for clang-tidy and the driver, and,
// when the check's diagnostics are self-contained (clangd sets that for
// its clang-tidy checks; prodready checks use it as "in the editor"), on a
// note at the warning whose message is the title. The edits are the same.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_FIXITS_TITLEDFIX_H
#define PRODREADY_FIXITS_TITLEDFIX_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready::fixits {

class TitledFix {
public:
  /// \p InEditor: the check's areDiagsSelfContained(). \p Title says what
  /// the fix does ("use a checked parse with fallback 0"), not what is wrong.
  TitledFix(bool InEditor, std::string Title)
      : InEditor(InEditor), Title(std::move(Title)) {}

  /// Adds \p Hint to the fix: to \p Warning (still being built) outside the
  /// editor, kept for the note in it.
  void add(const DiagnosticBuilder &Warning, const FixItHint &Hint);
  void add(const DiagnosticBuilder &Warning,
           const std::optional<FixItHint> &Hint) {
    if (Hint)
      add(Warning, *Hint);
  }

  bool empty() const { return Count == 0; }

  /// Call once the warning is emitted (its builder destroyed): in the
  /// editor, emits the note at \p Loc that carries the fix, through
  /// \p Check's diag() (which a check may redefine: it must see the note).
  template <typename CheckT>
  void emitNote(CheckT &Check, SourceLocation Loc) const {
    if (!InEditor || Kept.empty())
      return;
    // "%0": a title may contain '%' (a format string in a fixed call).
    auto Note = Check.diag(Loc, "%0", DiagnosticIDs::Note) << Title;
    for (const FixItHint &Hint : Kept)
      Note << Hint;
  }

private:
  bool InEditor;
  std::string Title;
  unsigned Count = 0;
  llvm::SmallVector<FixItHint, 4> Kept;
};

} // namespace clang::tidy::prodready::fixits

#endif // PRODREADY_FIXITS_TITLEDFIX_H
