//===--- IndexSummaries.cpp - prodready -----------------------------------===//

#include "IndexSummaries.h"
#include "ASTHelpers.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::prodready {

const ParmVarDecl *indexParameter(const Expr &Index, const FunctionDecl &F) {
  const auto *Ref =
      dyn_cast<DeclRefExpr>(stripValueWrappers(&Index)->IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param || Param->getDeclContext() != &F ||
      !Param->getType()->isIntegralOrEnumerationType())
    return nullptr;
  return Param;
}

namespace {

/// The element accesses and the calls of one function body (not of the
/// lambdas in it: they are functions of their own).
class BodyCollector : public RecursiveASTVisitor<BodyCollector> {
public:
  explicit BodyCollector(const ContainerModel &Model) : Model(Model) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitStmt(Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      Calls.push_back(Call);
    if (std::optional<ElementAccess> Access = matchElementAccess(*S, Model))
      if (Access->Index && !Access->IsKey)
        Accesses.push_back(*Access);
    return true;
  }
  const ContainerModel &Model;
  std::vector<ElementAccess> Accesses;
  std::vector<const CallExpr *> Calls;
};

std::string containerName(const ElementAccess &Access) {
  const auto *Ref = dyn_cast<DeclRefExpr>(
      stripValueWrappers(Access.Container)->IgnoreParenImpCasts());
  return Ref ? Ref->getDecl()->getNameAsString() : "";
}

} // namespace

void IndexSummaryProvider::summarize(const FunctionDecl &Definition,
                                     FunctionSummaries &Table,
                                     FunctionSummary &Out) {
  const Stmt *Body = Definition.getBody();
  if (!Body || Definition.isInvalidDecl() ||
      Definition.isDependentContext())
    return;
  BodyCollector Collector(Model);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  bool UsesParameters = llvm::any_of(
      Collector.Accesses, [&](const ElementAccess &A) {
        return indexParameter(*A.Index, Definition) != nullptr;
      });
  // Only calls that pass a parameter on can add uses; look at the callees'
  // summaries first, so a function with neither builds no CFG.
  llvm::SmallVector<std::pair<const CallExpr *, const FunctionSummary *>, 4>
      Forwarding;
  for (const CallExpr *Call : Collector.Calls) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee == &Definition)
      continue;
    const FunctionSummary *Summary = Table.get(*Callee);
    if (Summary && !Summary->IndexUses.empty())
      Forwarding.emplace_back(Call, Summary);
  }
  if (!UsesParameters && Forwarding.empty())
    return;

  ContainerBoundsAnalysis Analysis(Definition, *Body,
                                   Definition.getASTContext(), Model, Options);
  auto Add = [&](IndexUse Use) {
    if (Out.IndexUses.size() < MaxUses)
      Out.IndexUses.push_back(std::move(Use));
  };
  for (const ElementAccess &Access : Collector.Accesses) {
    const ParmVarDecl *Param = indexParameter(*Access.Index, Definition);
    if (!Param)
      continue;
    // A local buffer from an allocator the model does not know (a project
    // wrapper): its size is unknown, and often sized by this very index.
    if (Access.IsBuffer)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(
              Access.Container->IgnoreParenImpCasts());
          Ref && isa<VarDecl>(Ref->getDecl()) &&
          !isa<ParmVarDecl>(Ref->getDecl()) &&
          !Ref->getDecl()->getType()->isArrayType())
        continue;
    AccessVerdict Verdict = Analysis.check(Access);
    IndexUse Use;
    Use.Param = Param->getFunctionScopeIndex();
    Use.NoUpperBound = !Verdict.InBounds;
    Use.NoLowerBound = !Verdict.NonNegative;
    if (!Use.NoUpperBound && !Use.NoLowerBound)
      continue;
    Use.Access = Access.Access;
    Use.Container = containerName(Access);
    Add(std::move(Use));
  }
  for (const auto &[Call, Summary] : Forwarding)
    for (const IndexUse &Inner : Summary->IndexUses) {
      const Expr *Arg = argumentForParameter(*Call, Inner.Param);
      const ParmVarDecl *Param = Arg ? indexParameter(*Arg, Definition)
                                     : nullptr;
      if (!Param)
        continue;
      // This function's own checks before the call count.
      IndexBounds Bounds = Analysis.boundsAt(*Arg, *Call);
      IndexUse Use = Inner;
      Use.Param = Param->getFunctionScopeIndex();
      Use.NoUpperBound &= !Bounds.UpperBounded;
      Use.NoLowerBound &= !Bounds.NonNegative;
      if (!Use.NoUpperBound && !Use.NoLowerBound)
        continue;
      Use.Calls.insert(Use.Calls.begin(), Call);
      Add(std::move(Use));
    }
}

void indexUsesThroughCall(
    const CallExpr &Call, FunctionSummaries &Table,
    ContainerBoundsAnalysis &Caller,
    llvm::function_ref<bool(const Expr &Argument)> Wanted,
    llvm::SmallVectorImpl<IndexUseThroughCall> &Out) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  // Cheap tests first: summaries are computed only for calls that pass
  // a wanted integer.
  bool Any = false;
  for (const Expr *Arg : Call.arguments())
    Any |= Arg->getType()->isIntegralOrEnumerationType() && Wanted(*Arg);
  if (!Any)
    return;
  const FunctionSummary *Summary = Table.get(*Callee);
  if (!Summary)
    return;
  for (const IndexUse &Use : Summary->IndexUses) {
    const Expr *Arg = argumentForParameter(Call, Use.Param);
    if (!Arg || !Use.Access || !Wanted(*Arg))
      continue;
    IndexBounds Bounds = Caller.boundsAt(*Arg, Call);
    if ((Use.NoUpperBound && !Bounds.UpperBounded) ||
        (Use.NoLowerBound && !Bounds.NonNegative))
      Out.push_back({&Use, &Call, Arg});
  }
}

} // namespace clang::tidy::prodready
