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
#include "TitledFix.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include "clang/Basic/CharInfo.h"

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
    : UserCodeCheck(Name, Context),
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

void UncheckedGetenvCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
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

void UncheckedGetenvCheck::endTranslationUnit() {
  Model.reset();
  DeclaredNames.clear();
}

void UncheckedGetenvCheck::analyzeContext(const Decl &Context,
                                          ASTContext &Ctx) {
  llvm::SmallVector<NullSink, 8> Found;
  SinkCollector Collector(Sinks, Found);
  const Stmt *Body = nullptr;
  const Stmt *FunctionBody = nullptr;
  if (const auto *Function = dyn_cast<FunctionDecl>(&Context)) {
    Body = Function->getBody();
    FunctionBody = Body;
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
      reportSink(Sink, Fact, Context, FunctionBody, Ctx);
  }
}

void UncheckedGetenvCheck::reportSink(const NullSink &Sink,
                                      const PointerFact &Fact,
                                      const Decl &Unit,
                                      const Stmt *FunctionBody,
                                      ASTContext &Ctx) {
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
  llvm::SmallVector<FixItHint, 2> Fix =
      buildFix(*Pointer, Fallback, Unit, FunctionBody, Ctx);
  std::optional<StringRef> Variable = EnvModel::variableName(*Origin);
  std::string Title = "use " + Fallback + " when " +
                      (Variable ? "'" + Variable->str() + "'"
                                : std::string("the environment variable")) +
                      " is unset";
  fixits::TitledFix Certain(areDiagsSelfContained(), Title);
  {
    auto Diag = diag(Pointer->getBeginLoc(),
                     "%0; %1 is undefined behaviour")
                << Subject << Sink.Action << Pointer->getSourceRange();
    if (Sink.TextFallbackIsSafe)
      for (const FixItHint &Hint : Fix)
        Certain.add(Diag, Hint);
  }
  Certain.emitNote(*this, Pointer->getBeginLoc());
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
  if (!Fix.empty() && !Sink.TextFallbackIsSafe) {
    auto Note = diag(Pointer->getBeginLoc(), "%0", DiagnosticIDs::Note)
                << Title;
    for (const FixItHint &Hint : Fix)
      Note << Hint;
  }
}

llvm::SmallVector<FixItHint, 2>
UncheckedGetenvCheck::buildFix(const Expr &Pointer, llvm::StringRef Fallback,
                               const Decl &Unit, const Stmt *FunctionBody,
                               ASTContext &Ctx) {
  // A direct call in a function: named on a line of its own, which reads
  // better than a lambda called in place.
  if (const auto *Call = dyn_cast<CallExpr>(&Pointer); Call && FunctionBody) {
    std::string Name = localNameFor(*Call, Unit, *FunctionBody, Ctx);
    if (!Name.empty())
      if (auto Named = fixits::makeNamedNullFallback(*Call, Name, Fallback,
                                                     *FunctionBody, Ctx)) {
        DeclaredNames.insert({FunctionBody, Name});
        return *Named;
      }
  }
  if (std::optional<FixItHint> Inline = fixits::makeNullFallback(
          Pointer, Fallback, FunctionBody != nullptr, Ctx))
    return {*Inline};
  return {};
}

std::string UncheckedGetenvCheck::localNameFor(const CallExpr &Origin,
                                               const Decl &Unit,
                                               const Stmt &FunctionBody,
                                               ASTContext &Ctx) {
  std::string Base;
  if (std::optional<StringRef> Variable = EnvModel::variableName(Origin))
    for (char C : *Variable)
      Base += isAlphanumeric(C) ? toLowercase(C) : '_';
  if (Base.empty() || isDigit(Base.front()))
    Base = "value";
  llvm::StringSet<> Used = fixits::namesUsedIn(Unit);
  for (std::string Candidate : {Base, Base + "_env"})
    if (fixits::isFreshName(Candidate, Used, Ctx) &&
        !DeclaredNames.count({&FunctionBody, Candidate}))
      return Candidate;
  return "";
}

} // namespace clang::tidy::prodready
