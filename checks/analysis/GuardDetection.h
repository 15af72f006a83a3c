//===--- GuardDetection.h - prodready --------------------------*- C++ -*-===//
//
// Syntactic guard detection shared by checks that ask "is the outcome of
// this operation looked at?": which exception handlers enclose a statement,
// whether a result is discarded, and whether a variable (an end pointer, a
// stream, `errno`) is read after a point in its function. These are the
// questions whose answer does not need path sensitivity: a validation that
// comes after a conversion, on any path, shows the author handled failure.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_GUARDDETECTION_H
#define PRODREADY_CHECKS_ANALYSIS_GUARDDETECTION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::prodready {

/// The handlers of the `try` blocks that enclose \p S within its function
/// (innermost first). A statement in a handler is not enclosed by its try.
llvm::SmallVector<const CXXCatchStmt *, 4>
enclosingHandlers(const Stmt &S, ASTContext &Ctx);

/// True if one of \p Handlers catches an exception whose class is named by
/// (or derives from a class named by) one of \p CatchableAs: the qualified
/// names of the exception class and its bases. `catch (...)` catches all.
bool handlersCatch(llvm::ArrayRef<const CXXCatchStmt *> Handlers,
                   llvm::ArrayRef<llvm::StringRef> CatchableAs);

/// How the value of an expression is used.
struct ResultUse {
  enum Kind {
    Discarded,  ///< An expression statement, or cast to void.
    StoredIn,   ///< Initializes or is assigned to Var.
    MemberRead, ///< `call().member`: Member names the field read.
    Used,       ///< Anything else: a condition, an argument, a return.
  } How = Used;
  const VarDecl *Var = nullptr;
  llvm::StringRef Member = {};

  static ResultUse of(Kind How, const VarDecl *Var = nullptr,
                      llvm::StringRef Member = {}) {
    ResultUse Use;
    Use.How = How;
    Use.Var = Var;
    Use.Member = Member;
    return Use;
  }
};
ResultUse classifyResultUse(const Expr &E, ASTContext &Ctx);

/// True if \p D is referenced after \p After ends, in the function body
/// \p Body. With \p Member non-empty, only as `D.Member`.
bool isReferencedAfter(const ValueDecl &D, const Stmt &After,
                       const Stmt &Body, ASTContext &Ctx,
                       llvm::StringRef Member = {});

/// True if `errno` is read after \p After in \p Body.
bool isErrnoReadAfter(const Stmt &After, const Stmt &Body, ASTContext &Ctx);

/// The body of the function that contains \p S (a lambda's body for code in
/// a lambda), or nullptr.
const Stmt *enclosingFunctionBody(const Stmt &S, ASTContext &Ctx);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_GUARDDETECTION_H
