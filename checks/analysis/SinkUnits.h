//===--- SinkUnits.h - prodready -------------------------------*- C++ -*-===//
//
// Which units of a translation unit can bring their parameters to a sink:
// those that call a sink, and, to a fixpoint, those that call a function
// whose parameters reach one. A check that reports values which are not
// constants (not only untrusted data: prodready-sql-injection's parameter
// findings) analyzes these; UntrustedUnits.h gives the units that can hold
// untrusted data. Checks feed it every call of the user's code while
// scanning, then ask for the fixpoint.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SINKUNITS_H
#define PRODREADY_CHECKS_ANALYSIS_SINKUNITS_H

#include "TaintAnalysis.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::prodready {

class SinkUnitFinder {
public:
  /// Records \p Call, a call of \p Unit; \p IsSink if it is a sink.
  void noteCall(const CallExpr &Call, const Decl &Unit, bool IsSink,
                const SourceManager &SM);
  /// Records a sink of \p Unit that is not a call (a constructor).
  void noteSink(const Decl &Unit) { Facts[&Unit].HasSink = true; }

  /// The units with a sink, and those whose calls bring their own
  /// parameters to one. Analyzes them with \p Engine on the way.
  llvm::SetVector<const Decl *> compute(TaintEngine &Engine) const;

  void clear() { Facts.clear(); }

private:
  struct UnitFacts {
    bool HasSink = false;
    llvm::SmallPtrSet<const FunctionDecl *, 4> Callees;
  };
  llvm::MapVector<const Decl *, UnitFacts> Facts;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_SINKUNITS_H
