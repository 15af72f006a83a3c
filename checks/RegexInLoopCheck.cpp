//===--- RegexInLoopCheck.cpp - prodready ---------------------------------===//
//
// The scan finds the user's code that compiles a regex (RegexModel.h);
// each function that does is then walked once (RegexSites.h) to place every
// compile in the construct that repeats it, and each compile is judged:
//
//   - a constant pattern in a loop, a per-element callback, a lambda or a
//     function (but not in a function that runs once, one of the
//     RunOnceFunctions - by default `main` -, outside its loops) is
//     reported, with the fix-it `static const` when nothing stands against
//     it, or the reason why not;
//   - a pattern built from data is reported only in a loop that does not
//     change that data (LoopInvariance.h), with a note and no fix-it;
//   - a regex the function stores (returns, copies into a member or a
//     container) is the function's product, not waste: never reported.
//
//===----------------------------------------------------------------------===//

#include "RegexInLoopCheck.h"
#include "FixItBuilders.h"
#include "StaticLocal.h"
#include "TitledFix.h"
#include "analysis/LoopInvariance.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

constexpr llvm::StringLiteral Cost =
    "compiling a regex costs 10 to 100 times as much as a match";

/// A C++ name, qualified or not: `main`, `::app::init`, `Config::load`.
bool isFunctionName(llvm::StringRef Name) {
  if (Name.starts_with("::"))
    Name = Name.drop_front(2);
  if (Name.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return llvm::all_of(Parts, [](llvm::StringRef Part) {
    return !Part.empty() && !isDigit(Part.front()) &&
           llvm::all_of(Part,
                        [](char C) { return isAsciiIdentifierContinue(C); });
  });
}

bool isLambdaOperator(const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  return Method && Method->getParent()->isLambda();
}

/// "on every iteration of the loop", "on every call of 'parse'".
std::string scopePhrase(const RegexSite &Site) {
  switch (Site.Scope) {
  case RegexScope::Loop:
    return "on every iteration of the loop";
  case RegexScope::AlgorithmCallback:
    return "for every element '" + Site.AlgorithmName + "' visits";
  case RegexScope::Lambda:
    return "on every call of the lambda";
  case RegexScope::Function:
    break;
  }
  if (!Site.Function || isLambdaOperator(*Site.Function))
    return "on every call of the lambda";
  return "on every call of '" + Site.Function->getNameAsString() + "'";
}

/// What is compiled: "'re'", "a temporary 'std::regex'", "'re' is
/// recompiled by 'assign'" - the subject and verb of the message.
std::string subjectPhrase(const RegexSite &Site, const ASTContext &Ctx) {
  switch (Site.Kind) {
  case RegexSite::Variable:
    return "'" + Site.Var->getNameAsString() + "' is compiled";
  case RegexSite::Temporary:
    return "a temporary '" + Site.Compile.TypeName + "' is compiled";
  case RegexSite::Reassignment:
    break;
  }
  std::string Target = "the regex";
  if (Site.Target)
    Target = "'" + Site.Target->getNameAsString() + "'";
  else if (std::optional<std::string> Text =
               fixits::sourceText(*Site.Compile.Target, Ctx);
           Text && Text->size() <= 40)
    Target = "'" + *Text + "'";
  std::string By =
      Site.Compile.Operation == "operator=" || Site.Compile.Operation.empty()
          ? "assignment"
          : "'" + Site.Compile.Operation + "'";
  return Target + " is recompiled by " + By;
}

/// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
std::string nameList(llvm::ArrayRef<const ValueDecl *> Decls) {
  std::string List;
  for (size_t I = 0; I < Decls.size(); ++I) {
    if (I > 0)
      List += I + 1 == Decls.size() ? " and " : ", ";
    List += "'" + Decls[I]->getNameAsString() + "'";
  }
  return List;
}


} // namespace

RegexInLoopCheck::RegexInLoopCheck(StringRef Name, ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawRunOnceFunctions(Options.get("RunOnceFunctions", "main").str()),
      RunOnceFunctions([&] {
        std::vector<std::string> Names;
        for (std::string &Item : parseNameList(RawRunOnceFunctions)) {
          if (isFunctionName(Item))
            Names.push_back(std::move(Item));
          else
            configurationDiag("invalid value '%0' in option "
                              "'RunOnceFunctions' of check '%1': expected "
                              "';'-separated function names such as "
                              "'main;::app::init'; ignoring it")
                << Item << Name;
        }
        return Names;
      }()) {}

void RegexInLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RunOnceFunctions", RawRunOnceFunctions);
}

void RegexInLoopCheck::endTranslationUnit() { DeclaredNames.clear(); }

void RegexInLoopCheck::checkUserCode(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  llvm::SetVector<const Decl *> Roots;
  llvm::SmallVector<const Decl *, 8> Initializers;
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (isa_and_nonnull<VarDecl, FieldDecl>(Unit) &&
        (Initializers.empty() || Initializers.back() != Unit))
      Initializers.push_back(Unit);
    const auto *E = dyn_cast<Expr>(&S);
    if (!Unit || !E || !isa<CXXConstructExpr, CallExpr>(E) ||
        !Model.compileOf(*E))
      return;
    if (const Decl *Root = analysisRoot(*Unit, Initializers, Ctx))
      Roots.insert(Root);
  });
  for (const Decl *Root : Roots)
    analyzeRoot(*Root, Ctx);
}

const Decl *
RegexInLoopCheck::analysisRoot(const Decl &Unit,
                               llvm::ArrayRef<const Decl *> Initializers,
                               const ASTContext &Ctx) const {
  const Decl *Root = &Unit;
  // A lambda is walked with the function it is in: whether it is called in
  // place, per element or stored is written there.
  while (const auto *Function = dyn_cast<FunctionDecl>(Root)) {
    if (!isLambdaOperator(*Function))
      return Root;
    const CXXRecordDecl *Closure = cast<CXXMethodDecl>(Function)->getParent();
    if (const auto *Outer = dyn_cast<FunctionDecl>(Closure->getDeclContext())) {
      Root = Outer;
      continue;
    }
    // At namespace or class scope: in the initializer of a global or a
    // field (scanned before the lambda's body), where it may be called in
    // place.
    const SourceManager &SM = Ctx.getSourceManager();
    for (const Decl *Initializer : llvm::reverse(Initializers)) {
      SourceRange Range = Initializer->getSourceRange();
      SourceLocation Loc = Closure->getLocation();
      if (Range.isValid() &&
          !SM.isBeforeInTranslationUnit(Loc, Range.getBegin()) &&
          !SM.isBeforeInTranslationUnit(Range.getEnd(), Loc))
        return Initializer;
    }
    return Root;
  }
  // A compile directly in a global's or a field's initializer runs once
  // (per object).
  return nullptr;
}

void RegexInLoopCheck::analyzeRoot(const Decl &Root, ASTContext &Ctx) {
  const auto *Function = dyn_cast<FunctionDecl>(&Root);
  const Stmt *Body = nullptr;
  if (Function)
    Body = Function->getBody();
  else if (const auto *Var = dyn_cast<VarDecl>(&Root))
    Body = Var->getInit();
  else if (const auto *Field = dyn_cast<FieldDecl>(&Root))
    Body = Field->getInClassInitializer();
  if (!Body)
    return;
  Finder.find(*Body, Function, Ctx);
  for (const RegexSite &Site : Finder.sites())
    checkSite(Site, Ctx);
}

void RegexInLoopCheck::checkSite(const RegexSite &Site, ASTContext &Ctx) {
  // A system header's macro is not the user's code.
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemMacro(Site.Compile.E->getBeginLoc()) ||
      (Site.Var && SM.isInSystemMacro(Site.Var->getBeginLoc())))
    return;
  bool Repeated = Site.Scope == RegexScope::Loop ||
                  Site.Scope == RegexScope::AlgorithmCallback;
  // A regex the function hands on is what it is for.
  const VarDecl *Regex = Site.Kind == RegexSite::Variable       ? Site.Var
                         : Site.Kind == RegexSite::Reassignment ? Site.Target
                                                                : nullptr;
  if (Regex && Finder.usesOf(*Regex).Stored)
    return;
  if (!Repeated) {
    // Outside loops, a reassignment is a finding only when it recompiles
    // a local on every call; a member or a parameter is set up to be kept.
    if (Site.Kind == RegexSite::Reassignment &&
        !(Site.Target && Site.Target->isLocalVarDecl()))
      return;
    if (Site.Scope == RegexScope::Function && Site.Function &&
        RunOnceFunctions.matches(*Site.Function))
      return;
  }
  PatternFacts Facts = classifyPattern(Site.Compile.Arguments, Ctx);
  if (Facts.Constant) {
    reportConstant(Site, Facts, Ctx);
    return;
  }
  if (!Repeated)
    return;
  const FunctionDecl *PerIteration =
      Site.Scope == RegexScope::AlgorithmCallback ? Site.Function : nullptr;
  LoopInvariance Invariance = loopInvariance(
      Site.Compile.Arguments, *Site.Repeater, PerIteration, Site.Function, Ctx);
  if (Invariance.Invariant)
    reportInvariant(Site, Invariance, Ctx);
}

std::string RegexInLoopCheck::noFixReason(const RegexSite &Site,
                                          const PatternFacts &Facts,
                                          ASTContext &Ctx) {
  if (Site.InLambda)
    return "a 'static' in a lambda is shared by all its calls and copies";
  if (Site.Function &&
      isa_and_nonnull<CoroutineBodyStmt>(Site.Function->getBody()))
    return "a 'static' in a coroutine is shared by all its frames";
  if (Site.Kind == RegexSite::Reassignment)
    return "it changes a regex that exists already";
  if (Facts.ReadsLocal)
    return "the pattern reads the local '" +
           Facts.ReadsLocal->getNameAsString() + "'";
  if (!Ctx.getLangOpts().CPlusPlus11)
    return "a 'static' local is not initialized thread-safely before C++11";
  if (Site.Compile.E->getBeginLoc().isMacroID())
    return "it is written in a macro";
  if (Site.Kind == RegexSite::Temporary)
    return "";
  const VarDecl &Var = *Site.Var;
  if (Var.getType()->isReferenceType())
    return "'" + Var.getNameAsString() + "' is a reference";
  if (!Site.Declaration)
    return "'" + Var.getNameAsString() + "' is not declared in a block";
  if (!Site.Declaration->isSingleDecl())
    return "the declaration declares more than '" + Var.getNameAsString() + "'";
  if (Var.getBeginLoc().isMacroID() ||
      Site.Declaration->getEndLoc().isMacroID())
    return "it is written in a macro";
  const Stmt *Body = Site.Function ? Site.Function->getBody() : nullptr;
  if (!Body || ExprMutationAnalyzer(*Body, Ctx).isMutated(&Var))
    return Site.Function->isDependentContext()
               ? "what the template does with '" + Var.getNameAsString() +
                     "' depends on its arguments"
               : "'" + Var.getNameAsString() + "' is modified later";
  return "";
}

void RegexInLoopCheck::reportConstant(const RegexSite &Site,
                                      const PatternFacts &Facts,
                                      ASTContext &Ctx) {
  std::string Reason = noFixReason(Site, Facts, Ctx);
  std::optional<FixItHint> Fix;
  std::optional<llvm::SmallVector<FixItHint, 2>> Hoist;
  std::string HoistName;
  if (Reason.empty() && Site.Kind == RegexSite::Variable) {
    Fix = fixits::makeStaticConstLocal(*Site.Var, *Site.Declaration, Ctx);
    if (!Fix)
      Reason = "it is written in a macro";
  } else if (Reason.empty() && Site.Kind == RegexSite::Temporary) {
    HoistName = hoistedName(*Site.Function, Ctx);
    if (!HoistName.empty() && Site.Argument)
      Hoist = fixits::hoistToStaticLocal(*Site.Argument, HoistName,
                                         *Site.Function->getBody(), Ctx);
    if (!Hoist)
      Reason = "no statement before it can declare the regex";
  }
  std::string Message = subjectPhrase(Site, Ctx) + " from a constant pattern " +
                        scopePhrase(Site) + "; " + Cost.str();
  if (!Reason.empty())
    Message += "; no fix-it: " + Reason;
  SourceLocation Loc = Site.Kind == RegexSite::Variable
                           ? Site.Var->getLocation()
                           : Site.Compile.E->getBeginLoc();
  std::string Title;
  if (Site.Kind == RegexSite::Variable)
    Title = "make '" + Site.Var->getNameAsString() + "' a 'static const' local";
  fixits::TitledFix Titled(areDiagsSelfContained(), Title);
  {
    auto Diag = diag(Loc, "%0") << Message;
    if (Site.Kind == RegexSite::Temporary && Site.Argument)
      Diag << Site.Argument->getSourceRange();
    if (Fix)
      Titled.add(Diag, *Fix);
  }
  Titled.emitNote(*this, Loc);
  if (!Hoist)
    return;
  // Plausible, not certain (the regex then outlives the call and is
  // shared): on a note, applied with --fix-notes, a quick fix in the
  // editor.
  DeclaredNames.insert({Site.Function, HoistName});
  auto Note = diag(Site.Argument->getBeginLoc(),
                   "compile it once: hoist it into 'static const auto %0' "
                   "before the statement",
                   DiagnosticIDs::Note)
              << HoistName;
  for (const FixItHint &Hint : *Hoist)
    Note << Hint;
}

void RegexInLoopCheck::reportInvariant(const RegexSite &Site,
                                       const LoopInvariance &Facts,
                                       ASTContext &Ctx) {
  std::string Pattern = Site.Scope == RegexScope::Loop
                            ? "the loop does not change"
                            : "that does not change between elements";
  diag(Site.Kind == RegexSite::Variable ? Site.Var->getLocation()
                                        : Site.Compile.E->getBeginLoc(),
       "%0 %1 from a pattern %2; %3")
      << subjectPhrase(Site, Ctx) << scopePhrase(Site) << Pattern << Cost;
  bool One = Facts.Reads.size() == 1;
  if (Site.Scope == RegexScope::Loop)
    diag(Site.Repeater->getBeginLoc(),
         "the loop does not change %0; compile the regex once before it",
         DiagnosticIDs::Note)
        << nameList(Facts.Reads);
  else
    diag(Site.Algorithm->getBeginLoc(),
         "%0 %1 the same for every element; compile the regex once before "
         "'%2'",
         DiagnosticIDs::Note)
        << nameList(Facts.Reads) << (One ? "is" : "are") << Site.AlgorithmName;
}

std::string RegexInLoopCheck::hoistedName(const FunctionDecl &Function,
                                          ASTContext &Ctx) {
  llvm::StringSet<> Used = fixits::namesUsedIn(Function);
  for (std::string Candidate : {"re", "regex_", "compiled_re", "static_re"})
    if (fixits::isFreshName(Candidate, Used, Ctx) &&
        !DeclaredNames.count({&Function, Candidate}))
      return Candidate;
  return "";
}

} // namespace clang::tidy::prodready
