//===--- UserCodeScanner.cpp - prodready ----------------------------------===//

#include "UserCodeScanner.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

namespace {

class Scanner : public RecursiveASTVisitor<Scanner> {
public:
  Scanner(ASTContext &Ctx, TemplateInstances &Templates,
          llvm::function_ref<void(const Stmt &, const Decl *)> Visit)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Templates(Templates),
        Visit(Visit) {}

  // The instantiations of the user's templates are the user's code with the
  // types known; those of system-header templates are skipped below with
  // the rest of the system headers (an instantiation is located at its
  // pattern).
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (D->getLocation().isValid() && SM.isInSystemHeader(D->getLocation()))
      return true;
    if (auto *Function = dyn_cast<FunctionDecl>(D))
      return traverseFunction(*Function);
    bool Instantiated = InInstantiation || isInstantiation(*D);
    // Globals and fields whose initializers run code are units too.
    bool IsUnit = isa<FieldDecl>(D) ||
                  (isa<VarDecl>(D) && !cast<VarDecl>(D)->isLocalVarDeclOrParm());
    if (!IsUnit)
      return traverseIn(D, Unit, Instantiated);
    // Those of an instantiated class or variable template were seen in the
    // template's pattern, the only place they are written.
    if (Instantiated)
      return true;
    return traverseIn(D, D, /*Instantiated=*/false);
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    // A generic lambda, like a function template, is analyzed through its
    // instantiations when it has any.
    llvm::SmallVector<FunctionDecl *, 2> Instances;
    if (const FunctionTemplateDecl *Generic =
            Lambda->getCallOperator()->getDescribedFunctionTemplate())
      for (FunctionDecl *Instance : Generic->specializations())
        if (Instance->doesThisDeclarationHaveABody()) {
          // All counted before any is analyzed: a check may report while
          // it scans.
          Templates.addInstantiation(*Instance, Ctx);
          Instances.push_back(Instance);
        }
    for (FunctionDecl *Instance : Instances)
      if (!traverseBody(*Instance, Instance->getBody(), /*Instantiated=*/true))
        return false;
    if (!Instances.empty())
      return true;
    return traverseBody(*Lambda->getCallOperator(), Lambda->getBody(),
                        InInstantiation);
  }

  bool VisitStmt(Stmt *S) {
    Visit(*S, Unit);
    return true;
  }

private:
  static bool isInstantiation(const Decl &D) {
    if (const auto *Record = dyn_cast<CXXRecordDecl>(&D))
      return isTemplateInstantiation(Record->getTemplateSpecializationKind());
    if (const auto *Var = dyn_cast<VarDecl>(&D))
      return isTemplateInstantiation(Var->getTemplateSpecializationKind());
    return false;
  }

  bool traverseFunction(FunctionDecl &Function) {
    bool Instantiated = InInstantiation || Function.isTemplateInstantiation();
    // A template's pattern is analyzed only when nothing instantiated it:
    // its instantiations are the same code with the types known.
    if (!Instantiated && Function.isTemplated() &&
        Function.doesThisDeclarationHaveABody() &&
        Templates.isInstantiated(Function, Ctx))
      return true;
    return traverseIn(&Function, &Function, Instantiated);
  }

  bool traverseIn(Decl *D, const Decl *NewUnit, bool Instantiated) {
    const Decl *OuterUnit = Unit;
    bool OuterInstantiation = InInstantiation;
    Unit = NewUnit;
    InInstantiation = Instantiated;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Unit = OuterUnit;
    InInstantiation = OuterInstantiation;
    return Result;
  }

  bool traverseBody(const FunctionDecl &Function, Stmt *Body,
                    bool Instantiated) {
    const Decl *OuterUnit = Unit;
    bool OuterInstantiation = InInstantiation;
    Unit = &Function;
    InInstantiation = Instantiated;
    bool Result = TraverseStmt(Body);
    Unit = OuterUnit;
    InInstantiation = OuterInstantiation;
    return Result;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  TemplateInstances &Templates;
  llvm::function_ref<void(const Stmt &, const Decl *)> Visit;
  const Decl *Unit = nullptr;
  /// Inside an instantiation of a template (of a function, a class, a
  /// variable).
  bool InInstantiation = false;
};

} // namespace

void scanUserCode(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit,
    TemplateInstances *Templates) {
  TemplateInstances Local;
  Scanner(Ctx, Templates ? *Templates : Local, Visit)
      .TraverseDecl(const_cast<Decl *>(&TopLevel));
}

void scanUserCalls(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit,
    TemplateInstances *Templates) {
  scanUserCode(
      TopLevel, Ctx,
      [&](const Stmt &S, const Decl *Unit) {
        if (const auto *Call = dyn_cast<CallExpr>(&S))
          Visit(*Call, Unit);
      },
      Templates);
}

namespace {
constexpr llvm::StringLiteral UserCodeId = "user-code";

/// True for an instantiation that the scanner visits with its template
/// (RecursiveASTVisitor visits a function template's instantiations, even
/// explicit ones, and a class template's implicit ones with the template),
/// although it is also a top-level declaration (explicit instantiations are
/// in the file's declarations, and the editor's matcher sees implicit ones
/// at the top level).
bool isVisitedWithItsTemplate(const Decl &D) {
  if (const auto *Function = dyn_cast<FunctionDecl>(&D))
    return Function->isTemplateInstantiation();
  if (const auto *Record = dyn_cast<ClassTemplateSpecializationDecl>(&D))
    return Record->getSpecializationKind() == TSK_ImplicitInstantiation;
  if (const auto *Var = dyn_cast<VarTemplateSpecializationDecl>(&D))
    return Var->getSpecializationKind() == TSK_ImplicitInstantiation;
  return false;
}

/// A declaration written at the top level of a file, out-of-line member
/// definitions (`int S::f() {...}`, whose semantic context is S) included.
AST_MATCHER(Decl, isWrittenAtTopLevel) {
  return isa_and_nonnull<TranslationUnitDecl>(Node.getLexicalDeclContext()) &&
         !isVisitedWithItsTemplate(Node);
}
} // namespace

void addUserCodeMatcher(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback &Check,
                        bool IsEditorHost) {
  using namespace ast_matchers;
  if (!IsEditorHost) {
    Finder.addMatcher(translationUnitDecl().bind(UserCodeId), &Check);
    return;
  }
  // The pointer tests first, cheaper than the location lookup.
  Finder.addMatcher(
      decl(isWrittenAtTopLevel(), unless(isExpansionInSystemHeader()))
          .bind(UserCodeId),
      &Check);
}

void scanMatchedUserCode(
    const ast_matchers::MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit,
    TemplateInstances *Templates) {
  scanMatchedUserStmts(
      Result,
      [&](const Stmt &S, const Decl *Unit) {
        if (const auto *Call = dyn_cast<CallExpr>(&S))
          Visit(*Call, Unit);
      },
      Templates);
}

void scanMatchedUserStmts(
    const ast_matchers::MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit,
    TemplateInstances *Templates) {
  const auto *Matched = Result.Nodes.getNodeAs<Decl>(UserCodeId);
  if (!Matched)
    return;
  TemplateInstances Local;
  if (!Templates)
    Templates = &Local;
  if (const auto *TU = dyn_cast<TranslationUnitDecl>(Matched)) {
    for (const Decl *TopLevel : TU->decls())
      if (!isVisitedWithItsTemplate(*TopLevel))
        scanUserCode(*TopLevel, *Result.Context, Visit, Templates);
    return;
  }
  scanUserCode(*Matched, *Result.Context, Visit, Templates);
}

} // namespace clang::tidy::prodready
