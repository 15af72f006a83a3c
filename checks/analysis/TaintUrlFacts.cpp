//===--- TaintUrlFacts.cpp - prodready ------------------------------------===//
//
// What the taint analysis learns from the URL validations of branch
// conditions (UrlValidators.h), for a model that asks for them
// (ConditionTests::Urls): on the edge where a validation passes, the URL
// it vouches for, and the URLs a tested part was taken from, hold a value
// the program accepted.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "TaintAnalysisImpl.h"
#include "UrlValidators.h"

namespace clang::tidy::prodready {

namespace {
/// The variables and fields of `this` \p S mentions.
void mentionedLocations(const Stmt *S,
                        llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S)
    return;
  if (isa<DeclRefExpr>(S) ||
      (isa<MemberExpr>(S) &&
       isa<CXXThisExpr>(
           cast<MemberExpr>(S)->getBase()->IgnoreParenImpCasts()))) {
    Out.push_back(cast<Expr>(S));
    return;
  }
  for (const Stmt *Child : S->children())
    mentionedLocations(Child, Out);
}
} // namespace

void TaintEngine::FunctionAnalysis::applyUrlTest(const Expr *Atom, bool Truth,
                                                 State &S) {
  // Broken code: a test the compiler could not read may be a validation
  // of what it mentions; when unsure, stay silent.
  if (Atom->containsErrors()) {
    llvm::SmallVector<const Expr *, 4> Mentioned;
    mentionedLocations(Atom, Mentioned);
    for (const Expr *E : Mentioned)
      if (std::optional<Place> Where = placeOf(E); Where && Where->Strong)
        S.Values[Where->Index] = {};
    return;
  }
  std::optional<UrlTest> Test = classifyUrlTest(Atom, Model);
  // A project function that returns true only for a validated URL.
  if (!Test)
    if (const auto *Call = dyn_cast<CallExpr>(stripValueWrappers(Atom)))
      if (const Expr *Validated = Engine.validatedArgument(*Call))
        Test = UrlTest{Validated, true};
  if (!Test || Truth != Test->Positive)
    return;
  llvm::SmallVector<const Expr *, 4> Vouched;
  urlOrigins(Test->Subject, Body, Vouched);
  // Only a whole location can be vouched for: a check of `urls[0]` says
  // nothing of the others.
  for (const Expr *E : Vouched)
    if (std::optional<Place> Where = placeOf(E); Where && Where->Strong)
      S.Values[Where->Index] = {};
}

} // namespace clang::tidy::prodready
