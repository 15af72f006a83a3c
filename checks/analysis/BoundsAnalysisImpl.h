//===--- BoundsAnalysisImpl.h - prodready ----------------------*- C++ -*-===//
//
// The internals of the bounds analysis (BoundsAnalysis.h), shared by its
// source files: the facts and states of the domain (see the terms in
// BoundsAnalysis.h and docs/design/container-bounds.md), and the analysis
// class. BoundsAnalysis.cpp names slots and answers queries,
// BoundsTransfer.cpp applies statements, BoundsRefinement.cpp applies
// branch conditions.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_BOUNDSANALYSISIMPL_H
#define PRODREADY_CHECKS_ANALYSIS_BOUNDSANALYSISIMPL_H

#include "AssertionMacros.h"
#include "BoundsAnalysis.h"
#include "ForwardDataflow.h"
#include "Termination.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <limits>
#include <tuple>

namespace clang::tidy::prodready {

namespace bounds {

inline constexpr unsigned NoSlot = ~0u;

struct Fact {
  enum KindT : uint8_t {
    SizeAtLeast,
    Below,
    AtLeast,
    Exists,
    FoundIn,
    /// SizeAtMost(c, Const N): c.size() <= N. Evidence of risk: a constant
    /// index at or past N is out of range on every path.
    SizeAtMost,
    /// SizeChecked(c, Const N): a branch condition of this function showed
    /// c.size() >= N (and no more). Evidence of risk: a constant index at
    /// or past N reads past what the code itself checked.
    SizeChecked,
  };
  enum TermT : uint8_t { NoTerm, Const, Var, Size };
  KindT Kind;
  TermT Term;
  unsigned A;
  unsigned B; ///< The slot of a Var or Size term, or of FoundIn.
  int64_t N;  ///< Constant bound, or offset; see BoundsAnalysis.h.

  auto key() const { return std::make_tuple(Kind, Term, A, B); }
  bool operator==(const Fact &O) const { return key() == O.key() && N == O.N; }
};

/// The weaker of two facts with the same key (join), or the stronger
/// (meet, when the same fact is established again).
inline int64_t weakerBound(const Fact &F, int64_t X, int64_t Y) {
  // SizeAtLeast(c, Const N) and AtLeast(i, N): a smaller N is weaker. Below(i,
  // Const N) and SizeAtMost(c, N): a larger N is weaker. Below(i, Var/Size, N)
  // (i + N < T): smaller is weaker.
  if ((F.Kind == Fact::Below && F.Term == Fact::Const) ||
      F.Kind == Fact::SizeAtMost)
    return std::max(X, Y);
  return std::min(X, Y);
}
inline int64_t strongerBound(const Fact &F, int64_t X, int64_t Y) {
  return weakerBound(F, X, Y) == X ? Y : X;
}

/// A container that is empty on some path to a point (a may-fact, unlike
/// the facts above): declared empty or cleared there, and neither grown nor
/// checked since. \p Site is the declaration or the call that emptied it.
struct MaybeEmpty {
  unsigned Slot;
  const Stmt *Site;
  bool operator==(const MaybeEmpty &O) const {
    return Slot == O.Slot && Site == O.Site;
  }
};

struct State {
  bool Reachable = false;
  llvm::SmallVector<Fact, 8> Facts;         ///< Sorted by key, keys unique.
  llvm::SmallVector<MaybeEmpty, 2> Emptied; ///< Sorted by slot, unique.

  bool operator==(const State &O) const {
    return Reachable == O.Reachable && Facts == O.Facts && Emptied == O.Emptied;
  }
  bool operator!=(const State &O) const { return !(*this == O); }

  void add(Fact F) {
    auto It = llvm::lower_bound(Facts, F, [](const Fact &X, const Fact &Y) {
      return X.key() < Y.key();
    });
    if (It != Facts.end() && It->key() == F.key()) {
      It->N = strongerBound(F, It->N, F.N);
    } else {
      It = Facts.insert(It, F);
    }
    // A container known to hold an element is not empty on any path.
    if (F.Kind == Fact::SizeAtLeast && F.Term == Fact::Const && F.N >= 1)
      forgetEmpty(F.A);
  }

  const Fact *find(Fact::KindT Kind, Fact::TermT Term, unsigned A,
                   unsigned B) const {
    Fact Probe{Kind, Term, A, B, 0};
    auto It = llvm::lower_bound(Facts, Probe, [](const Fact &X, const Fact &Y) {
      return X.key() < Y.key();
    });
    return It != Facts.end() && It->key() == Probe.key() ? &*It : nullptr;
  }

  template <typename Pred> void removeIf(Pred P) {
    Facts.erase(std::remove_if(Facts.begin(), Facts.end(), P), Facts.end());
  }

  void markEmpty(unsigned Slot, const Stmt *Site) {
    forgetEmpty(Slot);
    auto It = llvm::lower_bound(
        Emptied, Slot,
        [](const bounds::MaybeEmpty &E, unsigned S) { return E.Slot < S; });
    Emptied.insert(It, {Slot, Site});
  }
  void forgetEmpty(unsigned Slot) {
    llvm::erase_if(Emptied,
                   [&](const bounds::MaybeEmpty &E) { return E.Slot == Slot; });
  }
  const Stmt *emptiedAt(unsigned Slot) const {
    for (const bounds::MaybeEmpty &E : Emptied)
      if (E.Slot == Slot)
        return E.Site;
    return nullptr;
  }
};

inline State joinStates(const State &X, const State &Y) {
  if (!X.Reachable)
    return Y;
  if (!Y.Reachable)
    return X;
  State Out;
  Out.Reachable = true;
  auto I = X.Facts.begin(), J = Y.Facts.begin();
  while (I != X.Facts.end() && J != Y.Facts.end()) {
    if (I->key() < J->key()) {
      ++I;
    } else if (J->key() < I->key()) {
      ++J;
    } else {
      Fact F = *I;
      F.N = weakerBound(F, I->N, J->N);
      // An upper bound that differs between paths is dropped, not
      // widened one step at a time: a loop that grows a container would
      // otherwise raise it on every pass and never reach a fixpoint.
      if (F.Kind != Fact::SizeAtMost || I->N == J->N)
        Out.Facts.push_back(F);
      ++I;
      ++J;
    }
  }
  // May-facts: the union (the first path's site where both have one).
  Out.Emptied = X.Emptied;
  for (const MaybeEmpty &E : Y.Emptied)
    if (!Out.emptiedAt(E.Slot))
      Out.markEmpty(E.Slot, E.Site);
  return Out;
}

/// A linear term of a comparison: a constant, a variable plus a constant,
/// or a container size plus a constant.
struct LinearTerm {
  Fact::TermT Kind = Fact::NoTerm;
  unsigned Slot = NoSlot;
  int64_t Value = 0;                 ///< The constant, or the offset.
  const VarDecl *Variable = nullptr; ///< Of a Var term.
};

inline bool isLocalIndexVariable(const VarDecl &Var) {
  return Var.isLocalVarDecl() && !Var.isStaticLocal() &&
         !Var.getType()->isReferenceType();
}

} // namespace bounds

class ContainerBoundsAnalysis::Impl {
  using Fact = bounds::Fact;
  using LinearTerm = bounds::LinearTerm;
  using State = bounds::State;

public:
  Impl(const Decl &Func, const Stmt &Body, ASTContext &Ctx,
       const ContainerModel &Model, const BoundsOptions &Options)
      : Func(Func), Body(Body), Ctx(Ctx), Model(Model), Options(Options) {
    for (llvm::StringRef Name : Options.GuardFunctions) {
      Name.consume_front("::");
      GuardFunctions.insert(Name);
    }
    Terminating = Options.Terminating;
    if (!Terminating) {
      OwnTerminating = std::make_unique<TerminatingFunctions>();
      Terminating = OwnTerminating.get();
    }
  }

  AccessVerdict check(const ElementAccess &Access);
  IndexBounds boundsAt(const Expr &Index, const Stmt &Site);

private:
  // Slots.
  unsigned intern(std::string Key, unsigned Parent);
  std::optional<unsigned> slotOf(const Expr *E, unsigned Depth = 0);
  std::optional<unsigned> rootSlot(const ValueDecl &D);
  std::optional<unsigned> elementSlot(unsigned Base, const Expr *Key);
  bool isWithin(unsigned Slot, unsigned Ancestor) const;
  /// For the `strlen(buf)` slot of a buffer: the buffer's slot (a string's
  /// terminator is inside its buffer, so its length is below the size).
  std::optional<unsigned> measuredBufferSlot(unsigned LengthSlot) const;
  bool isContainerGetter(const CXXMemberCallExpr &Call) const;
  const VarDecl *indexVariable(const Expr *E);

  // Transfer.
  void transfer(const CFGElement &Element, State &S);
  void transferStmt(const Stmt &S, State &St);
  void kill(unsigned Slot, State &S);
  void killDependents(unsigned Variable, State &S);
  void killIndexVariable(unsigned Slot, int Direction, State &S);
  void assign(unsigned Slot, QualType Type, const Expr *Init, const Stmt &Site,
              State &S);
  void assignContainer(unsigned Slot, ContainerKind Kind, const Expr *Init,
                       const Stmt &Site, State &S);
  void assignIndex(unsigned Slot, const Expr *Init, State &S);
  void assignBuffer(unsigned Slot, QualType Pointer, const Expr *Init,
                    State &S);
  void assignMidpoint(unsigned Slot, const Expr *Value, State &S);
  void copiedIndexFacts(unsigned Slot, const Expr *Init, const State &S,
                        llvm::SmallVectorImpl<Fact> &Out);
  void containerCall(const CXXMemberCallExpr &Call, State &S);
  void escapingArguments(const FunctionDecl *Callee,
                         llvm::ArrayRef<const Expr *> Args, State &S);
  bool mayWriteThrough(const FunctionDecl &Callee, unsigned Index);
  void establishAccess(const ElementAccess &Access, State &S);
  void grow(unsigned Slot, State &S);
  void growByUnknown(unsigned Slot, State &S);
  void makeEmpty(unsigned Slot, const Stmt &Site, State &S);
  void sizeIs(unsigned Slot, const LinearTerm &Count, State &S);
  void atMost(unsigned Slot, int64_t Count, const Stmt *Site, State &S);

  // Refinement.
  State refine(const Expr *Cond, bool Truth, State S);
  State refineAtom(const Expr *Cond, bool Truth, State S);
  bool refineComparison(const Expr *Cond, bool Truth, State &S);
  void refineOrdering(BinaryOperatorKind Opcode, const Expr *L, const Expr *R,
                      bool Unsigned, State &S);
  State refineAsserted(const AssertedCondition &Asserted, State S);
  void refinePrefix(const CXXMemberCallExpr &Call, bool Truth, State &S);
  void checkConsistency(State &S) const;
  const Expr *comparedWithBool(const Expr *Cond, bool &Truth);
  void addLess(const LinearTerm &L, const LinearTerm &R, int64_t Delta,
               bool Unsigned, State &S);
  std::optional<LinearTerm> linearTerm(const Expr *E, const State &S);
  std::optional<LinearTerm> opaqueTerm(const Expr *E);
  bool isIgnoredAssert(const Expr &Cond) const;

  // C strings (BoundsCStrings.cpp).
  std::optional<LinearTerm> cStringLength(const Expr *E);
  std::optional<int64_t> cStringCapacity(unsigned LengthSlot) const;
  void forgetCStringLength(const Expr *Buffer, State &S);
  void forgetWrittenCString(const Expr *Written, State &S);
  void refineNonZero(const Expr *Cond, bool Truth, State &S);

  // Queries.
  int64_t knownMinSize(unsigned Slot, const State &S) const;
  bool sizeKnown(unsigned Container, const State &S) const;
  std::optional<unsigned> wholeRangeOf(const Expr *First, const Expr *Last);
  int64_t lowerBound(unsigned Variable, const State &S) const;
  bool exists(unsigned Slot, const State &S) const;
  bool indexCovered(unsigned Container, const LinearTerm &Index,
                    int64_t SizeLower, int64_t Slack, const State &S) const;
  std::optional<int64_t> sizeExceeds(unsigned Container, Fact::TermT Term,
                                     unsigned Bound, const State &S) const;

  void judgeIndex(const ElementAccess &Access, unsigned Container,
                  const std::optional<LinearTerm> &Term, int64_t SizeLower,
                  int64_t Slack, const State &S, AccessVerdict &Verdict);
  void findEvidence(const ElementAccess &Access, unsigned Container,
                    const std::optional<LinearTerm> &Index, int64_t Slack,
                    const State &S, AccessVerdict &Verdict);

  bool prepare();
  void noteGrownBy(const Expr *Cond, const Stmt &Body);

  const Decl &Func;
  const Stmt &Body;
  ASTContext &Ctx;
  const ContainerModel &Model;
  const BoundsOptions &Options;
  llvm::StringSet<> GuardFunctions;

  struct SlotInfo {
    unsigned Parent;
  };
  std::vector<SlotInfo> Slots;
  llvm::StringMap<unsigned> SlotIds;
  llvm::DenseMap<const Expr *, unsigned> SlotCache;
  /// The slot of each expression compared as written (opaqueTerm).
  llvm::DenseMap<const Expr *, unsigned> OpaqueSlots;
  /// The element slots named through each variable (`m[r]` through r).
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 2>> DependentSlots;
  /// References (and const copies) bound to a slot: they are that slot.
  llvm::DenseMap<const VarDecl *, const Expr *> Aliases;
  /// The conditions of loops, to the containers their bodies add to on
  /// every iteration (not empty at the loop's exit).
  llvm::DenseMap<const Expr *, llvm::SmallVector<unsigned, 2>>
      GrownByLoop;

  /// The length slot of each C string (`strlen(buf)`), to the size of its
  /// buffer when that is an array: the terminator is inside it, so the
  /// length is below the size.
  llvm::DenseMap<unsigned, int64_t> CStringCapacities;

  /// Range-for loop conditions, to the range they iterate.
  llvm::DenseMap<const Expr *, const Expr *> RangeLoops;

  /// Where each find() result was stored (the evidence of an index that
  /// was never compared with npos).
  llvm::DenseMap<unsigned, const Stmt *> FindSites;
  /// Where each size bound (slot, size) was first established: the check
  /// of SizeChecked, the declaration, call or check of SizeAtMost.
  llvm::DenseMap<std::pair<unsigned, int64_t>, const Stmt *> SizeSites;
  /// The condition being applied, for SizeSites.
  const Expr *CurrentCondition = nullptr;
  /// False while an equality is applied: an exact size is not a checked
  /// lower bound (see refineOrdering).
  bool RecordCheckedSizes = true;
  /// Whether a callee changes the parameter (definition, index).
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool>
      ParameterWrites;
  std::unique_ptr<TerminatingFunctions> OwnTerminating;
  TerminatingFunctions *Terminating = nullptr;

  bool Prepared = false;
  std::unique_ptr<IndexedCFG> Cfg;
  std::vector<State> Entry;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_BOUNDSANALYSISIMPL_H
