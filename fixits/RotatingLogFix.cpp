//===--- RotatingLogFix.cpp - prodready -----------------------------------===//

#include "RotatingLogFix.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready::fixits {

namespace {

/// The location just after the token at \p Loc, if it is spelled in a file
/// outside macros.
std::optional<SourceLocation> endOfToken(SourceLocation Loc,
                                         const ASTContext &Ctx) {
  if (Loc.isInvalid() || Loc.isMacroID())
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(
      Loc, 0, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (End.isInvalid())
    return std::nullopt;
  return End;
}

bool inFileOutsideMacros(const Expr &E) {
  SourceRange Range = E.getSourceRange();
  return Range.isValid() && Range.getBegin().isFileID() &&
         Range.getEnd().isFileID();
}

} // namespace

std::string readableByteCount(uint64_t Bytes) {
  if (Bytes >= 1024 * 1024 && Bytes % (1024 * 1024) == 0)
    return std::to_string(Bytes / (1024 * 1024)) + " * 1024 * 1024";
  if (Bytes >= 1024 && Bytes % 1024 == 0)
    return std::to_string(Bytes / 1024) + " * 1024";
  return std::to_string(Bytes);
}

llvm::StringRef rotatingCounterpart(llvm::StringRef BasicName) {
  return llvm::StringSwitch<llvm::StringRef>(BasicName)
      .Case("basic_logger_mt", "rotating_logger_mt")
      .Case("basic_logger_st", "rotating_logger_st")
      .Case("basic_file_sink_mt", "rotating_file_sink_mt")
      .Case("basic_file_sink_st", "rotating_file_sink_st")
      .Case("basic_file_sink", "rotating_file_sink")
      .Default("");
}

std::optional<llvm::SmallVector<FixItHint, 2>>
makeRotatingSpdlogFix(SourceLocation NameLoc, const Expr &Path,
                      const Expr *Truncate, bool DropTruncate,
                      llvm::StringRef Limits, const ASTContext &Ctx) {
  if (NameLoc.isInvalid() || NameLoc.isMacroID() ||
      !inFileOutsideMacros(Path) || (Truncate && !inFileOutsideMacros(*Truncate)))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  bool Invalid = false;
  llvm::StringRef Name =
      Lexer::getSourceText(CharSourceRange::getTokenRange(NameLoc), SM,
                           Ctx.getLangOpts(), &Invalid);
  llvm::StringRef NewName = Invalid ? "" : rotatingCounterpart(Name);
  std::optional<SourceLocation> PathEnd = endOfToken(Path.getEndLoc(), Ctx);
  if (NewName.empty() || !PathEnd)
    return std::nullopt;
  llvm::SmallVector<FixItHint, 2> Hints;
  Hints.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(NameLoc), NewName));
  std::string Inserted = (", " + Limits).str();
  if (Truncate && DropTruncate) {
    std::optional<SourceLocation> TruncateEnd =
        endOfToken(Truncate->getEndLoc(), Ctx);
    if (!TruncateEnd)
      return std::nullopt;
    // `, /*truncate=*/false` goes with its comment.
    Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(*PathEnd, *TruncateEnd), Inserted));
  } else {
    Hints.push_back(FixItHint::CreateInsertion(*PathEnd, Inserted));
  }
  return Hints;
}

std::optional<FixItHint> appendArgument(const Expr &Site,
                                        llvm::StringRef Argument,
                                        const ASTContext &Ctx) {
  llvm::ArrayRef<const Expr *> Args;
  SourceLocation Close;
  if (const auto *Call = dyn_cast<CallExpr>(&Site)) {
    Args = {Call->getArgs(), Call->getNumArgs()};
    Close = Call->getRParenLoc();
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Site)) {
    Args = {Construct->getArgs(), Construct->getNumArgs()};
    Close = Construct->getParenOrBraceRange().getEnd();
  } else {
    return std::nullopt;
  }
  const Expr *Last = nullptr;
  for (const Expr *Arg : Args)
    if (!isa<CXXDefaultArgExpr>(Arg))
      Last = Arg;
  if (!Last)
    return Close.isValid() && Close.isFileID()
               ? std::optional(FixItHint::CreateInsertion(Close, Argument))
               : std::nullopt;
  std::optional<SourceLocation> End =
      inFileOutsideMacros(*Last) ? endOfToken(Last->getEndLoc(), Ctx)
                                 : std::nullopt;
  if (!End)
    return std::nullopt;
  return FixItHint::CreateInsertion(*End, (", " + Argument).str());
}

} // namespace clang::tidy::prodready::fixits
