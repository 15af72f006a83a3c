//===--- SinkUnits.cpp - prodready ----------------------------------------===//

#include "SinkUnits.h"
#include "ASTHelpers.h"

namespace clang::tidy::prodready {

void SinkUnitFinder::noteCall(const CallExpr &Call, const Decl &Unit,
                              bool IsSink, const SourceManager &SM) {
  UnitFacts &Seen = Facts[&Unit];
  Seen.HasSink |= IsSink;
  if (const FunctionDecl *Callee = userDefinition(Call, SM))
    Seen.Callees.insert(Callee);
}

/// Grown from the units with a sink: a caller joins when a callee in the
/// set has parameters that reach a sink (its summary), since what it
/// passes decides whether that sink sees a constant.
llvm::SetVector<const Decl *>
SinkUnitFinder::compute(TaintEngine &Engine) const {
  llvm::SetVector<const Decl *> Reaching;
  for (const auto &[Unit, Seen] : Facts)
    if (Seen.HasSink)
      Reaching.insert(Unit);
  bool Changed = !Reaching.empty();
  while (Changed) {
    Changed = false;
    for (const auto &[Unit, Seen] : Facts) {
      if (Reaching.contains(Unit))
        continue;
      if (llvm::any_of(Seen.Callees, [&](const FunctionDecl *Callee) {
            return Reaching.contains(Callee) &&
                   Engine.sinkParameterLabels(*Callee) != 0;
          })) {
        Reaching.insert(Unit);
        Changed = true;
      }
    }
  }
  return Reaching;
}

} // namespace clang::tidy::prodready
