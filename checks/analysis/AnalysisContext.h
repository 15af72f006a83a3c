//===--- AnalysisContext.h - prodready -------------------------*- C++ -*-===//
//
// Finds the unit a statement is analyzed in: the innermost function (a
// lambda's call operator for statements in a lambda body), or, for code
// outside any function, the global variable or field whose initializer it is.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_ANALYSISCONTEXT_H
#define PRODREADY_CHECKS_ANALYSIS_ANALYSISCONTEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::prodready {

/// The function, global variable or field whose code contains \p S; nullptr
/// if none (e.g. a template argument).
inline const Decl *analysisContextOf(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      if (Node.get<Stmt>() == Lambda->getBody())
        return Lambda->getCallOperator();
    if (const auto *Function = Parent.get<FunctionDecl>())
      return Function;
    if (const auto *Var = Parent.get<VarDecl>())
      if (!Var->isLocalVarDeclOrParm())
        return Var;
    if (const auto *Field = Parent.get<FieldDecl>())
      return Field;
    Node = Parent;
  }
}

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_ANALYSISCONTEXT_H
