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

uint8_t TaintEngine::returnSources(const FunctionDecl &Function) {
  return analysisFor(Function).ReturnSources;
}

llvm::ArrayRef<TaintEngine::ExternalCall>
TaintEngine::externalCalls(const FunctionDecl &Function) {
  return analysisFor(Function).ExternalCalls;
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
/// The calls and constructions in \p S of the TU's methods and
/// constructors: the setters that may store an argument into a field.
void findSetterCalls(const Stmt *S, const SourceManager &SM,
                     llvm::SmallVectorImpl<const Expr *> &Calls) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    if (userDefinition(*Call, SM))
      Calls.push_back(Call);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      if (const FunctionDecl *Def = Ctor->getDefinition();
          Def && Def->hasBody() && !SM.isInSystemHeader(Def->getLocation()))
        Calls.push_back(Construct);
  }
  for (const Stmt *Child : S->children())
    findSetterCalls(Child, SM, Calls);
}

/// The parameter \p Value (what is stored) designates: `u`, `std::move(u)`.
const ParmVarDecl *storedParameter(const Expr *Value) {
  Value = stripValueWrappers(Value);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Value);
      Construct && Construct->getNumArgs() == 1)
    Value = stripValueWrappers(Construct->getArg(0));
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Value))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier() && Call->getNumArgs() == 1 &&
        Callee->isInStdNamespace() &&
        (Callee->getName() == "move" || Callee->getName() == "forward"))
      Value = stripValueWrappers(Call->getArg(0));
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Value);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}
} // namespace

std::optional<unsigned>
TaintEngine::setterParameter(const FunctionDecl &Setter,
                             const FieldDecl &Field) {
  if (auto It = SetterParameters.find({&Setter, &Field});
      It != SetterParameters.end())
    return It->second;
  llvm::SmallVector<std::pair<const Expr *, const Stmt *>, 2> Writes;
  findWrites(Setter.getBody(), Field, Writes);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Setter))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() == &Field && Init->getInit())
        Writes.emplace_back(Init->getInit(), Init->getInit());
  std::optional<unsigned> Index;
  for (const auto &[Written, Site] : Writes)
    if (const ParmVarDecl *Param = storedParameter(Written);
        Param && Param->getDeclContext() == &Setter) {
      Index = Param->getFunctionScopeIndex();
      break;
    }
  SetterParameters[{&Setter, &Field}] = Index;
  return Index;
}

/// `client.setUrl(url)`, `Session s(url)` in \p Function: the arguments a
/// setter of the file stores into \p Field, with the call.
void TaintEngine::findSetterWrites(
    const FunctionDecl &Function, const FieldDecl &Field,
    llvm::SmallVectorImpl<std::pair<const Expr *, const Stmt *>> &Writes) {
  llvm::SmallVector<const Expr *, 4> Calls;
  findSetterCalls(Function.getBody(), Ctx.getSourceManager(), Calls);
  for (const Expr *Call : Calls) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const auto *Construct = dyn_cast<CXXConstructExpr>(Call);
    const FunctionDecl *Setter =
        Member ? Member->getDirectCallee()->getDefinition()
               : Construct->getConstructor()->getDefinition();
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Setter);
    if (!Method || Method == &Function ||
        Method->getParent() != Field.getParent())
      continue;
    std::optional<unsigned> Param = setterParameter(*Method, Field);
    if (!Param)
      continue;
    const Expr *Arg = Member ? argumentForParameter(*Member, *Param)
                      : *Param < Construct->getNumArgs()
                          ? Construct->getArg(*Param)
                          : nullptr;
    if (Arg && !isa<CXXDefaultArgExpr>(Arg))
      Writes.emplace_back(Arg, Call);
  }
}

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
    if (const auto *Field = dyn_cast<FieldDecl>(&D);
        Field && Model.followsSetters())
      findSetterWrites(*Function, *Field, Writes);
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
