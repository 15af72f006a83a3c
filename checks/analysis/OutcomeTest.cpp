//===--- OutcomeTest.cpp - prodready --------------------------------------===//

#include "OutcomeTest.h"
#include "ASTHelpers.h"
#include "FunctionSummary.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::prodready {

bool isSuccessConstant(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Constant = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      return Constant->getName() == "CURLE_OK" ||
             Constant->getName() == "Success" || Constant->getName() == "OK";
  // 200 for an HTTP status; 0 for a POSIX result or a CURLcode.
  if (const auto *Literal = dyn_cast<IntegerLiteral>(E))
    return Literal->getValue() == 200 || Literal->getValue() == 0;
  return false;
}

namespace {

bool isSuccessEnumerator(const EnumConstantDecl &Constant) {
  llvm::StringRef Name = Constant.getName();
  return Name == "CURLE_OK" || Name == "Success" || Name == "OK";
}

/// The type name of a class (`unexpected` for tl::unexpected<E>).
llvm::StringRef recordName(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() ? Record->getName() : "";
}

} // namespace

bool isFailureValue(const Expr *Returned, const ASTContext &Ctx) {
  if (!Returned || Returned->isValueDependent() || Returned->containsErrors())
    return false;
  const Expr *E = stripValueWrappers(Returned);
  if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
    return !Bool->getValue();
  QualType Type = Returned->getType();
  if ((Type->isPointerType() || Type->isNullPtrType()) &&
      E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                               Expr::NPC_ValueDependentIsNotNull))
    return true;
  // `return std::nullopt;`, `return tl::unexpected(e);` convert to the
  // return type.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1) {
    const Expr *Arg = stripValueWrappers(Construct->getArg(0));
    if (recordName(Arg->getType()) == "unexpected" ||
        recordName(Arg->getType()) == "nullopt_t")
      return true;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Constant = dyn_cast<EnumConstantDecl>(Ref->getDecl())) {
      // A status enumeration: one of its values says success.
      const auto *Enum = dyn_cast<EnumDecl>(Constant->getDeclContext());
      return Enum && !isSuccessEnumerator(*Constant) &&
             llvm::any_of(Enum->enumerators(), [](const EnumConstantDecl *C) {
               return isSuccessEnumerator(*C);
             });
    }
  }
  if (recordName(E->getType()) == "unexpected")
    return true;
  // A boolean or a negative number the compiler can evaluate.
  if (Type->isBooleanType() || Type->isIntegerType()) {
    Expr::EvalResult Value;
    if (E->EvaluateAsInt(Value, Ctx))
      return Type->isBooleanType() ? Value.Val.getInt() == 0
                                   : Value.Val.getInt().isNegative();
  }
  return false;
}

// A test of an outcome can make missing-retry report: a virtual checker,
// whose override may do anything, is not relied on for that.
bool OutcomeTest::isCheckerCall(const Expr *E, bool Verdict) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Summaries || !Callee || isa<CXXOperatorCallExpr>(Call) ||
      mayCallOverride(*Call) || returnsVerdict(*Callee) != Verdict)
    return false;
  const FunctionSummary *Summary = Summaries->get(*Callee);
  // For a Result, whether a response arrived is the outcome of the
  // request (its status is the server's answer).
  ParamSet Checked = Summary ? Summary->ChecksStatusOf | Summary->ChecksResponseOf
                             : 0;
  if (!Checked)
    return false;
  for (unsigned I = 0; I < Callee->getNumParams() && I < 64; ++I)
    if (Checked & paramBit(I))
      if (const Expr *Arg = argumentForParameter(*Call, I); Arg && isOutcome(Arg))
        return true;
  return false;
}

bool OutcomeTest::isOutcome(const Expr *E) const {
  E = stripValueWrappers(E);
  if (IsSubject(E))
    return true;
  if (isCheckerCall(E, /*Verdict=*/true))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isOutcome(Member->getBase());
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(E);
      Arrow && Arrow->getOperator() == OO_Arrow)
    return isOutcome(Arrow->getArg(0));
  if (const auto *Method = dyn_cast<CXXMemberCallExpr>(E))
    return isOutcome(Method->getImplicitObjectArgument());
  return false;
}

std::optional<bool> OutcomeTest::failureWhenTrue(const Expr *Cond) const {
  const Expr *E = stripValueWrappers(Cond);
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot) {
    std::optional<bool> Inner = failureWhenTrue(Not->getSubExpr());
    return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
  }
  if (const auto *Logical = dyn_cast<BinaryOperator>(E);
      Logical && Logical->isLogicalOp()) {
    std::optional<bool> Left = failureWhenTrue(Logical->getLHS());
    return Left ? Left : failureWhenTrue(Logical->getRHS());
  }
  // `res` (a Result converted to bool) and `status.ok()`: true on
  // success. A CURLcode in a condition: true on failure.
  if (const auto *Method = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Callee = Method->getMethodDecl();
    if (Callee && (isa<CXXConversionDecl>(Callee) ||
                   (Callee->getIdentifier() && Callee->getName() == "ok")) &&
        isOutcome(Method->getImplicitObjectArgument()))
      return false;
  }
  // A CURLcode in a condition is true on failure; a bool returned by a
  // project's network function, on success.
  if (isOutcome(E) && E->getType()->isEnumeralType())
    return true;
  if (isOutcome(E) && E->getType()->isBooleanType())
    return false;
  const Expr *Left = nullptr, *Right = nullptr;
  bool Equal = false;
  if (const auto *Compare = dyn_cast<BinaryOperator>(E);
      Compare && Compare->isEqualityOp()) {
    Left = Compare->getLHS();
    Right = Compare->getRHS();
    Equal = Compare->getOpcode() == BO_EQ;
  } else if (const auto *Compare = dyn_cast<CXXOperatorCallExpr>(E);
             Compare && Compare->getNumArgs() == 2 &&
             (Compare->getOperator() == OO_EqualEqual ||
              Compare->getOperator() == OO_ExclaimEqual)) {
    Left = Compare->getArg(0);
    Right = Compare->getArg(1);
    Equal = Compare->getOperator() == OO_EqualEqual;
  } else if (const auto *Relation = dyn_cast<BinaryOperator>(E);
             Relation && Relation->isRelationalOp() &&
             isOutcome(Relation->getLHS())) {
    // connect(...) < 0 (an error code below zero) and res->status >= 400
    // (an HTTP error above the success range) are true on failure.
    Expr::EvalResult Bound;
    if (!Relation->getRHS()->EvaluateAsInt(Bound, Ctx))
      return std::nullopt;
    bool Upward =
        Relation->getOpcode() == BO_GE || Relation->getOpcode() == BO_GT;
    return Bound.Val.getInt().getExtValue() <= 0 ? !Upward : Upward;
  }
  if (!Left)
    return std::nullopt;
  if (isOutcome(Right))
    std::swap(Left, Right);
  if (!isOutcome(Left))
    return std::nullopt;
  if (isa<CXXNullPtrLiteralExpr>(stripValueWrappers(Right)))
    return Equal;
  if (isSuccessConstant(Right))
    return !Equal;
  // POSIX calls fail with -1.
  if (const auto *Minus = dyn_cast<UnaryOperator>(stripValueWrappers(Right));
      Minus && Minus->getOpcode() == UO_Minus &&
      isa<IntegerLiteral>(Minus->getSubExpr()->IgnoreParenImpCasts()))
    return Equal;
  return std::nullopt;
}

} // namespace clang::tidy::prodready
