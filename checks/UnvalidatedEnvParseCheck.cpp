//===--- UnvalidatedEnvParseCheck.cpp - prodready -------------------------===//
//
// Scans the user's code (each top-level declaration) for the conversions, by callee name,
// and for `>>` on input streams, then asks the environment model whether the converted text derives from the
// environment; only then are the guards (enclosing handlers, later reads of
// the end pointer, errno, the result or the stream) looked at.
//
//===----------------------------------------------------------------------===//

#include "UnvalidatedEnvParseCheck.h"
#include "CheckOptions.h"
#include "CheckedParse.h"
#include "FixItBuilders.h"
#include "TitledFix.h"
#include "analysis/ASTHelpers.h"
#include "analysis/GuardDetection.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

enum class ParseKind { Throwing, LexicalCast, Silent, StrTo, Scanf, FromChars };

struct ParseFunction {
  StringRef Name;
  bool InStd;
  ParseKind Kind;
  /// The type the conversion yields (for the fix-it); "" if it depends.
  StringRef ResultType;
  /// For strtol and friends: the base argument matters.
  bool IsInteger = false;
};

namespace {

constexpr llvm::StringLiteral HelperFunction = "prodready::parse_number_or";
/// Where the driver writes the helper header, under the project root,
/// when HelperHeader is not set.
constexpr llvm::StringLiteral DefaultProjectHelperHeader =
    "third_party/prodready/env.h";

constexpr ParseFunction ParseFunctions[] = {
    {"stoi", true, ParseKind::Throwing, "int"},
    {"stol", true, ParseKind::Throwing, "long"},
    {"stoul", true, ParseKind::Throwing, "unsigned long"},
    {"stoll", true, ParseKind::Throwing, "long long"},
    {"stoull", true, ParseKind::Throwing, "unsigned long long"},
    {"stof", true, ParseKind::Throwing, "float"},
    {"stod", true, ParseKind::Throwing, "double"},
    {"stold", true, ParseKind::Throwing, "long double"},
    {"lexical_cast", false, ParseKind::LexicalCast, ""},
    {"atoi", false, ParseKind::Silent, "int"},
    {"atol", false, ParseKind::Silent, "long"},
    {"atoll", false, ParseKind::Silent, "long long"},
    {"atof", false, ParseKind::Silent, "double"},
    {"strtol", false, ParseKind::StrTo, "long", true},
    {"strtoll", false, ParseKind::StrTo, "long long", true},
    {"strtoul", false, ParseKind::StrTo, "unsigned long", true},
    {"strtoull", false, ParseKind::StrTo, "unsigned long long", true},
    {"strtod", false, ParseKind::StrTo, "double"},
    {"strtof", false, ParseKind::StrTo, "float"},
    {"strtold", false, ParseKind::StrTo, "long double"},
    {"sscanf", false, ParseKind::Scanf, ""},
    {"from_chars", true, ParseKind::FromChars, ""},
};

const ParseFunction *lookupParseFunction(const FunctionDecl &Callee) {
  if (!Callee.getIdentifier())
    return nullptr;
  for (const ParseFunction &Parse : ParseFunctions)
    if (Callee.getName() == Parse.Name) {
      if (Parse.Kind == ParseKind::LexicalCast)
        return Callee.getQualifiedNameAsString() == "boost::lexical_cast"
                   ? &Parse
                   : nullptr;
      if (Parse.InStd != Callee.isInStdNamespace())
        return nullptr;
      return &Parse;
    }
  return nullptr;
}

std::string displayName(const ParseFunction &Parse) {
  if (Parse.Kind == ParseKind::LexicalCast)
    return "boost::lexical_cast";
  return ((Parse.InStd ? "std::" : "") + Parse.Name).str();
}

/// "'TEMPERATURE'" or "an environment variable".
std::string describeVariable(const CallExpr &Origin) {
  if (std::optional<StringRef> Name = EnvModel::variableName(Origin))
    return "'" + Name->str() + "'";
  return "an environment variable";
}

bool isNumberTarget(QualType Type) {
  Type = Type.getNonReferenceType();
  return Type->isArithmeticType() && !Type->isAnyCharacterType() &&
         !Type->isBooleanType();
}

const CXXOperatorCallExpr *asExtraction(const Expr *E) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  if (!Op || Op->getOperator() != OO_GreaterGreater || Op->getNumArgs() != 2)
    return nullptr;
  return Op;
}

/// True if a fallback option value can be pasted into code as is.
bool isValidFallback(StringRef Value) {
  static const llvm::Regex Number("^[-+]?[0-9.][0-9a-zA-Z.'+-]*$");
  static const llvm::Regex Name("^(::)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_]"
                                "[A-Za-z0-9_]*)*$");
  return Number.match(Value) || Name.match(Value);
}

} // namespace

UnvalidatedEnvParseCheck::UnvalidatedEnvParseCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawEnvFunctions(Options.get("EnvFunctions", DefaultEnvFunctions)),
      FallbackValue(Options.get("FallbackValue", "0").str()),
      RawHelperHeader(Options.get("HelperHeader", "").str()),
      ProjectRoot(Options.get("ProjectRoot", "").str()),
      HelperHeader(!RawHelperHeader.empty() ? RawHelperHeader
                   : ProjectRoot.empty()    ? std::string()
                                            : DefaultProjectHelperHeader.str()),
      RequireErrnoCheck(Options.get("RequireErrnoCheck", true)),
      EnvFunctions(parseNameList(RawEnvFunctions)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  if (!isValidFallback(FallbackValue))
    configurationDiag("invalid value '%0' for option 'FallbackValue' of "
                      "check '%1': expected a number or a constant name; "
                      "fix-its are disabled")
        << FallbackValue << Name;
}

void UnvalidatedEnvParseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "EnvFunctions", RawEnvFunctions);
  Options.store(Opts, "FallbackValue", FallbackValue);
  Options.store(Opts, "HelperHeader", RawHelperHeader);
  Options.store(Opts, "ProjectRoot", ProjectRoot);
  Options.store(Opts, "RequireErrnoCheck", RequireErrnoCheck);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void UnvalidatedEnvParseCheck::registerPPCallbacks(
    const SourceManager &, Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
  this->PP = PP;
}

void UnvalidatedEnvParseCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (!Model)
    Model = std::make_unique<EnvModel>(Ctx, EnvFunctions);
  scanMatchedUserCode(Result,
                [&](const CallExpr &Call, const Decl *) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
      if (Op->getOperator() == OO_GreaterGreater && Op->getNumArgs() == 2)
        checkExtraction(*Op, Ctx);
      return;
    }
    if (const FunctionDecl *Callee = Call.getDirectCallee())
      if (const ParseFunction *Parse = lookupParseFunction(*Callee))
        checkConversion(Call, *Parse, Ctx);
  });
}

void UnvalidatedEnvParseCheck::endTranslationUnit() {
  Model.reset();
  InsertedHelpers.clear();
}

void UnvalidatedEnvParseCheck::checkConversion(const CallExpr &Call,
                                               const ParseFunction &Parse,
                                               ASTContext &Ctx) {
  if (Call.getNumArgs() == 0)
    return;
  const CallExpr *Origin = Model->envOrigin(*Call.getArg(0));
  if (!Origin)
    return;
  std::string Reason =
      findUnvalidatedReason(Call, Parse, describeVariable(*Origin), Ctx);
  if (Reason.empty())
    return;
  llvm::SmallVector<FixItHint, 4> Fix = buildFix(Call, Parse, Ctx);
  // A rewrite inside a try changes which handler runs: offer it on a note.
  bool FixIsCertain = enclosingHandlers(Call, Ctx).empty();
  std::string Title = "use a checked parse with fallback " + FallbackValue;
  fixits::TitledFix Certain(areDiagsSelfContained(), Title);
  {
    // The range: the editor underlines the call, not its first token
    // (clangd took the range from the fix when it was on the warning).
    auto Diag = diag(Call.getBeginLoc(), "%0")
                << Reason << Call.getSourceRange();
    if (FixIsCertain)
      for (const FixItHint &Hint : Fix)
        Certain.add(Diag, Hint);
  }
  Certain.emitNote(*this, Call.getBeginLoc());
  diag(Origin->getBeginLoc(), "the value is read from the environment here",
       DiagnosticIDs::Note);
  if (!Fix.empty() && !FixIsCertain) {
    auto Note = diag(Call.getBeginLoc(), "%0 (the exception handlers here "
                                         "no longer run)",
                     DiagnosticIDs::Note)
                << Title;
    for (const FixItHint &Hint : Fix)
      Note << Hint;
  }
}

std::string UnvalidatedEnvParseCheck::findUnvalidatedReason(
    const CallExpr &Call, const ParseFunction &Parse, StringRef ValueOf,
    ASTContext &Ctx) {
  std::string Name = displayName(Parse);
  const Stmt *Body = enclosingFunctionBody(Call, Ctx);
  switch (Parse.Kind) {
  case ParseKind::Throwing:
  case ParseKind::LexicalCast: {
    auto Handlers = enclosingHandlers(Call, Ctx);
    if (Parse.Kind == ParseKind::LexicalCast) {
      if (handlersCatch(Handlers, {"boost::bad_lexical_cast", "std::bad_cast",
                                   "std::exception"}))
        return "";
      return "'" + Name +
             "' throws 'boost::bad_lexical_cast' on a malformed value of " +
             ValueOf.str() + " that is not caught here; the program "
                             "terminates";
    }
    if (!handlersCatch(Handlers, {"std::invalid_argument", "std::logic_error",
                                  "std::exception"}))
      return "'" + Name +
             "' throws 'std::invalid_argument' on a malformed value of " +
             ValueOf.str() + " that is not caught here; the program "
                             "terminates";
    if (!handlersCatch(Handlers, {"std::out_of_range", "std::logic_error",
                                  "std::exception"}))
      return "'" + Name +
             "' throws 'std::out_of_range' on an out-of-range value of " +
             ValueOf.str() + " that is not caught here; the program "
                             "terminates";
    return "";
  }
  case ParseKind::Silent:
    return "'" + Name + "' cannot report errors: a malformed value of " +
           ValueOf.str() + " silently becomes 0";
  case ParseKind::StrTo: {
    if (Call.getNumArgs() < 2 || !Body)
      return "";
    const Expr *End = Call.getArg(1)->IgnoreParenImpCasts();
    if (End->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return "'" + Name + "' is called without an end pointer: a malformed "
                          "value of " +
             ValueOf.str() + " silently becomes 0";
    const auto *AddrOf = dyn_cast<UnaryOperator>(End);
    if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
      return ""; // An end pointer we cannot follow: assume it is checked.
    const auto *EndVar =
        dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParenImpCasts());
    if (!EndVar)
      return "";
    if (!isReferencedAfter(*EndVar->getDecl(), Call, *Body, Ctx))
      return "the end pointer of '" + Name +
             "' is not checked: a malformed value of " + ValueOf.str() +
             " silently becomes 0";
    if (RequireErrnoCheck && !isErrnoReadAfter(Call, *Body, Ctx))
      return "'errno' is not checked after '" + Name +
             "': an out-of-range value of " + ValueOf.str() +
             " is silently clamped";
    return "";
  }
  case ParseKind::Scanf: {
    ResultUse Use = classifyResultUse(Call, Ctx);
    bool Unchecked =
        Use.How == ResultUse::Discarded ||
        (Use.How == ResultUse::StoredIn && Body &&
         !isReferencedAfter(*Use.Var, Call, *Body, Ctx));
    if (!Unchecked)
      return "";
    return "the result of '" + Name + "' is not checked: a malformed value "
                                      "of " +
           ValueOf.str() + " leaves its targets unassigned";
  }
  case ParseKind::FromChars: {
    ResultUse Use = classifyResultUse(Call, Ctx);
    bool Unchecked = false;
    if (Use.How == ResultUse::Discarded) {
      Unchecked = true;
    } else if (Use.How == ResultUse::MemberRead) {
      Unchecked = Use.Member != "ec";
    } else if (Use.How == ResultUse::StoredIn && Body) {
      if (const auto *Bindings = dyn_cast<DecompositionDecl>(Use.Var)) {
        Unchecked = Bindings->bindings().size() < 2 ||
                    !isReferencedAfter(*Bindings->bindings()[1], Call, *Body,
                                       Ctx);
      } else {
        Unchecked = !isReferencedAfter(*Use.Var, Call, *Body, Ctx, "ec");
      }
    }
    if (!Unchecked)
      return "";
    return "the 'ec' of '" + Name + "' is not checked: a malformed value "
                                    "of " +
           ValueOf.str() + " leaves the target unassigned";
  }
  }
  return "";
}

std::optional<std::string>
UnvalidatedEnvParseCheck::fixableType(const CallExpr &Call,
                                      const ParseFunction &Parse,
                                      ASTContext &Ctx) {
  const LangOptions &LangOpts = Ctx.getLangOpts();
  if (!LangOpts.CPlusPlus17 || !isValidFallback(FallbackValue))
    return std::nullopt;
  std::string Type = Parse.ResultType.str();
  switch (Parse.Kind) {
  case ParseKind::Throwing:
    // Only the one-argument form: an index out-parameter or a base would
    // be dropped by the rewrite.
    for (unsigned I = 1, E = Call.getNumArgs(); I < E; ++I)
      if (!isa<CXXDefaultArgExpr>(Call.getArg(I)))
        return std::nullopt;
    break;
  case ParseKind::Silent:
    if (Call.getNumArgs() != 1)
      return std::nullopt;
    break;
  case ParseKind::StrTo: {
    if (Call.getNumArgs() < 2 ||
        !Call.getArg(1)->IgnoreParenImpCasts()->isNullPointerConstant(
            Ctx, Expr::NPC_ValueDependentIsNotNull))
      return std::nullopt;
    if (Parse.IsInteger) {
      const auto *Base = Call.getNumArgs() == 3
                             ? dyn_cast<IntegerLiteral>(
                                   Call.getArg(2)->IgnoreParenImpCasts())
                             : nullptr;
      if (!Base || Base->getValue() != 10)
        return std::nullopt;
    }
    break;
  }
  case ParseKind::LexicalCast: {
    const FunctionDecl *Callee = Call.getDirectCallee();
    const TemplateArgumentList *Args =
        Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
    if (!Args || Args->size() == 0 ||
        Args->get(0).getKind() != TemplateArgument::Type ||
        !isNumberTarget(Args->get(0).getAsType()) || Call.getNumArgs() != 1)
      return std::nullopt;
    // The canonical type: the self-contained helper is named after it.
    Type = Args->get(0).getAsType().getCanonicalType().getAsString(
        PrintingPolicy(LangOpts));
    break;
  }
  case ParseKind::Scanf:
  case ParseKind::FromChars:
    return std::nullopt; // The fix is to check the result: not local.
  }
  return Type;
}

llvm::SmallVector<FixItHint, 4>
UnvalidatedEnvParseCheck::buildFix(const CallExpr &Call,
                                   const ParseFunction &Parse,
                                   ASTContext &Ctx) {
  std::optional<std::string> Type = fixableType(Call, Parse, Ctx);
  if (!Type)
    return {};
  if (HelperHeader.empty())
    return selfContainedFix(Call, *Type, Ctx);
  std::optional<FixItHint> Rewrite = fixits::makeCheckedParseCall(
      Call, *Call.getArg(0), HelperFunction, *Type, FallbackValue, Ctx);
  if (!Rewrite)
    return {};
  llvm::SmallVector<FixItHint, 4> Hints = {*Rewrite};
  const SourceManager &SM = Ctx.getSourceManager();
  FileID File = SM.getFileID(Call.getBeginLoc());
  if (std::optional<FixItHint> Include =
          Inserter.createIncludeInsertion(File, helperInclude(File, SM)))
    Hints.push_back(*Include);
  return Hints;
}

llvm::SmallVector<FixItHint, 4>
UnvalidatedEnvParseCheck::selfContainedFix(const CallExpr &Call,
                                           llvm::StringRef Type,
                                           ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Call.getBeginLoc().isMacroID() || Call.getEndLoc().isMacroID())
    return {};
  std::optional<std::string> Argument =
      fixits::cStringArgument(*Call.getArg(0), Ctx);
  FileID File = SM.getFileID(Call.getBeginLoc());
  bool InHeader = File != SM.getMainFileID();
  std::optional<fixits::ParseHelper> Helper =
      fixits::parseHelperFor(Type, InHeader);
  if (!Argument || !Helper)
    return {};
  llvm::SmallVector<FixItHint, 4> Hints = {FixItHint::CreateReplacement(
      Call.getSourceRange(),
      Helper->Name + "(" + *Argument + ", " + FallbackValue + ")")};
  std::pair<unsigned, std::string> Key(File.getHashValue(), Helper->Name);
  if (areDiagsSelfContained() || !InsertedHelpers.count(Key)) {
    std::optional<FixItHint> Definition =
        fixits::insertBeforeTopLevelDecl(Call, Helper->Definition, Ctx);
    if (!Definition)
      return {};
    Hints.push_back(*Definition);
    InsertedHelpers.insert(Key);
  }
  for (llvm::StringRef Header : Helper->Headers)
    if (std::optional<FixItHint> Include =
            Inserter.createIncludeInsertion(File, Header))
      Hints.push_back(*Include);
  return Hints;
}

namespace {

/// \p Path made absolute, without `.` and `..`, symbolic links resolved
/// when it exists.
std::string canonicalPath(llvm::StringRef Path, FileManager &Files) {
  llvm::SmallString<256> Result(Path);
  Files.makeAbsolutePath(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Result, Real))
    return std::string(Real);
  return std::string(Result);
}

/// \p Target relative to the directory \p From, with `/` separators.
std::string relativeTo(llvm::StringRef From, llvm::StringRef Target) {
  llvm::SmallVector<llvm::StringRef, 16> FromParts, TargetParts;
  for (auto It = llvm::sys::path::begin(From),
            End = llvm::sys::path::end(From);
       It != End; ++It)
    FromParts.push_back(*It);
  for (auto It = llvm::sys::path::begin(Target),
            End = llvm::sys::path::end(Target);
       It != End; ++It)
    TargetParts.push_back(*It);
  size_t Common = 0;
  while (Common < FromParts.size() && Common < TargetParts.size() &&
         FromParts[Common] == TargetParts[Common])
    ++Common;
  std::string Result;
  for (size_t I = Common; I < FromParts.size(); ++I)
    Result += "../";
  for (size_t I = Common; I < TargetParts.size(); ++I)
    Result += TargetParts[I].str() + (I + 1 < TargetParts.size() ? "/" : "");
  return Result;
}

} // namespace

std::string UnvalidatedEnvParseCheck::helperInclude(
    FileID File, const SourceManager &SM) const {
  llvm::StringRef Header = HelperHeader;
  // Spelled as an include by the user (`<prodready/env.h>`): as is.
  if (Header.starts_with("<"))
    return Header.str();
  if (Header.starts_with("\"") && Header.ends_with("\"") && Header.size() > 1)
    return Header.drop_front().drop_back().str();
  if (ProjectRoot.empty())
    return Header.str();
  // Under the driver: a path under the project root that does not exist
  // yet. The include must find it with the project's flags as they are:
  // from an include directory that contains it, or else relative to the
  // including file (a quoted include searches the includer's directory).
  FileManager &Files = SM.getFileManager();
  llvm::SmallString<256> Target(canonicalPath(ProjectRoot, Files));
  llvm::sys::path::append(Target, Header);
  llvm::sys::path::remove_dots(Target, /*remove_dot_dot=*/true);
  std::string Best;
  if (PP)
    for (const DirectoryLookup &Dir :
         PP->getHeaderSearchInfo().search_dir_range()) {
      if (!Dir.isNormalDir())
        continue;
      std::string Directory = canonicalPath(Dir.getName(), Files);
      if (!llvm::StringRef(Target).starts_with(Directory + "/"))
        continue;
      std::string Spelling = relativeTo(Directory, Target);
      if (Best.empty() || Spelling.size() < Best.size())
        Best = Spelling;
    }
  if (!Best.empty())
    return Best;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return Header.str();
  std::string Including = canonicalPath(Entry->getName(), Files);
  return relativeTo(llvm::sys::path::parent_path(Including), Target);
}



void UnvalidatedEnvParseCheck::checkExtraction(const CXXOperatorCallExpr &Op,
                                               ASTContext &Ctx) {
  bool ExtractsNumber = false;
  const Expr *Stream = &Op;
  while (const CXXOperatorCallExpr *Step = asExtraction(Stream)) {
    ExtractsNumber |= isNumberTarget(Step->getArg(1)->getType());
    Stream = Step->getArg(0);
  }
  if (!ExtractsNumber || !isInputStreamType(Stream->getType()))
    return;
  const CallExpr *Origin = Model->envOrigin(*Stream);
  if (!Origin)
    return;
  // Handle a chain `in >> a >> b` once, at its outermost operator.
  for (const DynTypedNode &Parent : Ctx.getParents(Op))
    if (const CXXOperatorCallExpr *Outer = asExtraction(Parent.get<Expr>()))
      if (Outer->getArg(0)->IgnoreParenImpCasts() == &Op)
        return;
  if (classifyResultUse(Op, Ctx).How != ResultUse::Discarded)
    return; // `if (in >> x)`, `while (in >> x)`: the state is the condition.
  const auto *StreamVar = dyn_cast<DeclRefExpr>(Stream->IgnoreParenImpCasts());
  const Stmt *Body = enclosingFunctionBody(Op, Ctx);
  if (StreamVar && Body &&
      isReferencedAfter(*StreamVar->getDecl(), Op, *Body, Ctx))
    return; // `in >> x; if (!in) ...`: the stream state is sticky.
  diag(Op.getBeginLoc(), "the stream state is not checked after reading a "
                         "number from %0: a malformed value silently "
                         "becomes 0")
      << describeVariable(*Origin);
  diag(Origin->getBeginLoc(), "the value is read from the environment here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::prodready
