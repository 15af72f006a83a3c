//===--- MissingTimeoutCheck.cpp - prodready ------------------------------===//
//
// Which calls are network operations and which configure a timeout comes
// from analysis/NetworkModel.h, what a project function does to a handle it
// is given from its summary (analysis/NetworkSummaries.h); this file
// follows handles (locals, fields, helpers of the same TU that create or
// configure them) from the one to the other, and reports and fixes what is
// left unbounded.
//
//===----------------------------------------------------------------------===//

#include "MissingTimeoutCheck.h"
#include "CheckOptions.h"
#include "FixItBuilders.h"
#include "TitledFix.h"
#include "analysis/ASTHelpers.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

bool isBefore(const Expr &A, const Expr &B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(A.getBeginLoc(), B.getBeginLoc());
}

bool isBeastStream(const Expr *Handle) {
  if (!Handle)
    return false;
  QualType Type = Handle->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         qualifiedNameWithoutInlineNamespaces(*Record) ==
             "boost::beast::basic_stream";
}

/// A timeout amount known at compile time, in microseconds for httplib's
/// (seconds, microseconds) overload, or as the count of a duration.
std::optional<int64_t> constantAmount(const CallExpr &Setter,
                                      const ASTContext &Ctx) {
  auto Evaluate = [&](const Expr *E) -> std::optional<int64_t> {
    E = stripValueWrappers(E);
    // std::chrono::seconds(0): the count of the duration.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1)
      E = stripValueWrappers(Construct->getArg(0));
    Expr::EvalResult Result;
    if (E->isValueDependent() || !E->getType()->isIntegralOrEnumerationType() ||
        !E->EvaluateAsInt(Result, Ctx))
      return std::nullopt;
    return Result.Val.getInt().getExtValue();
  };
  if (Setter.getNumArgs() == 0)
    return std::nullopt;
  std::optional<int64_t> First = Evaluate(Setter.getArg(0));
  if (!First || Setter.getNumArgs() == 1 ||
      isa<CXXDefaultArgExpr>(Setter.getArg(1)))
    return First;
  std::optional<int64_t> Second = Evaluate(Setter.getArg(1));
  if (!Second)
    return std::nullopt;
  return *First * 1000000 + *Second;
}

} // namespace

MissingTimeoutCheck::MissingTimeoutCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      DefaultTimeoutMs(Options.get("DefaultTimeoutMs", int64_t(30000))),
      RequireConnectTimeout(Options.get("RequireConnectTimeout", false)),
      Network({}, {}), Summaries(Network), Model(Taint), NoSinks(std::make_unique<NoTaintSinks>()),
      Untrusted(Model), Sockets(Network),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      Handles(Network, Summaries) {
  // A helper of another unit that sets the timeout (`configure(h)`).
  Summaries.setExternal(loadWholeProgram(/*PathValidators=*/false));
  if (DefaultTimeoutMs <= 0)
    configurationDiag("invalid value '%0' for option 'DefaultTimeoutMs' of "
                      "check '%1': expected a positive number of "
                      "milliseconds; using 30000")
        << DefaultTimeoutMs << Name;
}

MissingTimeoutCheck::~MissingTimeoutCheck() = default;

void MissingTimeoutCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "DefaultTimeoutMs", DefaultTimeoutMs);
  Options.store(Opts, "RequireConnectTimeout", RequireConnectTimeout);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  Options.store(Opts, "WholeProgramSummaries", WholeProgramSummaries);
}

void MissingTimeoutCheck::registerPPCallbacks(const SourceManager &,
                                              Preprocessor *PP,
                                              Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void MissingTimeoutCheck::endTranslationUnit() {
  Facts.clear();
  Handles.clear();
  Summaries.clear();
  Reported.clear();
  Untrusted.clear();
  Sockets.clear();
  Engine.reset();
}

void MissingTimeoutCheck::noteStatement(const Stmt &S, const Decl &Unit,
                                        ASTContext &Ctx) {
  UnitFacts &Seen = Facts[&Unit];
  if (const NetworkCall *Known = Handles.noteStatement(S, Unit, Ctx)) {
    if (Known->Role == NetworkRole::SetsSocketTimeout ||
        Known->Role == NetworkRole::SetsNonBlocking ||
        (Known->Role == NetworkRole::WaitsForReadiness &&
         !NetworkModel::waitsForever(*Known, Ctx)))
      Seen.BoundsSockets = true;
    return;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(&S); Op && Op->isComparisonOp())
    for (const Expr *Side : {Op->getLHS(), Op->getRHS()})
      if (const auto *Ref = dyn_cast<DeclRefExpr>(
              stripValueWrappers(Side)->IgnoreParenImpCasts()))
        Seen.Compared.emplace_back(Ref->getDecl(), Op);
}

bool MissingTimeoutCheck::handleConfigured(const Decl &Unit,
                                           const Expr *HandleExpr,
                                           const Expr &Site,
                                           HandleRequirement Need) {
  return Handles.configured(Unit, HandleExpr, &Site, Need,
                            areDiagsSelfContained());
}

bool MissingTimeoutCheck::functionBounded(const Decl &Unit) const {
  for (const Decl *Current = &Unit; Current;) {
    if (auto It = Facts.find(Current);
        It != Facts.end() && It->second.BoundsSockets)
      return true;
    const auto *Method = dyn_cast<CXXMethodDecl>(Current);
    if (!Method || !Method->getParent()->isLambda())
      return false;
    Current = dyn_cast_or_null<Decl>(Method->getParent()->getDeclContext());
  }
  return false;
}

/// One warning for what is missing (the total timeout first), with one
/// fix for all of it, so that applying the fix leaves nothing to report.
void MissingTimeoutCheck::reportCurl(const Decl &Unit, const NetworkCall &Op,
                                     bool NoTotal, bool NoConnect,
                                     ASTContext &Ctx) {
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  std::optional<std::string> Handle = fixits::sourceText(*Op.Handle, Ctx);
  bool CanFix = Function && Function->hasBody() && Handle;
  int64_t Amount = DefaultTimeoutMs > 0 ? DefaultTimeoutMs : 30000;
  std::string Options = NoTotal && NoConnect
                            ? "CURLOPT_TIMEOUT_MS and CURLOPT_CONNECTTIMEOUT_MS"
                        : NoTotal ? "CURLOPT_TIMEOUT_MS"
                                  : "CURLOPT_CONNECTTIMEOUT_MS";
  fixits::TitledFix Fix(areDiagsSelfContained(),
                        "add " + Options + " (" + std::to_string(Amount) +
                            " ms)");
  {
    auto Diag =
        diag(Op.Call->getBeginLoc(),
             !NoTotal ? "'curl_easy_perform' on a handle without "
                        "CURLOPT_CONNECTTIMEOUT or CURLOPT_CONNECTTIMEOUT_MS "
                        "can wait minutes for an unreachable host"
                      : "'curl_easy_perform' on a handle without "
                        "CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block "
                        "forever on a stalled server");
    for (auto [Missing, Option] :
         {std::pair(NoTotal, "CURLOPT_TIMEOUT_MS"),
          std::pair(NoConnect, "CURLOPT_CONNECTTIMEOUT_MS")}) {
      if (!Missing || !CanFix)
        continue;
      std::string Statement = "curl_easy_setopt(" + *Handle + ", " + Option +
                              ", " + std::to_string(Amount) + "L);";
      Fix.add(Diag, fixits::insertStatementBefore(*Function->getBody(),
                                                  *Op.Call, Statement, Ctx));
    }
  }
  Fix.emitNote(*this, Op.Call->getBeginLoc());
}

void MissingTimeoutCheck::reportGrpc(const Decl &Unit, const NetworkCall &Op,
                                     ASTContext &Ctx) {
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  const ValueDecl *Context = NetworkModel::handleDecl(Op.Handle);
  int64_t Amount = DefaultTimeoutMs > 0 ? DefaultTimeoutMs : 30000;
  std::optional<FixItHint> Insertion;
  if (Function && Function->hasBody() && Context &&
      getLangOpts().CPlusPlus11) {
    // `ctx.` for a ClientContext, `ctx->` for a pointer or smart pointer.
    bool IsObject = Context->getType().getNonReferenceType()->isRecordType() &&
                    qualifiedNameWithoutInlineNamespaces(
                        *Context->getType()->getAsCXXRecordDecl()) ==
                        "grpc::ClientContext";
    std::string Statement = Context->getNameAsString() +
                            (IsObject ? "." : "->") +
                            "set_deadline(std::chrono::system_clock::now() + "
                            "std::chrono::milliseconds(" +
                            std::to_string(Amount) + "));";
    Insertion = fixits::insertStatementBefore(*Function->getBody(), *Op.Call,
                                              Statement, Ctx);
  }
  fixits::TitledFix Fix(areDiagsSelfContained(),
                        "set a deadline of " + std::to_string(Amount) +
                            " ms");
  {
    auto Diag = diag(Op.Call->getBeginLoc(),
                     "gRPC call '%0' with a 'grpc::ClientContext' that has no "
                     "deadline can wait forever; set one with 'set_deadline'")
                << Op.Name;
    if (Insertion) {
      Fix.add(Diag, *Insertion);
      Fix.add(Diag, Inserter.createIncludeInsertion(
                        Ctx.getSourceManager().getFileID(Op.Call->getBeginLoc()),
                        "<chrono>"));
    }
  }
  Fix.emitNote(*this, Op.Call->getBeginLoc());
}

void MissingTimeoutCheck::checkHttplibTimeout(const Decl &Unit,
                                              const NetworkCall &Setter,
                                              ASTContext &Ctx) {
  if (std::optional<int64_t> Amount = constantAmount(*Setter.Call, Ctx)) {
    if (*Amount <= 0)
      diag(Setter.Call->getBeginLoc(),
           "'%0' with a zero or negative timeout makes every request fail at "
           "once; it does not mean \"no limit\"")
          << Setter.Name;
    return;
  }
  // A value whose range the function checks before (`if (t <= 0 || t >
  // 60) t = 10;`) is validated.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(
          stripValueWrappers(Setter.Value)->IgnoreParenImpCasts()))
    if (auto It = Facts.find(&Unit); It != Facts.end())
      for (const auto &[Variable, Comparison] : It->second.Compared)
        if (Variable == Ref->getDecl() &&
            isBefore(*Comparison, *Setter.Call, Ctx.getSourceManager()))
          return;
  if (!Engine) {
    Engine = std::make_unique<TaintEngine>(Ctx, Model, *NoSinks);
    llvm::SetVector<const Decl *> Units = Untrusted.compute(*Engine);
    Engine->resetAnalyses();
    (void)Units;
  }
  if (Engine->valueAt(Unit, *Setter.Value, *Setter.Call).isUntrusted())
    diag(Setter.Call->getBeginLoc(),
         "'%0' takes its timeout from untrusted input; a zero, negative or "
         "huge value defeats it, so check its range first")
        << Setter.Name;
}

/// Only a socket the unit created itself is judged: a descriptor that comes
/// from a parameter, a field or a lambda capture belongs to a caller or an
/// event loop (a callback reading a ready, typically non-blocking socket),
/// whose mode the check cannot see.
void MissingTimeoutCheck::checkPosixOperation(const Decl &Unit,
                                              const NetworkCall &Op,
                                              ASTContext &Ctx) {
  const auto *Fd =
      dyn_cast_or_null<VarDecl>(NetworkModel::handleDecl(Op.Handle));
  const Stmt *Body = Unit.getBody();
  if (!Fd || !Body || !Fd->isLocalVarDecl() ||
      Fd->getParentFunctionOrMethod() != dyn_cast<DeclContext>(&Unit))
    return;
  SocketSetup Setup = Sockets.setupBefore(*Body, *Fd, Op.Call, Ctx);
  // read() is a network operation only on a socket; the others on a
  // descriptor of unknown origin are not judged either.
  if (!Setup.Created || Setup.bounded())
    return;
  if (const CallExpr *Wait = Setup.EndlessWait) {
    diag(Op.Call->getBeginLoc(),
         "'%0' on a socket driven by '%1' with an infinite timeout can wait "
         "forever; give '%1' a timeout")
        << Op.Name << Wait->getDirectCallee()->getName();
    return;
  }
  diag(Op.Call->getBeginLoc(),
       "'%0' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or "
       "non-blocking mode in this function can block forever")
      << Op.Name;
}

/// An Asio socket given a timeout or made non-blocking (directly or by a
/// helper of the TU it is passed to) before the operation.
bool MissingTimeoutCheck::asioSocketBounded(const Decl &Unit,
                                            const NetworkCall &Op,
                                            ASTContext &Ctx) {
  const ValueDecl *Socket = NetworkModel::handleDecl(Op.Handle);
  const Stmt *Body = Unit.getBody();
  if (!Socket || !Body)
    return false;
  SocketSetup Setup = Sockets.setupBefore(*Body, *Socket, Op.Call, Ctx);
  return Setup.Timeout || Setup.NonBlocking;
}

void MissingTimeoutCheck::checkOperation(const Decl &Unit,
                                         const NetworkCall &Op,
                                         ASTContext &Ctx) {
  switch (Op.Library) {
  case NetworkLibrary::Curl: {
    bool NoTotal = !handleConfigured(
        Unit, Op.Handle, *Op.Call,
        {NetworkLibrary::Curl, NetworkRole::SetsTimeout});
    bool NoConnect =
        RequireConnectTimeout &&
        !handleConfigured(
            Unit, Op.Handle, *Op.Call,
            {NetworkLibrary::Curl, NetworkRole::SetsConnectTimeout});
    if (NoTotal || NoConnect)
      reportCurl(Unit, Op, NoTotal, NoConnect, Ctx);
    return;
  }
  case NetworkLibrary::Grpc:
    if (!handleConfigured(Unit, Op.Handle, *Op.Call,
                          {NetworkLibrary::Grpc, NetworkRole::SetsTimeout}))
      reportGrpc(Unit, Op, Ctx);
    return;
  case NetworkLibrary::Asio:
  case NetworkLibrary::Beast:
    if (Op.Role == NetworkRole::AsyncOperation) {
      if (isBeastStream(Op.Handle) &&
          !handleConfigured(Unit, Op.Handle, *Op.Call,
                            {NetworkLibrary::Beast, NetworkRole::SetsTimeout}))
        diag(Op.Call->getBeginLoc(),
             "'%0' on a 'beast::tcp_stream' with no 'expires_after' or "
             "'expires_at' before it can wait forever")
            << Op.Name;
      return;
    }
    if (!functionBounded(Unit) && !asioSocketBounded(Unit, Op, Ctx) &&
        !(Unit.getBody() &&
          readsOnlyBufferedData(*Unit.getBody(), *Op.Call, Ctx)))
      diag(Op.Call->getBeginLoc(),
           "blocking '%0' has no timeout and can wait forever: Asio deadlines "
           "and Beast's 'expires_after' apply only to asynchronous operations")
          << Op.Name;
    return;
  case NetworkLibrary::Posix:
    checkPosixOperation(Unit, Op, Ctx);
    return;
  case NetworkLibrary::Httplib:
  case NetworkLibrary::User:
    return;
  }
}

void MissingTimeoutCheck::checkUnit(const Decl &Unit, ASTContext &Ctx) {
  // Copy: the tracker may grow while the calls are judged.
  llvm::SmallVector<NetworkCall, 4> Calls(Handles.calls(Unit));
  for (const NetworkCall &Call : Calls) {
    if (!Reported.insert(Call.Call).second)
      continue;
    if (Ctx.getSourceManager().isInSystemMacro(Call.Call->getBeginLoc()))
      continue;
    if (Call.Role == NetworkRole::Operation ||
        Call.Role == NetworkRole::AsyncOperation)
      checkOperation(Unit, Call, Ctx);
    else if (Call.Role == NetworkRole::SetsHttplibTimeout)
      checkHttplibTimeout(Unit, Call, Ctx);
  }
}

void MissingTimeoutCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  llvm::SetVector<const Decl *> Units;
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (!Unit)
      return;
    noteStatement(S, *Unit, Ctx);
    Untrusted.noteStatement(S, *Unit, Ctx);
    Units.insert(Unit);
  });
  Engine.reset();
  for (const Decl *Unit : Units)
    checkUnit(*Unit, Ctx);
}

} // namespace clang::tidy::prodready
