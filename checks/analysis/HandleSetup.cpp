//===--- HandleSetup.cpp - prodready --------------------------------------===//

#include "HandleSetup.h"
#include "ASTHelpers.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::prodready {

namespace {

constexpr unsigned MaxHelperDepth = 4;

bool isBefore(const Expr &A, const Expr &B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(A.getBeginLoc(), B.getBeginLoc());
}

bool isLocalVariable(const ValueDecl &D) {
  const auto *Var = dyn_cast<VarDecl>(&D);
  return Var && Var->isLocalVarDecl();
}

bool isFieldOrGlobal(const ValueDecl &D) {
  if (isa<FieldDecl>(D))
    return true;
  const auto *Var = dyn_cast<VarDecl>(&D);
  return Var && Var->hasGlobalStorage() && !Var->isStaticLocal();
}

/// The summary field that says a helper gives a handle parameter \p Role.
ParamSet configuredBy(const FunctionSummary &Summary, NetworkRole Role) {
  switch (Role) {
  case NetworkRole::SetsConnectTimeout:
    return Summary.SetsConnectTimeoutOn;
  case NetworkRole::SetsProtocols:
    return Summary.SetsProtocolsOn;
  default:
    return Summary.SetsTimeoutOn;
  }
}

} // namespace

const NetworkCall *HandleSetupTracker::noteStatement(const Stmt &S,
                                                     const Decl &Unit,
                                                     ASTContext &Ctx) {
  UnitFacts &Seen = Facts[&Unit];
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    if (std::optional<NetworkCall> Known = Model.classify(*Call, Ctx)) {
      if (const ValueDecl *Handle = NetworkModel::handleDecl(Known->Handle);
          Handle && isFieldOrGlobal(*Handle))
        ConfiguredGlobals.insert({Handle, Known->Library, Known->Role});
      Seen.Calls.push_back(*Known);
      return &Seen.Calls.back();
    }
    if (userDefinition(*Call, Ctx.getSourceManager()) ||
        (Summaries.hasExternal() &&
         definedElsewhere(*Call, Ctx.getSourceManager())))
      Seen.HelperCalls.push_back(Call);
    return nullptr;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      if (const FunctionDecl *Def = Ctor->getDefinition();
          Def && Def->hasBody() &&
          !Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
        Seen.Constructions.push_back(Construct);
    return nullptr;
  }
  auto NoteInit = [&](const ValueDecl *Target, const Expr *Value) {
    if (Target && Value)
      Seen.Inits.emplace_back(Target, Value);
  };
  if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        NoteInit(Var, Var->getInit());
  } else if (const auto *Op = dyn_cast<BinaryOperator>(&S)) {
    if (Op->getOpcode() == BO_Assign)
      NoteInit(NetworkModel::handleDecl(Op->getLHS()), Op->getRHS());
  } else if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
    if (Return->getRetValue())
      Seen.Returns.push_back(Return->getRetValue());
  }
  return nullptr;
}

llvm::ArrayRef<NetworkCall>
HandleSetupTracker::calls(const Decl &Unit) const {
  auto It = Facts.find(&Unit);
  if (It == Facts.end())
    return {};
  return It->second.Calls;
}

void HandleSetupTracker::clear() {
  Facts.clear();
  ConfiguredGlobals.clear();
  ReturnedConfigured.clear();
}

/// Some call of a configuring helper, or a configuring call, on \p Handle
/// in \p Unit before \p Site (anywhere when \p Site is null).
bool HandleSetupTracker::configuredBefore(const Decl &Unit,
                                          const ValueDecl &Handle,
                                          const Expr *Site,
                                          HandleRequirement Need,
                                          unsigned Depth) {
  auto It = Facts.find(&Unit);
  if (It == Facts.end())
    return false;
  const UnitFacts &Seen = It->second;
  const SourceManager &SM = Unit.getASTContext().getSourceManager();
  auto Earlier = [&](const Expr &E) { return !Site || isBefore(E, *Site, SM); };
  for (const NetworkCall &Call : Seen.Calls)
    if (Call.Library == Need.first && Call.Role == Need.second &&
        NetworkModel::handleDecl(Call.Handle) == &Handle && Earlier(*Call.Call))
      return true;
  if (Depth >= MaxHelperDepth)
    return false;
  for (const CallExpr *Call : Seen.HelperCalls)
    if (Earlier(*Call) && helperConfiguresArgument(*Call, Handle, Need))
      return true;
  for (const auto &[Target, Value] : Seen.Inits) {
    if (Target != &Handle || !Earlier(*Value))
      continue;
    // Broken code: what the handle came from is unknown.
    if (Value->containsErrors())
      return true;
    const auto *Call = dyn_cast<CallExpr>(stripValueWrappers(Value));
    if (const FunctionDecl *Helper = Call ? userDefinition(*Call, SM) : nullptr)
      if (helperConfiguresReturn(*Helper, Need, Depth + 1))
        return true;
  }
  return false;
}

bool HandleSetupTracker::helperConfiguresReturn(const FunctionDecl &Helper,
                                                HandleRequirement Need,
                                                unsigned Depth) {
  auto Key = std::make_tuple(&Helper, Need.first, Need.second);
  if (auto It = ReturnedConfigured.find(Key); It != ReturnedConfigured.end())
    return It->second;
  ReturnedConfigured[Key] = false; // Recursion.
  bool Configures = false;
  if (auto It = Facts.find(&Helper); It != Facts.end())
    for (const Expr *Returned : It->second.Returns) {
      if (const ValueDecl *Local = NetworkModel::handleDecl(Returned))
        Configures = configuredBefore(Helper, *Local, Returned, Need, Depth);
      else if (const auto *Call =
                   dyn_cast<CallExpr>(stripValueWrappers(Returned)))
        if (const FunctionDecl *Inner = userDefinition(
                *Call, Helper.getASTContext().getSourceManager()))
          Configures = helperConfiguresReturn(*Inner, Need, Depth + 1);
      if (Configures)
        break;
    }
  return ReturnedConfigured[Key] = Configures;
}

bool HandleSetupTracker::helperConfiguresArgument(const CallExpr &Call,
                                                  const ValueDecl &Handle,
                                                  HandleRequirement Need) {
  // Operators take the object as an argument: parameters do not line up.
  if (isa<CXXOperatorCallExpr>(Call))
    return false;
  const FunctionSummary *Summary = Summaries.calleeSummary(
      Call, Call.getDirectCallee()->getASTContext());
  if (!Summary)
    return false;
  return llvm::any_of(
      argumentsFor(Call, configuredBy(*Summary, Need.second)),
      [&](const Expr *Arg) { return NetworkModel::handleDecl(Arg) == &Handle; });
}

std::optional<bool> HandleSetupTracker::configuredByCallers(
    const FunctionDecl &Function, const ParmVarDecl &Handle,
    HandleRequirement Need, bool SelfContained) {
  if (SelfContained)
    return std::nullopt;
  if (configuredBefore(Function, Handle, nullptr, Need, 0))
    return true;
  unsigned Index = Handle.getFunctionScopeIndex();
  const FunctionDecl *Canonical = Function.getCanonicalDecl();
  auto Calls = [&](const FunctionDecl *Callee) {
    return Callee && Callee->getCanonicalDecl() == Canonical;
  };
  bool AnyCall = false;
  for (const auto &[Unit, Seen] : Facts) {
    llvm::SmallVector<const Expr *, 2> Arguments;
    for (const CallExpr *Call : Seen.HelperCalls)
      if (Calls(Call->getDirectCallee()))
        Arguments.push_back(argumentForParameter(*Call, Index));
    for (const CXXConstructExpr *Construct : Seen.Constructions)
      if (Calls(Construct->getConstructor()))
        Arguments.push_back(Index < Construct->getNumArgs()
                                ? Construct->getArg(Index)
                                : nullptr);
    for (const Expr *Argument : Arguments) {
      AnyCall = true;
      if (!Argument ||
          configured(*Unit, Argument, nullptr, Need, SelfContained))
        return true;
    }
  }
  if (!AnyCall)
    return std::nullopt;
  return false;
}

bool HandleSetupTracker::configured(const Decl &Unit, const Expr *HandleExpr,
                                    const Expr *Site, HandleRequirement Need,
                                    bool SelfContained) {
  const ValueDecl *Handle = NetworkModel::handleDecl(HandleExpr);
  // Parameters are configured by the caller; what the tracker cannot
  // name, it cannot judge.
  if (!Handle || isa<ParmVarDecl>(Handle))
    return true;
  if (isFieldOrGlobal(*Handle)) {
    // The editor sees one declaration at a time: not the constructor that
    // may configure the field.
    if (SelfContained ||
        ConfiguredGlobals.contains({Handle, Need.first, Need.second}))
      return true;
    for (const auto &[Other, Seen] : Facts)
      if (configuredBefore(*Other, *Handle, nullptr, Need, 0))
        return true;
    return false;
  }
  if (!isLocalVariable(*Handle))
    return true;
  if (configuredBefore(Unit, *Handle, Site, Need, 0))
    return true;
  // A lambda (an asynchronous handler) runs after its enclosing function
  // configured the handle it captured.
  for (const Decl *Outer = &Unit;;) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Outer);
    if (!Method || !Method->getParent()->isLambda())
      return false;
    Outer = dyn_cast_or_null<Decl>(Method->getParent()->getDeclContext());
    if (!Outer)
      return false;
    if (configuredBefore(*Outer, *Handle, nullptr, Need, 0))
      return true;
  }
}

} // namespace clang::tidy::prodready
