//===--- RetryAnalysis.h - prodready ---------------------------*- C++ -*-===//
//
// Whether the failure of a network call is retried, or at least handled:
// the call is in a retry loop (which must then wait between attempts), in a
// function or lambda handed to a retry wrapper or called in a loop, its
// failure falls back to an alternative (`fetch() || build_locally()`, a
// failure branch that does something else and carries on), the function is
// best effort by design, or the failure is returned to a caller that does
// one of these (followed a few calls up in the translation unit).
//
// What counts as the failure branch of a test is decided by the polarity
// of the condition (OutcomeTest.h). Project functions count as what their
// summaries say they do (NetworkSummaries.h): `backoff(attempt)` that
// sleeps is a delay, `check_curl(rc)` that throws on failure is an error
// exit, `if (!ok(res))` a test of res. A loop that steps through candidates
// the call uses (`for (p = res; p; p = p->ai_next) connect(fd, p->ai_addr,
// ...)`) is the fallback itself, not a retry.
//
// The analysis is fed the statements of the user's code unit by unit
// (noteStatement), then asked about each unit.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_RETRYANALYSIS_H
#define PRODREADY_CHECKS_ANALYSIS_RETRYANALYSIS_H

#include "NetworkModel.h"
#include "NetworkSummaries.h"
#include "OutcomeTest.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"
#include <functional>

namespace clang::tidy::prodready {

/// A network call whose failure is not retried, or a retry loop that does
/// not wait.
struct RetryFinding {
  enum Kind { NotRetried, LoopWithoutDelay };
  Kind What = NotRetried;
  /// The call (NotRetried) or the loop (LoopWithoutDelay).
  const Stmt *Where = nullptr;
  /// The network call, for messages.
  std::string Name;
};

class RetryAnalysis {
public:
  /// \p RetryWrappers: qualified names of functions that call what they are
  /// given until it succeeds. \p IsBestEffort: functions whose failures
  /// are expected and worked around.
  RetryAnalysis(const NetworkModel &Model,
                const std::vector<std::string> &RetryWrappers,
                std::function<bool(const FunctionDecl &)> IsBestEffort);

  /// Notes a statement of \p Unit (a function or lambda).
  void noteStatement(const Stmt &S, const Decl &Unit, ASTContext &Ctx);
  /// After the statements of a scan were noted: marks the functions called
  /// in a loop or from a retried unit as retried.
  void finishScan(const SourceManager &SM);
  /// What is wrong in \p Unit, each loop and call once per TU.
  void findingsIn(const Decl &Unit, ASTContext &Ctx,
                  llvm::SmallVectorImpl<RetryFinding> &Out);
  /// Forgets the translation unit.
  void clear();
  /// Summaries of helpers of other units (a backoff defined elsewhere),
  /// from whole-program linking.
  void setExternal(const ExternalSummaries *Linked) {
    Summaries.setExternal(Linked);
  }

private:
  /// What the scan saw of a unit (function, lambda).
  struct UnitFacts {
    llvm::SmallVector<NetworkCall, 2> Calls; ///< Retryable operations.
    llvm::SmallVector<const CallExpr *, 2> Delays;
    llvm::SmallVector<const Stmt *, 2> Loops; ///< for, while, do, range-for.
    llvm::SmallVector<const IfStmt *, 4> Ifs;
    /// `rc = curl_easy_perform(h)`, `auto res = cli.Get(...)`.
    llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 2> Results;
    /// Calls of functions defined in this TU.
    llvm::SmallVector<const CallExpr *, 4> UserCalls;
    /// With whole-program summaries, calls of project functions defined in
    /// other units (a backoff helper elsewhere).
    llvm::SmallVector<const CallExpr *, 2> LinkedCalls;
    /// `a() || b()`: b is a fallback for a.
    llvm::SmallVector<const BinaryOperator *, 1> Ors;
    llvm::SmallVector<const ReturnStmt *, 2> Returns;
  };

  void noteRetryWrapperArguments(const CallExpr &Call);
  bool isWrapped(const Decl &Unit) const;
  const ValueDecl *resultHolder(const UnitFacts &Seen,
                                const CallExpr &Call) const;
  /// True if \p If tests the outcome of \p Call (held in \p Holder) and
  /// its failure branch leaves the function (return, throw, exit).
  bool failureExits(const IfStmt &If, const CallExpr &Call,
                    const ValueDecl *Holder) const;
  bool failureEndsProgram(const IfStmt &If, const CallExpr &Call,
                          const ValueDecl *Holder) const;
  bool isRetryLoop(const Stmt &Loop, const UnitFacts &Seen,
                   const CallExpr &Call, const ValueDecl *Holder,
                   const SourceManager &SM) const;
  /// True if \p Loop waits between attempts: a delay, or a call of a
  /// project function that delays.
  bool waitsIn(const Stmt &Loop, const UnitFacts &Seen, ASTContext &Ctx);
  /// A call after \p Call of a void project function that throws or ends
  /// the program unless the outcome of \p Call says success.
  const CallExpr *checkerExit(const UnitFacts &Seen, const CallExpr &Call,
                              const ValueDecl *Holder) const;
  OutcomeTest outcomeOf(const CallExpr &Call, const ValueDecl *Holder) const;
  /// True if \p Unit is, or is a lambda in, a best-effort function.
  bool isBestEffort(const Decl &Unit) const;
  /// True if some caller of \p F in the TU handles the failure \p F
  /// returns: it retries, falls back to an alternative, is best effort, or
  /// returns the failure to a caller that does (up to a small depth).
  bool callersHandleFailure(const FunctionDecl &F, unsigned Depth) const;
  bool callHandlesFailure(const Decl &Caller, const UnitFacts &Seen,
                          const CallExpr &Call, unsigned Depth) const;
  std::optional<RetryFinding> judgeCall(const Decl &Unit,
                                        const UnitFacts &Seen,
                                        const NetworkCall &Call,
                                        ASTContext &Ctx);

  const NetworkModel &Model;
  /// Mutable: summaries are computed when first asked.
  mutable NetworkSummaries Summaries;
  llvm::StringSet<> RetryWrappers;
  std::function<bool(const FunctionDecl &)> IsBestEffortFunction;

  // Per translation unit.
  llvm::MapVector<const Decl *, UnitFacts> Facts;
  /// Functions and lambdas passed to a retry wrapper.
  llvm::DenseSet<const Decl *> Wrapped;
  llvm::DenseSet<const Stmt *> Reported;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_RETRYANALYSIS_H
