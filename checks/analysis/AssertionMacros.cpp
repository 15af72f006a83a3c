//===--- AssertionMacros.cpp - prodready ----------------------------------===//

#include "AssertionMacros.h"
#include "ASTHelpers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

std::string qualifiedRecordName(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record ? Record->getQualifiedNameAsString() : "";
}

/// Whether the expansion \p Loc is part of is a fatal assertion, and
/// whether it asserts its condition false (REQUIRE_FALSE).
std::optional<bool> fatalMacroTruth(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 16; ++Depth) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    std::optional<bool> Truth =
        llvm::StringSwitch<std::optional<bool>>(Name)
            .Cases("REQUIRE", "CATCH_REQUIRE", "DOCTEST_REQUIRE", true)
            .Cases("REQUIRE_FALSE", "CATCH_REQUIRE_FALSE",
                   "DOCTEST_REQUIRE_FALSE", false)
            .Default(std::nullopt);
    // CHECK and WARN report and go on: nothing holds after them.
    if (Truth || Name.contains("CHECK") || Name.contains("WARN"))
      return Truth;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return std::nullopt;
}

/// `Decomposer() <= x` (Catch2) or `ExpressionDecomposer(..) << x`
/// (doctest): x.
const Expr *decomposedOperand(const Expr *E) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(stripValueWrappers(E));
  if (!Op || Op->getNumArgs() != 2 ||
      (Op->getOperator() != OO_LessEqual && Op->getOperator() != OO_LessLess))
    return nullptr;
  std::string Name = qualifiedRecordName(Op->getArg(0)->getType());
  if (Name != "Catch::Decomposer" &&
      Name != "doctest::detail::ExpressionDecomposer")
    return nullptr;
  return Op->getArg(1);
}

/// The condition a decomposed expression tree stands for.
std::optional<AssertedCondition> decomposedCondition(const Expr *E) {
  E = stripValueWrappers(E);
  // Conversions of the lhs-only expression to the framework's result type.
  while (true) {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1) {
      E = stripValueWrappers(Construct->getArg(0));
      continue;
    }
    if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E);
        Conversion &&
        isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl())) {
      E = stripValueWrappers(Conversion->getImplicitObjectArgument());
      continue;
    }
    break;
  }
  if (const Expr *Operand = decomposedOperand(E)) {
    AssertedCondition Result;
    Result.Condition = Operand;
    return Result;
  }
  const auto *Compare = dyn_cast<CXXOperatorCallExpr>(E);
  if (!Compare || !Compare->isComparisonOp() || Compare->getNumArgs() != 2)
    return std::nullopt;
  const Expr *LHS = decomposedOperand(Compare->getArg(0));
  if (!LHS)
    return std::nullopt;
  AssertedCondition Result;
  Result.Opcode = BinaryOperator::getOverloadedOpcode(Compare->getOperator());
  Result.LHS = LHS;
  Result.RHS = Compare->getArg(1);
  return Result;
}

} // namespace

std::optional<AssertedCondition> fatalAssertionAt(const Stmt &S,
                                                  const ASTContext &Ctx) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
  if (!Call || Call->getNumArgs() != 1 || !S.getBeginLoc().isMacroID())
    return std::nullopt;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (!Method || !Method->getIdentifier() ||
      (Method->getName() != "handleExpr" && Method->getName() != "setResult"))
    return std::nullopt;
  std::string Handler =
      qualifiedRecordName(Call->getImplicitObjectArgument()->getType());
  if (Handler != "Catch::AssertionHandler" &&
      Handler != "doctest::detail::ResultBuilder")
    return std::nullopt;
  std::optional<bool> Truth = fatalMacroTruth(S.getBeginLoc(), Ctx);
  if (!Truth)
    return std::nullopt;
  std::optional<AssertedCondition> Result =
      decomposedCondition(Call->getArg(0));
  if (Result)
    Result->Truth = *Truth;
  return Result;
}

std::optional<AssertedCondition> assertionResultCondition(const Expr &Cond) {
  const Expr *E = stripValueWrappers(&Cond);
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E))
    E = stripValueWrappers(Conversion->getImplicitObjectArgument());
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getInit() ||
      qualifiedRecordName(Var->getType()) != "testing::AssertionResult")
    return std::nullopt;
  const Expr *Init = stripValueWrappers(Var->getInit());
  // ASSERT_TRUE(c) / ASSERT_FALSE(c): AssertionResult(c) / (!(c)).
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() >= 1 &&
      !Construct->getConstructor()->isCopyOrMoveConstructor()) {
    AssertedCondition Result;
    Result.Condition = Construct->getArg(0);
    return Result;
  }
  // ASSERT_EQ(a, b) and friends: Helper("a", "b", a, b).
  const auto *Call = dyn_cast<CallExpr>(Init);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() != 4)
    return std::nullopt;
  std::optional<BinaryOperatorKind> Opcode =
      llvm::StringSwitch<std::optional<BinaryOperatorKind>>(Callee->getName())
          .Cases("Compare", "CmpHelperEQ", BO_EQ)
          .Case("CmpHelperNE", BO_NE)
          .Case("CmpHelperLT", BO_LT)
          .Case("CmpHelperLE", BO_LE)
          .Case("CmpHelperGT", BO_GT)
          .Case("CmpHelperGE", BO_GE)
          .Default(std::nullopt);
  if (!Opcode)
    return std::nullopt;
  AssertedCondition Result;
  Result.Opcode = *Opcode;
  Result.LHS = Call->getArg(2);
  Result.RHS = Call->getArg(3);
  return Result;
}

} // namespace clang::tidy::prodready
