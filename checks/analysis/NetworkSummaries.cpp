//===--- NetworkSummaries.cpp - prodready ---------------------------------===//

#include "NetworkSummaries.h"
#include "ASTHelpers.h"
#include "ForwardDataflow.h"
#include "OutcomeTest.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::prodready {

namespace {

/// What the paths reaching a point did to the function's parameters.
/// "Must" sets hold what every path did (intersection at joins), "may" sets
/// and flags what some path did (union).
struct PathState {
  bool Reachable = false;
  // Must.
  ParamSet Timeout = 0, Connect = 0, Sink = 0, Protocols = 0;
  /// Status parameters tested and found to say success; for a Result, a
  /// response (Response) and its HTTP status (Status).
  ParamSet Response = 0, Status = 0;
  // May: a handle bit of a must set also set vacuously (the handle was
  // null) counts only if some path really configured it.
  ParamSet TimeoutMay = 0, ConnectMay = 0, SinkMay = 0, ProtocolsMay = 0;
  bool Delayed = false;

  bool operator!=(const PathState &O) const {
    return Reachable != O.Reachable || Timeout != O.Timeout ||
           Connect != O.Connect || Sink != O.Sink ||
           Protocols != O.Protocols || Response != O.Response ||
           Status != O.Status || TimeoutMay != O.TimeoutMay ||
           ConnectMay != O.ConnectMay || SinkMay != O.SinkMay ||
           ProtocolsMay != O.ProtocolsMay || Delayed != O.Delayed;
  }
};

PathState joinStates(const PathState &A, const PathState &B) {
  if (!A.Reachable)
    return B;
  if (!B.Reachable)
    return A;
  PathState Out;
  Out.Reachable = true;
  Out.Timeout = A.Timeout & B.Timeout;
  Out.Connect = A.Connect & B.Connect;
  Out.Sink = A.Sink & B.Sink;
  Out.Protocols = A.Protocols & B.Protocols;
  Out.Response = A.Response & B.Response;
  Out.Status = A.Status & B.Status;
  Out.TimeoutMay = A.TimeoutMay | B.TimeoutMay;
  Out.ConnectMay = A.ConnectMay | B.ConnectMay;
  Out.SinkMay = A.SinkMay | B.SinkMay;
  Out.ProtocolsMay = A.ProtocolsMay | B.ProtocolsMay;
  Out.Delayed = A.Delayed || B.Delayed;
  return Out;
}

bool isNamedRecord(QualType Type, llvm::StringRef Qualified) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         qualifiedNameWithoutInlineNamespaces(*Record) == Qualified;
}

bool isHttplibResult(QualType Type) {
  return isNamedRecord(Type, "httplib::Result");
}

/// A parameter that can carry the outcome of an operation: a CURLcode or
/// another status enumeration, a number (an HTTP code, a POSIX result),
/// a grpc::Status, an httplib::Result.
bool isStatusType(QualType Type) {
  QualType Value = Type.getNonReferenceType();
  return Value->isIntegralOrEnumerationType() ||
         isNamedRecord(Value, "grpc::Status") || isHttplibResult(Value);
}

/// A constant zero amount: `CURLOPT_TIMEOUT, 0L` means no timeout, and
/// httplib's zero fails every request.
bool isZeroAmount(const Expr *Amount, const ASTContext &Ctx) {
  if (!Amount)
    return false;
  const Expr *E = stripValueWrappers(Amount);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    E = stripValueWrappers(Construct->getArg(0));
  Expr::EvalResult Value;
  return !E->isValueDependent() && E->getType()->isIntegralOrEnumerationType() &&
         E->EvaluateAsInt(Value, Ctx) && Value.Val.getInt() == 0;
}

/// `r->status`, `r.status`: an atom that tests the HTTP status.
bool mentionsStatusMember(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Member = dyn_cast<MemberExpr>(S);
      Member && Member->getMemberDecl()->getIdentifier() &&
      Member->getMemberDecl()->getName() == "status")
    return true;
  return llvm::any_of(S->children(), mentionsStatusMember);
}

/// The network summary of one function: one forward pass over its CFG.
class FunctionPass {
public:
  FunctionPass(const FunctionDecl &F, FunctionSummaries &Table,
               const NetworkModel &Model, TerminatingFunctions &Terminating)
      : F(F), Ctx(F.getASTContext()), Table(Table), Model(Model),
        Terminating(Terminating) {
    for (unsigned I = 0; I < F.getNumParams() && I < 64; ++I) {
      QualType Type = F.getParamDecl(I)->getType();
      if (Type->isPointerType())
        PointerParams |= paramBit(I);
      if (isStatusType(Type))
        StatusParams |= paramBit(I);
      if (isHttplibResult(Type))
        ResultParams |= paramBit(I);
    }
  }

  void run(FunctionSummary &Out);

private:
  /// The parameter of F that \p E designates (as a handle: `h`, `&ctx`,
  /// `*p`, `p.get()`), if any.
  std::optional<unsigned> paramOf(const Expr *E) const {
    const auto *Param =
        dyn_cast_or_null<ParmVarDecl>(NetworkModel::handleDecl(E));
    if (!Param || Param->getDeclContext() != &F ||
        Param->getFunctionScopeIndex() >= 64)
      return std::nullopt;
    return Param->getFunctionScopeIndex();
  }
  ParamSet paramBitOf(const Expr *E) const {
    std::optional<unsigned> Index = paramOf(E);
    return Index ? paramBit(*Index) : 0;
  }

  void transfer(const CFGElement &Element, PathState &S);
  void transferCall(const CallExpr &Call, PathState &S);
  void applyModel(const NetworkCall &Known, PathState &S) const;
  void applySummary(const CallExpr &Call, const FunctionDecl &Callee,
                    const FunctionSummary &Summary, PathState &S) const;
  PathState refine(const Expr *Cond, bool Truth, PathState S);
  void refineAtom(const Expr *Atom, bool Truth, PathState &S);
  void refineNullTest(const Expr *Atom, bool Truth, PathState &S) const;
  /// True if \p Atom is a call of a checker whose verdict covers the
  /// status of \p Param (not only that a response arrived).
  bool checksStatusThrough(const Expr *Atom, const ParmVarDecl &Param) const;

  const FunctionDecl &F;
  const ASTContext &Ctx;
  FunctionSummaries &Table;
  const NetworkModel &Model;
  TerminatingFunctions &Terminating;
  ParamSet PointerParams = 0, StatusParams = 0, ResultParams = 0;
  bool PerformsIO = false;
};

void FunctionPass::applyModel(const NetworkCall &Known, PathState &S) const {
  switch (Known.Role) {
  case NetworkRole::Delay:
    S.Delayed = true;
    return;
  case NetworkRole::SetsTimeout:
  case NetworkRole::SetsSocketTimeout:
  case NetworkRole::SetsConnectTimeout:
  case NetworkRole::SetsHttplibTimeout: {
    if (isZeroAmount(Known.Value, Ctx))
      return;
    ParamSet Handle = paramBitOf(Known.Handle);
    bool IsConnect = Known.Role == NetworkRole::SetsConnectTimeout ||
                     Known.Name == "set_connection_timeout";
    (IsConnect ? S.Connect : S.Timeout) |= Handle;
    (IsConnect ? S.ConnectMay : S.TimeoutMay) |= Handle;
    return;
  }
  case NetworkRole::SetsResponseSink:
    S.Sink |= paramBitOf(Known.Handle);
    S.SinkMay |= paramBitOf(Known.Handle);
    return;
  case NetworkRole::SetsProtocols:
    S.Protocols |= paramBitOf(Known.Handle);
    S.ProtocolsMay |= paramBitOf(Known.Handle);
    return;
  default:
    return;
  }
}

void FunctionPass::applySummary(const CallExpr &Call,
                                const FunctionDecl &Callee,
                                const FunctionSummary &Summary,
                                PathState &S) const {
  S.Delayed |= Summary.Delays;
  for (unsigned I = 0; I < Callee.getNumParams() && I < 64; ++I) {
    ParamSet Mine = paramBitOf(argumentForParameter(Call, I));
    if (!Mine)
      continue;
    auto Apply = [&](ParamSet Theirs, ParamSet &Must, ParamSet *May) {
      if (!(Theirs & paramBit(I)))
        return;
      Must |= Mine;
      if (May)
        *May |= Mine;
    };
    Apply(Summary.SetsTimeoutOn, S.Timeout, &S.TimeoutMay);
    Apply(Summary.SetsConnectTimeoutOn, S.Connect, &S.ConnectMay);
    Apply(Summary.SetsResponseSinkOn, S.Sink, &S.SinkMay);
    Apply(Summary.SetsProtocolsOn, S.Protocols, &S.ProtocolsMay);
    // A void checker throws or ends the program unless the status says
    // success; a checker returning its verdict counts where it is tested.
    if (!returnsVerdict(Callee)) {
      Apply(Summary.ChecksStatusOf, S.Status, nullptr);
      Apply(Summary.ChecksStatusOf | Summary.ChecksResponseOf, S.Response,
            nullptr);
    }
  }
}

void FunctionPass::transferCall(const CallExpr &Call, PathState &S) {
  if (Terminating.isTerminatingStmt(Call)) {
    S.Reachable = false;
    return;
  }
  if (std::optional<NetworkCall> Known = Model.classify(Call, Ctx)) {
    if (Known->Role == NetworkRole::Operation ||
        Known->Role == NetworkRole::HttpRequest)
      PerformsIO = true;
    applyModel(*Known, S);
    return;
  }
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  const FunctionSummary *Summary = Table.get(*Callee);
  if (!Summary)
    return;
  PerformsIO |= Summary->PerformsNetworkIO;
  applySummary(Call, *Callee, *Summary, S);
}

void FunctionPass::transfer(const CFGElement &Element, PathState &S) {
  std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
  if (!Statement || !S.Reachable)
    return;
  const Stmt *St = Statement->getStmt();
  if (isa<CXXThrowExpr>(St)) {
    S.Reachable = false;
  } else if (const auto *Return = dyn_cast<ReturnStmt>(St)) {
    const Expr *Value = Return->getRetValue();
    if (Value && isFailureValue(Value, Ctx))
      S.Reachable = false;
    // `return r && r->status == 200;`: what counts is the path on which
    // it says yes.
    else if (Value && Value->getType()->isBooleanType())
      S = refine(Value, true, S);
  } else if (const auto *Call = dyn_cast<CallExpr>(St)) {
    transferCall(*Call, S);
  }
}

/// On the edge where a pointer handle is null, nothing needs configuring.
void FunctionPass::refineNullTest(const Expr *Atom, bool Truth,
                                  PathState &S) const {
  ParamSet Null = 0;
  const Expr *E = stripValueWrappers(Atom);
  if (E->getType()->isPointerType() && !Truth)
    Null = paramBitOf(E); // `if (h)`, `if (!h)`
  else if (const auto *Compare = dyn_cast<BinaryOperator>(E);
           Compare && Compare->isEqualityOp() &&
           Truth == (Compare->getOpcode() == BO_EQ))
    for (auto [Side, Other] : {std::pair(Compare->getLHS(), Compare->getRHS()),
                               std::pair(Compare->getRHS(), Compare->getLHS())})
      if (Other->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                       Expr::NPC_ValueDependentIsNotNull))
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(stripValueWrappers(Side)))
          Null |= paramBitOf(Ref);
  Null &= PointerParams;
  S.Timeout |= Null;
  S.Connect |= Null;
  S.Sink |= Null;
  S.Protocols |= Null;
}

bool FunctionPass::checksStatusThrough(const Expr *Atom,
                                       const ParmVarDecl &Param) const {
  const auto *Call = dyn_cast<CallExpr>(stripValueWrappers(Atom));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionSummary *Summary = Callee ? Table.get(*Callee) : nullptr;
  return Summary &&
         llvm::any_of(argumentsFor(*Call, Summary->ChecksStatusOf),
                      [&](const Expr *Arg) {
                        return NetworkModel::handleDecl(Arg) == &Param;
                      });
}

void FunctionPass::refineAtom(const Expr *Atom, bool Truth, PathState &S) {
  refineNullTest(Atom, Truth, S);
  for (unsigned I = 0; I < F.getNumParams() && I < 64; ++I) {
    if (!(StatusParams & paramBit(I)))
      continue;
    const ParmVarDecl *Param = F.getParamDecl(I);
    OutcomeTest Test(
        Ctx,
        [Param](const Expr *E) {
          const auto *Ref = dyn_cast<DeclRefExpr>(E);
          return Ref && Ref->getDecl() == Param;
        },
        &Table);
    std::optional<bool> FailureWhenTrue = Test.failureWhenTrue(Atom);
    if (!FailureWhenTrue || *FailureWhenTrue == Truth)
      continue; // Not a test of it, or the edge where it failed.
    if (!(ResultParams & paramBit(I))) {
      S.Status |= paramBit(I);
      S.Response |= paramBit(I);
      continue;
    }
    // A Result: its response (`r`, `r != nullptr`, `r.error()`), its
    // status (`r->status`), or both through a checker's verdict.
    S.Response |= paramBit(I);
    if (mentionsStatusMember(Atom) || checksStatusThrough(Atom, *Param))
      S.Status |= paramBit(I);
  }
}

PathState FunctionPass::refine(const Expr *Cond, bool Truth, PathState S) {
  return refineCondition(
      Cond, Truth, std::move(S),
      [](const Expr *E) { return stripValueWrappers(E); },
      [&](const Expr *Atom, bool AtomTruth, PathState AtomState) {
        refineAtom(Atom, AtomTruth, AtomState);
        return AtomState;
      },
      joinStates);
}

void FunctionPass::run(FunctionSummary &Out) {
  const Stmt *Body = F.getBody();
  if (!Body)
    return;
  IndexedCFG Cfg(F, *Body, F.getASTContext());
  if (!Cfg.graph())
    return;
  PathState Initial;
  Initial.Reachable = true;
  std::vector<PathState> Entry = solveForward(
      *Cfg.graph(), Initial,
      [&](const CFGElement &Element, PathState &S) { transfer(Element, S); },
      [&](const Expr *Cond, bool Truth, const PathState &S) {
        return refine(Cond, Truth, S);
      },
      joinStates);
  Out.PerformsNetworkIO |= PerformsIO;
  const PathState &Exit = Entry[Cfg.graph()->getExit().getBlockID()];
  if (!Exit.Reachable)
    return; // It never returns normally: it vouches for nothing.
  Out.Delays |= Exit.Delayed;
  Out.SetsTimeoutOn |= Exit.Timeout & Exit.TimeoutMay;
  Out.SetsConnectTimeoutOn |= Exit.Connect & Exit.ConnectMay;
  Out.SetsResponseSinkOn |= Exit.Sink & Exit.SinkMay;
  Out.SetsProtocolsOn |= Exit.Protocols & Exit.ProtocolsMay;
  Out.ChecksStatusOf |= Exit.Status & Exit.Response & StatusParams;
  Out.ChecksResponseOf |= Exit.Response & ResultParams;
}

} // namespace

void NetworkSummaryProvider::summarize(const FunctionDecl &Definition,
                                       FunctionSummaries &Table,
                                       FunctionSummary &Out) {
  if (Definition.isDependentContext())
    return;
  FunctionPass(Definition, Table, Model, Terminating).run(Out);
}

FunctionSummaries &NetworkSummaries::table(ASTContext &Ctx) {
  if (!Table || TableContext != &Ctx) {
    Table = std::make_unique<FunctionSummaries>(Ctx);
    Table->addProvider(Provider);
    Table->setExternal(External);
    TableContext = &Ctx;
  }
  return *Table;
}

const FunctionSummary *NetworkSummaries::calleeSummary(const CallExpr &Call,
                                                       ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee ? table(Ctx).get(*Callee) : nullptr;
}

void NetworkSummaries::setExternal(const ExternalSummaries *Linked) {
  External = Linked;
  if (Table)
    Table->setExternal(Linked);
}

void NetworkSummaries::clear() {
  Table.reset();
  TableContext = nullptr;
  Provider.clear();
}

llvm::SmallVector<const Expr *, 2> argumentsFor(const CallExpr &Call,
                                                ParamSet Params) {
  llvm::SmallVector<const Expr *, 2> Out;
  for (unsigned I = 0; I < 64 && Params >> I; ++I)
    if (Params & paramBit(I))
      if (const Expr *Arg = argumentForParameter(Call, I))
        Out.push_back(Arg);
  return Out;
}

} // namespace clang::tidy::prodready
