//===--- CheckedParse.h - prodready ----------------------------*- C++ -*-===//
//
// The self-contained form of prodready-unvalidated-env-parse's fix: where
// no helper header can be added to the project (plain clang-tidy -fix), the
// fix defines a small function of its own, with standard headers only,
// before the declaration that uses it:
//
//   // Added by prodready: 'text' as an int, or 'fallback' when it is null
//   // (the variable is unset), not a number or out of range.
//   static int parse_int_or(const char *text, int fallback) {
//     if (text == nullptr)
//       return fallback;
//     int value = 0;
//     const char *end = text + std::strlen(text);
//     auto [last, ec] = std::from_chars(text, end, value);
//     return ec == std::errc() && last == end ? value : fallback;
//   }
//
// Integers are parsed with std::from_chars (exact, locale-free); floating
// point with strtof/strtod/strtold and their end pointer and errno, because
// std::from_chars for floating point is missing from older standard
// libraries.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_FIXITS_CHECKEDPARSE_H
#define PRODREADY_FIXITS_CHECKEDPARSE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready::fixits {

/// The helper function that parses \p Type ("int", "unsigned long",
/// "double"): its name, its definition (with a comment and a blank line
/// after it) and the standard headers it needs.
struct ParseHelper {
  std::string Name;
  std::string Definition;
  llvm::SmallVector<llvm::StringRef, 3> Headers;
};
std::optional<ParseHelper> parseHelperFor(llvm::StringRef Type,
                                          bool InHeaderFile);

/// The text to pass a conversion's string argument \p Argument as a
/// `const char *`: as written for a C string, with `.c_str()` for a
/// std::string. std::nullopt for anything else (a std::string_view is not
/// terminated) or text in a macro.
std::optional<std::string> cStringArgument(const Expr &Argument,
                                           const ASTContext &Ctx);

/// Inserts \p Text before the declaration at namespace or file scope
/// (outside any namespace) that contains \p S, and before its comment:
/// where a file-scope helper is visible to \p S.
std::optional<FixItHint> insertBeforeTopLevelDecl(const Stmt &S,
                                                  llvm::StringRef Text,
                                                  ASTContext &Ctx);

} // namespace clang::tidy::prodready::fixits

#endif // PRODREADY_FIXITS_CHECKEDPARSE_H
