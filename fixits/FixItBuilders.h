//===--- FixItBuilders.h - prodready ---------------------------*- C++ -*-===//
//
// Fix-it builders shared by the prodready checks. Each returns
// std::optional<FixItHint>: std::nullopt when no rewrite is certain to be
// correct (macros, unsupported language mode, text that cannot be read), so
// checks report without a fix rather than guess.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_FIXITS_FIXITBUILDERS_H
#define PRODREADY_FIXITS_FIXITBUILDERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready::fixits {

/// \p Value as a C/C++ string literal (escaped; `L` prefix if \p Wide).
std::string quoteStringLiteral(llvm::StringRef Value, bool Wide = false);

/// The source text of \p E, if it is spelled in one file outside macros.
std::optional<std::string> sourceText(const Expr &E, const ASTContext &Ctx);

/// True if replacing \p E by a conditional expression `a ? b : c` needs
/// parentheses to keep its meaning: false where \p E is a whole
/// initializer, argument, return value or statement.
bool needsParensForConditional(const Expr &E, ASTContext &Ctx);

/// Replaces the possibly-null pointer \p Use (a local variable, or a call
/// such as `std::getenv("X")`) by an expression that yields
/// \p FallbackLiteral when it is null and evaluates \p Use once:
///   p                 -> p ? p : "fallback"
///   std::getenv("X")  -> [] { auto *value = std::getenv("X");
///                             return value ? value : "fallback"; }()
/// std::nullopt outside C++11, in macros, or for a call that uses locals
/// where a capture is impossible (outside a function).
std::optional<FixItHint> makeNullFallback(const Expr &Use,
                                          llvm::StringRef FallbackLiteral,
                                          bool InsideFunction,
                                          ASTContext &Ctx);

/// The readable form of makeNullFallback for a call in a function body
/// \p Body: the value gets a name on a line of its own before the statement
/// that uses it, and the use falls back when it is null:
///   std::string b = std::getenv("API_BASE");
/// becomes
///   const char *api_base = std::getenv("API_BASE");
///   std::string b = api_base ? api_base : "";
/// std::nullopt where a statement cannot go before the use (a loop or `if`
/// header, a macro) or the call does not return a character pointer.
std::optional<llvm::SmallVector<FixItHint, 2>>
makeNamedNullFallback(const CallExpr &Call, llvm::StringRef Name,
                      llvm::StringRef FallbackLiteral, const Stmt &Body,
                      ASTContext &Ctx);

/// Replaces the whole call \p Call by
/// `<Function><<Type>>(<text of Argument>, <Fallback>)`.
std::optional<FixItHint>
makeCheckedParseCall(const CallExpr &Call, const Expr &Argument,
                     llvm::StringRef Function, llvm::StringRef Type,
                     llvm::StringRef Fallback, ASTContext &Ctx);

/// The innermost statement directly in a block (a child of a
/// CompoundStmt) under \p Root that contains \p Loc, or null.
const Stmt *enclosingBlockStatement(const Stmt &Root, SourceLocation Loc,
                                    const SourceManager &SM);

/// Inserts \p Statement (a whole statement, `;` included) before the
/// statement of a block in \p Body that contains \p Target, on a line of
/// its own with the same indentation. std::nullopt when that statement
/// starts in a macro or \p Target is not in \p Body.
std::optional<FixItHint> insertStatementBefore(const Stmt &Body,
                                               const Expr &Target,
                                               llvm::StringRef Statement,
                                               ASTContext &Ctx);

/// Inserts \p Statement (a whole statement, `;` included) after the
/// statement of a block in \p Body that contains \p Target, on a line of
/// its own with the same indentation. A statement written as a macro call
/// (`curl_easy_setopt(...)`, a macro in curl's headers) is taken where it
/// is expanded. std::nullopt when \p Target is not in \p Body or the
/// statement is not in one file.
std::optional<FixItHint> insertStatementAfter(const Stmt &Body,
                                              const Expr &Target,
                                              llvm::StringRef Statement,
                                              ASTContext &Ctx);

/// The text of \p E as the user wrote it, also when \p E is an argument
/// of a macro call (`h` in `curl_easy_setopt(h, ...)`). std::nullopt when
/// it is not spelled in one piece of a file.
std::optional<std::string> writtenText(const Expr &E, const ASTContext &Ctx);

/// Every name declared or used in \p D (parameters, locals, the functions
/// it calls, the members it names): the names a new local of \p D must not
/// take.
llvm::StringSet<> namesUsedIn(const Decl &D);

/// True if \p Name can name a new variable in a function that uses
/// \p Used: not a keyword, a macro, one of \p Used or a global of the
/// translation unit.
bool isFreshName(llvm::StringRef Name, const llvm::StringSet<> &Used,
                 ASTContext &Ctx);

} // namespace clang::tidy::prodready::fixits

#endif // PRODREADY_FIXITS_FIXITBUILDERS_H
