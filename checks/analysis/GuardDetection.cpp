//===--- GuardDetection.cpp - prodready -----------------------------------===//

#include "GuardDetection.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

namespace {

bool isFunctionBoundary(const DynTypedNode &Node) {
  return Node.get<FunctionDecl>() || Node.get<LambdaExpr>() ||
         Node.get<BlockDecl>() || Node.get<ObjCMethodDecl>();
}

/// Nodes that do not change how a value is used.
bool isTransparent(const Expr &E) {
  return isa<ImplicitCastExpr, ParenExpr, ExprWithCleanups,
             MaterializeTemporaryExpr, CXXBindTemporaryExpr>(E);
}

bool isAfter(SourceLocation Loc, const Stmt &After, const SourceManager &SM) {
  SourceLocation End = SM.getExpansionRange(After.getEndLoc()).getEnd();
  return SM.isBeforeInTranslationUnit(End, SM.getExpansionLoc(Loc));
}

template <typename Predicate>
bool anyStmtAfter(const Stmt &Root, const Stmt &After, const SourceManager &SM,
                  Predicate &&Matches) {
  if (Matches(Root) && isAfter(Root.getBeginLoc(), After, SM))
    return true;
  for (const Stmt *Child : Root.children())
    if (Child && anyStmtAfter(*Child, After, SM, Matches))
      return true;
  return false;
}

} // namespace

llvm::SmallVector<const CXXCatchStmt *, 4>
enclosingHandlers(const Stmt &S, ASTContext &Ctx) {
  llvm::SmallVector<const CXXCatchStmt *, 4> Handlers;
  DynTypedNode Node = DynTypedNode::create(S);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty() || isFunctionBoundary(Parents[0]))
      return Handlers;
    if (const auto *Try = Parents[0].get<CXXTryStmt>())
      if (Node.get<Stmt>() == Try->getTryBlock())
        for (unsigned I = 0, E = Try->getNumHandlers(); I < E; ++I)
          Handlers.push_back(Try->getHandler(I));
    Node = Parents[0];
  }
}

bool handlersCatch(llvm::ArrayRef<const CXXCatchStmt *> Handlers,
                   llvm::ArrayRef<llvm::StringRef> CatchableAs) {
  for (const CXXCatchStmt *Handler : Handlers) {
    if (!Handler->getExceptionDecl())
      return true; // catch (...)
    // A handler whose type does not compile: assume it is the right one
    // rather than report on code the compiler already rejects.
    if (Handler->getExceptionDecl()->isInvalidDecl())
      return true;
    QualType Caught = Handler->getCaughtType().getNonReferenceType();
    const auto *Record = Caught->getAsCXXRecordDecl();
    if (!Record)
      continue;
    std::string Name = Record->getQualifiedNameAsString();
    if (llvm::is_contained(CatchableAs, Name))
      return true;
  }
  return false;
}

ResultUse classifyResultUse(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return {};
    const DynTypedNode &Parent = Parents[0];
    if (const auto *P = Parent.get<Expr>()) {
      if (isTransparent(*P)) {
        Node = Parent;
        continue;
      }
      if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P))
        if (Cast->getType()->isVoidType())
          return ResultUse::of(ResultUse::Discarded);
      if (const auto *Member = dyn_cast<MemberExpr>(P))
        return ResultUse::of(ResultUse::MemberRead, nullptr,
                             Member->getMemberDecl()->getName());
      if (const auto *Assign = dyn_cast<BinaryOperator>(P))
        if (Assign->getOpcode() == BO_Assign &&
            Assign->getRHS()->IgnoreParenImpCasts() ==
                Node.get<Expr>()->IgnoreParenImpCasts())
          if (const auto *Target = dyn_cast<DeclRefExpr>(
                  Assign->getLHS()->IgnoreParenImpCasts()))
            if (const auto *Var = dyn_cast<VarDecl>(Target->getDecl()))
              return ResultUse::of(ResultUse::StoredIn, Var);
      // `T x = call();` with a copy/move constructor in between.
      if (isa<CXXConstructExpr>(P) &&
          cast<CXXConstructExpr>(P)->getNumArgs() == 1) {
        Node = Parent;
        continue;
      }
      return {};
    }
    if (const auto *Var = Parent.get<VarDecl>())
      return ResultUse::of(ResultUse::StoredIn, Var);
    if (const auto *S = Parent.get<Stmt>()) {
      // A full expression that is a statement of its own.
      if (isa<CompoundStmt>(S))
        return ResultUse::of(ResultUse::Discarded);
      const Stmt *Child = Node.get<Stmt>();
      if (const auto *If = dyn_cast<IfStmt>(S))
        return ResultUse::of(If->getCond() == Child ? ResultUse::Used
                                                  : ResultUse::Discarded);
      if (const auto *Loop = dyn_cast<WhileStmt>(S))
        return ResultUse::of(Loop->getCond() == Child ? ResultUse::Used
                                                  : ResultUse::Discarded);
      if (const auto *Loop = dyn_cast<ForStmt>(S))
        return ResultUse::of(Loop->getCond() == Child ? ResultUse::Used
                                                  : ResultUse::Discarded);
      if (const auto *Loop = dyn_cast<DoStmt>(S))
        return ResultUse::of(Loop->getCond() == Child ? ResultUse::Used
                                                  : ResultUse::Discarded);
      return {};
    }
    return {};
  }
}

bool isReferencedAfter(const ValueDecl &D, const Stmt &After,
                       const Stmt &Body, ASTContext &Ctx,
                       llvm::StringRef Member) {
  return anyStmtAfter(Body, After, Ctx.getSourceManager(), [&](const Stmt &S) {
    if (!Member.empty()) {
      const auto *ME = dyn_cast<MemberExpr>(&S);
      if (!ME || ME->getMemberDecl()->getName() != Member)
        return false;
      const auto *Base =
          dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
      return Base && Base->getDecl() == &D;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == &D;
  });
}

bool isErrnoReadAfter(const Stmt &After, const Stmt &Body, ASTContext &Ctx) {
  return anyStmtAfter(Body, After, Ctx.getSourceManager(), [](const Stmt &S) {
    // glibc, musl: (*__errno_location()); BSD/macOS: (*__error());
    // Windows: (*_errno()); some libcs: a variable named errno.
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (const IdentifierInfo *Id = Callee->getIdentifier())
          return Id->getName() == "__errno_location" ||
                 Id->getName() == "__error" || Id->getName() == "_errno" ||
                 Id->getName() == "___errno";
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (const IdentifierInfo *Id = Ref->getDecl()->getIdentifier())
        return Id->getName() == "errno";
    return false;
  });
}

const Stmt *enclosingFunctionBody(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    if (const auto *Lambda = Parents[0].get<LambdaExpr>())
      if (Node.get<Stmt>() == Lambda->getBody())
        return Lambda->getBody();
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return Function->getBody();
    Node = Parents[0];
  }
}

} // namespace clang::tidy::prodready
