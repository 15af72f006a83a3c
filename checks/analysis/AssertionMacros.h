//===--- AssertionMacros.h - prodready -------------------------*- C++ -*-===//
//
// The fatal assertions of test frameworks, seen as the guards they are:
//
//   REQUIRE(parts.size() == 3);        // Catch2, doctest
//   ASSERT_EQ(parts.size(), 3u);       // GoogleTest
//   ASSERT_FALSE(parts.empty());
//   CHECK(parts[2] == "x");            // reads in range after either
//
// A fatal assertion ends the test when its condition fails, so the code
// after it runs only when the condition holds, as after `assert`. The
// frameworks hide the condition behind their expression templates:
//
// - GoogleTest: `if (const AssertionResult gtest_ar = Compare("a", "b", a,
//   b)) ; else return ...;` - the branch is in the CFG; its condition, a
//   `testing::AssertionResult`, stands for `a == b` (or `<`, `<=`, ...,
//   or the boolean of ASSERT_TRUE/ASSERT_FALSE). Non-fatal EXPECT_* do not
//   return, so the CFG joins both edges and nothing is learnt: only ASSERT_*
//   establish a fact.
// - Catch2 and doctest: `handler.handleExpr(Decomposer() <= a == b)` (or
//   `setResult(ExpressionDecomposer() << a == b)`), then a call that throws
//   when the result failed. The CFG does not see that throw, so the
//   analyses ask at the handler call whether it belongs to a REQUIRE (not a
//   CHECK) and apply its condition after it.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_ASSERTIONMACROS_H
#define PRODREADY_CHECKS_ANALYSIS_ASSERTIONMACROS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::prodready {

/// What an assertion establishes: a boolean \p Condition that is \p Truth,
/// or the comparison `LHS Opcode RHS` (negated when \p Truth is false).
struct AssertedCondition {
  const Expr *Condition = nullptr;
  BinaryOperatorKind Opcode = BO_EQ;
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  bool Truth = true;
};

/// For \p S, the result-handling call of a Catch2 or doctest REQUIRE (or
/// REQUIRE_FALSE): the condition that holds after the assertion.
std::optional<AssertedCondition> fatalAssertionAt(const Stmt &S,
                                                  const ASTContext &Ctx);

/// For \p Cond, a branch condition testing a `testing::AssertionResult`
/// variable: the condition it stands for on its true edge.
std::optional<AssertedCondition> assertionResultCondition(const Expr &Cond);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_ASSERTIONMACROS_H
