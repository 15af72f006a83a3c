//===--- UnvalidatedUrlCheck.cpp - prodready ------------------------------===//
//
// Thin glue over the shared analyses. Untrusted URLs: the untrusted-data
// analysis (analysis/TaintAnalysis.h) with the URL sinks and call models
// of analysis/UrlModel.h and the URL validations of
// analysis/UrlValidators.h; this file decides who controls the input and
// whether a join fixed the host (analysis/UrlPrefix.h). Redirects: the
// network model's roles and the handle tracking of analysis/HandleSetup.h
// (shared with missing-timeout); this file reports and fixes.
//
//===----------------------------------------------------------------------===//

#include "UnvalidatedUrlCheck.h"
#include "CheckOptions.h"
#include "FixItBuilders.h"
#include "TitledFix.h"
#include "analysis/ASTHelpers.h"
#include "analysis/TaintDescriptions.h"
#include "analysis/UrlPrefix.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

/// The protocols libcurl knows by name (CURLOPT_PROTOCOLS_STR), and `all`.
bool isCurlProtocol(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("http", "https", "ftp", "ftps", "ws", "wss", true)
      .Cases("dict", "file", "gopher", "gophers", "imap", "imaps", true)
      .Cases("ldap", "ldaps", "mqtt", "pop3", "pop3s", "rtmp", true)
      .Cases("rtmpe", "rtmps", "rtmpt", "rtmpte", "rtmpts", "rtsp", true)
      .Cases("scp", "sftp", "smb", "smbs", "smtp", "smtps", true)
      .Cases("telnet", "tftp", "all", true)
      .Default(false);
}

/// A handle expression that can be written again after the statement
/// without running anything twice: `h`, `this->curl_`, `curl_->handle`,
/// `handle.get()`.
bool isRepeatableHandle(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValueWrappers(E)->IgnoreParenImpCasts();
    if (isa<DeclRefExpr>(E) || isa<CXXThisExpr>(E))
      return true;
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      E = Member->getBase();
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !Method->getIdentifier() || Method->getName() != "get" ||
          Call->getNumArgs() != 0)
        return false;
      E = Call->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1) {
      E = Op->getArg(0);
      continue;
    }
    return false;
  }
  return false;
}

/// True if the translation unit declares the enumerator \p Name (curl's
/// options are enumerators of CURLoption). `get`, not `find`: in the
/// editor the headers are in a preamble whose identifiers are read lazily.
bool declaresEnumerator(ASTContext &Ctx, llvm::StringRef Name) {
  IdentifierInfo &Id = Ctx.Idents.get(Name);
  for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&Id))
    if (isa<EnumConstantDecl>(D))
      return true;
  return false;
}

} // namespace

UnvalidatedUrlCheck::UnvalidatedUrlCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawSources(Options.get("Sources", "")),
      RawSinks(Options.get("Sinks", "")),
      RawValidators(Options.get("Validators", "")),
      AllowedProtocols(Options.get("AllowedProtocols", "https")),
      OperatorInputs(
          Options.get("OperatorInputs", UrlOperatorInputs::Environment)),
      Taint{parseNameList(RawSources), parseNameList(RawValidators),
            &CallModels, ConditionTests::Urls, /*Setters=*/true},
      Model(Taint), Network({}, {}), Summaries(Network), Untrusted(Model),
      Handles(Network, Summaries) {
  // A path validator says nothing of a URL's host.
  linkWholeProgram(Model, /*PathValidators=*/false);
  // A protocol restriction set by a helper of another unit (the same
  // summaries, loaded once).
  Summaries.setExternal(loadWholeProgram(/*PathValidators=*/false));
  std::vector<std::string> Bad;
  std::vector<UserUrlSink> User = parseUrlSinks(parseNameList(RawSinks), Bad);
  for (const std::string &Entry : Bad)
    configurationDiag("invalid entry '%0' in option 'Sinks' of check '%1': "
                      "expected a function name and the index of its URL "
                      "argument, such as 'http::get:0'; the entry is ignored")
        << Entry << Name;
  for (UserUrlSink &Sink : User) {
    auto Names =
        std::make_shared<FunctionNameList>(std::vector{Sink.Function});
    Sink.Matches = [Names](const NamedDecl &D) { return Names->matches(D); };
  }
  Sinks = std::make_unique<UrlSinkModel>(std::move(User));

  // curl's syntax: `https,http`.
  llvm::SmallVector<llvm::StringRef, 4> Names;
  llvm::StringRef(AllowedProtocols).split(Names, ',');
  for (llvm::StringRef Protocol : Names) {
    std::string Lower = Protocol.trim().lower();
    if (isCurlProtocol(Lower))
      Protocols.push_back(Lower);
    else
      configurationDiag("invalid protocol '%0' in option 'AllowedProtocols' "
                        "of check '%1': expected libcurl protocol names "
                        "separated by commas, such as 'https' or "
                        "'https,http'; it is ignored")
          << Protocol.trim() << Name;
  }
  if (Protocols.empty())
    Protocols.push_back("https");
}

UnvalidatedUrlCheck::~UnvalidatedUrlCheck() = default;

void UnvalidatedUrlCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Sources", RawSources);
  Options.store(Opts, "Sinks", RawSinks);
  Options.store(Opts, "Validators", RawValidators);
  Options.store(Opts, "AllowedProtocols", AllowedProtocols);
  Options.store(Opts, "OperatorInputs", OperatorInputs);
  Options.store(Opts, "WholeProgramSummaries", WholeProgramSummaries);
}

void UnvalidatedUrlCheck::registerPPCallbacks(const SourceManager &,
                                              Preprocessor *PP,
                                              Preprocessor *) {
  this->PP = PP;
}

void UnvalidatedUrlCheck::endTranslationUnit() {
  if (TUContext)
    for (const auto &[Unit, Follow] : Redirects)
      checkRedirect(*Unit, Follow, *TUContext);
  Redirects.clear();
  ReportedRedirects.clear();
  Engine.reset();
  Untrusted.clear();
  Handles.clear();
  Summaries.clear();
  Reported.clear();
  ReportedRedirectLocs.clear();
  TUContext = nullptr;
}

void UnvalidatedUrlCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  TUContext = &Ctx;
  if (!Engine)
    Engine = std::make_unique<TaintEngine>(Ctx, Model, *Sinks);
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (!Unit)
      return;
    Untrusted.noteStatement(S, *Unit, Ctx);
    if (const NetworkCall *Known = Handles.noteStatement(S, *Unit, Ctx);
        Known && Known->Role == NetworkRole::FollowsRedirects)
      Redirects.emplace_back(Unit, *Known);
  });
  llvm::SetVector<const Decl *> Relevant = Untrusted.compute(*Engine);
  // Now that the values of globals and fields are settled, analyze afresh.
  Engine->resetAnalyses();
  for (const Decl *Unit : Relevant) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine->findHits(*Unit, Hits);
    for (const TaintHit &Hit : Hits) {
      if (Reported.contains({Hit.Sink, Hit.Argument}) ||
          !fromReportedSource(Hit))
        continue;
      // A constant prefix that fixes the host leaves the untrusted part a
      // path or a query: not what this check is about.
      UrlJoin Where = classifyUrlJoin(Hit, *Unit, *Engine, isHostSink(Hit));
      if (Where == UrlJoin::HostFixed)
        continue;
      Reported.insert({Hit.Sink, Hit.Argument});
      report(Hit, Where == UrlJoin::AfterPrefix, Ctx);
    }
  }
}

/// Who controls the input decides: data from others is reported, and of
/// the operator's own input, by default, the environment (see
/// UrlOperatorInputs).
bool UnvalidatedUrlCheck::fromReportedSource(const TaintHit &Hit) const {
  // A URL in an answer parsed from a service (a download link the API
  // returned) is that service's choice, and the program trusts it with its
  // data already; a request, the network and the listed sources are
  // anybody's.
  constexpr uint8_t Others = static_cast<uint8_t>(SourceKind::Network) |
                             static_cast<uint8_t>(SourceKind::Request) |
                             static_cast<uint8_t>(SourceKind::UserSource);
  if (!(Hit.Value.Sources & Others)) {
    bool FromEnvironment =
        Hit.Value.Sources & static_cast<uint8_t>(SourceKind::Environment);
    switch (OperatorInputs) {
    case UrlOperatorInputs::Report:
      break;
    case UrlOperatorInputs::Environment:
      if (!FromEnvironment)
        return false;
      break;
    case UrlOperatorInputs::Ignore:
      return false;
    }
  }
  return true;
}

bool UnvalidatedUrlCheck::isHostSink(const TaintHit &Hit) const {
  return Sinks->kindOf(*Hit.Sink, *Hit.Argument) == UrlSinkKind::Host;
}

void UnvalidatedUrlCheck::report(const TaintHit &Hit, bool AfterPrefix,
                                 ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Where the user wrote it: `curl_easy_setopt` is a macro of curl.h.
  auto At = [&](const Expr &E) { return SM.getFileLoc(E.getBeginLoc()); };
  {
    auto Diag =
        isHostSink(Hit)
            ? diag(At(*Hit.Argument),
                   "host from %0 reaches %1 unvalidated; whoever sets it can "
                   "point the connection at any server, internal ones "
                   "included")
            : diag(At(*Hit.Argument),
                   "URL %select{from|built from}2 %0 reaches %1 with neither "
                   "its scheme nor its host validated; whoever sets it can "
                   "send the request, and the credentials it carries, to any "
                   "server");
    Diag << describeSources(Hit.Value.Sources) << Hit.What
         << (AfterPrefix ? 1 : 0);
  }
  if (Hit.Value.Origin)
    noteLinkedPath(*Hit.Value.Origin);
  if (Hit.Value.Origin)
    diag(At(*Hit.Value.Origin), "the untrusted value comes from %0 here",
         DiagnosticIDs::Note)
        << describeOrigin(*Hit.Value.Origin);
  if (Hit.Value.Origin)
    noteLinkedOrigin(*Hit.Value.Origin);
  for (const CallExpr *Call : Hit.Calls)
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      diag(At(*Call), "it is passed to '%0' here", DiagnosticIDs::Note)
          << Callee->getNameAsString();
  if (AfterPrefix)
    diag(At(*Hit.Value.Join),
         "it is joined into the URL here, after text that does not fix the "
         "host",
         DiagnosticIDs::Note);
}

/// The statement that restricts \p Handle's redirects to AllowedProtocols:
/// `CURLOPT_REDIR_PROTOCOLS_STR` where the curl headers have it (7.85 and
/// later), the bitmask `CURLOPT_REDIR_PROTOCOLS` before.
std::optional<std::string>
UnvalidatedUrlCheck::restrictionStatement(const Expr &Handle,
                                          ASTContext &Ctx) const {
  if (!isRepeatableHandle(&Handle))
    return std::nullopt;
  std::optional<std::string> Text = fixits::writtenText(Handle, Ctx);
  if (!Text)
    return std::nullopt;
  if (declaresEnumerator(Ctx, "CURLOPT_REDIR_PROTOCOLS_STR"))
    return "curl_easy_setopt(" + *Text + ", CURLOPT_REDIR_PROTOCOLS_STR, \"" +
           llvm::join(Protocols, ",") + "\");";
  if (!declaresEnumerator(Ctx, "CURLOPT_REDIR_PROTOCOLS"))
    return std::nullopt;
  std::string Mask;
  for (const std::string &Protocol : Protocols) {
    std::string Macro = "CURLPROTO_" + llvm::StringRef(Protocol).upper();
    if (!PP || !PP->isMacroDefined(Macro))
      return std::nullopt;
    Mask += (Mask.empty() ? "" : " | ") + Macro;
  }
  return "curl_easy_setopt(" + *Text + ", CURLOPT_REDIR_PROTOCOLS, (long)(" +
         Mask + "));";
}

/// `CURLOPT_FOLLOWLOCATION` set to a constant other than 0 on a handle
/// that gets no protocol restriction (in the function, a helper, or for a
/// field anywhere in the file). A value the check cannot evaluate (a
/// setting the caller chooses) is not judged.
void UnvalidatedUrlCheck::checkRedirect(const Decl &Unit,
                                        const NetworkCall &Follow,
                                        ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Follow.Call->getBeginLoc());
  if (SM.isInSystemHeader(Loc) || !Follow.Value)
    return;
  const Expr *Value = stripValueWrappers(Follow.Value);
  Expr::EvalResult Result;
  if (Value->isValueDependent() || !Value->EvaluateAsInt(Result, Ctx) ||
      Result.Val.getInt() == 0)
    return;
  HandleRequirement Need{NetworkLibrary::Curl, NetworkRole::SetsProtocols};
  const auto *Parameter =
      dyn_cast_or_null<ParmVarDecl>(NetworkModel::handleDecl(Follow.Handle));
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  if (Parameter && Function && Parameter->getDeclContext() == Function) {
    // A helper given the handle: judged by what its callers in the file
    // pass it; with no caller here, by nobody.
    std::optional<bool> ByCallers = Handles.configuredByCallers(
        *Function, *Parameter, Need, areDiagsSelfContained());
    if (!ByCallers || *ByCallers)
      return;
  } else if (Handles.configured(Unit, Follow.Handle, nullptr, Need,
                                areDiagsSelfContained())) {
    return;
  }
  // One warning per handle and function; one per location across the
  // instantiations of a template.
  const ValueDecl *Handle = NetworkModel::handleDecl(Follow.Handle);
  if (!ReportedRedirects.insert({&Unit, Handle}).second ||
      !ReportedRedirectLocs.insert(Loc.getRawEncoding()).second)
    return;
  std::optional<FixItHint> Fix;
  if (const Stmt *Body = Unit.getBody())
    if (std::optional<std::string> Statement =
            restrictionStatement(*Follow.Handle, Ctx))
      Fix = fixits::insertStatementAfter(*Body, *Follow.Call, *Statement, Ctx);
  fixits::TitledFix Title(areDiagsSelfContained(),
                          "restrict redirects to " +
                              llvm::join(Protocols, ", "));
  {
    auto Diag = diag(Loc, "'CURLOPT_FOLLOWLOCATION' is enabled on a handle "
                          "with no 'CURLOPT_REDIR_PROTOCOLS_STR' or "
                          "'CURLOPT_PROTOCOLS_STR' restriction; a redirect "
                          "can move the transfer to plain HTTP or to another "
                          "protocol");
    Title.add(Diag, Fix);
  }
  Title.emitNote(*this, Loc);
}

} // namespace clang::tidy::prodready

namespace clang::tidy {
llvm::ArrayRef<std::pair<prodready::UrlOperatorInputs, StringRef>>
OptionEnumMapping<prodready::UrlOperatorInputs>::getEnumMapping() {
  static constexpr std::pair<prodready::UrlOperatorInputs, StringRef>
      Mapping[] = {
          {prodready::UrlOperatorInputs::Report, "Report"},
          {prodready::UrlOperatorInputs::Environment, "Environment"},
          {prodready::UrlOperatorInputs::Ignore, "Ignore"}};
  return Mapping;
}
} // namespace clang::tidy
