//===--- LoopInvariance.cpp - prodready -----------------------------------===//

#include "LoopInvariance.h"
#include "ASTHelpers.h"
#include "RegexModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

namespace clang::tidy::prodready {

namespace {

class InvarianceChecker {
public:
  InvarianceChecker(const Stmt &Loop, const FunctionDecl *PerIteration,
                    const FunctionDecl *Function, ASTContext &Ctx)
      : Loop(Loop), PerIteration(PerIteration), Function(Function), Ctx(Ctx),
        Mutations(Loop, Ctx) {}

  bool invariant(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 64 || E->isValueDependent() || E->isTypeDependent())
      return false;
    E = E->IgnoreParens();
    if (classifyConstant(*E, Ctx).Constant)
      return true;
    if (const auto *Cast = dyn_cast<CastExpr>(E))
      return invariant(Cast->getSubExpr(), Depth + 1);
    if (const auto *Full = dyn_cast<FullExpr>(E))
      return invariant(Full->getSubExpr(), Depth + 1);
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      return invariant(MTE->getSubExpr(), Depth + 1);
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      return invariant(BTE->getSubExpr(), Depth + 1);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return variableInvariant(dyn_cast<VarDecl>(Ref->getDecl()));
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return memberInvariant(*Member, Depth);
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(E))
      return invariant(Conditional->getCond(), Depth + 1) &&
             invariant(Conditional->getTrueExpr(), Depth + 1) &&
             invariant(Conditional->getFalseExpr(), Depth + 1);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Constructor = Construct->getConstructor();
      return Constructor && isStdStringClass(*Constructor->getParent()) &&
             allInvariant(Construct->arguments(), Depth);
    }
    if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = MemberCall->getMethodDecl();
      return Method && isPureStringBuilder(*Method) &&
             invariant(MemberCall->getImplicitObjectArgument(), Depth + 1) &&
             allInvariant(MemberCall->arguments(), Depth);
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && isPureStringBuilder(*Callee) &&
             allInvariant(Call->arguments(), Depth);
    }
    if (isa<CXXDefaultArgExpr>(E))
      return true;
    return false;
  }

  llvm::SmallVector<const ValueDecl *, 2> Reads;

private:
  template <typename Range> bool allInvariant(Range Args, unsigned Depth) {
    for (const Expr *Arg : Args)
      if (!invariant(Arg, Depth + 1))
        return false;
    return true;
  }

  bool declaredInLoop(const VarDecl &Var) const {
    if (PerIteration && Var.getDeclContext() == PerIteration)
      return true;
    return containsLocation(Loop, Var.getLocation());
  }

  bool containsLocation(const Stmt &S, SourceLocation Loc) const {
    const SourceManager &SM = Ctx.getSourceManager();
    SourceRange Range = S.getSourceRange();
    return Range.isValid() && Loc.isValid() &&
           !SM.isBeforeInTranslationUnit(Loc, Range.getBegin()) &&
           !SM.isBeforeInTranslationUnit(Range.getEnd(), Loc);
  }

  bool variableInvariant(const VarDecl *Var) {
    // Globals and statics: a call in the loop may change them.
    if (!Var || !Var->hasLocalStorage() || declaredInLoop(*Var))
      return false;
    QualType Type = Var->getType();
    if (Type->isPointerType() && !Type->getPointeeType().isConstQualified())
      return false;
    if (Mutations.isMutated(Var))
      return false;
    note(Var);
    return true;
  }

  bool memberInvariant(const MemberExpr &Member, unsigned Depth) {
    const auto *Field = dyn_cast<FieldDecl>(Member.getMemberDecl());
    if (!Field || Field->isMutable())
      return false;
    const Expr *Base = Member.getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base)) {
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
      if (!Method || !Method->isConst())
        return false;
      note(Field);
      return true;
    }
    return invariant(Base, Depth + 1);
  }

  void note(const ValueDecl *D) {
    if (!llvm::is_contained(Reads, D))
      Reads.push_back(D);
  }

  const Stmt &Loop;
  const FunctionDecl *PerIteration;
  const FunctionDecl *Function;
  ASTContext &Ctx;
  ExprMutationAnalyzer Mutations;
};

} // namespace

LoopInvariance loopInvariance(llvm::ArrayRef<const Expr *> Exprs,
                              const Stmt &Loop,
                              const FunctionDecl *PerIteration,
                              const FunctionDecl *Function, ASTContext &Ctx) {
  InvarianceChecker Checker(Loop, PerIteration, Function, Ctx);
  LoopInvariance Result;
  Result.Invariant = !Exprs.empty() && llvm::all_of(Exprs, [&](const Expr *E) {
    return Checker.invariant(E);
  });
  if (Result.Invariant)
    Result.Reads = std::move(Checker.Reads);
  return Result;
}

} // namespace clang::tidy::prodready
