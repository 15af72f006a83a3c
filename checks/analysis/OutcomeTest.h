//===--- OutcomeTest.h - prodready -----------------------------*- C++ -*-===//
//
// Which way a test of an operation's outcome points. `rc != CURLE_OK`,
// `!res`, `!status.ok()`, `res->status != 200`, `connect(...) < 0` are true
// when the operation failed; `rc == CURLE_OK`, `res`, `status.ok()`,
// `res->status == 200` when it succeeded. The subject (the call, the
// variable holding its result, a parameter) is the caller's to say; the
// polarity rules are shared by the analyses that look for the failure
// branch of a test.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_OUTCOMETEST_H
#define PRODREADY_CHECKS_ANALYSIS_OUTCOMETEST_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <functional>
#include <optional>

namespace clang::tidy::prodready {

/// `CURLE_OK`, `httplib::Error::Success`, `grpc::StatusCode::OK`, 200, 0.
bool isSuccessConstant(const Expr *E);

class OutcomeTest {
public:
  /// \p IsSubject says whether an expression (wrappers stripped) is the
  /// outcome itself: the call, or the variable or parameter holding it.
  OutcomeTest(const ASTContext &Ctx,
              std::function<bool(const Expr *)> IsSubject)
      : Ctx(Ctx), IsSubject(std::move(IsSubject)) {}

  /// True if \p E is the subject, or `x.error()`, `x->status`,
  /// `x.error_code()`, `x.ok()` of one.
  bool isOutcome(const Expr *E) const;

  /// Whether \p Cond is true when the operation failed (true), when it
  /// succeeded (false), or says nothing about it.
  std::optional<bool> failureWhenTrue(const Expr *Cond) const;

private:
  const ASTContext &Ctx;
  std::function<bool(const Expr *)> IsSubject;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_OUTCOMETEST_H
