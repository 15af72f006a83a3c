//===--- StaticLocal.h - prodready -----------------------------*- C++ -*-===//
//
// Fix-its that turn an object built on every run into a function-local
// `static const`, built once (the first time control passes through its
// declaration, thread-safely since C++11) and kept for the program's life:
//
//   std::regex re("a+", std::regex::icase);   -> static const std::regex
//   re(...); const std::regex re("a+");                  -> static const
//   std::regex re("a+"); f(std::regex("a+"));                        -> static
//   const auto re = std::regex("a+");
//                                                  f(re);
//
// They are right only when the object's value is the same on every run and
// nothing modifies it: the caller decides that; these builders only make
// sure the edit is well-formed (one declarator, no macro, a place in a
// block that control passes through before the use).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_FIXITS_STATICLOCAL_H
#define PRODREADY_FIXITS_STATICLOCAL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::prodready::fixits {

/// Makes \p Var, the only variable \p Declaration declares (a statement of
/// a block), a `static const` local: inserts `static ` before the
/// declaration, and `const ` when the type is not const already.
/// std::nullopt in a macro, before C++11 (the initialization of a static
/// local is not thread-safe there), or when \p Declaration declares more.
std::optional<FixItHint> makeStaticConstLocal(const VarDecl &Var,
                                              const DeclStmt &Declaration,
                                              const ASTContext &Ctx);

/// Moves the temporary \p Temporary (as written: the whole expression) of
/// the function body \p Body into `static const auto <Name> = <text>;`,
/// declared on a line of its own before the statement of a block that
/// contains it, and names it there. std::nullopt in a macro, before C++11,
/// or when that statement is labeled (`case 1:`, `retry:`): a jump to the
/// label would skip the declaration, and the static would be used before
/// it is initialized.
std::optional<llvm::SmallVector<FixItHint, 2>>
hoistToStaticLocal(const Expr &Temporary, llvm::StringRef Name,
                   const Stmt &Body, ASTContext &Ctx);

} // namespace clang::tidy::prodready::fixits

#endif // PRODREADY_FIXITS_STATICLOCAL_H
