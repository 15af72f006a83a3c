//===--- EnvModel.cpp - prodready -----------------------------------------===//

#include "EnvModel.h"
#include "ASTHelpers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

namespace {

template <typename Callback>
void forEachStmtOutsideLambdas(const Stmt *S, Callback &&Fn) {
  if (!S)
    return;
  Fn(S);
  if (isa<LambdaExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    forEachStmtOutsideLambdas(Child, Fn);
}

/// The local variable \p E names, if any.
const VarDecl *namedLocal(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripValueWrappers(E));
  if (!DRE)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
  return Var && Var->isLocalVarDecl() ? Var : nullptr;
}

/// Member functions that hand out (part of) the text of their object.
bool isTextAccessor(const CXXMethodDecl &Method) {
  if (!Method.getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(Method.getName())
      .Cases("c_str", "data", "substr", "str", "view", true)
      .Default(false);
}

/// Member functions that add their argument's text to their object.
bool isTextWriter(const CXXMethodDecl &Method) {
  if (!Method.getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(Method.getName())
      .Cases("assign", "append", "insert", "str", true)
      .Default(false);
}

} // namespace

EnvModel::EnvModel(ASTContext &Ctx, llvm::ArrayRef<std::string> EnvFunctions)
    : Ctx(Ctx) {
  for (StringRef Name : EnvFunctions) {
    Name = Name.trim();
    Name.consume_front("::");
    if (Name.empty())
      continue;
    EnvFunctionNames.insert(Name);
    EnvFunctionIdentifiers.insert(Name.rsplit("::").second.empty()
                                      ? Name
                                      : Name.rsplit("::").second);
  }
}

EnvModel::~EnvModel() = default;

bool EnvModel::isEnvReadFunction(const FunctionDecl &Function) const {
  const IdentifierInfo *Id = Function.getIdentifier();
  if (!Id || !EnvFunctionIdentifiers.contains(Id->getName()))
    return false;
  return EnvFunctionNames.contains(Function.getQualifiedNameAsString());
}

const CallExpr *EnvModel::asEnvRead(const Expr *E) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(E));
  if (!Call)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && isEnvReadFunction(*Callee) ? Call : nullptr;
}

std::optional<StringRef> EnvModel::variableName(const CallExpr &Read) {
  if (Read.getNumArgs() == 0)
    return std::nullopt;
  if (const auto *Literal =
          dyn_cast<StringLiteral>(stripValueWrappers(Read.getArg(0))))
    if (Literal->getCharByteWidth() == 1)
      return Literal->getString();
  return std::nullopt;
}

bool EnvModel::isAnalyzableHelper(const FunctionDecl &Function) const {
  const FunctionDecl *Definition = Function.getDefinition();
  if (!Definition || !Definition->hasBody() || isEnvReadFunction(Function))
    return false;
  if (Ctx.getSourceManager().isInSystemHeader(Definition->getLocation()))
    return false;
  return true;
}

bool EnvModel::isSource(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  if (isEnvReadFunction(*Callee))
    return true;
  if (!Callee->getReturnType()->isPointerType() || !isAnalyzableHelper(*Callee))
    return false;
  return nullableEnvReturn(*Callee->getDefinition()) != nullptr;
}

std::optional<std::string> EnvModel::sourceKey(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !isEnvReadFunction(*Callee))
    return std::nullopt;
  if (std::optional<StringRef> Name = variableName(Call))
    return (Callee->getName() + "(" + *Name + ")").str();
  return std::nullopt;
}

PointerNullnessAnalysis &EnvModel::nullnessFor(const Decl &Context,
                                                const Stmt &Body) {
  std::unique_ptr<PointerNullnessAnalysis> &Slot = Analyses[&Context];
  if (!Slot)
    Slot = std::make_unique<PointerNullnessAnalysis>(Context, Body, Ctx, *this);
  return *Slot;
}

const ReturnStmt *EnvModel::nullableEnvReturn(const FunctionDecl &Function) {
  auto [It, Inserted] = NullableReturns.try_emplace(
      &Function, Summary::InProgress, nullptr);
  if (!Inserted)
    return It->second.second; // Done, or recursion: assume not (yet) known.

  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  bool ReadsEnv = false;
  forEachStmtOutsideLambdas(Function.getBody(), [&](const Stmt *S) {
    if (const auto *Ret = dyn_cast<ReturnStmt>(S); Ret && Ret->getRetValue())
      Returns.push_back(Ret);
    else if (const auto *Call = dyn_cast<CallExpr>(S))
      ReadsEnv |= asEnvRead(Call) != nullptr;
  });

  const ReturnStmt *Result = nullptr;
  const ReturnStmt *DefinitelyNull = nullptr;
  if (!Returns.empty()) {
    PointerNullnessAnalysis &Analysis =
        nullnessFor(Function, *Function.getBody());
    for (const ReturnStmt *Ret : Returns) {
      PointerFact Fact = Analysis.evaluateAt(*Ret->getRetValue(), *Ret);
      if (Fact.MayBeNullFromSource) {
        Result = Ret;
        break;
      }
      if (!DefinitelyNull && Fact.MayBeNullOtherwise && !Fact.MayBeNonNull)
        DefinitelyNull = Ret;
    }
  }
  // `if (!v) return nullptr; return v;` hands "unset" to its callers too.
  if (!Result && ReadsEnv)
    Result = DefinitelyNull;
  NullableReturns[&Function] = {Summary::Done, Result};
  return Result;
}

const CallExpr *EnvModel::derivedReturn(const FunctionDecl &Function) {
  auto [It, Inserted] =
      DerivedReturns.try_emplace(&Function, Summary::InProgress, nullptr);
  if (!Inserted)
    return It->second.second;
  const CallExpr *Origin = nullptr;
  forEachStmtOutsideLambdas(Function.getBody(), [&](const Stmt *S) {
    if (Origin)
      return;
    if (const auto *Ret = dyn_cast<ReturnStmt>(S))
      if (const Expr *Value = Ret->getRetValue())
        Origin = envOrigin(*Value);
  });
  DerivedReturns[&Function] = {Summary::Done, Origin};
  return Origin;
}

void EnvModel::computeLocalOrigins(const FunctionDecl &Function) {
  if (!LocalOriginsComputed.try_emplace(&Function, Summary::InProgress).second)
    return;
  // Edges "local <- expression" for every way text flows into a local.
  llvm::SmallVector<std::pair<const VarDecl *, const Expr *>, 16> Edges;
  auto AddEdge = [&](const Expr *Target, const Expr *Value) {
    if (const VarDecl *Var = namedLocal(Target))
      Edges.emplace_back(Var, Value);
  };
  forEachStmtOutsideLambdas(Function.getBody(), [&](const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (const Expr *Init = Var->getInit())
            Edges.emplace_back(Var, Init);
    } else if (const auto *Op = dyn_cast<BinaryOperator>(S)) {
      if (Op->isAssignmentOp())
        AddEdge(Op->getLHS(), Op->getRHS());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      OverloadedOperatorKind Kind = Op->getOperator();
      if ((Kind == OO_Equal || Kind == OO_PlusEqual || Kind == OO_LessLess) &&
          Op->getNumArgs() == 2)
        AddEdge(Op->getArg(0), Op->getArg(1));
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      if (const CXXMethodDecl *Method = Call->getMethodDecl();
          Method && isTextWriter(*Method))
        for (const Expr *Arg : Call->arguments())
          AddEdge(Call->getImplicitObjectArgument(), Arg);
    }
  });
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const auto &[Var, Value] : Edges) {
      if (LocalOrigins.count(Var))
        continue;
      if (const CallExpr *Origin = envOrigin(*Value)) {
        LocalOrigins[Var] = Origin;
        Changed = true;
      }
    }
  }
  LocalOriginsComputed[&Function] = Summary::Done;
}

const CallExpr *EnvModel::varOrigin(const VarDecl &Var) {
  if (!Var.isLocalVarDecl()) {
    // Globals and static members: what their initializer reads.
    if (isa<ParmVarDecl>(Var) || !Var.getInit())
      return nullptr;
    if (!Var.hasGlobalStorage())
      return nullptr;
    return envOrigin(*Var.getInit());
  }
  if (const auto *Function =
          dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod()))
    if (Function->hasBody())
      computeLocalOrigins(*Function);
  auto It = LocalOrigins.find(&Var);
  return It == LocalOrigins.end() ? nullptr : It->second;
}

const CallExpr *EnvModel::envOrigin(const Expr &Value) {
  const Expr *E = stripValueWrappers(&Value);
  if (!E)
    return nullptr;
  if (const CallExpr *Read = asEnvRead(E))
    return Read;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    if (const CXXMethodDecl *Method = Member->getMethodDecl();
        Method && isTextAccessor(*Method))
      return envOrigin(*Member->getImplicitObjectArgument());
    return nullptr;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus)
      for (const Expr *Arg : Op->arguments())
        if (const CallExpr *Origin = envOrigin(*Arg))
          return Origin;
    return nullptr;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && isAnalyzableHelper(*Callee))
      return derivedReturn(*Callee->getDefinition());
    return nullptr;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : Construct->arguments())
      if (const CallExpr *Origin = envOrigin(*Arg))
        return Origin;
    return nullptr;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
      return varOrigin(*Var);
    return nullptr;
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    if (const CallExpr *Origin = envOrigin(*Cond->getTrueExpr()))
      return Origin;
    return envOrigin(*Cond->getFalseExpr());
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    switch (Op->getOpcode()) {
    case BO_Add:
    case BO_Sub:
      if (Op->getType()->isPointerType()) {
        if (const CallExpr *Origin = envOrigin(*Op->getLHS()))
          return Origin;
        return envOrigin(*Op->getRHS());
      }
      return nullptr;
    case BO_Assign:
    case BO_Comma:
      return envOrigin(*Op->getRHS());
    default:
      return nullptr;
    }
  }
  if (const auto *Init = dyn_cast<InitListExpr>(E))
    if (Init->getNumInits() == 1)
      return envOrigin(*Init->getInit(0));
  return nullptr;
}

} // namespace clang::tidy::prodready
