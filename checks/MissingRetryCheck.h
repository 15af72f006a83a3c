//===--- MissingRetryCheck.h - prodready -----------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_MISSINGRETRYCHECK_H
#define PRODREADY_CHECKS_MISSINGRETRYCHECK_H

#include "CheckOptions.h"
#include "analysis/NetworkModel.h"
#include "UserCodeCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"

namespace clang::tidy::prodready {

/// Finds network calls whose failure goes straight to an error exit with no
/// retry (not in a loop, not in a function or lambda passed to a retry
/// wrapper), and retry loops with no delay between attempts.
///
/// For the user-facing documentation see:
/// docs/checks/missing-retry.md
class MissingRetryCheck : public UserCodeCheck {
public:
  MissingRetryCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  /// What the scan saw of a unit (function, lambda).
  struct UnitFacts {
    llvm::SmallVector<NetworkCall, 2> Calls;  ///< Retryable operations.
    llvm::SmallVector<const CallExpr *, 2> Delays;
    llvm::SmallVector<const Stmt *, 2> Loops; ///< for, while, do, range-for.
    llvm::SmallVector<const IfStmt *, 4> Ifs;
    /// `rc = curl_easy_perform(h)`, `auto res = cli.Get(...)`.
    llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 2> Results;
    /// Calls of functions defined in this TU.
    llvm::SmallVector<const CallExpr *, 4> UserCalls;
    /// `a() || b()`: b is a fallback for a.
    llvm::SmallVector<const BinaryOperator *, 1> Ors;
    llvm::SmallVector<const ReturnStmt *, 2> Returns;
  };

  void noteStatement(const Stmt &S, const Decl &Unit, ASTContext &Ctx);
  void checkUnit(const Decl &Unit, const UnitFacts &Seen, ASTContext &Ctx);
  bool isWrapped(const Decl &Unit) const;
  void markRetriedCallees(const SourceManager &SM);
  const ValueDecl *resultHolder(const UnitFacts &Seen,
                                const CallExpr &Call) const;
  /// True if \p If tests the outcome of \p Call (held in \p Holder) and
  /// its failure branch leaves the function (return, throw, exit).
  bool failureExits(const IfStmt &If, const CallExpr &Call,
                    const ValueDecl *Holder) const;
  bool isRetryLoop(const Stmt &Loop, const UnitFacts &Seen,
                   const CallExpr &Call, const ValueDecl *Holder,
                   const SourceManager &SM) const;
  /// True if \p Unit is, or is a lambda in, a BestEffortFunctions function.
  bool isBestEffort(const Decl &Unit) const;
  /// True if some caller of \p F in the TU handles the failure \p F
  /// returns: it retries, falls back to an alternative, is best effort, or
  /// returns the failure to a caller that does (up to a small depth).
  bool callersHandleFailure(const FunctionDecl &F, unsigned Depth) const;
  bool callHandlesFailure(const Decl &Caller, const UnitFacts &Seen,
                          const CallExpr &Call, unsigned Depth) const;

  const StringRef RawRetryWrappers;
  const StringRef RawBackoffFunctions;
  const StringRef RawNetworkFunctions;
  const StringRef RawBestEffortFunctions;
  llvm::StringSet<> RetryWrappers;
  FunctionNameList BestEffortFunctions;
  NetworkModel Network;

  // Per translation unit.
  llvm::MapVector<const Decl *, UnitFacts> Facts;
  /// Functions and lambdas passed to a retry wrapper.
  llvm::DenseSet<const Decl *> Wrapped;
  llvm::DenseSet<const Stmt *> Reported;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_MISSINGRETRYCHECK_H
