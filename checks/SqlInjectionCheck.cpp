//===--- SqlInjectionCheck.cpp - prodready --------------------------------===//
//
// Thin glue over the untrusted-data analysis (analysis/TaintAnalysis.h) and
// the SQL tables (analysis/SqlModel.h): this file reads the options, picks
// the units worth analyzing, and decides which hits are findings, where
// they are reported and how.
//
// Two kinds of finding. Untrusted data (the shared sources) built into a
// query is an error. A query built from a parameter of a function other
// code can call is a warning: whether it is exploitable depends on callers
// the check may not see, which is how injection reaches a layered code
// base. Such a hit is reported in the function whose parameter it is, at
// the place where the query is built, once: callers that pass their own
// parameters along do not report it again.
//
//===----------------------------------------------------------------------===//

#include "SqlInjectionCheck.h"
#include "CheckOptions.h"
#include "analysis/ASTHelpers.h"
#include "analysis/TaintDescriptions.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

/// `db::Conn::exec:0`: a function name and the index of its SQL argument.
std::optional<std::pair<std::string, unsigned>>
parseSinkEntry(llvm::StringRef Entry) {
  size_t Colon = Entry.rfind(':');
  if (Colon == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Name = Entry.take_front(Colon).trim();
  llvm::StringRef Index = Entry.drop_front(Colon + 1).trim();
  unsigned Number;
  if (Name.empty() || Name.ends_with(":") || Index.getAsInteger(10, Number))
    return std::nullopt;
  return std::make_pair(Name.str(), Number);
}

/// A function that code outside this translation unit can call: its
/// parameters may hold anything. Static functions, anonymous namespaces,
/// private methods and lambdas are called from here, and their callers'
/// arguments decide.
bool isEntryPoint(const FunctionDecl &F) {
  if (!F.isExternallyVisible())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F))
    return !Method->getParent()->isLambda() &&
           Method->getAccess() != AS_private;
  return true;
}

/// \p Labels without the parameters of \p Function that are C strings, in
/// C++: there a `const char *` parameter is how a literal is passed (a
/// setting's name, `__FILE__`), and text computed at run time travels as a
/// `std::string`. Measured on real code, the parameters reported before
/// this rule that were C strings were a file name from `__FILE__` and a
/// setting every caller passes as a literal.
uint64_t withoutCStrings(const FunctionDecl &Function, uint64_t Labels) {
  if (!Function.getASTContext().getLangOpts().CPlusPlus)
    return Labels;
  for (unsigned I = 0, E = Function.getNumParams(); I < E && I < 62; ++I) {
    QualType Type = Function.getParamDecl(I)->getType();
    if (Type->isPointerType() && Type->getPointeeType()->isAnyCharacterType())
      Labels &= ~TaintValue::paramLabel(I);
  }
  return Labels;
}

/// The first parameter of \p Function among \p Labels.
const ParmVarDecl *labeledParameter(const FunctionDecl &Function,
                                    uint64_t Labels) {
  for (unsigned I = 0, E = Function.getNumParams(); I < E && I < 62; ++I)
    if (Labels & TaintValue::paramLabel(I))
      return Function.getParamDecl(I);
  return nullptr;
}

/// The function of \p Hit's call chain (0: the unit, i: the callee of
/// Calls[i - 1]) whose body holds the join, if one does: a function that
/// returned the text may have joined it.
std::optional<unsigned> functionOfJoin(const TaintHit &Hit, const Decl &Unit,
                                       const SourceManager &SM) {
  for (unsigned I = Hit.Calls.size(); I > 0; --I) {
    const FunctionDecl *Callee = Hit.Calls[I - 1]->getDirectCallee();
    const FunctionDecl *Definition = Callee ? Callee->getDefinition() : nullptr;
    if (Definition && Definition->getBody() &&
        containsStmt(*Definition->getBody(), *Hit.Value.Built, SM))
      return I;
  }
  const Stmt *Body = Unit.getBody();
  if (const auto *Var = dyn_cast<VarDecl>(&Unit))
    Body = Var->getInit();
  if (Body && containsStmt(*Body, *Hit.Value.Built, SM))
    return 0;
  return std::nullopt;
}

/// The function (or lambda) whose body holds \p E.
const Decl *enclosingFunction(const Expr &E, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(E);
  for (unsigned Depth = 0; Depth < 256 && !Parents.empty(); ++Depth) {
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return Function;
    if (const auto *Lambda = Parents[0].get<LambdaExpr>())
      return Lambda->getCallOperator();
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

/// The parameter of \p Call's callee that \p Arg binds.
std::optional<unsigned> parameterOf(const CallExpr &Call, const Expr *Arg) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  for (unsigned I = 0, E = Callee ? Callee->getNumParams() : 0; I < E; ++I)
    if (Arg && argumentForParameter(Call, I) == Arg)
      return I;
  return std::nullopt;
}

} // namespace

/// The libraries' sinks (SqlModel.h) and the user's (`Sinks`).
class SqlInjectionCheck::SqlSinks : public TaintSinkModel {
public:
  SqlSinks(llvm::ArrayRef<std::string> Entries,
           std::vector<std::string> &Bad) {
    std::map<unsigned, std::vector<std::string>> ByIndex, ClassesByIndex;
    for (const std::string &Entry : Entries) {
      auto Parsed = parseSinkEntry(Entry);
      if (!Parsed) {
        Bad.push_back(Entry);
        continue;
      }
      // `db::Statement::Statement` names a constructor: matched by class.
      auto [Scope, Last] = llvm::StringRef(Parsed->first).rsplit("::");
      if (Scope.ends_with(Last) &&
          (Scope.size() == Last.size() ||
           Scope.drop_back(Last.size()).ends_with("::")))
        ClassesByIndex[Parsed->second].push_back(Scope.str());
      else
        ByIndex[Parsed->second].push_back(Parsed->first);
    }
    for (const auto &[Index, Names] : ByIndex)
      User.emplace_back(Index, FunctionNameList(Names));
    for (const auto &[Index, Names] : ClassesByIndex)
      UserClasses.emplace_back(Index, FunctionNameList(Names));
  }

  void sinkArguments(const Expr &E,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &Out) override {
    if (std::optional<SqlSink> Sink = sinkOf(E))
      Out.emplace_back(Sink->Argument, Sink->What);
  }

  std::optional<SqlSink> sinkOf(const Expr &E) const {
    if (std::optional<SqlSink> Sink = librarySqlSink(E))
      return Sink;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
      // A class whose constructor takes the query (`Statement::Statement`).
      const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
      for (const auto &[Index, Names] : UserClasses)
        if (Index < Construct->getNumArgs() && Names.matches(*Class)) {
          std::string Name = qualifiedNameWithoutInlineNamespaces(*Class);
          return SqlSink{Construct->getArg(Index),
                         "'" + Name + "::" + Class->getNameAsString() + "'",
                         SqlLibrary::Other};
        }
      return std::nullopt;
    }
    const auto *Call = dyn_cast<CallExpr>(&E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (User.empty() || !Callee)
      return std::nullopt;
    for (const auto &[Index, Names] : User)
      if (Names.matches(*Callee))
        if (const Expr *Arg = argumentForParameter(*Call, Index))
          return SqlSink{Arg,
                         "'" + qualifiedNameWithoutInlineNamespaces(*Callee) +
                             "'",
                         SqlLibrary::Other};
    return std::nullopt;
  }

private:
  std::vector<std::pair<unsigned, FunctionNameList>> User;
  std::vector<std::pair<unsigned, FunctionNameList>> UserClasses;
};

SqlInjectionCheck::SqlInjectionCheck(StringRef Name, ClangTidyContext *Context)
    : UserCodeCheck(Name, Context), RawSources(Options.get("Sources", "")),
      RawSinks(Options.get("Sinks", "")),
      RawSanitizers(Options.get("Sanitizers", "")),
      ReportNonConstant(Options.get("ReportNonConstant", true)),
      // Path tests (no `..`, no `/`) say nothing of quotes.
      Taint{parseNameList(RawSources), parseNameList(RawSanitizers), &Calls,
            ConditionTests::None},
      Model(Taint), Untrusted(Model) {
  // A path validator says nothing of quotes.
  linkWholeProgram(Model, /*PathValidators=*/false);
  std::vector<std::string> Bad;
  Sinks = std::make_unique<SqlSinks>(parseNameList(RawSinks), Bad);
  for (const std::string &Entry : Bad)
    configurationDiag("invalid entry '%0' in option 'Sinks' of check '%1': "
                      "expected a function name and the index of its SQL "
                      "argument, such as 'db::Conn::exec:0'; the entry is "
                      "ignored")
        << Entry << Name;
}

SqlInjectionCheck::~SqlInjectionCheck() = default;

void SqlInjectionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Sources", RawSources);
  Options.store(Opts, "Sinks", RawSinks);
  Options.store(Opts, "Sanitizers", RawSanitizers);
  Options.store(Opts, "ReportNonConstant", ReportNonConstant);
  Options.store(Opts, "WholeProgramSummaries", WholeProgramSummaries);
}

void SqlInjectionCheck::endTranslationUnit() {
  Engine.reset();
  Untrusted.clear();
  Reaching.clear();
  Reported.clear();
}

void SqlInjectionCheck::checkUserCode(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Engine)
    Engine = std::make_unique<TaintEngine>(Ctx, Model, *Sinks);
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (!Unit)
      return;
    Untrusted.noteStatement(S, *Unit, Ctx);
    if (!ReportNonConstant)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Reaching.noteCall(*Call, *Unit, Sinks->sinkOf(*Call).has_value(), SM);
    else if (isa<CXXConstructExpr>(S) && Sinks->sinkOf(cast<Expr>(S)))
      Reaching.noteSink(*Unit);
  });
  llvm::SetVector<const Decl *> Relevant = Untrusted.compute(*Engine);
  // Now that the values of globals and fields are settled, analyze afresh.
  Engine->resetAnalyses();
  std::vector<Finding> Found;
  for (const Decl *Unit : Relevant) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine->findHits(*Unit, Hits);
    for (const TaintHit &Hit : Hits)
      collect(*Unit, Hit, /*FromSource=*/true, Found, Ctx);
  }
  if (ReportNonConstant)
    for (const Decl *Unit : Reaching.compute(*Engine)) {
      llvm::SmallVector<TaintHit, 4> Hits;
      Engine->findParameterHits(*Unit, Hits);
      for (const TaintHit &Hit : Hits)
        collect(*Unit, Hit, /*FromSource=*/false, Found, Ctx);
    }
  // One finding per place: untrusted data first, then the parameter of
  // the innermost function (the one that builds the query).
  llvm::sort(Found, [](const Finding &A, const Finding &B) {
    bool UntrustedA = A.Hit.Value.isUntrusted();
    if (UntrustedA != B.Hit.Value.isUntrusted())
      return UntrustedA;
    if (A.Hit.Calls.size() != B.Hit.Calls.size())
      return A.Hit.Calls.size() < B.Hit.Calls.size();
    return A.Order < B.Order;
  });
  for (const Finding &F : Found)
    if (Reported.insert(F.At).second)
      report(F);
}

void SqlInjectionCheck::collect(const Decl &Unit, const TaintHit &Hit,
                                bool FromSource, std::vector<Finding> &Out,
                                ASTContext &Ctx) {
  const TaintValue &Value = Hit.Value;
  // A number printed into the query cannot end a literal.
  if (Value.Numeric)
    return;
  if (FromSource) {
    // A whole query the operator typed (`argv[1]`, a script read from a
    // file) is an SQL console's job; from others it is reported.
    if (!Value.Built && !Value.mayComeFromOthers())
      return;
  } else {
    // A parameter passed through whole is a wrapper's: its callers build
    // the query.
    const auto *Function = dyn_cast<FunctionDecl>(&Unit);
    if (Value.isUntrusted() || !Value.Built || !Function ||
        !isEntryPoint(*Function))
      return;
  }
  Finding F;
  F.Hit = Hit;
  F.Unit = &Unit;
  F.Order = Out.size();
  if (Value.Built) {
    F.JoinIn = functionOfJoin(Hit, Unit, Ctx.getSourceManager());
    F.BuiltIn = F.JoinIn.value_or(0);
  }
  if (F.JoinIn && formatsCallerText(*Value.Built)) {
    // A formatting helper: its callers write the query and are reported.
    if (*F.JoinIn == 0 && !FromSource)
      return;
    if (*F.JoinIn > 0)
      F.BuiltIn = *F.JoinIn - 1;
  }
  F.At = Hit.Argument;
  if (F.BuiltIn < Hit.Calls.size())
    F.At = Hit.CallArguments[F.BuiltIn] ? Hit.CallArguments[F.BuiltIn]
                                        : Hit.Calls[F.BuiltIn];
  if (!FromSource &&
      !(F.Named = withoutCStrings(cast<FunctionDecl>(Unit),
                                  quotedUnescaped(F, Ctx))))
    return;
  Out.push_back(std::move(F));
}

/// A parameter is reported only where the query puts it between single
/// quotes unescaped (`"... = '" + name + "'"`, `'%s'`, `'{}'`): the program
/// meant it as data, and a quote in it ends the literal. Measured on real
/// code (docs/checks/sql-injection.md), a parameter joined anywhere else
/// is a table or column name, a fragment of SQL or a list the callers
/// build, which projects check where they read it: reporting those was
/// noise. Returns the parameters of the unit that are so quoted (all of
/// the hit's when the query is joined in a callee), or 0.
uint64_t SqlInjectionCheck::quotedUnescaped(const Finding &F,
                                           ASTContext &Ctx) {
  const TaintHit &Hit = F.Hit;
  if (!F.JoinIn) {
    // Joined by a function that returned the text: any of its parameters
    // counts.
    const Decl *Builder = enclosingFunction(*Hit.Value.Built, Ctx);
    if (!Builder)
      return 0;
    for (const Expr *Piece : quotedPieces(*Hit.Value.Built)) {
      TaintValue Value = Engine->valueAt(*Builder, *Piece, *Hit.Value.Built);
      if (Value.Labels && !Value.Numeric)
        return Hit.Value.Labels;
    }
    return 0;
  }
  // Where the SQL text is written: the join, or for a formatting helper
  // the call that hands it the format.
  bool Helper = F.BuiltIn != *F.JoinIn;
  unsigned In = Helper ? F.BuiltIn : *F.JoinIn;
  const Expr *Site = Helper ? Hit.Calls[F.BuiltIn] : Hit.Value.Built;
  const Decl *Function = F.Unit;
  uint64_t Entering = Hit.Value.Labels;
  if (In > 0) {
    const CallExpr *Call = Hit.Calls[In - 1];
    std::optional<unsigned> Param =
        parameterOf(*Call, Hit.CallArguments[In - 1]);
    Function = Call->getDirectCallee()->getDefinition();
    if (!Param || !Function)
      return 0;
    Entering = TaintValue::paramLabel(*Param);
  }
  uint64_t Quoted = 0;
  for (const Expr *Piece : quotedPieces(*Site)) {
    TaintValue Value = Engine->valueAt(*Function, *Piece, *Site);
    if (!Value.Numeric)
      Quoted |= Value.Labels & Entering;
  }
  return In == 0 ? Quoted : (Quoted ? Hit.Value.Labels : 0);
}

void SqlInjectionCheck::report(const Finding &F) {
  const TaintHit &Hit = F.Hit;
  std::optional<SqlSink> Sink = Sinks->sinkOf(*Hit.Sink);
  StringRef Advice =
      placeholderAdvice(Sink ? Sink->Library : SqlLibrary::Other);
  SourceLocation Loc = F.At->getBeginLoc();
  if (Hit.Value.isUntrusted()) {
    if (Hit.Value.Built)
      diag(Loc, "SQL built from %0 reaches %1: a quote in it can rewrite "
                "the query (SQL injection); bind it to %2")
          << describeSources(Hit.Value.Sources) << Hit.What << Advice
          << F.At->getSourceRange();
    else
      diag(Loc, "%0 is run as SQL by %1: whoever sends it can run any "
                "statement (SQL injection)")
          << describeSources(Hit.Value.Sources) << Hit.What
          << F.At->getSourceRange();
    if (Hit.Value.Origin)
      noteLinkedPath(*Hit.Value.Origin);
    if (Hit.Value.Origin)
      diag(Hit.Value.Origin->getBeginLoc(),
           "the untrusted value comes from %0 here", DiagnosticIDs::Note)
          << describeOrigin(*Hit.Value.Origin);
    if (Hit.Value.Origin)
      noteLinkedOrigin(*Hit.Value.Origin);
    if (const CallExpr *Filler = Hit.Value.FilledBy)
      if (const FunctionDecl *Callee = Filler->getDirectCallee())
        diag(Filler->getBeginLoc(), "'%0' writes it into an argument here",
             DiagnosticIDs::Note)
            << Callee->getNameAsString();
  } else {
    const auto &Function = cast<FunctionDecl>(*F.Unit);
    const ParmVarDecl *Param = labeledParameter(Function, F.Named);
    std::string ParamName = Param ? Param->getNameAsString() : "";
    diag(Loc, "SQL built from non-constant text (parameter '%0' of '%1') "
              "reaches %2: it is put between quotes unescaped, and a quote "
              "in it rewrites the query (SQL injection); bind it to %3")
        << ParamName << Function.getNameAsString() << Hit.What << Advice
        << F.At->getSourceRange();
    if (Param)
      diag(Param->getLocation(),
           "'%0' is a parameter of '%1': its callers decide what it holds",
           DiagnosticIDs::Note)
          << ParamName << Function.getNameAsString();
  }
  emitSteps(F);
}

/// The notes from the source to the sink: each call the value goes
/// through, the join where the function that builds the query builds it,
/// and the sink itself when the warning is at a call on the way.
void SqlInjectionCheck::emitSteps(const Finding &F) {
  const TaintHit &Hit = F.Hit;
  for (unsigned I = 0, E = Hit.Calls.size(); I <= E; ++I) {
    if (Hit.Value.Built && I == F.JoinIn.value_or(0))
      diag(Hit.Value.Built->getBeginLoc(), "it is joined into the query here",
           DiagnosticIDs::Note);
    if (I == E)
      break;
    if (const FunctionDecl *Callee = Hit.Calls[I]->getDirectCallee())
      diag(Hit.Calls[I]->getBeginLoc(), "it is passed to '%0' here",
           DiagnosticIDs::Note)
          << Callee->getNameAsString();
  }
  if (F.At != Hit.Argument)
    diag(Hit.Argument->getBeginLoc(), "the query reaches %0 here",
         DiagnosticIDs::Note)
        << Hit.What;
}

} // namespace clang::tidy::prodready
