//===--- StaticLocal.cpp - prodready --------------------------------------===//

#include "StaticLocal.h"
#include "FixItBuilders.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready::fixits {

std::optional<FixItHint> makeStaticConstLocal(const VarDecl &Var,
                                              const DeclStmt &Declaration,
                                              const ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus11 || !Declaration.isSingleDecl() ||
      Declaration.getSingleDecl() != &Var || Var.isStaticLocal())
    return std::nullopt;
  // The declaration's first token: `const`, the type, or `auto`
  // (attributes come before it, and `static` must come after them).
  SourceLocation Begin = Var.getBeginLoc();
  if (Begin.isInvalid() || Begin.isMacroID() ||
      Declaration.getEndLoc().isMacroID() || Var.getLocation().isMacroID())
    return std::nullopt;
  bool Const = Var.getType().isConstQualified();
  return FixItHint::CreateInsertion(Begin, Const ? "static " : "static const ");
}

std::optional<llvm::SmallVector<FixItHint, 2>>
hoistToStaticLocal(const Expr &Temporary, llvm::StringRef Name,
                   const Stmt &Body, ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus11)
    return std::nullopt;
  const Stmt *Anchor = enclosingBlockStatement(Body, Temporary.getBeginLoc(),
                                               Ctx.getSourceManager());
  if (!Anchor || isa<SwitchCase, LabelStmt>(Anchor))
    return std::nullopt;
  std::optional<std::string> Text = sourceText(Temporary, Ctx);
  if (!Text)
    return std::nullopt;
  std::optional<FixItHint> Declaration = insertStatementBefore(
      Body, Temporary,
      ("static const auto " + Name + " = " + *Text + ";").str(), Ctx);
  if (!Declaration)
    return std::nullopt;
  return llvm::SmallVector<FixItHint, 2>{
      *Declaration,
      FixItHint::CreateReplacement(Temporary.getSourceRange(), Name)};
}

} // namespace clang::tidy::prodready::fixits
