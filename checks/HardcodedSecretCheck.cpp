//===--- HardcodedSecretCheck.cpp - prodready -----------------------------===//
//
// One scan of the user's code per translation unit: every statement goes to
// SecretSites, which recognizes the places a literal is named or used as a
// credential, and every literal's text to the credential formats of
// SecretModel. The macros of the TU are checked once, for
// `#define DB_PASSWORD "…"`.
//
// A secret is reported once, at its spelling location (the `#define` of a
// macro used many times), and never quoted: messages name the rule, not the
// value, and the driver redacts the literals of the lines it shows.
//
//===----------------------------------------------------------------------===//

#include "HardcodedSecretCheck.h"
#include "analysis/SecretModel.h"
#include "analysis/UserCodeScanner.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

using Rule = SecretSite::Rule;

/// Test code, fixtures and examples: where fake secrets live.
constexpr llvm::StringLiteral DefaultIgnorePaths =
    "(^|[/\\\\])(test|tests|testing|unittest|unittests|testdata|mock|mocks|"
    "fake|fakes|example|examples|sample|samples)([/\\\\]|$)|"
    "(^|[/\\\\])(test|mock|fake)_[^/\\\\]*$|"
    "[_.](test|tests|unittest|mock|fake)\\.[A-Za-z+]+$";

std::string withArticle(llvm::StringRef Noun) {
  bool Vowel = !Noun.empty() && llvm::StringRef("aeiouAEIOU").contains(Noun[0]);
  return (Vowel ? "an " : "a ") + Noun.str();
}

std::string describeSite(const SecretSite &Site) {
  llvm::StringRef Kind = secrets::describeKind(Site.Secret);
  std::string A = withArticle(Kind);
  switch (Site.Kind) {
  case Rule::Named:
    return "'" + Site.Name + "' is named as " + A +
           " and set to a hard-coded string";
  case Rule::NamedParameter:
    return "parameter '" + Site.Name + "' of '" + Site.Function +
           "' is named as " + A + " and given a hard-coded string";
  case Rule::DefaultArgument:
    return "parameter '" + Site.Name + "' is named as " + A +
           " and defaults to a hard-coded string";
  case Rule::Returned:
    return "'" + Site.Name + "' is named as " + A +
           " and returns a hard-coded string";
  case Rule::KeyedValue:
    return "key '" + Site.Name + "' names " + A +
           " and is given a hard-coded string";
  case Rule::Macro:
    return "macro '" + Site.Name + "' is named as " + A +
           " and expands to a hard-coded string";
  case Rule::ApiArgument:
    return "hard-coded " + Kind.str() + " passed to '" + Site.Function + "'";
  case Rule::CurlOption:
    return "hard-coded " + Kind.str() + " set with '" + Site.Name + "'";
  case Rule::ConnectionString:
    return "hard-coded password in the connection string passed to '" +
           Site.Function + "'";
  case Rule::Format:
    return "string literal has the format of " + Site.Format.str();
  }
  return "hard-coded secret";
}

bool isInstantiation(const Decl *Unit) {
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Unit);
  return Function && Function->isTemplateInstantiation();
}

bool isStringClass(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && Record->isInStdNamespace() &&
         (Record->getName() == "basic_string" ||
          Record->getName() == "basic_string_view");
}

} // namespace

HardcodedSecretCheck::HardcodedSecretCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawIgnorePaths(Options.get("IgnorePaths", DefaultIgnorePaths).str()),
      RawIgnoreValues(Options.get("IgnoreValues", "").str()),
      EnvironmentFallback(Options.get("EnvironmentFallback", false)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  // A bad pattern is a configuration error naming the option; the default
  // (or nothing, for IgnoreValues) applies meanwhile.
  auto Compile = [&](llvm::StringRef Option, llvm::StringRef Pattern,
                     llvm::StringRef Fallback) -> std::optional<llvm::Regex> {
    std::string Error;
    if (Pattern.empty())
      return std::nullopt;
    if (llvm::Regex Regex(Pattern); Regex.isValid(Error))
      return Regex;
    configurationDiag("invalid regular expression '%0' for option '%1' of "
                      "check '%2': %3")
        << Pattern << Option << Name << Error;
    if (Fallback.empty())
      return std::nullopt;
    return llvm::Regex(Fallback);
  };
  IgnorePaths = Compile("IgnorePaths", RawIgnorePaths, DefaultIgnorePaths);
  IgnoreValues = Compile("IgnoreValues", RawIgnoreValues, "");
}

void HardcodedSecretCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IgnorePaths", RawIgnorePaths);
  Options.store(Opts, "IgnoreValues", RawIgnoreValues);
  Options.store(Opts, "EnvironmentFallback", EnvironmentFallback);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void HardcodedSecretCheck::registerPPCallbacks(const SourceManager &,
                                               Preprocessor *PP,
                                               Preprocessor *) {
  this->PP = PP;
  Inserter.registerPreprocessor(PP);
}

void HardcodedSecretCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (!Sites)
    Sites = std::make_unique<SecretSites>(Ctx);
  if (!MacrosChecked) {
    MacrosChecked = true;
    checkMacros(Ctx);
  }
  scanMatchedUserStmts(
      Result, [&](const Stmt &S, const Decl *Unit) { visit(S, Unit, Ctx); });
}

void HardcodedSecretCheck::endTranslationUnit() {
  Sites.reset();
  SeenUnits.clear();
  Reported.clear();
  IgnoredFiles.clear();
  MacrosChecked = false;
}

void HardcodedSecretCheck::visit(const Stmt &S, const Decl *Unit,
                                 ASTContext &Ctx) {
  llvm::SmallVector<SecretSite, 2> Found;
  if (Unit && SeenUnits.insert(Unit).second)
    Sites->collectUnit(*Unit, Found);
  Sites->collect(S, Unit, Found);
  for (const SecretSite &Site : Found)
    report(Site, Site.Value->getBeginLoc(), siteValue(Site), Unit, Ctx);
}

void HardcodedSecretCheck::checkMacros(ASTContext &Ctx) {
  if (!PP)
    return;
  llvm::SmallVector<SecretSites::MacroSite, 4> Macros;
  SecretSites::collectMacros(*PP, Macros);
  for (const SecretSites::MacroSite &Macro : Macros)
    report(Macro.Site, Macro.Loc, Macro.Value, nullptr, Ctx);
}

void HardcodedSecretCheck::report(const SecretSite &Site, SourceLocation Loc,
                                  llvm::StringRef Value, const Decl *Unit,
                                  ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Where the secret is written: the `#define` of a macro, not each use.
  Loc = SM.getSpellingLoc(Loc);
  if (Loc.isInvalid() || SM.isInSystemHeader(Loc) ||
      SM.isWrittenInScratchSpace(Loc))
    return;
  const Decl *Scope = isInstantiation(Unit) ? Unit : nullptr;
  if (!Reported.insert({Loc.getRawEncoding(), Scope}).second)
    return;
  if (isIgnoredFile(Loc, SM) ||
      (IgnoreValues && !Value.empty() && IgnoreValues->match(Value)))
    return;
  {
    auto Diag = diag(Loc, "%0; anyone who can read the source or the binary "
                          "can use it, and rotating it needs a new build")
                << describeSite(Site);
    if (Site.Value && Site.Value->getBeginLoc().isFileID() &&
        Site.Value->getEndLoc().isFileID())
      Diag << Site.Value->getSourceRange();
  }
  if (Site.UsedAt)
    diag(Site.UsedAt->getBeginLoc(), "used as the key of '%0' here",
         DiagnosticIDs::Note)
        << Site.Function;
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Unit);
  if (!Function || !Function->isConstexpr())
    noteEnvironmentFallback(Site, Loc, Ctx);
}

bool HardcodedSecretCheck::isIgnoredFile(SourceLocation Loc,
                                         const SourceManager &SM) {
  auto [It, Inserted] = IgnoredFiles.try_emplace(SM.getFileID(Loc), false);
  if (Inserted) {
    std::string Path = SM.getFilename(Loc).str();
    std::replace(Path.begin(), Path.end(), '\\', '/');
    It->second = IgnorePaths && IgnorePaths->match(Path);
  }
  return It->second;
}

void HardcodedSecretCheck::noteEnvironmentFallback(const SecretSite &Site,
                                                   SourceLocation Loc,
                                                   ASTContext &Ctx) {
  if (!EnvironmentFallback || Site.Destination.isNull() || Site.NeedsConstant ||
      (Site.Kind != Rule::Named && Site.Kind != Rule::DefaultArgument))
    return;
  const auto *Literal = dyn_cast_or_null<StringLiteral>(Site.Value);
  if (!Literal)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &Lang = Ctx.getLangOpts();
  SourceRange Range = Literal->getSourceRange();
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return;
  CharSourceRange Chars = CharSourceRange::getTokenRange(Range);
  // A user-defined literal ("…"s) would lose its suffix, and its type.
  if (!Lexer::getSourceText(Chars, SM, Lang).ends_with("\""))
    return;
  std::string Variable = secrets::environmentVariableName(Site.Name);
  QualType Type = Site.Destination.getNonReferenceType();
  bool CharPointer =
      Type->isPointerType() && Type->getPointeeType()->isCharType() &&
      (!Lang.CPlusPlus || Type->getPointeeType().isConstQualified());
  bool Text = CharPointer || (Lang.CPlusPlus && isStringClass(Type));
  // C++ reads the variable once, in a lambda that also works at namespace
  // scope; C has no lambdas and reads it twice (only in functions: a C
  // static needs a constant).
  if (Variable.empty() || !Text || (Lang.CPlusPlus && !Lang.CPlusPlus11))
    return;
  std::string Read =
      Lang.CPlusPlus ? "[] { const char *value = std::getenv(\"" + Variable +
                           "\"); return value ? value : \"\"; }()"
                     : "getenv(\"" + Variable + "\") ? getenv(\"" + Variable +
                           "\") : \"\"";
  auto Note = diag(Loc, "read the %0 from the environment variable '%1'",
                   DiagnosticIDs::Note)
              << secrets::describeKind(Site.Secret) << Variable
              << FixItHint::CreateReplacement(Chars, Read);
  if (std::optional<FixItHint> Include = Inserter.createIncludeInsertion(
          SM.getFileID(Range.getBegin()),
          Lang.CPlusPlus ? "<cstdlib>" : "<stdlib.h>"))
    Note << *Include;
}

} // namespace clang::tidy::prodready
