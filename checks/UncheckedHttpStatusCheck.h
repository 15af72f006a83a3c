//===--- UncheckedHttpStatusCheck.h - prodready ----------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDHTTPSTATUSCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDHTTPSTATUSCHECK_H

#include "analysis/HttpStatusUse.h"
#include "analysis/NetworkModel.h"
#include "analysis/NetworkSummaries.h"
#include "UserCodeCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::prodready {

/// Finds network results used as if the request had succeeded: an ignored
/// CURLcode, a libcurl response body used without the HTTP status checked,
/// a cpp-httplib Result dereferenced without checking that a response
/// arrived, and a response body used without its status checked.
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-http-status.md
class UncheckedHttpStatusCheck : public UserCodeCheck {
public:
  UncheckedHttpStatusCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override { Summaries.clear(); }

private:
  /// What the scan saw of a function.
  struct UnitFacts {
    llvm::SmallVector<NetworkCall, 4> Calls;
    /// Statements whose value is discarded (expression statements).
    llvm::SmallPtrSet<const Expr *, 4> Discarded;
    /// Locals referenced, in source order, with the expression.
    llvm::SmallVector<const DeclRefExpr *, 16> References;
    /// Conditions of if/while/for/?:/&&/|| and comparisons: what was
    /// tested.
    llvm::SmallVector<const Expr *, 8> Tests;
    /// `res->`, `*res`, `res.value()` on a cpp-httplib Result: the whole
    /// expression and the Result.
    llvm::SmallVector<std::pair<const Expr *, const Expr *>, 4> ResultUses;
    /// `res->body`: the member expression and the Result.
    llvm::SmallVector<std::pair<const MemberExpr *, const Expr *>, 4>
        BodyReads;
    /// Calls of project functions: helpers that may set a body sink or
    /// check a status (their network summaries say).
    llvm::SmallVector<const CallExpr *, 4> UserCalls;
  };

  void noteStatement(const Stmt &S, const Decl &Unit, ASTContext &Ctx);
  void checkUnit(const Decl &Unit, const UnitFacts &Seen, ASTContext &Ctx);
  void checkCurl(const Decl &Unit, const UnitFacts &Seen, ASTContext &Ctx);
  static const VarDecl *responseBody(const UnitFacts &Seen,
                                     const ValueDecl &Handle);
  bool statusChecked(const UnitFacts &Seen, const ValueDecl &Handle,
                     const FunctionDecl &Function);
  const CallExpr *callerNotChecking(const FunctionDecl &Function,
                                    unsigned HandleParam, ASTContext &Ctx);
  void checkHttplib(const Decl &Unit, const UnitFacts &Seen, ASTContext &Ctx);
  /// True if a helper called in \p Seen (before \p Before, when given)
  /// checks the status of an argument that mentions \p Var.
  bool helperChecks(const UnitFacts &Seen, const ValueDecl *Var,
                    const Stmt *Before, ASTContext &Ctx);
  /// The local a helper called with \p Handle makes the transfer write its
  /// body to (`set_sink(h, &body)`), if any.
  const VarDecl *helperSink(const UnitFacts &Seen, const ValueDecl *Handle,
                            ASTContext &Ctx);

  NetworkModel Network;
  NetworkSummaries Summaries;
  llvm::MapVector<const Decl *, UnitFacts> Facts;
  std::unique_ptr<HttpStatusUses> StatusUses;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNCHECKEDHTTPSTATUSCHECK_H
