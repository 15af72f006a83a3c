//===--- BoundsAnalysis.cpp - prodready -----------------------------------===//
//
// Slots (the places facts are about) and the queries that turn the facts
// before an access into a verdict.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "BoundsAnalysisImpl.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::prodready {

using namespace bounds;

//===--- Slots ------------------------------------------------------------===//

unsigned ContainerBoundsAnalysis::Impl::intern(std::string Key,
                                               unsigned Parent) {
  auto [It, Inserted] = SlotIds.try_emplace(Key, Slots.size());
  if (Inserted)
    Slots.push_back({Parent});
  return It->second;
}

std::optional<unsigned>
ContainerBoundsAnalysis::Impl::rootSlot(const ValueDecl &D) {
  return intern("v" + std::to_string(reinterpret_cast<uintptr_t>(&D)), NoSlot);
}

bool ContainerBoundsAnalysis::Impl::isWithin(unsigned Slot,
                                             unsigned Ancestor) const {
  while (Slot != NoSlot) {
    if (Slot == Ancestor)
      return true;
    Slot = Slots[Slot].Parent;
  }
  return false;
}

std::optional<unsigned> ContainerBoundsAnalysis::Impl::slotOf(const Expr *E,
                                                              unsigned Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  // The fixpoint iteration asks again and again; naming a slot builds a
  // string.
  if (Depth == 0) {
    auto [It, Inserted] = SlotCache.try_emplace(E, NoSlot);
    if (Inserted)
      It->second = slotOf(E, 1).value_or(NoSlot);
    if (It->second == NoSlot)
      return std::nullopt;
    return It->second;
  }
  E = stripValueWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return std::nullopt;
    if (auto It = Aliases.find(Var); It != Aliases.end())
      return slotOf(It->second, Depth + 1);
    return rootSlot(*Var);
  }
  if (isa<CXXThisExpr>(E))
    return intern("this", NoSlot);
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    std::optional<unsigned> Base = slotOf(Member->getBase(), Depth + 1);
    if (!Field || !Base)
      return std::nullopt;
    return intern(std::to_string(*Base) + "." + Field->getNameAsString(),
                  *Base);
  }
  // A getter (`cfg.hosts()`, `entry.value()` of a JSON items() loop): the
  // same container as long as its object does not change.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
      Call && isContainerGetter(*Call)) {
    std::optional<unsigned> Base =
        slotOf(Call->getImplicitObjectArgument(), Depth + 1);
    if (!Base)
      return std::nullopt;
    return intern(std::to_string(*Base) + "." +
                      Call->getMethodDecl()->getName().str() + "()",
                  *Base);
  }
  // A JSON element with a literal key or index, or a variable key.
  const Expr *Object = nullptr;
  const Expr *Key = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
    Object = Op->getArg(0);
    Key = Op->getArg(1);
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && Method->getIdentifier() && Method->getName() == "at" &&
        Call->getNumArgs() == 1) {
      Object = Call->getImplicitObjectArgument();
      Key = Call->getArg(0);
    }
  }
  if (!Object || Model.kindOf(Object->getType()) == ContainerKind::None)
    return std::nullopt;
  std::optional<unsigned> Base = slotOf(Object, Depth + 1);
  if (!Base)
    return std::nullopt;
  return elementSlot(*Base, Key);
}

bool ContainerBoundsAnalysis::Impl::isContainerGetter(
    const CXXMemberCallExpr &Call) const {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->getIdentifier() && !Method->isStatic() &&
         Call.getNumArgs() == 0 &&
         !matchContainerCall(Call, Model) && // size(), begin(), ... of one
         Model.kindOf(Call.getType()) != ContainerKind::None;
}

/// The element of the container in \p Base that \p Key (a literal key or
/// index, or a variable) names. An element named by a variable is another
/// element once the variable changes: it depends on it.
std::optional<unsigned>
ContainerBoundsAnalysis::Impl::elementSlot(unsigned Base, const Expr *Key) {
  Key = stripValueWrappers(Key);
  std::string Component;
  const VarDecl *KeyVariable = nullptr;
  if (const auto *Literal = dyn_cast<StringLiteral>(Key))
    Component = "[\"" + Literal->getString().str() + "\"]";
  else if (std::optional<llvm::APSInt> Index = Key->getIntegerConstantExpr(Ctx))
    Component = "[" + std::to_string(Index->getExtValue()) + "]";
  else if (const auto *KeyRef =
               dyn_cast<DeclRefExpr>(Key->IgnoreParenImpCasts());
           KeyRef && (KeyVariable = dyn_cast<VarDecl>(KeyRef->getDecl())))
    Component =
        "[$" + std::to_string(reinterpret_cast<uintptr_t>(KeyVariable)) + "]";
  else
    return std::nullopt;
  unsigned Slot = intern(std::to_string(Base) + Component, Base);
  if (KeyVariable) {
    auto &Dependents = DependentSlots[*rootSlot(*KeyVariable)];
    if (!llvm::is_contained(Dependents, Slot))
      Dependents.push_back(Slot);
  }
  return Slot;
}

/// The variable \p E names, if it can serve as an index.
const VarDecl *ContainerBoundsAnalysis::Impl::indexVariable(const Expr *E) {
  const auto *Ref =
      dyn_cast<DeclRefExpr>(stripValueWrappers(E)->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getType()->isIntegralOrEnumerationType())
    return nullptr;
  return Var;
}
//===--- Queries ----------------------------------------------------------===//

int64_t ContainerBoundsAnalysis::Impl::knownMinSize(unsigned Slot,
                                                    const State &S) const {
  const Fact *F = S.find(Fact::SizeAtLeast, Fact::Const, Slot, NoSlot);
  int64_t Known = F ? F->N : 0;
  // 0 <= i and i + b < c.size(): c holds more than b elements.
  for (const Fact &Bound : S.Facts)
    if (Bound.Kind == Fact::Below && Bound.Term == Fact::Size &&
        Bound.B == Slot && lowerBound(Bound.A, S) >= 0)
      Known = std::max(Known, Bound.N + 1);
  return Known;
}

/// True if some fact bounds the size of \p Container from below.
bool ContainerBoundsAnalysis::Impl::sizeKnown(unsigned Container,
                                              const State &S) const {
  return Container != NoSlot &&
         llvm::any_of(S.Facts, [&](const Fact &F) {
           return F.Kind == Fact::SizeAtLeast && F.A == Container;
         });
}

/// The least value \p Variable is known to have.
int64_t ContainerBoundsAnalysis::Impl::lowerBound(unsigned Variable,
                                                  const State &S) const {
  const Fact *F = S.find(Fact::AtLeast, Fact::NoTerm, Variable, NoSlot);
  return F ? F->N : std::numeric_limits<int64_t>::min();
}

/// A JSON element exists if it, or an element below it, is known to exist
/// or to be non-empty.
bool ContainerBoundsAnalysis::Impl::exists(unsigned Slot,
                                           const State &S) const {
  return llvm::any_of(S.Facts, [&](const Fact &F) {
    return (F.Kind == Fact::Exists || (F.Kind == Fact::SizeAtLeast &&
                                       F.Term == Fact::Const && F.N >= 1)) &&
           isWithin(F.A, Slot);
  });
}

namespace {

class PrepassVisitor : public RecursiveASTVisitor<PrepassVisitor> {
public:
  explicit PrepassVisitor(llvm::function_ref<void(const Stmt &)> Visit)
      : Visit(Visit) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitStmt(Stmt *S) {
    Visit(*S);
    return true;
  }

private:
  llvm::function_ref<void(const Stmt &)> Visit;
};

} // namespace

namespace {

/// Collects the containers a loop body adds an element to on every
/// iteration: additions under a condition, in a nested loop or in a lambda
/// may not happen.
class GrowthCollector : public RecursiveASTVisitor<GrowthCollector> {
public:
  explicit GrowthCollector(
      llvm::function_ref<void(const CXXMemberCallExpr &)> Grows)
      : Grows(Grows) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseIfStmt(IfStmt *) { return true; }
  bool TraverseSwitchStmt(SwitchStmt *) { return true; }
  bool TraverseForStmt(ForStmt *) { return true; }
  bool TraverseWhileStmt(WhileStmt *) { return true; }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *) { return true; }
  bool TraverseConditionalOperator(ConditionalOperator *) { return true; }
  bool TraverseBinaryOperator(BinaryOperator *Op) {
    if (Op->isLogicalOp())
      return TraverseStmt(Op->getLHS());
    return RecursiveASTVisitor::TraverseBinaryOperator(Op);
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    Grows(*Call);
    return true;
  }

private:
  llvm::function_ref<void(const CXXMemberCallExpr &)> Grows;
};

} // namespace

/// The containers a loop's body adds to on every iteration, by the loop's
/// condition (its false edge is the exit). At the exit they are not taken
/// to be empty: the path that skips the loop would say they may be, but on
/// real code that path is nearly always ruled out by what the loop iterates
/// over (an invariant the analysis does not see), and outside data that may
/// be empty is the taint evidence's business.
void ContainerBoundsAnalysis::Impl::noteGrownBy(const Expr *Cond,
                                                const Stmt &Body) {
  auto &Grown = GrownByLoop[Cond];
  GrowthCollector([&](const CXXMemberCallExpr &Call) {
    std::optional<ContainerCall> Container = matchContainerCall(Call, Model);
    if (!Container || !Container->Method->getIdentifier())
      return;
    llvm::StringRef Name = Container->Method->getName();
    if (Name == "push_back" || Name == "emplace_back" ||
        Name == "push_front" || Name == "emplace_front" || Name == "insert")
      if (std::optional<unsigned> Slot = slotOf(Container->Object))
        Grown.push_back(*Slot);
  }).TraverseStmt(const_cast<Stmt *>(&Body));
  // Copy first: inserting the second key may move the first one's value.
  llvm::SmallVector<unsigned, 2> Slots = GrownByLoop[Cond];
  GrownByLoop[stripValueWrappers(Cond)] = std::move(Slots);
}

bool ContainerBoundsAnalysis::Impl::prepare() {
  if (Prepared)
    return Cfg && Cfg->graph();
  Prepared = true;
  PrepassVisitor([&](const Stmt &S) {
    if (const auto *Loop = dyn_cast<ForStmt>(&S)) {
      if (Loop->getCond() && Loop->getBody())
        noteGrownBy(Loop->getCond(), *Loop->getBody());
      return;
    }
    if (const auto *Loop = dyn_cast<WhileStmt>(&S)) {
      if (Loop->getCond() && Loop->getBody())
        noteGrownBy(Loop->getCond(), *Loop->getBody());
      return;
    }
    if (const auto *Loop = dyn_cast<CXXForRangeStmt>(&S)) {
      if (const Expr *Cond = Loop->getCond()) {
        RangeLoops[Cond] = Loop->getRangeInit();
        RangeLoops[stripValueWrappers(Cond)] = Loop->getRangeInit();
      }
      if (Loop->getCond() && Loop->getBody())
        noteGrownBy(Loop->getCond(), *Loop->getBody());
      return;
    }
    const auto *Decls = dyn_cast<DeclStmt>(&S);
    if (!Decls)
      return;
    // References to a container element, and const copies of one, are
    // that element.
    for (const Decl *D : Decls->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->getInit() ||
          Model.kindOf(Var->getType()) == ContainerKind::None ||
          Var->getType()->isRValueReferenceType())
        continue;
      bool IsAlias = Var->getType()->isLValueReferenceType() ||
                     Var->getType().isConstQualified();
      if (IsAlias && slotOf(Var->getInit()))
        Aliases[Var] = Var->getInit();
    }
  }).TraverseStmt(const_cast<Stmt *>(&Body));

  Cfg = std::make_unique<IndexedCFG>(Func, Body, Ctx);
  if (!Cfg->graph())
    return false;
  State Initial;
  Initial.Reachable = true;
  Entry = solveForward(
      *Cfg->graph(), std::move(Initial),
      [this](const CFGElement &Element, State &S) { transfer(Element, S); },
      [this](const Expr *Cond, bool Truth, const State &S) {
        return refine(Cond, Truth, S);
      },
      joinStates);
  return true;
}

/// How much larger than the term (\p Term, \p Bound) the size of
/// \p Container is known to be: size >= term + k gives k.
std::optional<int64_t>
ContainerBoundsAnalysis::Impl::sizeExceeds(unsigned Container, Fact::TermT Term,
                                           unsigned Bound,
                                           const State &S) const {
  if (Container == NoSlot)
    return std::nullopt;
  if (Term == Fact::Size && Bound == Container)
    return 0;
  if (const Fact *F = S.find(Fact::SizeAtLeast, Term, Container, Bound))
    return F->N;
  // n + b < size: size >= n + b + 1.
  if (Term == Fact::Var)
    if (const Fact *F = S.find(Fact::Below, Fact::Size, Bound, Container))
      return F->N + 1;
  // Another container's size: both bounded by the same term (built with
  // the same count, `std::vector<T> a(n), b(n)`), or by constants.
  if (Term == Fact::Size) {
    std::optional<int64_t> Best;
    for (const Fact &Most : S.Facts) {
      if (Most.Kind != Fact::SizeAtMost || Most.A != Bound)
        continue;
      std::optional<int64_t> Least;
      if (Most.Term == Fact::Const)
        Least = knownMinSize(Container, S);
      else if (const Fact *F =
                   S.find(Fact::SizeAtLeast, Most.Term, Container, Most.B))
        Least = F->N;
      if (Least && (!Best || *Least - Most.N > *Best))
        Best = *Least - Most.N;
    }
    return Best;
  }
  return std::nullopt;
}

/// True if the facts put \p Index below the size of \p Container, which
/// is at least \p SizeLower; \p Slack is 1 where index == size is allowed.
bool ContainerBoundsAnalysis::Impl::indexCovered(unsigned Container,
                                                 const LinearTerm &Index,
                                                 int64_t SizeLower,
                                                 int64_t Slack,
                                                 const State &S) const {
  // strlen(buf) + off, where the string's terminator is inside an array
  // of N: the length is at most N - 1.
  if (std::optional<int64_t> Capacity = cStringCapacity(Index.Slot))
    if (*Capacity - 1 + Index.Value < SizeLower + Slack)
      return true;
  // strlen(p) - k indexing p itself (k >= 0): below p's size.
  if (Index.Value <= 0 && measuredBufferSlot(Index.Slot) == Container &&
      Container != NoSlot)
    return true;
  for (const Fact &F : S.Facts) {
    if (F.Kind != Fact::Below || F.A != Index.Slot)
      continue;
    if (F.Term == Fact::Const) {
      // i < N, index i + off.
      if (F.N + Index.Value <= SizeLower + Slack)
        return true;
      continue;
    }
    // i + b < T <= size - k, index i + off.
    if (std::optional<int64_t> K =
            sizeExceeds(Container, Fact::TermT(F.Term), F.B, S))
      if (Index.Value <= F.N + *K + Slack)
        return true;
  }
  // size >= i + k, index i + off with off < k.
  std::optional<int64_t> K = sizeExceeds(Container, Fact::Var, Index.Slot, S);
  return K && Index.Value <= *K - 1 + Slack;
}

AccessVerdict
ContainerBoundsAnalysis::Impl::check(const ElementAccess &Access) {
  AccessVerdict Verdict;
  Verdict.InBounds = true; // Unless shown otherwise below.
  if (!prepare())
    return Verdict;
  // Only accesses the CFG lists: looking for an enclosing element would
  // build the parent map of the whole translation unit.
  std::optional<IndexedCFG::Position> Where =
      Cfg->elementPosition(*Access.Access);
  if (!Where)
    return Verdict;
  State S = stateAt(Entry, *Where, [this](const CFGElement &E, State &St) {
    transfer(E, St);
  });
  if (!S.Reachable)
    return Verdict;

  Verdict.InBounds = false;
  unsigned Container = slotOf(Access.Container).value_or(NoSlot);
  int64_t SizeLower = Access.Kind == ContainerKind::FixedArray &&
                              !Access.IsBuffer
                          ? int64_t(Access.StaticSize)
                      : Container == NoSlot ? 0
                                            : knownMinSize(Container, S);
  if (Access.Form != ElementAccess::Subscript) {
    Verdict.IndexIsLocal = true;
    Verdict.InBounds = SizeLower >= 1;
    if (!Verdict.InBounds)
      findEvidence(Access, Container, std::nullopt, 0, S, Verdict);
    return Verdict;
  }
  if (Access.IsKey) {
    Verdict.IndexIsLocal = true;
    std::optional<unsigned> Element = slotOf(Access.Access);
    Verdict.InBounds = Element && exists(*Element, S);
    return Verdict;
  }
  // std::string's operator[] may read the terminator at size().
  int64_t Slack =
      ContainerModel::displayName(Access.Container->getType()) == "std::string"
          ? 1
          : 0;
  // x % k and x % c.size() are judged as such, not as an opaque term.
  const auto *Rem = dyn_cast<BinaryOperator>(stripValueWrappers(Access.Index));
  std::optional<LinearTerm> Term;
  if (!Rem || Rem->getOpcode() != BO_Rem)
    Term = linearTerm(Access.Index, S);
  judgeIndex(Access, Container, Term, SizeLower, Slack, S, Verdict);
  // A buffer of a size this function does not know (a pointer it was
  // given): an index it bounds is the best it can do, the caller vouches
  // for the rest.
  if (Access.IsBuffer && !Verdict.InBounds && !sizeKnown(Container, S))
    Verdict.InBounds = Verdict.UpperBounded;
  if (!Verdict.InBounds)
    findEvidence(Access, Container, Term, Slack, S, Verdict);
  return Verdict;
}

void ContainerBoundsAnalysis::Impl::judgeIndex(
    const ElementAccess &Access, unsigned Container,
    const std::optional<LinearTerm> &Term, int64_t SizeLower, int64_t Slack,
    const State &S, AccessVerdict &Verdict) {
  if (!Term) {
    // x % k, x % c.size().
    const auto *Rem =
        dyn_cast<BinaryOperator>(stripValueWrappers(Access.Index));
    if (Rem && Rem->getOpcode() == BO_Rem) {
      Verdict.IndexIsLocal = true;
      Verdict.UpperBounded = true;
      Verdict.NonNegative =
          Rem->getType()->isUnsignedIntegerOrEnumerationType();
      if (std::optional<LinearTerm> Divisor = linearTerm(Rem->getRHS(), S))
        Verdict.InBounds =
            (Divisor->Kind == Fact::Const && Divisor->Value <= SizeLower) ||
            (Divisor->Kind == Fact::Size && Divisor->Slot == Container &&
             Divisor->Value == 0);
    }
    return;
  }
  switch (Term->Kind) {
  case Fact::Const:
    Verdict.IndexIsLocal = Verdict.UpperBounded = true;
    Verdict.NonNegative = Term->Value >= 0;
    Verdict.InBounds = Term->Value >= 0 && Term->Value < SizeLower + Slack;
    break;
  case Fact::Size:
    Verdict.IndexIsLocal = Verdict.UpperBounded = Verdict.NonNegative = true;
    Verdict.InBounds = Term->Slot == Container && Term->Value + Slack <= 0 &&
                       SizeLower >= -Term->Value;
    break;
  case Fact::Var: {
    const VarDecl *Var = Term->Variable;
    Verdict.IndexIsLocal = Var && isLocalIndexVariable(*Var);
    int64_t Least = lowerBound(Term->Slot, S);
    Verdict.NonNegative =
        (Least != std::numeric_limits<int64_t>::min() &&
         Least + Term->Value >= 0) ||
        (Term->Value >= 0 && Var &&
         Var->getType()->isUnsignedIntegerOrEnumerationType()) ||
        (Term->Value >= 0 && cStringCapacity(Term->Slot)); // strlen(buf) + k
    Verdict.UpperBounded =
        cStringCapacity(Term->Slot) ||
        llvm::any_of(S.Facts, [&](const Fact &F) {
          return F.Kind == Fact::Below && F.A == Term->Slot;
        });
    Verdict.InBounds = indexCovered(Container, *Term, SizeLower, Slack, S);
    break;
  }
  default:
    break;
  }
}

/// Why an access not proven in range is likely out of range: see
/// RiskEvidence.
void ContainerBoundsAnalysis::Impl::findEvidence(
    const ElementAccess &Access, unsigned Container,
    const std::optional<LinearTerm> &Index, int64_t Slack, const State &S,
    AccessVerdict &Verdict) {
  if (Container == NoSlot || Access.IsKey)
    return;
  auto Set = [&](RiskEvidence Evidence, const Stmt *Site, int64_t Size = 0) {
    Verdict.Evidence = Evidence;
    Verdict.EvidenceSite = Site;
    Verdict.EvidenceSize = Size;
  };
  // The first index past the end: 0 for front() and back().
  std::optional<int64_t> Constant;
  if (Access.Form != ElementAccess::Subscript)
    Constant = 0;
  else if (Index && Index->Kind == Fact::Const)
    Constant = Index->Value;
  // Empty on some path: front(), back() or a constant index fail there. A
  // variable index into a container filled on other paths usually comes
  // from the same data (an index found while filling it); only a container
  // empty on every path is evidence for it (`std::vector<T> v; v[i] = x;`,
  // a forgotten resize).
  if (const Stmt *Site = S.emptiedAt(Container)) {
    const Fact *Most = S.find(Fact::SizeAtMost, Fact::Const, Container, NoSlot);
    if (Constant || (Most && Most->N == 0))
      return Set(RiskEvidence::MaybeEmpty, Site);
  }
  if (Constant) {
    if (const Fact *Most =
            S.find(Fact::SizeAtMost, Fact::Const, Container, NoSlot);
        Most && *Constant >= Most->N + Slack)
      return Set(RiskEvidence::BeyondKnownSize,
                 SizeSites.lookup({Container, Most->N}), Most->N);
    if (const Fact *Checked =
            S.find(Fact::SizeChecked, Fact::Const, Container, NoSlot);
        Checked && *Constant >= Checked->N + Slack)
      return Set(RiskEvidence::BeyondCheckedSize,
                 SizeSites.lookup({Container, Checked->N}), Checked->N);
  }
  if (Index && Index->Kind == Fact::Var &&
      S.find(Fact::FoundIn, Fact::NoTerm, Index->Slot, Container))
    return Set(RiskEvidence::UncheckedFind, FindSites.lookup(Index->Slot));
  // c[c.find(x)] written in one expression.
  if (Access.Index)
    if (std::optional<ContainerCall> Find =
            matchContainerCall(*stripValueWrappers(Access.Index), Model);
        Find && Find->Method->getIdentifier() &&
        (Find->Method->getName().starts_with("find") ||
         Find->Method->getName() == "rfind") &&
        Find->Method->getName() != "find_if" &&
        slotOf(Find->Object) == Container)
      return Set(RiskEvidence::UncheckedFind, Access.Index);
}

IndexBounds ContainerBoundsAnalysis::Impl::boundsAt(const Expr &Index,
                                                    const Stmt &Site) {
  IndexBounds Bounds{true, true};
  if (!prepare())
    return Bounds;
  std::optional<IndexedCFG::Position> Where = Cfg->elementPosition(Site);
  if (!Where)
    return Bounds;
  State S = stateAt(Entry, *Where, [this](const CFGElement &E, State &St) {
    transfer(E, St);
  });
  if (!S.Reachable)
    return Bounds;
  std::optional<LinearTerm> Term = linearTerm(&Index, S);
  if (!Term)
    return {false, Index.getType()->isUnsignedIntegerOrEnumerationType()};
  switch (Term->Kind) {
  case Fact::Const:
    return {true, Term->Value >= 0};
  case Fact::Size:
    return {true, Term->Value >= 0};
  case Fact::Var: {
    int64_t Least = lowerBound(Term->Slot, S);
    Bounds.NonNegative =
        (Least != std::numeric_limits<int64_t>::min() &&
         Least + Term->Value >= 0) ||
        (Term->Value >= 0 && Term->Variable &&
         Term->Variable->getType()->isUnsignedIntegerOrEnumerationType());
    Bounds.UpperBounded = llvm::any_of(S.Facts, [&](const Fact &F) {
      return F.Kind == Fact::Below && F.A == Term->Slot;
    });
    return Bounds;
  }
  default:
    return {false, false};
  }
}

ContainerBoundsAnalysis::ContainerBoundsAnalysis(const Decl &Func,
                                                 const Stmt &Body,
                                                 ASTContext &Ctx,
                                                 const ContainerModel &Model,
                                                 const BoundsOptions &Options)
    : TheImpl(std::make_unique<Impl>(Func, Body, Ctx, Model, Options)) {}

ContainerBoundsAnalysis::~ContainerBoundsAnalysis() = default;

AccessVerdict ContainerBoundsAnalysis::check(const ElementAccess &Access) {
  return TheImpl->check(Access);
}

IndexBounds ContainerBoundsAnalysis::boundsAt(const Expr &Index,
                                              const Stmt &Site) {
  return TheImpl->boundsAt(Index, Site);
}

} // namespace clang::tidy::prodready
