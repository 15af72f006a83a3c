//===--- UserCodeScanner.cpp - prodready ----------------------------------===//

#include "UserCodeScanner.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

namespace {

class Scanner : public RecursiveASTVisitor<Scanner> {
public:
  Scanner(const SourceManager &SM,
          llvm::function_ref<void(const Stmt &, const Decl *)> Visit)
      : SM(SM), Visit(Visit) {}

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (D->getLocation().isValid() && SM.isInSystemHeader(D->getLocation()))
      return true;
    // Functions, and globals and fields whose initializers run code, are
    // the units the checks analyze.
    bool IsUnit = isa<FunctionDecl>(D) || isa<FieldDecl>(D) ||
                  (isa<VarDecl>(D) && !cast<VarDecl>(D)->isLocalVarDeclOrParm());
    if (!IsUnit)
      return RecursiveASTVisitor::TraverseDecl(D);
    const Decl *Outer = Unit;
    Unit = D;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Unit = Outer;
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    const Decl *Outer = Unit;
    Unit = Lambda->getCallOperator();
    bool Result = TraverseStmt(Lambda->getBody());
    Unit = Outer;
    return Result;
  }

  bool VisitStmt(Stmt *S) {
    Visit(*S, Unit);
    return true;
  }

private:
  const SourceManager &SM;
  llvm::function_ref<void(const Stmt &, const Decl *)> Visit;
  const Decl *Unit = nullptr;
};

} // namespace

void scanUserCode(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit) {
  Scanner(Ctx.getSourceManager(), Visit)
      .TraverseDecl(const_cast<Decl *>(&TopLevel));
}

void scanUserCalls(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit) {
  scanUserCode(TopLevel, Ctx, [&](const Stmt &S, const Decl *Unit) {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Visit(*Call, Unit);
  });
}

namespace {
constexpr llvm::StringLiteral UserCodeId = "user-code";
} // namespace

void addUserCodeMatcher(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback &Check,
                        bool IsEditorHost) {
  using namespace ast_matchers;
  if (!IsEditorHost) {
    Finder.addMatcher(translationUnitDecl().bind(UserCodeId), &Check);
    return;
  }
  // hasDeclContext is a pointer test, cheaper than the location lookup.
  Finder.addMatcher(decl(hasDeclContext(translationUnitDecl()),
                         unless(isExpansionInSystemHeader()))
                        .bind(UserCodeId),
                    &Check);
}

void scanMatchedUserCode(
    const ast_matchers::MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit) {
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Visit(*Call, Unit);
  });
}

void scanMatchedUserStmts(
    const ast_matchers::MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit) {
  const auto *Matched = Result.Nodes.getNodeAs<Decl>(UserCodeId);
  if (!Matched)
    return;
  if (const auto *TU = dyn_cast<TranslationUnitDecl>(Matched)) {
    for (const Decl *TopLevel : TU->decls())
      scanUserCode(*TopLevel, *Result.Context, Visit);
    return;
  }
  scanUserCode(*Matched, *Result.Context, Visit);
}

} // namespace clang::tidy::prodready
