//===--- LoopInvariance.h - prodready --------------------------*- C++ -*-===//
//
// Whether an expression has the same value on every iteration of a loop.
//
// Used for regex patterns built from data: `std::regex re(prefix + "\\d+")`
// inside `for (const auto &line : lines)` compiles the same regex on every
// line when nothing in the loop changes `prefix`. The answer must be
// certain, so the rules are narrow and every doubt is "varies":
//
//   - constants (RegexModel's classifyConstant) do not vary;
//   - a local variable or parameter declared outside the loop does not vary
//     when nothing in the loop modifies it (clang's ExprMutationAnalyzer
//     over the loop: assignments, non-const references and calls, ++, ...)
//     and it is not a pointer to mutable data (written through aliases);
//     variables declared in the loop (the loop variable) vary;
//   - a field does not vary in a const member function (unless `mutable`),
//     or as a member of a variable that does not vary;
//   - std::string construction, concatenation, const members of the std
//     string classes (`substr`, `c_str`) and std::to_string of operands
//     that do not vary do not vary;
//   - everything else varies: globals (a call may change them), calls of
//     the program's own functions (they may read anything), subscripts.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_LOOPINVARIANCE_H
#define PRODREADY_CHECKS_ANALYSIS_LOOPINVARIANCE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::prodready {

struct LoopInvariance {
  bool Invariant = false;
  /// The variables and fields the expressions read that are not constants
  /// (what the loop leaves unchanged), in order of appearance.
  llvm::SmallVector<const ValueDecl *, 2> Reads;
};

/// Whether all of \p Exprs are the same on every iteration of \p Loop (a
/// loop statement, or the body of a lambda called per element).
/// \p PerIteration, if given, is a function whose parameters vary (the
/// lambda's call operator); \p Function is the function \p Loop is in (its
/// constness decides for fields).
LoopInvariance loopInvariance(llvm::ArrayRef<const Expr *> Exprs,
                              const Stmt &Loop,
                              const FunctionDecl *PerIteration,
                              const FunctionDecl *Function, ASTContext &Ctx);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_LOOPINVARIANCE_H
