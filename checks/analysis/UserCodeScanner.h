//===--- UserCodeScanner.h - prodready -------------------------*- C++ -*-===//
//
// Visits the calls of the code a user wrote: every declaration outside
// system headers, template patterns but not their instantiations, with the
// unit each call belongs to (the enclosing function, a lambda's call
// operator, or the global/field whose initializer it is).
//
// Why not an AST matcher per call: a TU that includes large headers has
// hundreds of thousands of call expressions in system headers, and a
// `callExpr(...)` matcher is tried on each of them. Skipping system-header
// declarations wholesale makes the checks cost proportional to the user's
// code, and knowing the enclosing unit from the traversal avoids building
// the TU's parent map.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_USERCODESCANNER_H
#define PRODREADY_CHECKS_ANALYSIS_USERCODESCANNER_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::prodready {

/// Calls \p Visit for each call expression in \p TopLevel (a declaration of
/// the translation unit, or of an `extern "C"` block; skipped if it is in a
/// system header), with the unit that contains it (nullptr when there is
/// none, e.g. a template argument).
void scanUserCalls(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit);

/// Matches the top-level declarations to scan. clang-tidy visits all of
/// them, clangd only those of the main file (its traversal scope), so
/// matching these, not the translation unit, works in both.
ast_matchers::internal::BindableMatcher<Decl> topLevelUserDecl();

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_USERCODESCANNER_H
