//===--- OutcomeTest.h - prodready -----------------------------*- C++ -*-===//
//
// Which way a test of an operation's outcome points. `rc != CURLE_OK`,
// `!res`, `!status.ok()`, `res->status != 200`, `connect(...) < 0` are true
// when the operation failed; `rc == CURLE_OK`, `res`, `status.ok()`,
// `res->status == 200` when it succeeded. The subject (the call, the
// variable holding its result, a parameter) is the caller's to say; the
// polarity rules are shared by the analyses that look for the failure
// branch of a test: missing-retry's, the helper summaries (a function that
// checks a status) and the checks that use those summaries.
//
// A call of a project function that checks the status of its argument
// and returns its verdict (FunctionSummary::ChecksStatusOf, a non-void
// function) counts as a test of that argument: `if (!ok(res))` is true on
// failure, as `if (!res)` is. A void one (`check_curl(rc)`) throws or ends
// the program on failure: after it, the status was checked.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_OUTCOMETEST_H
#define PRODREADY_CHECKS_ANALYSIS_OUTCOMETEST_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <functional>
#include <optional>

namespace clang::tidy::prodready {

class FunctionSummaries;

/// `CURLE_OK`, `httplib::Error::Success`, `grpc::StatusCode::OK`, 200, 0.
bool isSuccessConstant(const Expr *E);

/// True if \p Returned is a value a function returns to say it failed:
/// `false`, a null pointer, a negative constant, an enumerator of a status
/// enumeration other than its success value (`CURLE_COULDNT_CONNECT`),
/// `std::nullopt`, `tl::unexpected(...)`/`std::unexpected(...)`. A 0 of an
/// int-returning C function is not one: it is as often success.
bool isFailureValue(const Expr *Returned, const ASTContext &Ctx);

/// True if \p Callee, when it checks the status it is given, returns the
/// verdict (it is not void): its caller has to test the result. A void
/// checker throws or ends the program on failure instead.
inline bool returnsVerdict(const FunctionDecl &Callee) {
  return !Callee.getReturnType()->isVoidType();
}

class OutcomeTest {
public:
  /// \p IsSubject says whether an expression (wrappers stripped) is the
  /// outcome itself: the call, or the variable or parameter holding it.
  /// With \p Summaries, project functions that check a status count.
  OutcomeTest(const ASTContext &Ctx,
              std::function<bool(const Expr *)> IsSubject,
              FunctionSummaries *Summaries = nullptr)
      : Ctx(Ctx), IsSubject(std::move(IsSubject)), Summaries(Summaries) {}

  /// True if \p E is the subject, or `x.error()`, `x->status`,
  /// `x.error_code()`, `x.ok()` of one, or the verdict of a project
  /// function on one (see above).
  bool isOutcome(const Expr *E) const;

  /// True if \p E is a call of a project function that checks the status
  /// of a subject it is given: one that returns its verdict when
  /// \p Verdict, a void one (it throws or ends the program on failure)
  /// otherwise.
  bool isCheckerCall(const Expr *E, bool Verdict) const;

  /// Whether \p Cond is true when the operation failed (true), when it
  /// succeeded (false), or says nothing about it.
  std::optional<bool> failureWhenTrue(const Expr *Cond) const;

private:
  const ASTContext &Ctx;
  std::function<bool(const Expr *)> IsSubject;
  FunctionSummaries *Summaries;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_OUTCOMETEST_H
