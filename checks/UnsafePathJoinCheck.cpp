//===--- UnsafePathJoinCheck.cpp - prodready ------------------------------===//
//
// Thin glue over the untrusted-data analysis (analysis/TaintAnalysis.h):
// this file says which arguments of which calls are paths (the sinks),
// which units are worth analyzing, and how a hit is reported and fixed.
//
//===----------------------------------------------------------------------===//

#include "UnsafePathJoinCheck.h"
#include "CheckOptions.h"
#include "FixItBuilders.h"
#include "TitledFix.h"
#include "analysis/ASTHelpers.h"
#include "analysis/TaintDescriptions.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

/// std::filesystem (or std::experimental::filesystem), inline namespaces
/// such as std::filesystem::__cxx11 included.
bool isInFilesystemNamespace(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent()) {
    const auto *Namespace = dyn_cast<NamespaceDecl>(Context);
    if (!Namespace || Namespace->getName() != "filesystem")
      continue;
    return isInStdOrNested(*Namespace);
  }
  return false;
}

/// "std::ofstream" for std::basic_ofstream<char>, or "".
std::string fileStreamName(const CXXRecordDecl *Record) {
  if (!Record || !Record->isInStdNamespace() || !Record->getIdentifier())
    return "";
  return llvm::StringSwitch<std::string>(Record->getName())
      .Case("basic_ifstream", "std::ifstream")
      .Case("basic_ofstream", "std::ofstream")
      .Case("basic_fstream", "std::fstream")
      .Case("basic_filebuf", "std::filebuf")
      .Default("");
}

} // namespace

/// The filesystem operations of the catalog, and the user's own.
class UnsafePathJoinCheck::PathSinks : public TaintSinkModel {
public:
  explicit PathSinks(std::vector<std::string> Extra) {
    for (StringRef Name : Extra) {
      Name.consume_front("::");
      ExtraSinks.insert(Name);
    }
  }

  void sinkArguments(const Expr &E,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &Out) override {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
      std::string Stream =
          fileStreamName(Construct->getConstructor()->getParent());
      if (Stream.empty() || Construct->getNumArgs() == 0)
        return;
      // The first argument is the path, unless the stream is moved from.
      const Expr *Path = Construct->getArg(0);
      if (fileStreamName(Path->getType()->getAsCXXRecordDecl()).empty())
        Out.emplace_back(Path, "'" + Stream + "'");
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier())
      return;
    StringRef Name = Callee->getName();
    auto Arg = [&](unsigned Index, std::string What) {
      if (Index < Call->getNumArgs())
        Out.emplace_back(Call->getArg(Index), std::move(What));
    };
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      std::string Stream = fileStreamName(Member->getRecordDecl());
      if (!Stream.empty() && Name == "open")
        Arg(0, "'" + Stream + "::open'");
      return;
    }
    if (!ExtraSinks.empty() &&
        ExtraSinks.contains(Callee->getQualifiedNameAsString())) {
      Arg(0, "'" + Callee->getQualifiedNameAsString() + "'");
      return;
    }
    if (isInFilesystemNamespace(*Callee)) {
      std::string What = ("'std::filesystem::" + Name + "'").str();
      bool TwoPaths = Name == "rename" || Name == "copy" || Name == "copy_file";
      bool OnePath = llvm::StringSwitch<bool>(Name)
                         .Cases("remove", "remove_all", "create_directory",
                                "create_directories", "resize_file", true)
                         .Case("permissions", true)
                         .Default(false);
      if (OnePath || TwoPaths)
        Arg(0, What);
      if (TwoPaths)
        Arg(1, What);
      return;
    }
    const DeclContext *Context = Callee->getDeclContext()->getRedeclContext();
    if (!Context->isTranslationUnit() && !Callee->isInStdNamespace() &&
        !Callee->isExternC())
      return;
    std::string What = ("'" + Name + "'").str();
    if (llvm::StringSwitch<bool>(Name)
            .Cases("fopen", "freopen", "open", "creat", "unlink", true)
            .Cases("rmdir", "mkdir", "opendir", "remove", "fopen64", true)
            .Case("open64", true)
            .Default(false))
      Arg(0, What);
    else if (Name == "openat")
      Arg(1, What);
    else if (Name == "rename") {
      Arg(0, What);
      Arg(1, What);
    }
  }

private:
  llvm::StringSet<> ExtraSinks;
};

UnsafePathJoinCheck::UnsafePathJoinCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawSources(Options.get("Sources", "")),
      RawSinks(Options.get("Sinks", "")),
      RawSanitizers(Options.get("Sanitizers", "")),
      OperatorInputs(
          Options.get("OperatorInputs", OperatorInputPolicy::ComponentsOnly)),
      Taint{parseNameList(RawSources), parseNameList(RawSanitizers)},
      Model(Taint),
      Sinks(std::make_unique<PathSinks>(parseNameList(RawSinks))),
      Untrusted(Model) {
  linkWholeProgram(Model, /*PathValidators=*/true);
}

UnsafePathJoinCheck::~UnsafePathJoinCheck() = default;

void UnsafePathJoinCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Sources", RawSources);
  Options.store(Opts, "Sinks", RawSinks);
  Options.store(Opts, "Sanitizers", RawSanitizers);
  Options.store(Opts, "OperatorInputs", OperatorInputs);
  Options.store(Opts, "WholeProgramSummaries", WholeProgramSummaries);
}

void UnsafePathJoinCheck::endTranslationUnit() {
  Engine.reset();
  Untrusted.clear();
  Reported.clear();
  FixedJoins.clear();
}

void UnsafePathJoinCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (!Engine)
    Engine = std::make_unique<TaintEngine>(Ctx, Model, *Sinks);
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (Unit)
      Untrusted.noteStatement(S, *Unit, Ctx);
  });
  llvm::SetVector<const Decl *> Relevant = Untrusted.compute(*Engine);
  // Now that the values of globals and fields are settled, analyze afresh.
  Engine->resetAnalyses();
  for (const Decl *Unit : Relevant) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine->findHits(*Unit, Hits);
    for (const TaintHit &Hit : Hits)
      if (shouldReport(Hit) && Reported.insert({Hit.Sink, Hit.Argument}).second)
        report(Hit, Ctx);
  }
}

std::optional<FixItHint> UnsafePathJoinCheck::joinFix(const Expr &Join,
                                                      ASTContext &Ctx) {
  if (!getLangOpts().CPlusPlus17)
    return std::nullopt;
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Join);
  if (!Op || Op->getNumArgs() != 2 ||
      (Op->getOperator() != OO_Slash && Op->getOperator() != OO_SlashEqual))
    return std::nullopt;
  const Expr *Name = Op->getArg(1)->IgnoreImplicit();
  if (isa<StringLiteral>(Name->IgnoreParenImpCasts()))
    return std::nullopt;
  std::optional<std::string> Text = fixits::sourceText(*Name, Ctx);
  if (!Text)
    return std::nullopt;
  return FixItHint::CreateReplacement(
      Name->getSourceRange(),
      "std::filesystem::path(" + *Text + ").filename()");
}

/// Who controls the input decides: data from others is reported as a
/// component or as the whole path; the operator's own input (a CLI opening
/// the file its user named, a directory from the environment) only where
/// the program meant to confine it, under a base directory of its choice.
bool UnsafePathJoinCheck::shouldReport(const TaintHit &Hit) const {
  // A number formatted into the path (an id, a port) spells no '..' or
  // '/', whoever chose it.
  if (Hit.Value.Numeric)
    return false;
  if (Hit.Value.mayComeFromOthers())
    return true;
  switch (OperatorInputs) {
  case OperatorInputPolicy::Report:
    return true;
  case OperatorInputPolicy::ComponentsOnly:
    return Hit.Value.Join && Hit.Value.UnderChosenBase;
  case OperatorInputPolicy::Ignore:
    return false;
  }
  return true;
}

void UnsafePathJoinCheck::report(const TaintHit &Hit, ASTContext &Ctx) {
  const Expr *Join = Hit.Value.Join;
  std::optional<FixItHint> Fix;
  if (Join && !FixedJoins.contains(Join)) {
    Fix = joinFix(*Join, Ctx);
    if (Fix)
      FixedJoins.insert(Join);
  }
  fixits::TitledFix Title(areDiagsSelfContained(),
                         "keep only the last component (filename()) of the "
                         "joined name");
  {
    auto Diag =
        Join ? diag(Hit.Argument->getBeginLoc(),
                    "path built from %0 reaches %1 unsanitized; a '..' or "
                    "absolute component in it escapes the intended directory")
             : diag(Hit.Argument->getBeginLoc(),
                    "%0 is used as the whole path for %1; it can name any "
                    "file");
    Diag << describeSources(Hit.Value.Sources) << Hit.What
         << Hit.Argument->getSourceRange();
    Title.add(Diag, Fix);
  }
  Title.emitNote(*this, Hit.Argument->getBeginLoc());
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
  for (const CallExpr *Call : Hit.Calls)
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      diag(Call->getBeginLoc(), "it is passed to '%0' here",
           DiagnosticIDs::Note)
          << Callee->getNameAsString();
  if (Join)
    diag(Join->getBeginLoc(), "it is joined into the path here",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::prodready

namespace clang::tidy {
llvm::ArrayRef<std::pair<prodready::OperatorInputPolicy, StringRef>>
OptionEnumMapping<prodready::OperatorInputPolicy>::getEnumMapping() {
  static constexpr std::pair<prodready::OperatorInputPolicy, StringRef>
      Mapping[] = {
          {prodready::OperatorInputPolicy::Report, "Report"},
          {prodready::OperatorInputPolicy::ComponentsOnly, "ComponentsOnly"},
          {prodready::OperatorInputPolicy::Ignore, "Ignore"}};
  return Mapping;
}
} // namespace clang::tidy
