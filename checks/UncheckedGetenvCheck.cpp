//===--- UncheckedGetenvCheck.cpp - prodready -----------------------------===//
//
// One match per top-level declaration of the user's code, which is scanned
// for environment reads and calls to helpers that return them.
// Every function that contains one is then analyzed once: its null sinks are
// collected in one walk and each sink's pointer is evaluated with the
// flow-sensitive nullness analysis. Functions without environment reads cost
// one visit of each of their calls and nothing else.
//
//===----------------------------------------------------------------------===//

#include "UncheckedGetenvCheck.h"
#include "CheckOptions.h"
#include "FixItBuilders.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SetVector.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {


/// Collects the null sinks of one function (or initializer), leaving lambda
/// bodies and local classes to their own analysis.
class SinkCollector : public RecursiveASTVisitor<SinkCollector> {
public:
  SinkCollector(const NullSinkModel &Model,
                llvm::SmallVectorImpl<NullSink> &Out)
      : Model(Model), Out(Out) {}

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitExpr(Expr *E) {
    Model.collect(*E, Out);
    return true;
  }

private:
  const NullSinkModel &Model;
  llvm::SmallVectorImpl<NullSink> &Out;
};

std::string describeOrigin(const CallExpr &Origin, EnvModel &Model) {
  const FunctionDecl *Callee = Origin.getDirectCallee();
  std::string Name = Callee ? Callee->getNameAsString() : "getenv";
  if (Callee && Model.isEnvReadFunction(*Callee)) {
    if (std::optional<StringRef> Var = EnvModel::variableName(Origin))
      return "'" + Name + "' returns null when '" + Var->str() + "' is unset";
    return "'" + Name + "' returns null when the variable is unset";
  }
  return "'" + Name +
         "' may return null when an environment variable is unset";
}

} // namespace

UncheckedGetenvCheck::UncheckedGetenvCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawEnvFunctions(Options.get("EnvFunctions", DefaultEnvFunctions)),
      RawNonNullFunctions(Options.get("NonNullFunctions", "")),
      DefaultValue(Options.get("DefaultValue", "").str()),
      EnvFunctions(parseNameList(RawEnvFunctions)),
      Sinks(parseNameList(RawNonNullFunctions)) {}

void UncheckedGetenvCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "EnvFunctions", RawEnvFunctions);
  Options.store(Opts, "NonNullFunctions", RawNonNullFunctions);
  Options.store(Opts, "DefaultValue", DefaultValue);
}

void UncheckedGetenvCheck::registerMatchers(MatchFinder *Finder) {
  // The user's code is scanned, not matched call by call: see
  // UserCodeScanner.h for why.
  addUserCodeMatcher(*Finder, *this, areDiagsSelfContained());
}

void UncheckedGetenvCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (!Model)
    Model = std::make_unique<EnvModel>(Ctx, EnvFunctions);
  llvm::SetVector<const Decl *> Units;
  scanMatchedUserCode(Result,
                [&](const CallExpr &Call, const Decl *Unit) {
                  if (Unit && !Units.contains(Unit) && Model->isSource(Call))
                    Units.insert(Unit);
                });
  for (const Decl *Unit : Units)
    analyzeContext(*Unit, Ctx);
}

void UncheckedGetenvCheck::onEndOfTranslationUnit() { Model.reset(); }

void UncheckedGetenvCheck::analyzeContext(const Decl &Context,
                                          ASTContext &Ctx) {
  llvm::SmallVector<NullSink, 8> Found;
  SinkCollector Collector(Sinks, Found);
  const Stmt *Body = nullptr;
  bool InsideFunction = false;
  if (const auto *Function = dyn_cast<FunctionDecl>(&Context)) {
    Body = Function->getBody();
    InsideFunction = true;
    Collector.TraverseDecl(const_cast<FunctionDecl *>(Function));
  } else if (const auto *Var = dyn_cast<VarDecl>(&Context)) {
    Body = Var->getInit();
    Collector.TraverseStmt(const_cast<Expr *>(Var->getInit()));
  } else if (const auto *Field = dyn_cast<FieldDecl>(&Context)) {
    Body = Field->getInClassInitializer();
    Collector.TraverseStmt(Field->getInClassInitializer());
  }
  if (!Body || Found.empty())
    return;
  PointerNullnessAnalysis &Analysis = Model->nullnessFor(Context, *Body);
  for (const NullSink &Sink : Found) {
    PointerFact Fact = Analysis.evaluateAt(*Sink.Pointer, *Sink.Site);
    if (Fact.MayBeNullFromSource && Fact.Origin)
      reportSink(Sink, Fact, InsideFunction, Ctx);
  }
}

void UncheckedGetenvCheck::reportSink(const NullSink &Sink,
                                      const PointerFact &Fact,
                                      bool InsideFunction, ASTContext &Ctx) {
  const Expr *Pointer = Sink.Pointer->IgnoreParenImpCasts();
  const auto *Origin = cast<CallExpr>(Fact.Origin);
  std::string OriginClause = describeOrigin(*Origin, *Model);
  const auto *Var = dyn_cast<DeclRefExpr>(Pointer);
  std::string Subject;
  if (Pointer == Origin)
    Subject = OriginClause;
  else if (Var)
    Subject = "'" + Var->getDecl()->getNameAsString() + "' may be null (" +
              OriginClause + ")";
  else
    Subject = "the value may be null (" + OriginClause + ")";

  QualType PointerType = Sink.Pointer->getType().getNonReferenceType();
  bool Wide = PointerType->isPointerType() &&
              PointerType->getPointeeType()->isWideCharType();
  std::string Fallback = fixits::quoteStringLiteral(DefaultValue, Wide);
  std::optional<FixItHint> Fix =
      fixits::makeNullFallback(*Pointer, Fallback, InsideFunction, Ctx);
  {
    auto Diag = diag(Pointer->getBeginLoc(),
                     "%0; %1 is undefined behaviour")
                << Subject << Sink.Action << Pointer->getSourceRange();
    if (Fix && Sink.TextFallbackIsSafe)
      Diag << *Fix;
  }
  if (Var && Pointer != Origin)
    diag(Origin->getBeginLoc(), "'%0' is set from '%1' here",
         DiagnosticIDs::Note)
        << Var->getDecl()->getNameAsString()
        << Origin->getDirectCallee()->getNameAsString();
  if (const FunctionDecl *Callee = Origin->getDirectCallee();
      Callee && !Model->isEnvReadFunction(*Callee))
    if (const ReturnStmt *Ret =
            Model->nullableEnvReturn(*Callee->getDefinition()))
      diag(Ret->getBeginLoc(), "'%0' returns a possibly null value here",
           DiagnosticIDs::Note)
          << Callee->getNameAsString();
  if (Fix && !Sink.TextFallbackIsSafe)
    diag(Pointer->getBeginLoc(),
         "use %0 when the environment variable is unset",
         DiagnosticIDs::Note)
        << Fallback << *Fix;
}

} // namespace clang::tidy::prodready
