//===--- UnboundedLogFileCheck.cpp - prodready ----------------------------===//
//
// The scan feeds every statement of the user's code to LogFileAnalysis,
// which decides what grows without bound; this file words the findings
// and plans their fixes (fixits/RotatingLogFix.h): spdlog's basic sinks
// become rotating ones, Boost.Log's get a rotation size on a note, plain
// files get none (how to rotate them is the program's design).
//
//===----------------------------------------------------------------------===//

#include "UnboundedLogFileCheck.h"
#include "RotatingLogFix.h"
#include "TitledFix.h"
#include "analysis/SinkTypeUses.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

constexpr int64_t DefaultMaxFileSizeBytes = 10 * 1024 * 1024;
constexpr int64_t DefaultMaxFiles = 5;
/// spdlog's rotating sinks refuse more (spdlog 1.x: 200000).
constexpr int64_t SpdlogMaxFiles = 200000;
/// Tests' and examples' directories, and test files by name
/// (`logger_test.cpp`, `test_logger.cpp`).
constexpr llvm::StringLiteral DefaultIgnorePaths =
    "(^|[/\\\\])(test|tests|testing|unittests?|mocks?|fakes?|examples?)"
    "([/\\\\]|$)|[_-](unit)?tests?\\.[a-z+]+$|(^|[/\\\\])tests?_[^/\\\\]*$";
constexpr llvm::StringLiteral RotatingHeader =
    "<spdlog/sinks/rotating_file_sink.h>";

bool isBasicFileSink(const CXXRecordDecl &Record) {
  return Record.getIdentifier() && Record.getName() == "basic_file_sink" &&
         qualifiedNameWithoutInlineNamespaces(Record) ==
             "spdlog::sinks::basic_file_sink";
}

/// `10 MiB` for the fix's title.
std::string readableSize(int64_t Bytes) {
  if (Bytes % (1024 * 1024) == 0)
    return std::to_string(Bytes / (1024 * 1024)) + " MiB";
  if (Bytes % 1024 == 0)
    return std::to_string(Bytes / 1024) + " KiB";
  return std::to_string(Bytes) + " bytes";
}

/// The truncate argument's value, when constant.
std::optional<bool> constantFlag(const Expr *E, const ASTContext &Ctx) {
  bool Value = false;
  if (!E || E->isValueDependent() || !E->EvaluateAsBooleanCondition(Value, Ctx))
    return std::nullopt;
  return Value;
}

bool writtenAt(const Expr &Site, unsigned Index) {
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Call = dyn_cast<CallExpr>(&Site))
    Args = {Call->getArgs(), Call->getNumArgs()};
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Site))
    Args = {Construct->getArgs(), Construct->getNumArgs()};
  return Index < Args.size() && !isa<CXXDefaultArgExpr>(Args[Index]);
}

/// Where a variable of a plain file lives, as the message says it.
llvm::StringRef holderKind(const ValueDecl &Holder) {
  if (isa<FieldDecl>(Holder))
    return "field";
  const auto *Var = dyn_cast<VarDecl>(&Holder);
  if (Var && Var->isStaticLocal())
    return "static";
  if (Var && Var->isStaticDataMember())
    return "static member";
  return "global";
}

} // namespace

UnboundedLogFileCheck::UnboundedLogFileCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawMaxFileSizeBytes(
          Options.get("MaxFileSizeBytes", DefaultMaxFileSizeBytes)),
      RawMaxFiles(Options.get("MaxFiles", DefaultMaxFiles)),
      RawRotationFunctions(Options.get("RotationFunctions", "").str()),
      RawIgnorePaths(Options.get("IgnorePaths", DefaultIgnorePaths).str()),
      MaxFileSizeBytes(RawMaxFileSizeBytes), MaxFiles(RawMaxFiles),
      RotationFunctions(parseNameList(RawRotationFunctions)),
      IgnorePaths(RawIgnorePaths),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      Analysis([this](const FunctionDecl &F) {
        return RotationFunctions.matches(F);
      }) {
  if (MaxFileSizeBytes <= 0) {
    configurationDiag("invalid value '%0' for option 'MaxFileSizeBytes' of "
                      "check '%1': expected a positive number of bytes; "
                      "using %2")
        << RawMaxFileSizeBytes << Name << DefaultMaxFileSizeBytes;
    MaxFileSizeBytes = DefaultMaxFileSizeBytes;
  }
  if (MaxFiles <= 0 || MaxFiles > SpdlogMaxFiles) {
    configurationDiag("invalid value '%0' for option 'MaxFiles' of check "
                      "'%1': expected a number of files from 1 to %2; "
                      "using %3")
        << RawMaxFiles << Name << SpdlogMaxFiles << DefaultMaxFiles;
    MaxFiles = DefaultMaxFiles;
  }
  if (std::string Error; !IgnorePaths.isValid(Error)) {
    configurationDiag("invalid value '%0' for option 'IgnorePaths' of check "
                      "'%1': %2; no path is ignored")
        << RawIgnorePaths << Name << Error;
    IgnorePaths = llvm::Regex("$^");
  }
}

void UnboundedLogFileCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxFileSizeBytes", RawMaxFileSizeBytes);
  Options.store(Opts, "MaxFiles", RawMaxFiles);
  Options.store(Opts, "RotationFunctions", RawRotationFunctions);
  Options.store(Opts, "IgnorePaths", RawIgnorePaths);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void UnboundedLogFileCheck::registerPPCallbacks(const SourceManager &,
                                                Preprocessor *PP,
                                                Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void UnboundedLogFileCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    Analysis.noteStatement(S, Unit, *Result.Context);
  });
  // The command line matches the whole TU at once: every fact is in. The
  // editor's matches are single declarations: see endTranslationUnit.
  if (!areDiagsSelfContained())
    reportFindings(*Result.Context);
}

void UnboundedLogFileCheck::endTranslationUnit() {
  if (areDiagsSelfContained() && Context)
    reportFindings(*Context);
  Analysis.clear();
  ReportedInEditor.clear();
  Context = nullptr;
}

bool UnboundedLogFileCheck::isIgnored(const LogFileFinding &F,
                                      const SourceManager &SM) const {
  SourceLocation Loc = F.Sink.Site->getBeginLoc();
  if (Loc.isInvalid() || SM.isInSystemMacro(Loc))
    return true;
  llvm::StringRef File = SM.getFilename(SM.getExpansionLoc(Loc));
  return IgnorePaths.match(File);
}

void UnboundedLogFileCheck::reportFindings(ASTContext &Ctx) {
  std::vector<LogFileFinding> Findings = Analysis.takeFindings(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::erase_if(Findings, [&](const LogFileFinding &F) {
    return isIgnored(F, SM) ||
           (areDiagsSelfContained() &&
            !ReportedInEditor.insert(F.Sink.Site->getBeginLoc()).second);
  });
  std::vector<std::optional<PlannedFix>> Fixes;
  for (const LogFileFinding &F : Findings)
    Fixes.push_back(planFix(F, Ctx));
  // The header goes with the first certain fix of a file when there is
  // one: the inserter adds it once per file, and -fix applies no note.
  for (bool Certain : {true, false})
    for (size_t I = 0; I < Findings.size(); ++I) {
      std::optional<PlannedFix> &Fix = Fixes[I];
      if (!Fix || Fix->Certain != Certain || !Fix->NeedsRotatingHeader)
        continue;
      FileID File = SM.getFileID(Fix->Hints.front().RemoveRange.getBegin());
      if (std::optional<FixItHint> Include =
              Inserter.createIncludeInsertion(File, RotatingHeader))
        Fix->Hints.push_back(*Include);
    }
  for (size_t I = 0; I < Findings.size(); ++I)
    report(Findings[I], std::move(Fixes[I]));
}

std::string UnboundedLogFileCheck::limitsText() const {
  return fixits::readableByteCount(MaxFileSizeBytes) + ", " +
         std::to_string(MaxFiles);
}

std::string UnboundedLogFileCheck::limitsTitle() const {
  return std::to_string(MaxFiles) + " files of " +
         readableSize(MaxFileSizeBytes);
}

std::optional<UnboundedLogFileCheck::PlannedFix>
UnboundedLogFileCheck::planFix(const LogFileFinding &F, ASTContext &Ctx) {
  switch (F.Sink.Kind) {
  case LogSinkKind::SpdlogBasic:
    return planSpdlogFix(F, Ctx);
  case LogSinkKind::BoostFileLog:
  case LogSinkKind::BoostBackend:
    return planBoostFix(F, Ctx);
  default:
    return std::nullopt;
  }
}

/// basic_logger_mt -> rotating_logger_mt with the limits of the options;
/// certain when the file was appended to (truncate absent or false), a
/// note when it was truncated at start (rotate_on_open takes its place).
std::optional<UnboundedLogFileCheck::PlannedFix>
UnboundedLogFileCheck::planSpdlogFix(const LogFileFinding &F,
                                     ASTContext &Ctx) {
  const LogSink &Sink = F.Sink;
  if (!Sink.Path)
    return std::nullopt;
  if (Sink.TypedAsSink) {
    const auto *Retyped = Sink.Form == SpdlogForm::Construction
                              ? dyn_cast_or_null<VarDecl>(F.Holder)
                              : nullptr;
    if (!F.Unit || !usesForgetClass(*Sink.Site, *F.Unit, isBasicFileSink,
                                    Retyped))
      return std::nullopt;
  }
  std::optional<bool> Truncates = constantFlag(Sink.Truncate, Ctx);
  bool Appends = !Sink.Truncate || Truncates == false;
  bool Drop = Sink.Truncate && Truncates == false &&
              !writtenAt(*Sink.Site, Sink.SinkArgsBegin + 2);
  std::optional<llvm::SmallVector<FixItHint, 2>> Hints =
      fixits::makeRotatingSpdlogFix(Sink.NameLoc, *Sink.Path, Sink.Truncate,
                                    Drop, limitsText(), Ctx);
  if (!Hints)
    return std::nullopt;
  PlannedFix Fix;
  bool Logger = Sink.Form == SpdlogForm::LoggerFactory;
  Fix.Title = std::string("use a rotating ") +
              (Logger ? "logger" : "file sink") + " (" + limitsTitle() + ")";
  if (!Appends)
    Fix.Title += ", rotating the old file away at start where it was "
                 "truncated";
  Fix.Hints.append(Hints->begin(), Hints->end());
  Fix.Certain = Appends;
  Fix.NeedsRotatingHeader = true;
  return Fix;
}

std::optional<UnboundedLogFileCheck::PlannedFix>
UnboundedLogFileCheck::planBoostFix(const LogFileFinding &F, ASTContext &Ctx) {
  std::string Size = fixits::readableByteCount(MaxFileSizeBytes);
  std::optional<FixItHint> Hint = fixits::appendArgument(
      *F.Sink.Site, "boost::log::keywords::rotation_size = " + Size, Ctx);
  if (!Hint)
    return std::nullopt;
  PlannedFix Fix;
  Fix.Title = "rotate the file at " + readableSize(MaxFileSizeBytes) +
              " with 'keywords::rotation_size' (old files still need "
              "'max_files' or 'max_size' to be deleted)";
  Fix.Hints.push_back(*Hint);
  return Fix;
}

DiagnosticBuilder UnboundedLogFileCheck::warn(const LogFileFinding &F) {
  DiagnosticBuilder Diag = describe(F);
  Diag << F.Sink.Site->getSourceRange();
  return Diag;
}

DiagnosticBuilder UnboundedLogFileCheck::describe(const LogFileFinding &F) {
  const LogSink &Sink = F.Sink;
  SourceLocation Loc = Sink.Site->getBeginLoc();
  switch (Sink.Kind) {
  case LogSinkKind::SpdlogBasic:
    return diag(Loc, "'%0' writes a log file that is never rotated or "
                     "size-limited; it grows until the disk is full")
           << Sink.Name;
  case LogSinkKind::SpdlogDaily:
  case LogSinkKind::SpdlogHourly:
    return diag(Loc, "'%0' without 'max_files' starts a new log file every "
                     "%1 and never deletes one; they fill the disk")
           << Sink.Name
           << (Sink.Kind == LogSinkKind::SpdlogDaily ? "day" : "hour");
  case LogSinkKind::BoostFileLog:
  case LogSinkKind::BoostBackend:
    return diag(Loc, "'%0' without 'rotation_size', 'max_size' or "
                     "'max_files' writes a log file that is never rotated "
                     "or size-limited; it grows until the disk is full")
           << Sink.Name;
  case LogSinkKind::PlainFile:
    break;
  }
  switch (F.Lifetime) {
  case LogFileLifetime::Process:
    return diag(Loc, "'freopen' sends %0 to log file '%1' in append mode "
                     "for the rest of the process, and nothing rotates it; "
                     "it grows until the disk is full")
           << Sink.Redirected << F.Shape;
  case LogFileLifetime::Loop:
    return diag(Loc, "'%0' appends to log file '%1' in a loop with no fixed "
                     "end, and nothing rotates or size-checks it; it grows "
                     "until the disk is full")
           << Sink.Name << F.Shape;
  default:
    return diag(Loc, "'%0' keeps log file '%1' open for append in %2 '%3', "
                     "and nothing rotates or size-checks it; it grows until "
                     "the disk is full")
           << Sink.Name << F.Shape << holderKind(*F.Holder)
           << F.Holder->getName();
  }
}

void UnboundedLogFileCheck::report(const LogFileFinding &F,
                                   std::optional<PlannedFix> Fix) {
  SourceLocation Loc = F.Sink.Site->getBeginLoc();
  bool Certain = Fix && Fix->Certain;
  fixits::TitledFix Titled(areDiagsSelfContained(),
                           Certain ? Fix->Title : std::string());
  {
    DiagnosticBuilder Diag = warn(F);
    if (Certain)
      for (const FixItHint &Hint : Fix->Hints)
        Titled.add(Diag, Hint);
  }
  Titled.emitNote(*this, Loc);
  if (F.LoopWrite)
    diag(F.LoopWrite->getBeginLoc(), "written here, in the loop",
         DiagnosticIDs::Note);
  if (Fix && !Certain) {
    auto Note = diag(Loc, "%0", DiagnosticIDs::Note) << Fix->Title;
    for (const FixItHint &Hint : Fix->Hints)
      Note << Hint;
  }
}

} // namespace clang::tidy::prodready
