//===--- NullnessAnalysis.h - prodready ------------------------*- C++ -*-===//
//
// A small, flow-sensitive nullness analysis of pointer values inside one
// function, built on clang's CFG and its dataflow worklist.
//
// Terms. A *source* is an expression a client says may yield null (for
// prodready: a getenv-family call). A *slot* is something whose value the
// analysis follows along paths: a local pointer variable that is ever set
// from a source, or the result of re-reading the same environment variable
// (`getenv("HOME")` twice in a row yields the same pointer, so a check of the
// first call covers the second).
//
// For each slot the analysis keeps a PointerFact: may it be null because of
// a source, may it be null for another reason, may it be non-null. Facts are
// joined at CFG merge points and refined on branch edges (`if (p)`,
// `if (!p) return;`, `p ? p : ""`, `p && *p`, `p != nullptr`, `assert(p)`,
// noreturn calls), so a use is reported only when some path reaches it with a
// source value that nothing tested. The lattice is finite (three bits per
// slot), so the worklist iteration terminates.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_NULLNESSANALYSIS_H
#define PRODREADY_CHECKS_ANALYSIS_NULLNESSANALYSIS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace clang::tidy::prodready {

/// What may be true of a pointer value at a program point. All-false means
/// "no value reaches here yet".
struct PointerFact {
  bool MayBeNullFromSource = false;
  bool MayBeNullOtherwise = false;
  bool MayBeNonNull = false;
  /// The source that makes the value possibly null (set iff
  /// MayBeNullFromSource).
  const Expr *Origin = nullptr;

  static PointerFact fromSource(const Expr *Origin) {
    return {true, false, true, Origin};
  }
  static PointerFact nonNull() { return {false, false, true, nullptr}; }
  static PointerFact null() { return {false, true, false, nullptr}; }
  static PointerFact unknown() { return {false, true, true, nullptr}; }

  bool isEmpty() const {
    return !MayBeNullFromSource && !MayBeNullOtherwise && !MayBeNonNull;
  }
  bool operator==(const PointerFact &O) const {
    return MayBeNullFromSource == O.MayBeNullFromSource &&
           MayBeNullOtherwise == O.MayBeNullOtherwise &&
           MayBeNonNull == O.MayBeNonNull && Origin == O.Origin;
  }
  bool operator!=(const PointerFact &O) const { return !(*this == O); }
};

/// Least upper bound of two facts; keeps the first known origin.
PointerFact join(const PointerFact &A, const PointerFact &B);

/// Tells the analysis which expressions are sources. Implemented by clients
/// (the environment model); kept abstract so the analysis is testable alone.
class NullSourceOracle {
public:
  virtual ~NullSourceOracle();
  /// True if \p Call may return a null pointer the client cares about.
  virtual bool isSource(const CallExpr &Call) = 0;
  /// For a source, a stable key when re-evaluating the same call yields the
  /// same pointer (e.g. "HOME" for `getenv("HOME")`), so that a checked read
  /// covers a later identical one. std::nullopt when calls are unrelated.
  virtual std::optional<std::string> sourceKey(const CallExpr &Call) = 0;
  /// True if \p Call never returns (a helper that exits or throws on every
  /// path, marked noreturn or not): the path ends there, like after
  /// `exit()`. The CFG already ends paths at noreturn-declared calls.
  virtual bool isTerminatingCall(const CallExpr &Call) { return false; }
};

/// Nullness of the pointer slots of one function body.
class PointerNullnessAnalysis {
public:
  /// Prepares the analysis of \p Body (the body of \p Func). The CFG is only
  /// built when the body has slots, on the first query that needs it.
  PointerNullnessAnalysis(const Decl &Func, const Stmt &Body, ASTContext &Ctx,
                          NullSourceOracle &Oracle);
  ~PointerNullnessAnalysis();

  /// The fact for the value of \p E when it is evaluated as part of \p Site
  /// (a statement in the body that contains \p E, e.g. the call that takes
  /// \p E as an argument). If \p Site is unreachable, the fact is empty.
  PointerFact evaluateAt(const Expr &E, const Stmt &Site);

  /// True if \p Var is a local whose value the analysis follows.
  bool isTracked(const VarDecl &Var) const;

private:
  struct State;
  class Impl;
  std::unique_ptr<Impl> TheImpl;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_NULLNESSANALYSIS_H
