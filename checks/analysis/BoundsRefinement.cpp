//===--- BoundsRefinement.cpp - prodready ---------------------------------===//
//
// What a branch condition establishes on the edges it decides.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "BoundsAnalysisImpl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::prodready {

using namespace bounds;

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
      const auto *Ref = dyn_cast<DeclRefExpr>(
          stripValueWrappers(Found)->IgnoreParenImpCasts());
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
    for (auto [Size, Zero] :
         {std::pair(*Left, *Right), std::pair(*Right, *Left)})
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
                                            const LinearTerm &R, int64_t Delta,
                                            bool Unsigned, State &S) {
  // `c.size() - k` wraps around on a container with fewer than k elements
  // (and `n - k` on a small unsigned n), so it bounds nothing unless the
  // container is known to be large enough.
  if (R.Kind == Fact::Size && R.Value < 0 && knownMinSize(R.Slot, S) < -R.Value)
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
      E->EvaluateAsInt(Result, Ctx) &&
      Result.Val.getInt().getSignificantBits() <= 63)
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

} // namespace clang::tidy::prodready
