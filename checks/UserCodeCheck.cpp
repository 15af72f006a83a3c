//===--- UserCodeCheck.cpp - prodready ------------------------------------===//

#include "UserCodeCheck.h"
#include "llvm/Support/Path.h"
#include "analysis/UserCodeScanner.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

void UserCodeCheck::registerMatchers(MatchFinder *Finder) {
  // The user's code is scanned, not matched node by node: see
  // UserCodeScanner.h for why.
  addUserCodeMatcher(*Finder, *this, areDiagsSelfContained());
}

void UserCodeCheck::check(const MatchFinder::MatchResult &Result) {
  AST = Result.Context;
  checkUserCode(Result);
  // A match covers a template and all its instantiations (they are
  // declarations of the template, or of its class template), so every
  // report of a location is in by now.
  emitHeld();
}

void UserCodeCheck::onEndOfTranslationUnit() {
  emitHeld();
  Templates.clear();
  AST = nullptr;
  HoldingWarning = false;
  endTranslationUnit();
}

DiagnosticBuilder UserCodeCheck::diag(SourceLocation Loc,
                                      StringRef Description,
                                      DiagnosticIDs::Level Level) {
  if (Level != DiagnosticIDs::Note)
    HoldingWarning =
        AST && Loc.isValid() &&
        Templates.instantiationsAt(Loc, AST->getSourceManager()) > 0;
  if (HoldingWarning)
    return Held.hold(*AST, Loc, Description, Level);
  return ClangTidyCheck::diag(Loc, Description, Level);
}

void UserCodeCheck::emitHeld() {
  if (Held.empty() || !AST)
    return;
  auto Emit = [&](const HeldDiagnostic &D) {
    auto Builder = ClangTidyCheck::diag(D.Loc, "%0", D.Level) << D.Message;
    for (const CharSourceRange &Range : D.Ranges)
      Builder << Range;
    for (const FixItHint &Fix : D.Fixes)
      Builder << Fix;
  };
  for (const HeldReport &Report :
       Held.take(Templates, AST->getSourceManager())) {
    Emit(Report.Warning);
    for (const HeldDiagnostic &Note : Report.Notes)
      Emit(Note);
  }
}

void UserCodeCheck::scanMatchedUserStmts(
    const MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit) {
  prodready::scanMatchedUserStmts(Result, Visit, &Templates);
}

void UserCodeCheck::scanMatchedUserCode(
    const MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit) {
  prodready::scanMatchedUserCode(Result, Visit, &Templates);
}

void UserCodeCheck::linkWholeProgram(TaintModel &Model, bool PathValidators) {
  WholeProgramSummaries =
      Options.getLocalOrGlobal("WholeProgramSummaries", "").str();
  if (WholeProgramSummaries.empty())
    return;
  std::string Error;
  std::shared_ptr<const ProgramSummaries> Summaries =
      ProgramSummaries::load(WholeProgramSummaries, Error);
  if (!Summaries) {
    configurationDiag("cannot use the whole-program summaries of check "
                      "'%0': %1")
        << getID() << Error;
    return;
  }
  ProgramModels =
      std::make_unique<ProgramCallModels>(std::move(Summaries), PathValidators);
  Model.setProgram(ProgramModels.get());
}

void UserCodeCheck::noteLinkedOrigin(const Expr &Origin) {
  if (!ProgramModels)
    return;
  const ProgramSummaries::Entry *Linked = ProgramModels->linkedCallee(Origin);
  if (!Linked || Linked->File.empty())
    return;
  diag(Origin.getBeginLoc(),
       "'%0', defined in another translation unit ('%1'), returns the "
       "untrusted data",
       DiagnosticIDs::Note)
      << Linked->Name << llvm::sys::path::filename(Linked->File);
}

} // namespace clang::tidy::prodready
