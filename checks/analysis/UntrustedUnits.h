//===--- UntrustedUnits.h - prodready --------------------------*- C++ -*-===//
//
// Which units (functions, lambdas, initializers) of a translation unit can
// hold untrusted data at all, so that the untrusted-data analysis runs only
// on those: a unit that reads a source, calls a function returning
// untrusted data, reads a global or field written with it, or is a lambda
// of such a unit. Checks feed it every statement of the user's code while
// scanning, then ask for the fixpoint.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_UNTRUSTEDUNITS_H
#define PRODREADY_CHECKS_ANALYSIS_UNTRUSTEDUNITS_H

#include "TaintAnalysis.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::prodready {

class UntrustedUnitFinder {
public:
  explicit UntrustedUnitFinder(const TaintModel &Model) : Model(Model) {}

  /// Records what \p S, a statement of \p Unit, tells about untrusted data.
  void noteStatement(const Stmt &S, const Decl &Unit, ASTContext &Ctx);

  /// The units that can hold untrusted data. Sets \p Engine's units to
  /// them (their writes to globals and fields are what counts).
  llvm::SetVector<const Decl *> compute(TaintEngine &Engine) const;

  void clear() { Facts.clear(); }

private:
  /// What the scan saw of a unit.
  struct UnitFacts {
    bool HasSource = false;
    llvm::SmallPtrSet<const FunctionDecl *, 4> Callees;
    llvm::SmallPtrSet<const ValueDecl *, 4> Globals;
  };

  const TaintModel &Model;
  llvm::MapVector<const Decl *, UnitFacts> Facts;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_UNTRUSTEDUNITS_H
