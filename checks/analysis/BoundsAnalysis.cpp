//===--- BoundsAnalysis.cpp - prodready -----------------------------------===//

#include "BoundsAnalysis.h"
#include "ASTHelpers.h"
#include "ForwardDataflow.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <limits>
#include <tuple>

namespace clang::tidy::prodready {

namespace {

constexpr unsigned NoSlot = ~0u;

struct Fact {
  enum KindT : uint8_t { SizeAtLeast, Below, AtLeast, Exists, FoundIn };
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
int64_t weakerBound(const Fact &F, int64_t X, int64_t Y) {
  // SizeAtLeast(c, Const N) and AtLeast(i, N): a smaller N is weaker. Below(i, Const N): a
  // larger N is weaker. Below(i, Var/Size, N) (i + N < T): smaller is weaker.
  if (F.Kind == Fact::Below && F.Term == Fact::Const)
    return std::max(X, Y);
  return std::min(X, Y);
}
int64_t strongerBound(const Fact &F, int64_t X, int64_t Y) {
  return weakerBound(F, X, Y) == X ? Y : X;
}

struct State {
  bool Reachable = false;
  llvm::SmallVector<Fact, 8> Facts; ///< Sorted by key, keys unique.

  bool operator==(const State &O) const {
    return Reachable == O.Reachable && Facts == O.Facts;
  }
  bool operator!=(const State &O) const { return !(*this == O); }

  void add(Fact F) {
    auto It = llvm::lower_bound(
        Facts, F, [](const Fact &X, const Fact &Y) { return X.key() < Y.key(); });
    if (It != Facts.end() && It->key() == F.key()) {
      It->N = strongerBound(F, It->N, F.N);
      return;
    }
    Facts.insert(It, F);
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
};

State joinStates(const State &X, const State &Y) {
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
      Out.Facts.push_back(F);
      ++I;
      ++J;
    }
  }
  return Out;
}

/// A linear term of a comparison: a constant, a variable plus a constant,
/// or a container size plus a constant.
struct LinearTerm {
  Fact::TermT Kind = Fact::NoTerm;
  unsigned Slot = NoSlot;
  int64_t Value = 0; ///< The constant, or the offset.
  const VarDecl *Variable = nullptr; ///< Of a Var term.
};

bool isLocalIndexVariable(const VarDecl &Var) {
  return Var.isLocalVarDecl() && !Var.isStaticLocal() &&
         !Var.getType()->isReferenceType();
}

} // namespace

class ContainerBoundsAnalysis::Impl {
public:
  Impl(const Decl &Func, const Stmt &Body, ASTContext &Ctx,
       const ContainerModel &Model, const BoundsOptions &Options)
      : Func(Func), Body(Body), Ctx(Ctx), Model(Model), Options(Options) {
    for (llvm::StringRef Name : Options.GuardFunctions) {
      Name.consume_front("::");
      GuardFunctions.insert(Name);
    }
  }

  AccessVerdict check(const ElementAccess &Access);

private:
  // Slots.
  unsigned intern(std::string Key, unsigned Parent);
  std::optional<unsigned> slotOf(const Expr *E, unsigned Depth = 0);
  std::optional<unsigned> rootSlot(const ValueDecl &D);
  std::optional<unsigned> elementSlot(unsigned Base, const Expr *Key);
  bool isWithin(unsigned Slot, unsigned Ancestor) const;
  const VarDecl *indexVariable(const Expr *E);

  // Transfer.
  void transfer(const CFGElement &Element, State &S);
  void transferStmt(const Stmt &S, State &St);
  void kill(unsigned Slot, State &S);
  void killDependents(unsigned Variable, State &S);
  void killIndexVariable(unsigned Slot, int Direction, State &S);
  void assign(unsigned Slot, QualType Type, const Expr *Init, State &S);
  void assignContainer(unsigned Slot, const Expr *Init, State &S);
  void assignIndex(unsigned Slot, const Expr *Init, State &S);
  void assignMidpoint(unsigned Slot, const Expr *Value, State &S);
  void copiedIndexFacts(unsigned Slot, const Expr *Init, const State &S,
                        llvm::SmallVectorImpl<Fact> &Out);
  void containerCall(const CXXMemberCallExpr &Call, State &S);
  void escapingArguments(const FunctionDecl *Callee,
                         llvm::ArrayRef<const Expr *> Args, State &S);
  void establishAccess(const ElementAccess &Access, State &S);
  void grow(unsigned Slot, State &S);

  // Refinement.
  State refine(const Expr *Cond, bool Truth, State S);
  State refineAtom(const Expr *Cond, bool Truth, State S);
  bool refineComparison(const Expr *Cond, bool Truth, State &S);
  void addLess(const LinearTerm &L, const LinearTerm &R, int64_t Delta,
               bool Unsigned, State &S);
  std::optional<LinearTerm> linearTerm(const Expr *E, const State &S);
  bool isIgnoredAssert(const Expr &Cond) const;

  // Queries.
  int64_t knownMinSize(unsigned Slot, const State &S) const;
  int64_t lowerBound(unsigned Variable, const State &S) const;
  bool exists(unsigned Slot, const State &S) const;
  bool indexCovered(unsigned Container, const LinearTerm &Index,
                    int64_t SizeLower, int64_t Slack, const State &S) const;
  std::optional<int64_t> sizeExceeds(unsigned Container, Fact::TermT Term,
                                     unsigned Bound, const State &S) const;

  bool prepare();

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
  /// The element slots named through each variable (`m[r]` through r).
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 2>> DependentSlots;
  /// References (and const copies) bound to a slot: they are that slot.
  llvm::DenseMap<const VarDecl *, const Expr *> Aliases;
  /// Range-for loop conditions, to the range they iterate.
  llvm::DenseMap<const Expr *, const Expr *> RangeLoops;

  bool Prepared = false;
  std::unique_ptr<IndexedCFG> Cfg;
  std::vector<State> Entry;
};

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
  return intern("v" + std::to_string(reinterpret_cast<uintptr_t>(&D)),
                NoSlot);
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
  else if (std::optional<llvm::APSInt> Index =
               Key->getIntegerConstantExpr(Ctx))
    Component = "[" + std::to_string(Index->getExtValue()) + "]";
  else if (const auto *KeyRef =
               dyn_cast<DeclRefExpr>(Key->IgnoreParenImpCasts());
           KeyRef && (KeyVariable = dyn_cast<VarDecl>(KeyRef->getDecl())))
    Component = "[$" +
                std::to_string(reinterpret_cast<uintptr_t>(KeyVariable)) + "]";
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
//===--- Transfer ---------------------------------------------------------===//

void ContainerBoundsAnalysis::Impl::kill(unsigned Slot, State &S) {
  S.removeIf([&](const Fact &F) {
    return isWithin(F.A, Slot) || (F.B != NoSlot && isWithin(F.B, Slot));
  });
  killDependents(Slot, S);
}

void ContainerBoundsAnalysis::Impl::killDependents(unsigned Variable,
                                                   State &S) {
  auto It = DependentSlots.find(Variable);
  if (It == DependentSlots.end())
    return;
  for (unsigned Element : It->second)
    S.removeIf([&](const Fact &F) {
      return isWithin(F.A, Element) ||
             (F.B != NoSlot && isWithin(F.B, Element));
    });
}

/// An index variable changed: by counting up (\p Direction > 0), down
/// (< 0) or arbitrarily (0). Counting up keeps it non-negative and keeps
/// bounds others have below it; counting down keeps its upper bounds.
void ContainerBoundsAnalysis::Impl::killIndexVariable(unsigned Slot,
                                                      int Direction,
                                                      State &S) {
  killDependents(Slot, S);
  S.removeIf([&](const Fact &F) {
    if (F.A != Slot && F.B != Slot)
      return false;
    if (Direction > 0)
      return !(F.A == Slot && F.Kind == Fact::AtLeast) &&
             !(F.B == Slot && F.Kind == Fact::Below);
    if (Direction < 0)
      return !(F.A == Slot && F.Kind == Fact::Below) &&
             !(F.B == Slot && F.Kind == Fact::SizeAtLeast);
    return true;
  });
}

void ContainerBoundsAnalysis::Impl::grow(unsigned Slot, State &S) {
  // What was bounded by this size before still is; what was at least as
  // large as this size may no longer be.
  S.removeIf([&](const Fact &F) {
    return F.Kind == Fact::SizeAtLeast && F.Term == Fact::Size &&
           F.B != NoSlot && isWithin(F.B, Slot);
  });
  int64_t Known = knownMinSize(Slot, S);
  S.removeIf([&](const Fact &F) {
    return F.Kind == Fact::SizeAtLeast && F.Term == Fact::Const && F.A == Slot;
  });
  S.add({Fact::SizeAtLeast, Fact::Const, Slot, NoSlot, Known + 1});
}

void ContainerBoundsAnalysis::Impl::assign(unsigned Slot, QualType Type,
                                           const Expr *Init, State &S) {
  llvm::SmallVector<Fact, 4> Carried;
  if (Init && Type->isIntegralOrEnumerationType())
    copiedIndexFacts(Slot, Init, S, Carried);
  kill(Slot, S);
  for (const Fact &F : Carried)
    S.add(F);
  if (!Init)
    return;
  ContainerKind Kind = Model.kindOf(Type);
  if (Kind == ContainerKind::Sequence || Kind == ContainerKind::Json) {
    assignContainer(Slot, Init, S);
    return;
  }
  const Expr *Value = stripValueWrappers(Init);
  // An iterator or position from find(): valid when not end()/npos.
  if (std::optional<ContainerCall> Call = matchContainerCall(*Value, Model);
      Call && Call->Method->getIdentifier() &&
      Call->Method->getName().starts_with("find") &&
      Call->Method->getName() != "find_if") {
    std::optional<unsigned> Object = slotOf(Call->Object);
    if (!Object)
      return;
    if (Call->Kind == ContainerKind::Json) {
      const auto *Member = cast<CXXMemberCallExpr>(Value);
      if (Member->getNumArgs() != 1)
        return;
      // The element find() looks for is the one j.at(key) names.
      if (std::optional<unsigned> Element =
              elementSlot(*Object, Member->getArg(0)))
        S.add({Fact::FoundIn, Fact::NoTerm, Slot, *Element, 1});
      return;
    }
    if (Type->isIntegralOrEnumerationType())
      S.add({Fact::FoundIn, Fact::NoTerm, Slot, *Object, 0});
    return;
  }
  if (Type->isIntegralOrEnumerationType())
    assignIndex(Slot, Value, S);
}

void ContainerBoundsAnalysis::Impl::assignContainer(unsigned Slot,
                                                    const Expr *Init,
                                                    State &S) {
  const auto *Construct =
      dyn_cast<CXXConstructExpr>(stripValueWrappers(Init));
  if (!Construct || Construct->getNumArgs() == 0 ||
      isa<CXXDefaultArgExpr>(Construct->getArg(0)))
    return;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  const Expr *First = stripValueWrappers(Construct->getArg(0));
  auto SizeAtLeast = [&](const LinearTerm &T) {
    if (T.Kind == Fact::Const && T.Value > 0)
      S.add({Fact::SizeAtLeast, Fact::Const, Slot, NoSlot, T.Value});
    else if ((T.Kind == Fact::Var || T.Kind == Fact::Size) && T.Value >= 0)
      S.add({Fact::SizeAtLeast, T.Kind, Slot, T.Slot, T.Value});
  };
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(First)) {
    if (const auto *Elements =
            dyn_cast<InitListExpr>(stripValueWrappers(List->getSubExpr())))
      SizeAtLeast({Fact::Const, NoSlot, Elements->getNumInits()});
    return;
  }
  if (const auto *Literal = dyn_cast<StringLiteral>(First)) {
    if (Construct->getNumArgs() == 1 ||
        isa<CXXDefaultArgExpr>(Construct->getArg(1)))
      SizeAtLeast({Fact::Const, NoSlot, int64_t(Literal->getLength())});
    return;
  }
  // vector(n), vector(n, value), string(n, c).
  if (Ctor->getNumParams() >= 1 &&
      Ctor->getParamDecl(0)->getType()->isIntegerType() &&
      First->getType()->isIntegralOrEnumerationType()) {
    if (std::optional<LinearTerm> Count = linearTerm(First, S))
      SizeAtLeast(*Count);
    return;
  }
  if (Ctor->isCopyOrMoveConstructor())
    if (std::optional<unsigned> Source = slotOf(First)) {
      llvm::SmallVector<Fact, 4> Copied;
      for (const Fact &F : S.Facts)
        if (F.Kind == Fact::SizeAtLeast && F.A == *Source) {
          Copied.push_back(F);
          Copied.back().A = Slot;
        }
      for (const Fact &F : Copied)
        S.add(F);
    }
}

/// x = y + d: what is known of y holds of x, shifted by d. When y was
/// below the old x and the old x within a size (`hi = mid` in a binary
/// search), the new x is within it too. Computed before the old facts of
/// x are forgotten.
void ContainerBoundsAnalysis::Impl::copiedIndexFacts(
    unsigned Slot, const Expr *Init, const State &S,
    llvm::SmallVectorImpl<Fact> &Out) {
  std::optional<LinearTerm> Source = linearTerm(Init, S);
  if (!Source || Source->Kind != Fact::Var || Source->Slot == Slot)
    return;
  unsigned From = Source->Slot;
  int64_t Shift = Source->Value;
  for (const Fact &F : S.Facts) {
    if (F.Kind == Fact::Below && F.A == From && F.B != Slot)
      Out.push_back({Fact::Below, F.Term, Slot, F.B,
                     F.Term == Fact::Const ? F.N + Shift : F.N - Shift});
    else if (F.Kind == Fact::AtLeast && F.A == From)
      Out.push_back({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, F.N + Shift});
    else if (F.Kind == Fact::SizeAtLeast && F.Term == Fact::Var &&
             F.B == From && F.N - Shift >= 0)
      Out.push_back({Fact::SizeAtLeast, Fact::Var, F.A, Slot, F.N - Shift});
    else if (F.Kind == Fact::Below && F.A == From && F.Term == Fact::Var &&
             F.B == Slot && F.N >= -1)
      // y + b < old x, size >= old x + k: size >= new x + b + 1 + k - d.
      for (const Fact &G : S.Facts)
        if (G.Kind == Fact::SizeAtLeast && G.Term == Fact::Var &&
            G.B == Slot && F.N + 1 + G.N - Shift >= 0)
          Out.push_back({Fact::SizeAtLeast, Fact::Var, G.A, Slot,
                         F.N + 1 + G.N - Shift});
  }
}

/// mid = lo + (hi - lo) / k or (lo + hi) / k with k >= 2, where lo < hi:
/// mid < hi.
void ContainerBoundsAnalysis::Impl::assignMidpoint(unsigned Slot,
                                                   const Expr *Value,
                                                   State &S) {
  auto IsDivisor = [&](const Expr *E) {
    std::optional<LinearTerm> K = linearTerm(E, S);
    return K && K->Kind == Fact::Const && K->Value >= 2;
  };
  auto AsBinary = [](const Expr *E, BinaryOperatorKind Kind) {
    const auto *Op = dyn_cast<BinaryOperator>(stripValueWrappers(E));
    return Op && Op->getOpcode() == Kind ? Op : nullptr;
  };
  const Expr *Low = nullptr, *High = nullptr;
  if (const BinaryOperator *Sum = AsBinary(Value, BO_Add)) {
    const BinaryOperator *Half = AsBinary(Sum->getRHS(), BO_Div);
    const BinaryOperator *Width =
        Half ? AsBinary(Half->getLHS(), BO_Sub) : nullptr;
    if (Width && IsDivisor(Half->getRHS())) {
      Low = Sum->getLHS();
      High = Width->getLHS();
    }
  } else if (const BinaryOperator *Half = AsBinary(Value, BO_Div)) {
    if (const BinaryOperator *Sum = AsBinary(Half->getLHS(), BO_Add);
        Sum && IsDivisor(Half->getRHS())) {
      Low = Sum->getLHS();
      High = Sum->getRHS();
    }
  }
  std::optional<LinearTerm> L = Low ? linearTerm(Low, S) : std::nullopt;
  std::optional<LinearTerm> H = High ? linearTerm(High, S) : std::nullopt;
  if (!L || !H || L->Kind != Fact::Var || H->Kind != Fact::Var ||
      L->Value != 0 || H->Value != 0)
    return;
  const Fact *Ordered = S.find(Fact::Below, Fact::Var, L->Slot, H->Slot);
  if (!Ordered || Ordered->N < 0)
    return;
  S.add({Fact::Below, Fact::Var, Slot, H->Slot, 0});
  if (lowerBound(L->Slot, S) >= 0 ||
      Value->getType()->isUnsignedIntegerOrEnumerationType())
    S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
}

void ContainerBoundsAnalysis::Impl::assignIndex(unsigned Slot,
                                                const Expr *Value, State &S) {
  assignMidpoint(Slot, Value, S);
  if (std::optional<LinearTerm> Term = linearTerm(Value, S)) {
    if (Term->Kind == Fact::Const) {
      S.add({Fact::Below, Fact::Const, Slot, NoSlot, Term->Value + 1});
      if (Term->Value >= 0)
        S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
      return;
    }
    if (Term->Kind == Fact::Size && Term->Value == 0) {
      // n = c.size(): c holds at least n elements.
      S.add({Fact::SizeAtLeast, Fact::Var, Term->Slot, Slot, 0});
      S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
      return;
    }
    if (Term->Kind == Fact::Size && Term->Value < 0 &&
        knownMinSize(Term->Slot, S) >= -Term->Value) {
      // last = c.size() - k on a container known to hold k: last + k - 1
      // is below the size.
      S.add({Fact::Below, Fact::Size, Slot, Term->Slot, -Term->Value - 1});
      S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
    }
    return;
  }
  // x % k and x % c.size() are below k and c.size().
  const auto *Rem = dyn_cast<BinaryOperator>(Value);
  if (!Rem || Rem->getOpcode() != BO_Rem)
    return;
  std::optional<LinearTerm> Divisor = linearTerm(Rem->getRHS(), S);
  if (!Divisor)
    return;
  if (Divisor->Kind == Fact::Const && Divisor->Value > 0)
    S.add({Fact::Below, Fact::Const, Slot, NoSlot, Divisor->Value});
  else if (Divisor->Kind == Fact::Size && Divisor->Value == 0)
    S.add({Fact::Below, Fact::Size, Slot, Divisor->Slot, 0});
  else
    return;
  if (Rem->getType()->isUnsignedIntegerOrEnumerationType())
    S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
}

namespace {

/// Member functions of a container that may change its elements but never
/// remove any.
bool keepsSize(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "begin",   "end",           "rbegin", "rend",  "data",  "front",
      "back",    "at",            "find",   "value", "items", "reserve",
      "shrink_to_fit", "get_ref", "get_ptr", "append", "update"};
  return Names.contains(Name);
}

bool growsByOne(llvm::StringRef Name) {
  return Name == "push_back" || Name == "emplace_back" ||
         Name == "push_front" || Name == "emplace_front";
}

} // namespace

void ContainerBoundsAnalysis::Impl::containerCall(const CXXMemberCallExpr &Call,
                                                  State &S) {
  std::optional<ContainerCall> Container = matchContainerCall(Call, Model);
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method)
    return;
  if (!Container) {
    // A non-const member function may change any container its object
    // holds; one called on `this` implicitly, those of the class.
    if (Method->isConst() || Method->isStatic())
      return;
    if (std::optional<unsigned> Object =
            slotOf(Call.getImplicitObjectArgument()))
      kill(*Object, S);
    return;
  }
  std::optional<unsigned> Slot = slotOf(Container->Object);
  if (!Slot || !Method->getIdentifier())
    return;
  llvm::StringRef Name = Method->getName();
  if (Name == "at" && Call.getNumArgs() == 1) {
    // After c.at(i) returned, the element exists.
    ElementAccess Access;
    Access.Kind = Container->Kind;
    Access.Container = Container->Object;
    Access.Index = Call.getArg(0);
    Access.Access = &Call;
    Access.IsKey = Container->Kind == ContainerKind::Json &&
                   !Access.Index->IgnoreImplicit()
                        ->getType()
                        ->isIntegralOrEnumerationType();
    establishAccess(Access, S);
    return;
  }
  if (Method->isConst() || keepsSize(Name))
    return;
  if (growsByOne(Name) ||
      (Name == "insert" && Container->Kind == ContainerKind::Sequence)) {
    grow(*Slot, S);
    return;
  }
  if (Container->Kind == ContainerKind::Json &&
      (Name == "insert" || Name == "emplace"))
    return;
  kill(*Slot, S);
  bool SetsCount = Name == "resize" ||
                   (Name == "assign" && Call.getNumArgs() == 2 &&
                    Call.getArg(0)->getType()->isIntegralOrEnumerationType());
  if (SetsCount && Call.getNumArgs() >= 1)
    if (std::optional<LinearTerm> Count = linearTerm(Call.getArg(0), S)) {
      if (Count->Kind == Fact::Const && Count->Value > 0)
        S.add({Fact::SizeAtLeast, Fact::Const, *Slot, NoSlot, Count->Value});
      else if (Count->Kind != Fact::Const && Count->Value >= 0)
        S.add({Fact::SizeAtLeast, Count->Kind, *Slot, Count->Slot,
               Count->Value});
    }
}

/// Arguments passed by non-const reference or as `&x` may be changed by
/// the callee: what was known about them is forgotten.
void ContainerBoundsAnalysis::Impl::escapingArguments(
    const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args,
    State &S) {
  if (!Callee)
    return;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    QualType Param = Callee->getParamDecl(I)->getType();
    const Expr *Arg = Args[I];
    bool Writable = false;
    if (Param->isReferenceType())
      Writable = !Param.getNonReferenceType().isConstQualified();
    else if (Param->isPointerType() &&
             !Param->getPointeeType().isConstQualified())
      if (const auto *AddressOf =
              dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
          AddressOf && AddressOf->getOpcode() == UO_AddrOf) {
        Writable = true;
        Arg = AddressOf->getSubExpr();
      }
    if (!Writable)
      continue;
    if (std::optional<unsigned> Slot = slotOf(Arg))
      kill(*Slot, S);
  }
}

void ContainerBoundsAnalysis::Impl::establishAccess(const ElementAccess &Access,
                                                    State &S) {
  std::optional<unsigned> Container = slotOf(Access.Container);
  if (!Container || Access.Kind == ContainerKind::FixedArray)
    return;
  if (Access.Form != ElementAccess::Subscript) {
    S.add({Fact::SizeAtLeast, Fact::Const, *Container, NoSlot, 1});
    return;
  }
  if (Access.IsKey) {
    if (std::optional<unsigned> Element = slotOf(Access.Access))
      S.add({Fact::Exists, Fact::NoTerm, *Element, NoSlot, 0});
    return;
  }
  std::optional<LinearTerm> Index = linearTerm(Access.Index, S);
  if (!Index)
    return;
  if (Index->Kind == Fact::Const && Index->Value >= 0)
    S.add({Fact::SizeAtLeast, Fact::Const, *Container, NoSlot,
           Index->Value + 1});
  else if (Index->Kind == Fact::Var && Index->Value >= 0)
    S.add({Fact::Below, Fact::Size, Index->Slot, *Container, Index->Value});
}

void ContainerBoundsAnalysis::Impl::transfer(const CFGElement &Element,
                                             State &S) {
  if (std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>())
    transferStmt(*Statement->getStmt(), S);
}

void ContainerBoundsAnalysis::Impl::transferStmt(const Stmt &Statement,
                                                 State &S) {
  if (const auto *Decls = dyn_cast<DeclStmt>(&Statement)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && !Aliases.count(Var))
        assign(*rootSlot(*Var), Var->getType(), Var->getInit(), S);
    return;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(&Statement)) {
    if (!Op->isAssignmentOp())
      return;
    std::optional<unsigned> Slot = slotOf(Op->getLHS());
    if (!Slot)
      return;
    if (Op->getOpcode() == BO_Assign) {
      assign(*Slot, Op->getLHS()->getType(), Op->getRHS(), S);
      return;
    }
    std::optional<LinearTerm> Step = linearTerm(Op->getRHS(), S);
    bool NonNegativeStep =
        Step && Step->Kind == Fact::Const && Step->Value >= 0;
    int Direction = !NonNegativeStep               ? 0
                    : Op->getOpcode() == BO_AddAssign ? 1
                    : Op->getOpcode() == BO_SubAssign ? -1
                                                      : 0;
    killIndexVariable(*Slot, Direction, S);
    return;
  }
  if (const auto *Op = dyn_cast<UnaryOperator>(&Statement)) {
    if (Op->isIncrementDecrementOp())
      if (std::optional<unsigned> Slot = slotOf(Op->getSubExpr()))
        killIndexVariable(*Slot, Op->isIncrementOp() ? 1 : -1, S);
    if (Op->getOpcode() == UO_Deref)
      if (std::optional<ElementAccess> Access =
              matchElementAccess(*Op, Model))
        establishAccess(*Access, S);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Statement)) {
    escapingArguments(Construct->getConstructor(),
                      {Construct->getArgs(), Construct->getNumArgs()}, S);
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(&Statement);
  if (!Call)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (Method && !Args.empty()) {
      // Member operators: argument 0 is the object.
      std::optional<unsigned> Object = slotOf(Args[0]);
      escapingArguments(Method, Args.drop_front(), S);
      if (Object && Op->isAssignmentOp()) {
        kill(*Object, S);
        if (Op->getOperator() == OO_Equal) {
          assign(*Object, Args[0]->getType(), Args[1], S);
          // `j["k"] = v` creates the element.
          if (Slots[*Object].Parent != NoSlot &&
              Model.kindOf(Args[0]->getType()) == ContainerKind::Json)
            S.add({Fact::Exists, Fact::NoTerm, *Object, NoSlot, 0});
        }
      } else if (Object && !Method->isConst() &&
                 Op->getOperator() != OO_Subscript &&
                 Op->getOperator() != OO_PlusEqual &&
                 Op->getOperator() != OO_Star &&
                 Op->getOperator() != OO_Arrow && !Op->isComparisonOp()) {
        kill(*Object, S);
      }
    } else {
      escapingArguments(Callee, Args, S);
    }
    if (std::optional<ElementAccess> Access = matchElementAccess(*Op, Model))
      establishAccess(*Access, S);
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    escapingArguments(Callee, Args, S);
    containerCall(*Member, S);
    if (std::optional<ElementAccess> Access =
            matchElementAccess(*Member, Model))
      establishAccess(*Access, S);
    return;
  }
  escapingArguments(Callee, Args, S);
  if (Callee && !GuardFunctions.empty() && Call->getNumArgs() >= 1 &&
      GuardFunctions.contains(Callee->getQualifiedNameAsString()))
    S = refine(Call->getArg(0), true, std::move(S));
}

//===--- Refinement -------------------------------------------------------===//

bool ContainerBoundsAnalysis::Impl::isIgnoredAssert(const Expr &Cond) const {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Cond.getBeginLoc();
  while (Loc.isMacroID()) {
    if (Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()) == "assert")
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

State ContainerBoundsAnalysis::Impl::refine(const Expr *Cond, bool Truth,
                                            State S) {
  if (!Cond || (!Options.TrustAsserts && isIgnoredAssert(*Cond)))
    return S;
  return refineCondition(
      Cond, Truth, std::move(S),
      [](const Expr *E) { return stripValueWrappers(E); },
      [this](const Expr *Atom, bool AtomTruth, State AtomState) {
        return refineAtom(Atom, AtomTruth, std::move(AtomState));
      },
      joinStates);
}

State ContainerBoundsAnalysis::Impl::refineAtom(const Expr *Cond, bool Truth,
                                                State S) {
  if (auto It = RangeLoops.find(Cond); It != RangeLoops.end()) {
    // The body of a range-for runs only on a non-empty range.
    if (std::optional<unsigned> Range = slotOf(It->second); Range && Truth)
      S.add({Fact::SizeAtLeast, Fact::Const, *Range, NoSlot, 1});
    return S;
  }
  if (std::optional<ContainerCall> Call = matchContainerCall(*Cond, Model)) {
    std::optional<unsigned> Object = slotOf(Call->Object);
    if (!Object || !Call->Method->getIdentifier())
      return S;
    llvm::StringRef Name = Call->Method->getName();
    const auto *Member = cast<CXXMemberCallExpr>(Cond);
    if ((Name == "empty" && !Truth) ||
        ((Name == "size" || Name == "length") && Truth))
      S.add({Fact::SizeAtLeast, Fact::Const, *Object, NoSlot, 1});
    if (Call->Kind != ContainerKind::Json || !Truth)
      return S;
    if ((Name == "contains" || Name == "count") && Member->getNumArgs() == 1) {
      if (std::optional<unsigned> Element =
              elementSlot(*Object, Member->getArg(0)))
        S.add({Fact::Exists, Fact::NoTerm, *Element, NoSlot, 0});
    } else if (Name.starts_with("is_") && Name != "is_null" &&
               Name != "is_discarded") {
      // A missing element reads as null: any other type means it exists.
      S.add({Fact::Exists, Fact::NoTerm, *Object, NoSlot, 0});
    }
    return S;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Cond)) {
    // std::empty(c), std::size(c).
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Call->getNumArgs() == 1 &&
        ((Callee->getName() == "empty" && !Truth) ||
         (Callee->getName() == "size" && Truth)))
      if (std::optional<unsigned> Object = slotOf(Call->getArg(0)))
        S.add({Fact::SizeAtLeast, Fact::Const, *Object, NoSlot, 1});
  }
  refineComparison(Cond, Truth, S);
  return S;
}

bool ContainerBoundsAnalysis::Impl::refineComparison(const Expr *Cond,
                                                     bool Truth, State &S) {
  BinaryOperatorKind Opcode;
  const Expr *L = nullptr, *R = nullptr;
  bool Unsigned = false;
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond);
      Op && Op->isComparisonOp()) {
    Opcode = Op->getOpcode();
    L = Op->getLHS();
    R = Op->getRHS();
    Unsigned = L->getType()->isUnsignedIntegerOrEnumerationType();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->isComparisonOp() && Op->getNumArgs() == 2) {
    Opcode = BinaryOperator::getOverloadedOpcode(Op->getOperator());
    L = Op->getArg(0);
    R = Op->getArg(1);
  } else {
    return false;
  }
  if (Opcode == BO_Cmp)
    return false;
  if (!Truth)
    Opcode = BinaryOperator::negateComparisonOp(Opcode);

  // it != j.end(), pos != std::string::npos.
  if (Opcode == BO_NE) {
    auto IsEnd = [&](const Expr *E) {
      E = stripValueWrappers(E);
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        return Ref->getDecl()->getIdentifier() &&
               Ref->getDecl()->getName() == "npos";
      std::optional<ContainerCall> Call = matchContainerCall(*E, Model);
      return Call && Call->Method->getIdentifier() &&
             Call->Method->getName() == "end";
    };
    for (auto [Found, End] : {std::pair(L, R), std::pair(R, L)}) {
      const auto *Ref =
          dyn_cast<DeclRefExpr>(stripValueWrappers(Found)->IgnoreParenImpCasts());
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var || !IsEnd(End))
        continue;
      unsigned Slot = *rootSlot(*Var);
      llvm::SmallVector<Fact, 2> Derived;
      for (const Fact &F : S.Facts) {
        if (F.Kind != Fact::FoundIn || F.A != Slot)
          continue;
        if (F.N == 1) {
          Derived.push_back({Fact::Exists, Fact::NoTerm, F.B, NoSlot, 0});
        } else {
          Derived.push_back({Fact::Below, Fact::Size, Slot, F.B, 0});
          Derived.push_back({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
        }
      }
      for (const Fact &F : Derived)
        S.add(F);
    }
  }

  std::optional<LinearTerm> Left = linearTerm(L, S);
  std::optional<LinearTerm> Right = linearTerm(R, S);
  if (!Left || !Right)
    return true;
  switch (Opcode) {
  case BO_LT:
    addLess(*Left, *Right, 0, Unsigned, S);
    break;
  case BO_LE:
    addLess(*Left, *Right, 1, Unsigned, S);
    break;
  case BO_GT:
    addLess(*Right, *Left, 0, Unsigned, S);
    break;
  case BO_GE:
    addLess(*Right, *Left, 1, Unsigned, S);
    break;
  case BO_EQ:
    addLess(*Left, *Right, 1, Unsigned, S);
    addLess(*Right, *Left, 1, Unsigned, S);
    break;
  case BO_NE:
    // c.size() != 0
    for (auto [Size, Zero] : {std::pair(*Left, *Right), std::pair(*Right, *Left)})
      if (Size.Kind == Fact::Size && Size.Value == 0 &&
          Zero.Kind == Fact::Const && Zero.Value == 0)
        S.add({Fact::SizeAtLeast, Fact::Const, Size.Slot, NoSlot, 1});
    break;
  default:
    break;
  }
  return true;
}

/// Adds what `L < R + Delta` says, for terms with offsets.
void ContainerBoundsAnalysis::Impl::addLess(const LinearTerm &L,
                                            const LinearTerm &R,
                                            int64_t Delta, bool Unsigned,
                                            State &S) {
  // `c.size() - k` wraps around on a container with fewer than k elements
  // (and `n - k` on a small unsigned n), so it bounds nothing unless the
  // container is known to be large enough.
  if (R.Kind == Fact::Size && R.Value < 0 &&
      knownMinSize(R.Slot, S) < -R.Value)
    return;
  if (L.Kind == Fact::Var) {
    int64_t Offset = L.Value - R.Value - Delta; // L.var + Offset < R.base
    switch (R.Kind) {
    case Fact::Size:
      if (Offset >= 0)
        S.add({Fact::Below, Fact::Size, L.Slot, R.Slot, Offset});
      if (Offset >= -1)
        S.add({Fact::SizeAtLeast, Fact::Var, R.Slot, L.Slot, Offset + 1});
      if (Unsigned && Offset >= 0)
        S.add({Fact::AtLeast, Fact::NoTerm, L.Slot, NoSlot, 0});
      break;
    case Fact::Var:
      if (Offset >= -1)
        S.add({Fact::Below, Fact::Var, L.Slot, R.Slot, Offset});
      break;
    case Fact::Const:
      S.add({Fact::Below, Fact::Const, L.Slot, NoSlot,
             R.Value + Delta - L.Value});
      if (Unsigned && L.Value >= 0)
        S.add({Fact::AtLeast, Fact::NoTerm, L.Slot, NoSlot, 0});
      break;
    default:
      break;
    }
    return;
  }
  if (L.Kind != Fact::Const)
    return;
  int64_t Least = L.Value - R.Value - Delta; // Least < R.base
  if (R.Kind == Fact::Size && Least + 1 > 0)
    S.add({Fact::SizeAtLeast, Fact::Const, R.Slot, NoSlot, Least + 1});
  else if (R.Kind == Fact::Var)
    S.add({Fact::AtLeast, Fact::NoTerm, R.Slot, NoSlot, Least + 1});
}

std::optional<LinearTerm>
ContainerBoundsAnalysis::Impl::linearTerm(const Expr *E, const State &S) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  E = stripValueWrappers(E);
  Expr::EvalResult Result;
  if (E->getType()->isIntegralOrEnumerationType() &&
      E->EvaluateAsInt(Result, Ctx) && Result.Val.getInt().getSignificantBits() <= 63)
    return LinearTerm{Fact::Const, NoSlot, Result.Val.getInt().getExtValue()};
  if (const Expr *Container = sizeQueryOf(*E, Model)) {
    if (std::optional<unsigned> Slot = slotOf(Container))
      return LinearTerm{Fact::Size, *Slot, 0};
    return std::nullopt;
  }
  if (const VarDecl *Var = indexVariable(E))
    return LinearTerm{Fact::Var, *rootSlot(*Var), 0, Var};
  const auto *Op = dyn_cast<BinaryOperator>(E);
  if (!Op || (Op->getOpcode() != BO_Add && Op->getOpcode() != BO_Sub))
    return std::nullopt;
  std::optional<LinearTerm> L = linearTerm(Op->getLHS(), S);
  std::optional<LinearTerm> R = linearTerm(Op->getRHS(), S);
  if (!L || !R)
    return std::nullopt;
  int Sign = Op->getOpcode() == BO_Add ? 1 : -1;
  if (R->Kind == Fact::Const && L->Kind != Fact::Const) {
    // n - k on an unsigned variable wraps around unless n >= k.
    if (Sign < 0 && L->Kind == Fact::Var &&
        Op->getType()->isUnsignedIntegerOrEnumerationType() &&
        lowerBound(L->Slot, S) < R->Value)
      return std::nullopt;
    L->Value += Sign * R->Value;
    return L;
  }
  if (Sign > 0 && L->Kind == Fact::Const && R->Kind != Fact::Const) {
    R->Value += L->Value;
    return R;
  }
  return std::nullopt;
}

//===--- Queries ----------------------------------------------------------===//

int64_t ContainerBoundsAnalysis::Impl::knownMinSize(unsigned Slot,
                                                    const State &S) const {
  const Fact *F = S.find(Fact::SizeAtLeast, Fact::Const, Slot, NoSlot);
  int64_t Known = F ? F->N : 0;
  // 0 <= i and i + b < c.size(): c holds more than b elements.
  for (const Fact &Bound : S.Facts)
    if (Bound.Kind == Fact::Below && Bound.Term == Fact::Size &&
        Bound.B == Slot &&
        lowerBound(Bound.A, S) >= 0)
      Known = std::max(Known, Bound.N + 1);
  return Known;
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
    return (F.Kind == Fact::Exists ||
            (F.Kind == Fact::SizeAtLeast && F.Term == Fact::Const &&
             F.N >= 1)) &&
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

bool ContainerBoundsAnalysis::Impl::prepare() {
  if (Prepared)
    return Cfg && Cfg->graph();
  Prepared = true;
  PrepassVisitor([&](const Stmt &S) {
    if (const auto *Loop = dyn_cast<CXXForRangeStmt>(&S)) {
      if (const Expr *Cond = Loop->getCond()) {
        RangeLoops[Cond] = Loop->getRangeInit();
        RangeLoops[stripValueWrappers(Cond)] = Loop->getRangeInit();
      }
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
std::optional<int64_t> ContainerBoundsAnalysis::Impl::sizeExceeds(
    unsigned Container, Fact::TermT Term, unsigned Bound,
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
  return std::nullopt;
}

/// True if the facts put \p Index below the size of \p Container, which
/// is at least \p SizeLower; \p Slack is 1 where index == size is allowed.
bool ContainerBoundsAnalysis::Impl::indexCovered(unsigned Container,
                                                 const LinearTerm &Index,
                                                 int64_t SizeLower,
                                                 int64_t Slack,
                                                 const State &S) const {
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
    if (std::optional<int64_t> K = sizeExceeds(Container, Fact::TermT(F.Term),
                                               F.B, S))
      if (Index.Value <= F.N + *K + Slack)
        return true;
  }
  // size >= i + k, index i + off with off < k.
  std::optional<int64_t> K =
      sizeExceeds(Container, Fact::Var, Index.Slot, S);
  return K && Index.Value <= *K - 1 + Slack;
}

AccessVerdict ContainerBoundsAnalysis::Impl::check(const ElementAccess &Access) {
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
  int64_t SizeLower = Access.Kind == ContainerKind::FixedArray
                          ? int64_t(Access.StaticSize)
                          : Container == NoSlot ? 0
                                                : knownMinSize(Container, S);
  if (Access.Form != ElementAccess::Subscript) {
    Verdict.IndexIsLocal = true;
    Verdict.InBounds = SizeLower >= 1;
    return Verdict;
  }
  if (Access.IsKey) {
    Verdict.IndexIsLocal = true;
    std::optional<unsigned> Element = slotOf(Access.Access);
    Verdict.InBounds = Element && exists(*Element, S);
    return Verdict;
  }
  // std::string's operator[] may read the terminator at size().
  int64_t Slack = ContainerModel::displayName(Access.Container->getType()) ==
                          "std::string"
                      ? 1
                      : 0;
  std::optional<LinearTerm> Term = linearTerm(Access.Index, S);
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
    return Verdict;
  }
  switch (Term->Kind) {
  case Fact::Const:
    Verdict.IndexIsLocal = Verdict.UpperBounded = true;
    Verdict.NonNegative = Term->Value >= 0;
    Verdict.InBounds =
        Term->Value >= 0 && Term->Value < SizeLower + Slack;
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
         Var->getType()->isUnsignedIntegerOrEnumerationType());
    Verdict.UpperBounded = llvm::any_of(S.Facts, [&](const Fact &F) {
      return F.Kind == Fact::Below && F.A == Term->Slot;
    });
    Verdict.InBounds = indexCovered(Container, *Term, SizeLower, Slack, S);
    break;
  }
  default:
    break;
  }
  return Verdict;
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

} // namespace clang::tidy::prodready
