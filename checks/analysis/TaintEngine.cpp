//===--- TaintEngine.cpp - prodready --------------------------------------===//
//
// The engine of the taint analysis: the units of a translation unit, the
// per-function analyses it memoizes (summaries for callers), and the
// values of globals and fields written from untrusted data anywhere.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "TaintAnalysisImpl.h"
#include "TaintSummaries.h"

namespace clang::tidy::prodready {

TaintSinkModel::~TaintSinkModel() = default;

TaintValue join(const TaintValue &A, const TaintValue &B) {
  if (!B.Labels)
    return A;
  if (!A.Labels)
    return B;
  TaintValue R;
  R.Labels = A.Labels | B.Labels;
  R.Origin = A.isUntrusted() ? A.Origin : B.Origin;
  R.FilledBy = A.isUntrusted() ? A.FilledBy : B.FilledBy;
  R.Sources = A.Sources | B.Sources;
  R.Join = A.Join ? A.Join : B.Join;
  R.Built = A.Built ? A.Built : B.Built;
  R.UnderChosenBase = A.UnderChosenBase || B.UnderChosenBase;
  R.Inserted = (!A.isUntrusted() || A.Inserted) &&
               (!B.isUntrusted() || B.Inserted);
  R.AppendedInLoop = A.AppendedInLoop || B.AppendedInLoop;
  R.Canonical = A.Canonical && B.Canonical;
  R.DotDotRejected = A.DotDotRejected && B.DotDotRejected;
  R.AbsoluteRejected = A.AbsoluteRejected && B.AbsoluteRejected;
  R.Numeric = A.Numeric && B.Numeric;
  return R;
}

//===----------------------------------------------------------------------===//
// Engine
//===----------------------------------------------------------------------===//

TaintEngine::TaintEngine(ASTContext &Ctx, const TaintModel &Model,
                         TaintSinkModel &Sinks)
    : Ctx(Ctx), Model(Model), Sinks(Sinks) {}

TaintEngine::~TaintEngine() = default;

void TaintEngine::setUnits(llvm::ArrayRef<const Decl *> NewUnits) {
  Units.assign(NewUnits.begin(), NewUnits.end());
  CrossFunction.clear();
  CrossFunctionDone.clear();
}

void TaintEngine::resetAnalyses() { Analyses.clear(); }

TaintEngine::FunctionAnalysis &TaintEngine::analysisFor(const Decl &Unit) {
  std::unique_ptr<FunctionAnalysis> &Slot = Analyses[&Unit];
  if (!Slot) {
    // Registered before it runs: a recursive call sees an empty summary.
    Slot = std::make_unique<FunctionAnalysis>(*this, Unit);
    FunctionAnalysis &Analysis = *Slot;
    Analysis.run();
    return Analysis;
  }
  return *Slot;
}

void TaintEngine::findHits(const Decl &Unit,
                           llvm::SmallVectorImpl<TaintHit> &Out) {
  FunctionAnalysis &Analysis = analysisFor(Unit);
  Out.append(Analysis.Hits.begin(), Analysis.Hits.end());
}

void TaintEngine::findParameterHits(const Decl &Unit,
                                    llvm::SmallVectorImpl<TaintHit> &Out) {
  const TaintHit *Previous = nullptr;
  // A hit of several parameters is listed once per parameter, in a row.
  for (const auto &[Param, Hit] : analysisFor(Unit).ParameterHits) {
    if (!Previous || Previous->Sink != Hit.Sink ||
        Previous->Argument != Hit.Argument || Previous->Calls != Hit.Calls)
      Out.push_back(Hit);
    Previous = &Hit;
  }
}

TaintValue TaintEngine::valueAt(const Decl &Unit, const Expr &E,
                                const Stmt &Site) {
  return analysisFor(Unit).valueAt(E, Site);
}

TaintValue TaintEngine::variableValueWhen(const FunctionDecl &Function,
                                          const VarDecl &Var,
                                          const Stmt &Site, const Expr &Cond,
                                          bool Truth) {
  return analysisFor(Function).variableValueWhen(Var, Site, Cond, Truth);
}

const Expr *TaintEngine::validatedArgument(const CallExpr &Call) {
  if (!userDefinition(Call, Ctx.getSourceManager()))
    return nullptr;
  if (!Validators)
    Validators = std::make_unique<ValidatorSummaries>(Ctx, *this);
  return Validators->validatedArgument(Call);
}

uint64_t TaintEngine::returnLabels(const FunctionDecl &Function) {
  return analysisFor(Function).ReturnLabels;
}

uint64_t TaintEngine::untrustedOutParameters(const FunctionDecl &Function) {
  uint64_t Labels = 0;
  for (const auto &[Param, Written] : analysisFor(Function).OutParams)
    if (Written.isUntrusted())
      Labels |= TaintValue::paramLabel(Param);
  return Labels;
}

uint64_t TaintEngine::sinkParameterLabels(const FunctionDecl &Function) {
  uint64_t Labels = 0;
  for (const auto &Entry : analysisFor(Function).ParameterHits)
    Labels |= TaintValue::paramLabel(Entry.first);
  return Labels;
}

namespace {
/// Finds the writes to one global variable or field in a unit.
void findWrites(const Stmt *S, const ValueDecl &Target,
                llvm::SmallVectorImpl<std::pair<const Expr *, const Stmt *>>
                    &Writes) {
  if (!S || isa<LambdaExpr>(S))
    return;
  auto Names = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl() == &Target;
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return Member->getMemberDecl() == &Target;
    return false;
  };
  if (const auto *Op = dyn_cast<BinaryOperator>(S)) {
    if (Op->isAssignmentOp() && Names(Op->getLHS()))
      Writes.emplace_back(Op->getRHS(), Op);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if ((Op->getOperator() == OO_Equal || Op->getOperator() == OO_PlusEqual ||
         Op->getOperator() == OO_SlashEqual) &&
        Op->getNumArgs() == 2 && Names(Op->getArg(0)))
      Writes.emplace_back(Op->getArg(1), Op);
  }
  for (const Stmt *Child : S->children())
    findWrites(Child, Target, Writes);
}
} // namespace

TaintValue TaintEngine::crossFunctionValue(const ValueDecl &D) {
  if (auto Done = CrossFunctionDone.find(&D); Done != CrossFunctionDone.end())
    return CrossFunction.lookup(&D);
  CrossFunctionDone[&D] = true; // A cycle reads as clean.
  TaintValue Value;
  // A writer still being analyzed (up the stack) cannot answer yet: the
  // result is then used, but not remembered.
  bool Incomplete = false;
  auto Keep = [&](TaintValue Written) {
    // Only untrusted data crosses functions; parameter labels do not.
    if (Written.isUntrusted()) {
      Written.Labels = TaintValue::UntrustedLabel;
      Value = join(Value, Written);
    }
  };
  for (const Decl *Unit : Units) {
    if (Unit == &D) {
      if (const auto *Var = dyn_cast<VarDecl>(Unit); Var && Var->getInit())
        Keep(analysisFor(*Unit).valueAt(*Var->getInit(), *Var->getInit()));
      continue;
    }
    const auto *Function = dyn_cast<FunctionDecl>(Unit);
    if (!Function || !Function->hasBody())
      continue;
    llvm::SmallVector<std::pair<const Expr *, const Stmt *>, 2> Writes;
    findWrites(Function->getBody(), D, Writes);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Function))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getMember() == &D && Init->getInit())
          Writes.emplace_back(Init->getInit(), Init->getInit());
    if (Writes.empty())
      continue;
    FunctionAnalysis &Writer = analysisFor(*Unit);
    Incomplete |= !Writer.isFinished();
    for (const auto &[Written, Site] : Writes)
      Keep(Writer.valueAt(*Written, *Site));
  }
  if (Incomplete) {
    CrossFunctionDone.erase(&D);
    return Value;
  }
  CrossFunction[&D] = Value;
  return Value;
}

} // namespace clang::tidy::prodready
