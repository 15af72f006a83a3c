//===--- TaintSummaries.cpp - prodready -----------------------------------===//

#include "TaintSummaries.h"
#include "ASTHelpers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::prodready {

namespace {

/// A path or file name: `const char *`, std::string, std::string_view,
/// std::filesystem::path, by value, pointer to const char or reference.
bool isPathLike(QualType Type) {
  QualType Value = Type.getNonReferenceType();
  if (Value->isPointerType())
    return Value->getPointeeType()->isAnyCharacterType();
  const CXXRecordDecl *Record = Value->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier() || !isInStdOrNested(*Record))
    return false;
  llvm::StringRef Name = Record->getName();
  return Name == "basic_string" || Name == "basic_string_view" ||
         Name == "path";
}

bool designates(const Expr *E, const ParmVarDecl &Param) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(stripValueWrappers(E)->IgnoreParenImpCasts())
        : nullptr;
  return Ref && Ref->getDecl() == &Param;
}

/// True if \p Body may change \p Param (assigns, increments or modifies it
/// through a member): a check of what it holds later says nothing of the
/// argument.
bool mayWrite(const Stmt *S, const ParmVarDecl &Param) {
  if (!S)
    return false;
  if (const auto *Op = dyn_cast<BinaryOperator>(S);
      Op && Op->isAssignmentOp() && designates(Op->getLHS(), Param))
    return true;
  if (const auto *Op = dyn_cast<UnaryOperator>(S);
      Op && Op->isIncrementDecrementOp() && designates(Op->getSubExpr(), Param))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getNumArgs() >= 1 && Op->isAssignmentOp() &&
      designates(Op->getArg(0), Param))
    return true;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && !Method->isConst() &&
        designates(Call->getImplicitObjectArgument(), Param))
      return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return mayWrite(Child, Param); });
}

void collectReturns(const Stmt *S,
                    llvm::SmallVectorImpl<const ReturnStmt *> &Out) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Out.push_back(Return);
  for (const Stmt *Child : S->children())
    collectReturns(Child, Out);
}

/// `return false;`, `return 0;`: the function rejects.
bool returnsFalse(const ReturnStmt &Return, const ASTContext &Ctx) {
  const Expr *Value = Return.getRetValue();
  Expr::EvalResult Result;
  return Value && !Value->isValueDependent() &&
         Value->EvaluateAsInt(Result, Ctx) && Result.Val.getInt() == 0;
}

} // namespace

void ValidatorProvider::summarize(const FunctionDecl &Definition,
                                  FunctionSummaries &,
                                  FunctionSummary &Out) {
  QualType Result = Definition.getReturnType();
  bool Predicate = Result->isBooleanType() ||
                   (!Definition.getASTContext().getLangOpts().CPlusPlus &&
                    Result->isIntegerType());
  if (!Predicate || Definition.isDependentContext() || !Definition.getBody())
    return;
  ParamSet Candidates = 0;
  // Parameters past the 62nd have no taint label of their own.
  for (unsigned I = 0; I < Definition.getNumParams() && I < 62; ++I) {
    const ParmVarDecl *Param = Definition.getParamDecl(I);
    if (isPathLike(Param->getType()) && !mayWrite(Definition.getBody(), *Param))
      Candidates |= paramBit(I);
  }
  if (!Candidates)
    return;
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturns(Definition.getBody(), Returns);
  const ASTContext &Ctx = Definition.getASTContext();
  bool SaysYes = false;
  for (const ReturnStmt *Return : Returns) {
    if (!Return->getRetValue() || returnsFalse(*Return, Ctx))
      continue;
    SaysYes = true;
    for (unsigned I = 0; I < 64 && Candidates >> I; ++I) {
      if (!(Candidates & paramBit(I)))
        continue;
      TaintValue Value = Engine.variableValueWhen(
          Definition, *Definition.getParamDecl(I), *Return,
          *Return->getRetValue(), /*Truth=*/true);
      if (Value.Labels & TaintValue::paramLabel(I))
        Candidates &= ~paramBit(I);
    }
  }
  if (SaysYes)
    Out.Validates |= Candidates;
}

const Expr *ValidatorSummaries::validatedArgument(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return nullptr;
  const FunctionSummary *Summary = Table.get(*Callee);
  if (!Summary || !Summary->Validates)
    return nullptr;
  for (unsigned I = 0; I < Call.getNumArgs() && I < 64; ++I)
    if (Summary->Validates & paramBit(I))
      return Call.getArg(I);
  return nullptr;
}

} // namespace clang::tidy::prodready
