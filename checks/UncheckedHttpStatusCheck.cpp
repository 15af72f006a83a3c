//===--- UncheckedHttpStatusCheck.cpp - prodready -------------------------===//
//
// libcurl: the CURLcode of curl_easy_perform must not be dropped, and the
// body a transfer wrote (CURLOPT_WRITEDATA) must not be used before the
// HTTP status was read and tested. cpp-httplib: a Result holds no response
// when the request failed (a flow-sensitive check over clang's CFG decides
// whether it was tested on every path before `res->`), and a response's
// body must not be used before its status was tested. A project function
// that checks a status, or sets the body sink of a handle, counts as what
// its summary says (analysis/NetworkSummaries.h).
//
//===----------------------------------------------------------------------===//

#include "UncheckedHttpStatusCheck.h"
#include "analysis/ASTHelpers.h"
#include "analysis/ForwardDataflow.h"
#include "analysis/OutcomeTest.h"
#include "analysis/HttpStatusUse.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/StmtCXX.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

bool isHttplibResult(QualType Type) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         qualifiedNameWithoutInlineNamespaces(*Record) == "httplib::Result";
}

const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = E ? dyn_cast<DeclRefExpr>(
                            stripValueWrappers(E)->IgnoreParenImpCasts())
                      : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() ? Var : nullptr;
}

/// True if \p Root mentions \p Var (as `var`, or `var->status` when
/// \p Member is given).
bool mentions(const Stmt *Root, const ValueDecl *Var,
              llvm::StringRef Member = "") {
  if (!Root)
    return false;
  if (const auto *Access = dyn_cast<MemberExpr>(Root);
      Access && !Member.empty() && Access->getMemberDecl()->getIdentifier() &&
      Access->getMemberDecl()->getName() == Member)
    return mentions(Access->getBase(), Var);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Root);
      Ref && Member.empty() && Ref->getDecl() == Var)
    return true;
  for (const Stmt *Child : Root->children())
    if (mentions(Child, Var, Member))
      return true;
  return false;
}

/// The locals among the arguments of \p Call whose status its callee
/// checks: after the call (a void checker, \p Verdict false), or where its
/// result says yes (\p Verdict true).
llvm::SmallVector<const VarDecl *, 1>
checkedArguments(const Expr *E, bool Verdict, NetworkSummaries &Summaries,
                 ASTContext &Ctx) {
  llvm::SmallVector<const VarDecl *, 1> Out;
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || isa<CXXOperatorCallExpr>(Call) ||
      returnsVerdict(*Callee) != Verdict)
    return Out;
  if (const FunctionSummary *Summary = Summaries.calleeSummary(*Call, Ctx))
    for (const Expr *Arg :
         argumentsFor(*Call, Summary->ChecksStatusOf |
                                 Summary->ChecksResponseOf))
      if (const VarDecl *Var = localVariable(Arg))
        Out.push_back(Var);
  return Out;
}

/// Which httplib Results are known, on every path, to hold a response.
class ResultChecks {
public:
  ResultChecks(const FunctionDecl &Function, ASTContext &Ctx,
               NetworkSummaries &Summaries)
      : Cfg(Function, *Function.getBody(), Ctx), Ctx(Ctx),
        Summaries(Summaries) {
    if (!Cfg.graph())
      return;
    State Initial;
    Initial.Reachable = true;
    Entry = solveForward(
        *Cfg.graph(), std::move(Initial),
        [this](const CFGElement &E, State &S) { transfer(E, S); },
        [this](const Expr *Cond, bool Truth, const State &S) {
          return refine(Cond, Truth, S);
        },
        join);
  }

  /// True if \p Result (a local) holds a response when \p Site runs (or
  /// the site is unreachable or unknown to the CFG).
  bool holdsResponse(const VarDecl &Result, const Stmt &Site) const {
    if (!Cfg.graph())
      return true;
    std::optional<IndexedCFG::Position> Where = Cfg.elementPosition(Site);
    if (!Where)
      return true;
    State S = stateAt(Entry, *Where, [this](const CFGElement &E, State &S) {
      transfer(E, S);
    });
    return !S.Reachable || S.Checked.contains(&Result);
  }

private:
  struct State {
    bool Reachable = false;
    llvm::SmallPtrSet<const VarDecl *, 4> Checked;
    bool operator!=(const State &O) const {
      return Reachable != O.Reachable || Checked != O.Checked;
    }
  };

  static State join(const State &A, const State &B) {
    if (!A.Reachable)
      return B;
    if (!B.Reachable)
      return A;
    State Out;
    Out.Reachable = true;
    for (const VarDecl *Var : A.Checked)
      if (B.Checked.contains(Var))
        Out.Checked.insert(Var);
    return Out;
  }

  void transfer(const CFGElement &Element, State &S) const {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement)
      return;
    const Stmt *St = Statement->getStmt();
    // `must_succeed(res);` throws or exits unless res holds a response.
    for (const VarDecl *Var :
         checkedArguments(dyn_cast<Expr>(St), false, Summaries, Ctx))
      S.Checked.insert(Var);
    if (const auto *Decls = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          S.Checked.erase(Var);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        if (const VarDecl *Var = localVariable(Op->getArg(0)))
          S.Checked.erase(Var);
    }
  }

  State refine(const Expr *Cond, bool Truth, State S) const {
    return refineCondition(
        Cond, Truth, std::move(S),
        [](const Expr *E) { return stripValueWrappers(E); },
        [this](const Expr *Atom, bool AtomTruth, State AtomState) {
          if (const VarDecl *Var = testedResult(Atom, AtomTruth))
            AtomState.Checked.insert(Var);
          // `if (ok(res))`: a helper's verdict, where it says yes.
          if (AtomTruth)
            for (const VarDecl *Var :
                 checkedArguments(Atom, true, Summaries, Ctx))
              AtomState.Checked.insert(Var);
          return AtomState;
        },
        join);
  }

  /// The Result that \p Cond, being \p Truth, shows to hold a response:
  /// `res`, `res != nullptr`, `res == nullptr` (false),
  /// `res.error() == httplib::Error::Success`.
  static const VarDecl *testedResult(const Expr *Cond, bool Truth) {
    if (const Expr *Succeeded = httplibSuccessTest(Cond, Truth))
      return localVariable(Succeeded);
    if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Cond)) {
      if (isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()) &&
          Truth)
        return localVariable(Conversion->getImplicitObjectArgument());
      return nullptr;
    }
    const auto *Compare = dyn_cast<CXXOperatorCallExpr>(Cond);
    if (!Compare || Compare->getNumArgs() != 2 ||
        (Compare->getOperator() != OO_EqualEqual &&
         Compare->getOperator() != OO_ExclaimEqual))
      return nullptr;
    bool Equal = Compare->getOperator() == OO_EqualEqual;
    const Expr *Left = stripValueWrappers(Compare->getArg(0));
    if (isa<CXXNullPtrLiteralExpr>(
            stripValueWrappers(Compare->getArg(1))->IgnoreParenImpCasts()) &&
        Equal != Truth)
      return localVariable(Left);
    return nullptr;
  }

  IndexedCFG Cfg;
  ASTContext &Ctx;
  NetworkSummaries &Summaries;
  std::vector<State> Entry;
};

} // namespace

UncheckedHttpStatusCheck::UncheckedHttpStatusCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : UserCodeCheck(Name, Context), Network({}, {}), Summaries(Network) {}

void UncheckedHttpStatusCheck::storeOptions(ClangTidyOptions::OptionMap &) {}

void UncheckedHttpStatusCheck::noteStatement(const Stmt &S, const Decl &Unit,
                                             ASTContext &Ctx) {
  UnitFacts &Seen = Facts[&Unit];
  auto NoteDiscarded = [&](const Stmt *Body) {
    const auto *E = dyn_cast_or_null<Expr>(Body);
    // `(void)call()` discards on purpose.
    if (!E || isa<ExplicitCastExpr>(E->IgnoreParens()))
      return;
    Seen.Discarded.insert(stripValueWrappers(E));
  };
  if (const auto *Block = dyn_cast<CompoundStmt>(&S)) {
    for (const Stmt *Child : Block->body())
      NoteDiscarded(Child);
  } else if (const auto *If = dyn_cast<IfStmt>(&S)) {
    NoteDiscarded(If->getThen());
    NoteDiscarded(If->getElse());
    Seen.Tests.push_back(If->getCond());
  } else if (const auto *While = dyn_cast<WhileStmt>(&S)) {
    Seen.Tests.push_back(While->getCond());
  } else if (const auto *Switch = dyn_cast<SwitchStmt>(&S)) {
    Seen.Tests.push_back(Switch->getCond());
  } else if (const auto *Conditional = dyn_cast<ConditionalOperator>(&S)) {
    Seen.Tests.push_back(Conditional->getCond());
  } else if (const auto *Op = dyn_cast<BinaryOperator>(&S)) {
    if (Op->isComparisonOp() || Op->isLogicalOp())
      Seen.Tests.push_back(Op);
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
    Seen.References.push_back(Ref);
  }

  if (const auto *Member = dyn_cast<MemberExpr>(&S)) {
    // res->body
    if (Member->getMemberDecl()->getIdentifier() &&
        Member->getMemberDecl()->getName() == "body")
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(
              stripValueWrappers(Member->getBase()));
          Arrow && Arrow->getOperator() == OO_Arrow &&
          isHttplibResult(Arrow->getArg(0)->getType()))
        Seen.BodyReads.emplace_back(Member, Arrow->getArg(0));
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
    if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() == 1 && isHttplibResult(Op->getArg(0)->getType()))
      Seen.ResultUses.emplace_back(Op, Op->getArg(0));
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXMethodDecl *Method = Member->getMethodDecl();
        Method && Method->getIdentifier() && Method->getName() == "value" &&
        isHttplibResult(Member->getImplicitObjectArgument()->getType()))
      Seen.ResultUses.emplace_back(Member,
                                   Member->getImplicitObjectArgument());
  if (std::optional<NetworkCall> Known = Network.classify(*Call, Ctx))
    Seen.Calls.push_back(*Known);
  else if (userDefinition(*Call, Ctx.getSourceManager()))
    Seen.UserCalls.push_back(Call);
}

bool UncheckedHttpStatusCheck::helperChecks(const UnitFacts &Seen,
                                            const ValueDecl *Var,
                                            const Stmt *Before,
                                            ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  return llvm::any_of(Seen.UserCalls, [&](const CallExpr *Call) {
    if (Before && !SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                                Before->getBeginLoc()))
      return false;
    const FunctionSummary *Summary = Summaries.calleeSummary(*Call, Ctx);
    return Summary &&
           llvm::any_of(argumentsFor(*Call, Summary->ChecksStatusOf),
                        [&](const Expr *Arg) { return mentions(Arg, Var); });
  });
}

const VarDecl *UncheckedHttpStatusCheck::helperSink(const UnitFacts &Seen,
                                                    const ValueDecl *Handle,
                                                    ASTContext &Ctx) {
  for (const CallExpr *Call : Seen.UserCalls) {
    const FunctionSummary *Summary = Summaries.calleeSummary(*Call, Ctx);
    if (!Summary || !Summary->SetsResponseSinkOn ||
        llvm::none_of(argumentsFor(*Call, Summary->SetsResponseSinkOn),
                      [&](const Expr *Arg) {
                        return NetworkModel::handleDecl(Arg) == Handle;
                      }))
      continue;
    // The sink is the one local passed by address (`&body`): which
    // parameter the helper hands to CURLOPT_WRITEDATA is not summarized.
    const VarDecl *Sink = nullptr;
    for (const Expr *Arg : Call->arguments()) {
      const auto *AddressOf =
          dyn_cast<UnaryOperator>(stripValueWrappers(Arg));
      if (!AddressOf || AddressOf->getOpcode() != UO_AddrOf)
        continue;
      const VarDecl *Var = localVariable(AddressOf->getSubExpr());
      if (!Var || Var == Handle)
        continue;
      if (Sink)
        return nullptr; // Two candidates: unknown.
      Sink = Var;
    }
    if (Sink)
      return Sink;
  }
  return nullptr;
}

void UncheckedHttpStatusCheck::checkCurl(const Decl &Unit,
                                         const UnitFacts &Seen,
                                         ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  for (const NetworkCall &Perform : Seen.Calls) {
    if (Perform.Library != NetworkLibrary::Curl ||
        Perform.Role != NetworkRole::Operation)
      continue;
    if (Seen.Discarded.contains(Perform.Call))
      diag(Perform.Call->getBeginLoc(),
           "the CURLcode of 'curl_easy_perform' is ignored; a failed transfer "
           "(timeout, refused connection, TLS error) goes unnoticed");
    const ValueDecl *Handle = NetworkModel::handleDecl(Perform.Handle);
    if (!Handle || !Function || !Function->hasBody())
      continue;
    const VarDecl *Body = responseBody(Seen, *Handle);
    // `set_sink(h, &body)`: a helper that gives the handle its sink.
    if (!Body)
      Body = helperSink(Seen, Handle, Ctx);
    if (!Body || statusChecked(Seen, *Handle, *Function))
      continue;
    // The first use after the transfer, and whether the body is only
    // returned (then the caller may still check the status).
    const DeclRefExpr *FirstUse = nullptr;
    bool OnlyReturned = true;
    for (const DeclRefExpr *Use : Seen.References)
      if (Use->getDecl() == Body &&
          SM.isBeforeInTranslationUnit(Perform.Call->getEndLoc(),
                                       Use->getBeginLoc())) {
        FirstUse = FirstUse ? FirstUse : Use;
        OnlyReturned &= StatusUses->isReturned(*Use, *Function);
      }
    if (!FirstUse)
      continue;
    const CallExpr *UncheckedCaller = nullptr;
    if (OnlyReturned && isa<ParmVarDecl>(Handle)) {
      // The caller holds the handle: it may read the status itself.
      UncheckedCaller = callerNotChecking(
          *Function, cast<ParmVarDecl>(*Handle).getFunctionScopeIndex(), Ctx);
      if (!UncheckedCaller)
        continue;
    }
    diag(FirstUse->getBeginLoc(),
         "response body '%0' is used without checking the HTTP status "
         "(CURLINFO_RESPONSE_CODE); an error page would be taken as data")
        << Body->getName();
    if (UncheckedCaller)
      diag(UncheckedCaller->getBeginLoc(),
           "'%0' returns it here, to a caller that does not check the status "
           "either",
           DiagnosticIDs::Note)
          << Function->getName();
  }
}

/// The local that CURLOPT_WRITEDATA on \p Handle points at.
const VarDecl *UncheckedHttpStatusCheck::responseBody(const UnitFacts &Seen,
                                                      const ValueDecl &Handle) {
  for (const NetworkCall &Sink : Seen.Calls) {
    if (Sink.Library != NetworkLibrary::Curl ||
        Sink.Role != NetworkRole::SetsResponseSink ||
        NetworkModel::handleDecl(Sink.Handle) != &Handle)
      continue;
    const Expr *Target = Sink.Value->IgnoreParenImpCasts();
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(Target);
        AddressOf && AddressOf->getOpcode() == UO_AddrOf)
      if (const VarDecl *Body = localVariable(AddressOf->getSubExpr()))
        return Body;
  }
  return nullptr;
}

/// Whether \p Function reads the HTTP status of \p Handle and decides on it
/// (or hands it on): only logging it is not a check.
bool UncheckedHttpStatusCheck::statusChecked(const UnitFacts &Seen,
                                             const ValueDecl &Handle,
                                             const FunctionDecl &Function) {
  for (const NetworkCall &Read : Seen.Calls) {
    if (Read.Library != NetworkLibrary::Curl ||
        Read.Role != NetworkRole::ReadsStatus ||
        NetworkModel::handleDecl(Read.Handle) != &Handle)
      continue;
    // Read into a field, a global or an out-parameter: the status goes
    // on, to be checked elsewhere.
    const VarDecl *Status =
        dyn_cast_or_null<VarDecl>(NetworkModel::handleDecl(Read.Value));
    if (!Status || !Status->isLocalVarDecl() ||
        StatusUses->isChecked(*Status, Function))
      return true;
  }
  return false;
}

/// A call of \p Function in this file whose caller uses the returned body
/// without checking the status of the handle it passed as parameter
/// \p HandleParam. Callers that return the body on, or that other files
/// may hold, are not judged.
const CallExpr *UncheckedHttpStatusCheck::callerNotChecking(
    const FunctionDecl &Function, unsigned HandleParam, ASTContext &Ctx) {
  for (const auto &[Unit, Seen] : Facts) {
    const auto *Caller = dyn_cast<FunctionDecl>(Unit);
    if (!Caller || !Caller->hasBody() || Caller == &Function)
      continue;
    llvm::SmallVector<const CallExpr *, 2> Calls;
    findCallsTo(Function, *Caller->getBody(), Calls);
    for (const CallExpr *Call : Calls) {
      if (HandleParam >= Call->getNumArgs() || Seen.Discarded.contains(Call))
        continue;
      if (StatusUses->isReturned(*Call, *Caller))
        continue;
      const ValueDecl *Handle =
          NetworkModel::handleDecl(Call->getArg(HandleParam));
      if (!Handle || !statusChecked(Seen, *Handle, *Caller))
        return Call;
    }
  }
  return nullptr;
}

void UncheckedHttpStatusCheck::checkHttplib(const Decl &Unit,
                                            const UnitFacts &Seen,
                                            ASTContext &Ctx) {
  if (Seen.ResultUses.empty())
    return;
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  if (!Function || !Function->hasBody())
    return;
  std::optional<ResultChecks> Checks;
  llvm::SmallPtrSet<const Expr *, 4> Unchecked;
  llvm::SmallPtrSet<const VarDecl *, 4> ReportedResults;
  for (const auto &[Use, Result] : Seen.ResultUses) {
    const Expr *Object = stripValueWrappers(Result);
    if (const auto *Request = dyn_cast<CXXMemberCallExpr>(Object)) {
      std::optional<NetworkCall> Known = Network.classify(*Request, Ctx);
      if (Known && Known->Role == NetworkRole::HttpRequest) {
        diag(Use->getExprLoc(),
             "'%0' returns an empty 'httplib::Result' when the request "
             "fails; using its response unchecked is undefined behaviour")
            << Known->Name;
        Unchecked.insert(Result);
      }
      continue;
    }
    const VarDecl *Var = localVariable(Object);
    // One warning per Result: its first unchecked use.
    if (!Var || ReportedResults.contains(Var))
      continue;
    if (!Checks)
      Checks.emplace(*Function, Ctx, Summaries);
    if (!Checks->holdsResponse(*Var, *Use)) {
      ReportedResults.insert(Var);
      diag(Use->getExprLoc(),
           "'%0' holds no response when the request failed; using it "
           "unchecked is undefined behaviour")
          << Var->getName();
      Unchecked.insert(Result);
    }
  }
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &Read : Seen.BodyReads) {
    const MemberExpr *Body = Read.first;
    const Expr *Result = Read.second;
    if (Unchecked.contains(Result))
      continue;
    const VarDecl *Var = localVariable(Result);
    if (!Var || ReportedResults.contains(Var))
      continue;
    bool StatusTested =
        llvm::any_of(Seen.Tests,
                     [&](const Expr *Test) {
                       return SM.isBeforeInTranslationUnit(
                                  Test->getBeginLoc(), Body->getBeginLoc()) &&
                              mentions(Test, Var, "status");
                     }) ||
        helperChecks(Seen, Var, Body, Ctx);
    if (!StatusTested)
      diag(Body->getMemberLoc(),
           "response body is used without checking 'status'; an error page "
           "(404, 500) would be taken as data");
  }
}

void UncheckedHttpStatusCheck::checkUnit(const Decl &Unit,
                                         const UnitFacts &Seen,
                                         ASTContext &Ctx) {
  checkCurl(Unit, Seen, Ctx);
  checkHttplib(Unit, Seen, Ctx);
}

void UncheckedHttpStatusCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Facts.clear();
  StatusUses = std::make_unique<HttpStatusUses>(Ctx);
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (Unit)
      noteStatement(S, *Unit, Ctx);
  });
  for (const auto &[Unit, Seen] : Facts)
    checkUnit(*Unit, Seen, Ctx);
  Facts.clear();
}

} // namespace clang::tidy::prodready
