//===--- HttpStatusUse.cpp - prodready ------------------------------------===//
//
// Each use of a status is judged by what encloses it, walking up the
// function's ParentMap through the expressions that only carry the value
// (casts, arithmetic, formatting calls such as std::to_string): the first
// construct that decides on it, hands it on or drops it gives the answer.
//
//===----------------------------------------------------------------------===//

#include "HttpStatusUse.h"
#include "ASTHelpers.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::prodready {

namespace {

/// How deep project functions are followed (a status given to a helper
/// that gives it to another one); past it, a use counts as a check.
constexpr unsigned MaxDepth = 3;

class ReferenceFinder : public RecursiveASTVisitor<ReferenceFinder> {
public:
  explicit ReferenceFinder(const ValueDecl &Target) : Target(Target) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == &Target)
      Uses.push_back(Ref);
    return true;
  }
  const ValueDecl &Target;
  llvm::SmallVector<const DeclRefExpr *, 8> Uses;
};

class CallFinder : public RecursiveASTVisitor<CallFinder> {
public:
  CallFinder(const FunctionDecl &Callee,
             llvm::SmallVectorImpl<const CallExpr *> &Out)
      : Callee(Callee.getCanonicalDecl()), Out(Out) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Called = Call->getDirectCallee();
        Called && Called->getCanonicalDecl() == Callee)
      Out.push_back(Call);
    return true;
  }
  const FunctionDecl *Callee;
  llvm::SmallVectorImpl<const CallExpr *> &Out;
};

/// Expressions that pass their operand's value on unchanged, for this
/// purpose.
bool carriesValue(const Stmt &S) {
  return isa<ParenExpr, ImplicitCastExpr, ExplicitCastExpr,
             MaterializeTemporaryExpr, ExprWithCleanups, CXXBindTemporaryExpr,
             CXXConstructExpr, InitListExpr, ParenListExpr,
             CXXDefaultArgExpr>(S);
}

/// Logging and formatting libraries: giving them a value only prints it.
bool isLoggingLibrary(const FunctionDecl &F) {
  for (const DeclContext *Context = F.getDeclContext(); Context;
       Context = Context->getParent()) {
    const auto *Namespace = dyn_cast<NamespaceDecl>(Context);
    if (!Namespace || !Namespace->getIdentifier())
      continue;
    StringRef Name = Namespace->getName();
    if (Name == "spdlog" || Name == "fmt" || Name == "google" ||
        Name == "log" || Name == "plog" || Name == "el")
      return true;
  }
  return false;
}

/// True if \p Child is the condition of the statement \p Parent.
bool isConditionOf(const Stmt &Parent, const Stmt &Child) {
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return If->getCond() == &Child;
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return While->getCond() == &Child;
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return Do->getCond() == &Child;
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return For->getCond() == &Child;
  if (const auto *Switch = dyn_cast<SwitchStmt>(&Parent))
    return Switch->getCond() == &Child;
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(&Parent))
    return Conditional->getCond() == &Child;
  return false;
}

/// The local variable \p E names, if a plain (non-static, non-reference)
/// one: a copy the function keeps.
const VarDecl *plainLocal(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
      Var->getType()->isReferenceType())
    return nullptr;
  return Var;
}

bool isHttplibResult(QualType Type) {
  const CXXRecordDecl *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         qualifiedNameWithoutInlineNamespaces(*Record) == "httplib::Result";
}

/// `httplib::Error::Success`.
bool isSuccessError(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripValueWrappers(E));
  const auto *Enumerator =
      Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  if (!Enumerator || Enumerator->getName() != "Success")
    return false;
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator->getDeclContext());
  return Enum && Enum->getIdentifier() &&
         qualifiedNameWithoutInlineNamespaces(*Enum) == "httplib::Error";
}

/// `res.error()` on a Result: the Result.
const Expr *errorOf(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(E));
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Method->getName() != "error" ||
      !isHttplibResult(Call->getImplicitObjectArgument()->getType()))
    return nullptr;
  return Call->getImplicitObjectArgument();
}

} // namespace

ParentMap &HttpStatusUses::parentsOf(const FunctionDecl &Function) {
  std::unique_ptr<ParentMap> &Map = Parents[&Function];
  if (!Map)
    Map = std::make_unique<ParentMap>(Function.getBody());
  return *Map;
}

bool HttpStatusUses::isChecked(const VarDecl &Status,
                               const FunctionDecl &Function) {
  return isChecked(Status, Function, 0);
}

bool HttpStatusUses::isChecked(const VarDecl &Status,
                               const FunctionDecl &Function, unsigned Depth) {
  if (Depth > MaxDepth || !Function.hasBody())
    return true;
  ReferenceFinder Finder(Status);
  Finder.TraverseStmt(Function.getBody());
  ParentMap &Map = parentsOf(Function);
  return llvm::any_of(Finder.Uses, [&](const DeclRefExpr *Use) {
    return useIsCheck(*Use, Map, Function, Depth);
  });
}

bool HttpStatusUses::useIsCheck(const Stmt &Use, ParentMap &Map,
                                const FunctionDecl &Function, unsigned Depth) {
  const Stmt *Child = &Use;
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    const Stmt *Parent = Map.getParent(Child);
    if (!Parent)
      return false;
    if (isConditionOf(*Parent, *Child))
      return true;
    if (isa<ReturnStmt, CXXThrowExpr, LambdaExpr>(Parent))
      return true;
    if (const auto *Op = dyn_cast<BinaryOperator>(Parent)) {
      if (Op->isComparisonOp() || Op->isLogicalOp())
        return true;
      if (Op->isAssignmentOp()) {
        if (Op->getRHS() != Child)
          return false; // Overwritten.
        // Copied into another local: its uses decide. Stored anywhere else
        // (a field, a global, through a pointer): the caller's to check.
        const VarDecl *Copy = plainLocal(Op->getLHS());
        return !Copy || isChecked(*Copy, Function, Depth + 1);
      }
      if (Op->getOpcode() == BO_Comma && Op->getLHS() == Child)
        return false;
    } else if (const auto *Op = dyn_cast<UnaryOperator>(Parent)) {
      if (Op->getOpcode() == UO_LNot)
        return true;
      // `&status`: given to the read itself or to a library it is not
      // decided on; a project function may.
      if (Op->getOpcode() == UO_AddrOf) {
        const Stmt *Argument = Op;
        while (isa_and_nonnull<ParenExpr, ImplicitCastExpr>(
            Map.getParent(Argument)))
          Argument = Map.getParent(Argument);
        const auto *Call = dyn_cast_or_null<CallExpr>(Map.getParent(Argument));
        return Call && argumentIsChecked(*Call, *Argument, Depth);
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
          Op && Op->isComparisonOp())
        return true;
      if (Call->getCallee() != Child && argumentIsChecked(*Call, *Child, Depth))
        return true;
      // Formatted (std::to_string, fmt::format, <<): the result carries it.
    } else if (const auto *Decls = dyn_cast<DeclStmt>(Parent)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
          if (stripValueWrappers(Var->getInit()) ==
                  stripValueWrappers(dyn_cast<Expr>(Child)) ||
              Var->getInit() == Child)
            return !Var->isLocalVarDecl() || Var->isStaticLocal() ||
                   isChecked(*Var, Function, Depth + 1);
      return true;
    } else if (!isa<Expr>(Parent)) {
      // A statement of its own (or the body of an if): the value is
      // dropped.
      return false;
    } else if (!carriesValue(*Parent) &&
               !isa<BinaryOperator, UnaryOperator, AbstractConditionalOperator,
                    ArraySubscriptExpr, MemberExpr>(Parent)) {
      // An expression the walk does not know: assume it decides.
      return true;
    }
    Child = Parent;
  }
  return true;
}

/// True if the function \p Call calls checks the status it gets as
/// \p Argument: a project function whose parameter is checked, or one the
/// analysis cannot see into. Libraries (printf, std::, logging) only print
/// or format it.
bool HttpStatusUses::argumentIsChecked(const CallExpr &Call,
                                       const Stmt &Argument, unsigned Depth) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(Callee->getLocation()) || isInStdOrNested(*Callee) ||
      isLoggingLibrary(*Callee))
    return false;
  const FunctionDecl *Definition = userDefinition(Call, SM);
  if (!Definition)
    return true;
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                            isa<CXXMethodDecl>(Definition) &&
                            !cast<CXXMethodDecl>(Definition)->isStatic()
                        ? 1
                        : 0;
  for (unsigned I = Offset; I < Call.getNumArgs(); ++I) {
    if (Call.getArg(I) != &Argument)
      continue;
    unsigned Param = I - Offset;
    // The variadic part of a project function: a printf-like logger.
    if (Param >= Definition->getNumParams())
      return false;
    auto [It, Inserted] = CheckedParameters.try_emplace({Definition, Param});
    if (Inserted)
      It->second = isChecked(*Definition->getParamDecl(Param), *Definition,
                             Depth + 1);
    return It->second;
  }
  return false; // The object of a member call.
}

bool HttpStatusUses::isReturned(const Expr &Value,
                                const FunctionDecl &Function) {
  ParentMap &Map = parentsOf(Function);
  const Stmt *Child = &Value;
  for (unsigned Steps = 0; Steps < 16; ++Steps) {
    const Stmt *Parent = Map.getParent(Child);
    if (!Parent)
      return false;
    if (isa<ReturnStmt>(Parent))
      return true;
    bool IsMove = false;
    if (const auto *Call = dyn_cast<CallExpr>(Parent))
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
          Callee->getName() == "move")
        IsMove = true;
    if (!IsMove && !isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                        ExprWithCleanups, CXXBindTemporaryExpr,
                        CXXConstructExpr>(Parent))
      return false;
    Child = Parent;
  }
  return false;
}

const Expr *httplibSuccessTest(const Expr *Cond, bool Truth) {
  Cond = stripValueWrappers(Cond);
  const Expr *L = nullptr, *R = nullptr;
  bool Equal = false;
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond);
      Op && (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)) {
    L = Op->getLHS();
    R = Op->getRHS();
    Equal = Op->getOpcode() == BO_EQ;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->getNumArgs() == 2 &&
             (Op->getOperator() == OO_EqualEqual ||
              Op->getOperator() == OO_ExclaimEqual)) {
    L = Op->getArg(0);
    R = Op->getArg(1);
    Equal = Op->getOperator() == OO_EqualEqual;
  } else {
    return nullptr;
  }
  if (Equal != Truth)
    return nullptr;
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R))
    if (const Expr *Result = errorOf(L); Result && isSuccessError(R))
      return Result;
  return nullptr;
}

void findCallsTo(const FunctionDecl &Callee, const Stmt &Body,
                 llvm::SmallVectorImpl<const CallExpr *> &Out) {
  CallFinder(Callee, Out).TraverseStmt(const_cast<Stmt *>(&Body));
}

} // namespace clang::tidy::prodready
