//===--- UserCodeScanner.h - prodready -------------------------*- C++ -*-===//
//
// Visits the calls of the code a user wrote: every declaration outside
// system headers, with the unit each call belongs to (the enclosing
// function, a lambda's call operator, or the global/field whose initializer
// it is). A template (function template, member of a class template,
// generic lambda) is visited through its instantiations when it has any -
// the same code with the types known, each instantiation a unit of its own
// - and through its pattern when it has none (see TemplateInstances.h).
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

#include "TemplateInstances.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::prodready {

/// Calls \p Visit for each call expression in \p TopLevel (a declaration of
/// the translation unit; skipped if it is in a system header), with the unit
/// that contains it (nullptr when there is none, e.g. a template argument).
/// \p Templates, if given, keeps what is learnt about the TU's templates
/// across calls, for the diagnostics layer.
void scanUserCalls(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit,
    TemplateInstances *Templates = nullptr);

/// Like scanUserCalls, for every statement and expression.
void scanUserCode(
    const Decl &TopLevel, ASTContext &Ctx,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit,
    TemplateInstances *Templates = nullptr);

/// Registers what drives a scanning check. The clang-tidy command line
/// traverses the whole TU: one match of the translation unit is the cheapest
/// trigger (a matcher on every declaration would be tried, and with
/// --enable-check-profile timed, hundreds of thousands of times). Editor
/// hosts such as clangd only traverse the main file's top-level declarations
/// (the TU node is never visited), so there each of those is matched; they
/// are recognized by the self-contained diagnostics they all ask for.
void addUserCodeMatcher(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback &Check,
                        bool IsEditorHost);

/// Scans what a match of addUserCodeMatcher()'s matcher covers.
void scanMatchedUserCode(
    const ast_matchers::MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit,
    TemplateInstances *Templates = nullptr);
void scanMatchedUserStmts(
    const ast_matchers::MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit,
    TemplateInstances *Templates = nullptr);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_USERCODESCANNER_H
