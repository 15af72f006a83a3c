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

bool designates(const Expr *E, const ValueDecl &Param) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(stripValueWrappers(E)->IgnoreParenImpCasts())
        : nullptr;
  return Ref && Ref->getDecl() == &Param;
}

/// True if \p Body may change \p Param (assigns, increments or modifies it
/// through a member): a check of what it holds later says nothing of the
/// argument.
bool mayWrite(const Stmt *S, const ValueDecl &Param) {
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

/// True if every reference to \p Var in \p S is inside \p Within.
bool onlyUsedWithin(const Stmt *S, const ValueDecl &Var, const Stmt &Within,
                    const SourceManager &SM) {
  if (!S)
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
      Ref && Ref->getDecl() == &Var && !containsStmt(Within, *Ref, SM))
    return false;
  return llvm::all_of(S->children(), [&](const Stmt *Child) {
    return onlyUsedWithin(Child, Var, Within, SM);
  });
}

/// The canonicalizing call whose result \p Init is (through `.string()`,
/// `.c_str()` and conversions).
const CallExpr *canonicalResult(const Expr *Init, const TaintModel &Model) {
  const Expr *E = stripValueWrappers(Init);
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E);
        Member && Member->getMethodDecl() &&
        TaintModel::isTextAccessor(*Member->getMethodDecl())) {
      E = stripValueWrappers(Member->getImplicitObjectArgument());
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1) {
      E = stripValueWrappers(Construct->getArg(0));
      continue;
    }
    break;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  return Call && Model.classify(*Call).Effect == CallEffect::Canonicalizer
             ? Call
             : nullptr;
}

/// The locals of \p S with the canonicalizing call that defines each:
/// `fs::path full = fs::weakly_canonical(base / name);` and
/// `realpath(name, resolved)`.
void collectCanonicalLocals(
    const Stmt *S, const TaintModel &Model,
    llvm::SmallVectorImpl<std::pair<const VarDecl *, const CallExpr *>> &Out) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
        if (const CallExpr *Call = canonicalResult(Var->getInit(), Model))
          Out.emplace_back(Var, Call);
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && Call->getNumArgs() == 2 && !isa<CXXMemberCallExpr>(Call) &&
      Model.classify(*Call).Effect == CallEffect::Canonicalizer)
    if (const auto *Ref = dyn_cast<DeclRefExpr>(
            Call->getArg(1)->IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->isLocalVarDecl())
        Out.emplace_back(Var, Call);
  for (const Stmt *Child : S->children())
    collectCanonicalLocals(Child, Model, Out);
}

/// `return false;`, `return 0;`: the function rejects.
bool returnsFalse(const ReturnStmt &Return, const ASTContext &Ctx) {
  const Expr *Value = Return.getRetValue();
  Expr::EvalResult Result;
  return Value && !Value->isValueDependent() &&
         Value->EvaluateAsInt(Result, Ctx) && Result.Val.getInt() == 0;
}

} // namespace

bool ValidatorProvider::cleanAtTrueReturns(
    const FunctionDecl &Definition, const VarDecl &Var, unsigned Index,
    llvm::ArrayRef<const ReturnStmt *> Returns) {
  const ASTContext &Ctx = Definition.getASTContext();
  return llvm::all_of(Returns, [&](const ReturnStmt *Return) {
    if (!Return->getRetValue() || returnsFalse(*Return, Ctx))
      return true;
    TaintValue Value = Engine.variableValueWhen(
        Definition, Var, *Return, *Return->getRetValue(), /*Truth=*/true);
    return !(Value.Labels & TaintValue::paramLabel(Index));
  });
}

bool ValidatorProvider::validatedThroughCanonical(
    const FunctionDecl &Definition, unsigned Index,
    llvm::ArrayRef<const ReturnStmt *> Returns) {
  const Stmt *Body = Definition.getBody();
  const ParmVarDecl &Param = *Definition.getParamDecl(Index);
  const SourceManager &SM = Definition.getASTContext().getSourceManager();
  llvm::SmallVector<std::pair<const VarDecl *, const CallExpr *>, 2> Locals;
  collectCanonicalLocals(Body, Engine.model(), Locals);
  return llvm::any_of(Locals, [&](const auto &Local) {
    const auto &[Var, Call] = Local;
    // The parameter reaches nothing else (a base it is compared with is
    // not vouched for), and the canonical path is not replaced later.
    return onlyUsedWithin(Body, Param, *Call, SM) && !mayWrite(Body, *Var) &&
           cleanAtTrueReturns(Definition, *Var, Index, Returns);
  });
}

namespace {

/// The parameters of \p Labels (bit 1+i for parameter i; the labels of
/// external calls above them are not parameters).
ParamSet parametersOf(uint64_t Labels) {
  return (Labels & ~TaintValue::ExternalCallLabels) >> 1;
}

} // namespace

void FlowProvider::summarize(const FunctionDecl &Definition,
                             FunctionSummaries &, FunctionSummary &Out) {
  if (Definition.isDependentContext() || !Definition.getBody())
    return;
  uint64_t Returned = Engine.returnLabels(Definition);
  Out.ReturnsUntrusted |= (Returned & TaintValue::UntrustedLabel) != 0;
  if (Out.ReturnsUntrusted)
    Out.ReturnedSources |= Engine.returnSources(Definition);
  Out.ParamsToReturn |= parametersOf(Returned);
  Out.ParamsToSink |= parametersOf(Engine.sinkParameterLabels(Definition));
  Out.UntrustedOutParams |=
      parametersOf(Engine.untrustedOutParameters(Definition));
}

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
  // Parameters past MaxTrackedParams have no taint label of their own.
  for (unsigned I = 0;
       I < Definition.getNumParams() && I < TaintValue::MaxTrackedParams; ++I) {
    const ParmVarDecl *Param = Definition.getParamDecl(I);
    if (isPathLike(Param->getType()) && !mayWrite(Definition.getBody(), *Param))
      Candidates |= paramBit(I);
  }
  if (!Candidates)
    return;
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturns(Definition.getBody(), Returns);
  const ASTContext &Ctx = Definition.getASTContext();
  if (llvm::none_of(Returns, [&](const ReturnStmt *Return) {
        return Return->getRetValue() && !returnsFalse(*Return, Ctx);
      }))
    return; // It never says yes.
  for (unsigned I = 0; I < TaintValue::MaxTrackedParams; ++I)
    if ((Candidates & paramBit(I)) &&
        (cleanAtTrueReturns(Definition, *Definition.getParamDecl(I), I,
                            Returns) ||
         validatedThroughCanonical(Definition, I, Returns)))
      Out.Validates |= paramBit(I);
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
