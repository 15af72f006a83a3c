//===--- UntrustedUnits.cpp - prodready -----------------------------------===//

#include "UntrustedUnits.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

void UntrustedUnitFinder::noteStatement(const Stmt &S, const Decl &Unit,
                                        ASTContext &Ctx) {
  UnitFacts &Seen = Facts[&Unit];
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    CallEffect Effect = Model.classify(*Call).Effect;
    if (Effect == CallEffect::SourceResult ||
        Effect == CallEffect::SourceOutArgs)
      Seen.HasSource = true;
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (const FunctionDecl *Def = Callee->getDefinition();
          Def && Def->hasBody() &&
          !Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
        Seen.Callees.insert(Def);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
    if (TaintModel::isMainArgument(*Ref->getDecl()))
      Seen.HasSource = true;
    else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
             Var && Var->hasGlobalStorage() && !Var->isStaticLocal())
      Seen.Globals.insert(Var);
    return;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(&S)) {
    if (Model.isUntrustedMember(*Member))
      Seen.HasSource = true;
    else if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        Seen.Globals.insert(Field);
  }
}

/// A fixpoint from the units with a source. Only those are analyzed from
/// the start (the functions they call are analyzed on demand, for their
/// summaries), and only their writes to globals and fields count.
llvm::SetVector<const Decl *>
UntrustedUnitFinder::compute(TaintEngine &Engine) const {
  llvm::SetVector<const Decl *> Relevant;
  for (const auto &[Unit, Seen] : Facts)
    if (Seen.HasSource)
      Relevant.insert(Unit);
  bool Changed = true;
  while (Changed) {
    Changed = false;
    Engine.setUnits(Relevant.getArrayRef());
    for (const auto &[Unit, Seen] : Facts) {
      if (Relevant.contains(Unit))
        continue;
      bool FromCallee = llvm::any_of(Seen.Callees, [&](const FunctionDecl *C) {
        return Relevant.contains(C) &&
               ((Engine.returnLabels(*C) & TaintValue::UntrustedLabel) ||
                Engine.untrustedOutParameters(*C));
      });
      bool FromGlobal =
          !FromCallee && llvm::any_of(Seen.Globals, [&](const ValueDecl *G) {
            return Engine.isUntrustedGlobal(*G);
          });
      // A lambda sees what its enclosing function captured.
      bool FromCapture = false;
      if (const auto *Call = dyn_cast<CXXMethodDecl>(Unit);
          Call && Call->getParent()->isLambda())
        if (const auto *Outer =
                dyn_cast_or_null<Decl>(Call->getParent()->getDeclContext()))
          FromCapture = Relevant.contains(Outer);
      if (FromCallee || FromGlobal || FromCapture) {
        Relevant.insert(Unit);
        Changed = true;
      }
    }
  }
  return Relevant;
}

} // namespace clang::tidy::prodready
