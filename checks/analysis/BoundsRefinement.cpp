//===--- BoundsRefinement.cpp - prodready ---------------------------------===//
//
// What a branch condition establishes on the edges it decides.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "BoundsAnalysisImpl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/SaveAndRestore.h"

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
  if (!Truth)
    if (auto It = GrownByLoop.find(Cond);
        It != GrownByLoop.end())
      for (unsigned Slot : It->second)
        S.forgetEmpty(Slot);
  const Expr *Outer = CurrentCondition;
  if (!CurrentCondition)
    CurrentCondition = Cond;
  State Out = refineCondition(
      Cond, Truth, std::move(S),
      [](const Expr *E) { return stripValueWrappers(E); },
      [this](const Expr *Atom, bool AtomTruth, State AtomState) {
        return refineAtom(Atom, AtomTruth, std::move(AtomState));
      },
      joinStates);
  CurrentCondition = Outer;
  checkConsistency(Out);
  return Out;
}

State ContainerBoundsAnalysis::Impl::refineAsserted(
    const AssertedCondition &Asserted, State S) {
  if (Asserted.Condition)
    return refine(Asserted.Condition, Asserted.Truth, std::move(S));
  if (!Asserted.LHS || !Asserted.RHS)
    return S;
  const Expr *Outer = CurrentCondition;
  CurrentCondition = Asserted.LHS;
  BinaryOperatorKind Opcode =
      Asserted.Truth ? Asserted.Opcode
                     : BinaryOperator::negateComparisonOp(Asserted.Opcode);
  refineOrdering(Opcode, Asserted.LHS, Asserted.RHS,
                 Asserted.LHS->getType()->isUnsignedIntegerOrEnumerationType(),
                 S);
  CurrentCondition = Outer;
  checkConsistency(S);
  return S;
}

/// A path whose facts contradict each other is infeasible: the exit of
/// `for (i = 0; i < 3; ++i)` on the first test, the empty branch after
/// `v.size() == 2` was established.
void ContainerBoundsAnalysis::Impl::checkConsistency(State &S) const {
  for (const Fact &F : S.Facts) {
    if (F.Kind == Fact::Below && F.Term == Fact::Const &&
        lowerBound(F.A, S) >= F.N) {
      S.Reachable = false;
      return;
    }
    // Only a constant upper bound can contradict a constant lower one: a
    // bound on a variable (`resize(top_k)`) says nothing about 1 element.
    if (F.Kind == Fact::SizeAtMost && F.Term == Fact::Const) {
      const Fact *Least = S.find(Fact::SizeAtLeast, Fact::Const, F.A, NoSlot);
      if (Least && Least->N > F.N) {
        S.Reachable = false;
        return;
      }
    }
  }
}

namespace {

/// The length of a string or character literal, the prefix or suffix a
/// string is tested for.
std::optional<int64_t> literalLength(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *Literal = dyn_cast_or_null<StringLiteral>(E))
    return Literal->getLength();
  if (isa_and_nonnull<CharacterLiteral>(E))
    return 1;
  return std::nullopt;
}

bool isMethodNamed(const CXXMemberCallExpr &Call, llvm::StringRef Name) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->getIdentifier() && Method->getName() == Name;
}

bool isZeroLiteral(const Expr *E) {
  const auto *Literal = dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(E));
  return Literal && Literal->getValue() == 0;
}

/// For `s.rfind(p, 0) == 0`, `s.find(p) == 0`, `s.compare(0, n, p) == 0`
/// and `s.substr(0, n) == p` (the prefix tests before C++20's
/// starts_with): the string and the length of the prefix.
std::optional<std::pair<const Expr *, int64_t>> prefixTest(const Expr *L,
                                                           const Expr *R) {
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R)) {
    const auto *Call =
        dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(L));
    if (!Call || Call->getNumArgs() == 0)
      continue;
    const Expr *Object = Call->getImplicitObjectArgument();
    if (isZeroLiteral(R)) {
      if ((isMethodNamed(*Call, "rfind") && Call->getNumArgs() == 2 &&
           isZeroLiteral(Call->getArg(1))) ||
          (isMethodNamed(*Call, "find") &&
           (Call->getNumArgs() == 1 || isZeroLiteral(Call->getArg(1)))))
        if (std::optional<int64_t> Length = literalLength(Call->getArg(0)))
          return std::make_pair(Object, *Length);
      if (isMethodNamed(*Call, "compare") && Call->getNumArgs() == 3 &&
          isZeroLiteral(Call->getArg(0)))
        if (std::optional<int64_t> Length = literalLength(Call->getArg(2)))
          return std::make_pair(Object, *Length);
    }
    if (isMethodNamed(*Call, "substr") && Call->getNumArgs() == 2 &&
        isZeroLiteral(Call->getArg(0)))
      if (std::optional<int64_t> Length = literalLength(R))
        return std::make_pair(Object, *Length);
  }
  return std::nullopt;
}

} // namespace

/// `s.starts_with("-Wa,")`, `s.ends_with(".o")`: s holds at least as many
/// characters as the literal.
void ContainerBoundsAnalysis::Impl::refinePrefix(const CXXMemberCallExpr &Call,
                                                 bool Truth, State &S) {
  if (!Truth || Call.getNumArgs() != 1 ||
      !(isMethodNamed(Call, "starts_with") || isMethodNamed(Call, "ends_with")))
    return;
  std::optional<int64_t> Length = literalLength(Call.getArg(0));
  std::optional<unsigned> Object = slotOf(Call.getImplicitObjectArgument());
  if (!Length || !Object || *Length <= 0)
    return;
  S.add({Fact::SizeAtLeast, Fact::Const, *Object, NoSlot, *Length});
  S.add({Fact::SizeChecked, Fact::Const, *Object, NoSlot, *Length});
  SizeSites.try_emplace({*Object, *Length}, CurrentCondition);
}

State ContainerBoundsAnalysis::Impl::refineAtom(const Expr *Cond, bool Truth,
                                                State S) {
  if (auto It = RangeLoops.find(Cond); It != RangeLoops.end()) {
    // The body of a range-for runs only on a non-empty range.
    if (std::optional<unsigned> Range = slotOf(It->second); Range && Truth)
      S.add({Fact::SizeAtLeast, Fact::Const, *Range, NoSlot, 1});
    return S;
  }
  // `if (const AssertionResult gtest_ar = Compare(a, b)) ; else return`:
  // a fatal gtest assertion.
  if (std::optional<AssertedCondition> Asserted =
          assertionResultCondition(*Cond)) {
    if (!Truth)
      return S;
    return refineAsserted(*Asserted, std::move(S));
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Cond))
    refinePrefix(*Member, Truth, S);
  if (std::optional<ContainerCall> Call = matchContainerCall(*Cond, Model)) {
    std::optional<unsigned> Object = slotOf(Call->Object);
    if (!Object || !Call->Method->getIdentifier())
      return S;
    llvm::StringRef Name = Call->Method->getName();
    const auto *Member = cast<CXXMemberCallExpr>(Cond);
    if ((Name == "empty" && !Truth) ||
        ((Name == "size" || Name == "length") && Truth)) {
      S.add({Fact::SizeAtLeast, Fact::Const, *Object, NoSlot, 1});
      S.add({Fact::SizeChecked, Fact::Const, *Object, NoSlot, 1});
      SizeSites.try_emplace({*Object, 1}, CurrentCondition);
    } else if ((Name == "empty" && Truth) ||
               ((Name == "size" || Name == "length") && !Truth)) {
      atMost(*Object, 0, CurrentCondition, S);
    }
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
  // `c.empty() == false`, `found != true`.
  if (const Expr *Operand = comparedWithBool(Cond, Truth))
    return refine(Operand, Truth, std::move(S));
  if (!refineComparison(Cond, Truth, S))
    refineNonZero(Cond, Truth, S);
  return S;
}

/// For `X == true`, `X != false` and their mirrors: X, with \p Truth
/// adjusted to what X is on the edge. Otherwise nullptr.
const Expr *ContainerBoundsAnalysis::Impl::comparedWithBool(const Expr *Cond,
                                                            bool &Truth) {
  BinaryOperatorKind Opcode;
  const Expr *L, *R;
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond);
      Op && (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)) {
    Opcode = Op->getOpcode();
    L = Op->getLHS();
    R = Op->getRHS();
  } else {
    return nullptr;
  }
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R))
    if (const auto *Bool =
            dyn_cast<CXXBoolLiteralExpr>(stripValueWrappers(R))) {
      bool Equal = Opcode == BO_EQ;
      Truth = Truth == (Equal == Bool->getValue());
      return L;
    }
  return nullptr;
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
  refineOrdering(Opcode, L, R, Unsigned, S);
  return true;
}

void ContainerBoundsAnalysis::Impl::refineOrdering(BinaryOperatorKind Opcode,
                                                   const Expr *L, const Expr *R,
                                                   bool Unsigned, State &S) {
  // s.rfind("-I", 0) == 0 and the other prefix tests.
  if (Opcode == BO_EQ)
    if (auto Prefix = prefixTest(L, R))
      if (std::optional<unsigned> Object = slotOf(Prefix->first);
          Object && Prefix->second > 0) {
        S.add(
            {Fact::SizeAtLeast, Fact::Const, *Object, NoSlot, Prefix->second});
        S.add(
            {Fact::SizeChecked, Fact::Const, *Object, NoSlot, Prefix->second});
        SizeSites.try_emplace({*Object, Prefix->second}, CurrentCondition);
      }

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
      // Compared: no longer an unchecked search result.
      S.removeIf([&](const Fact &F) {
        return F.Kind == Fact::FoundIn && F.A == Slot;
      });
    }
  }

  std::optional<LinearTerm> Left = linearTerm(L, S);
  std::optional<LinearTerm> Right = linearTerm(R, S);
  if (!Left || !Right)
    return;
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
  case BO_EQ: {
    // An exact size (`v.size() == 5`) is not a lower bound the code
    // checked and then read past: `size() == 5 || size() == 7` then [6] on
    // the second is correct, though the join keeps only `>= 5`.
    llvm::SaveAndRestore<bool> NotAChecked(RecordCheckedSizes, false);
    addLess(*Left, *Right, 1, Unsigned, S);
    addLess(*Right, *Left, 1, Unsigned, S);
    break;
  }
  case BO_NE:
    // i != k where i >= k (an unsigned i != 0): i >= k + 1.
    for (auto [Index, K] :
         {std::pair(*Left, *Right), std::pair(*Right, *Left)})
      if (Index.Kind == Fact::Var && Index.Value == 0 &&
          K.Kind == Fact::Const) {
        int64_t Least = lowerBound(Index.Slot, S);
        if (Least == std::numeric_limits<int64_t>::min() && Unsigned)
          Least = 0;
        if (Least == K.Value)
          S.add({Fact::AtLeast, Fact::NoTerm, Index.Slot, NoSlot, K.Value + 1});
      }
    // c.size() != k where c.size() >= k: c.size() >= k + 1.
    for (auto [Size, K] :
         {std::pair(*Left, *Right), std::pair(*Right, *Left)})
      if (Size.Kind == Fact::Size && Size.Value == 0 &&
          K.Kind == Fact::Const && K.Value > 0 &&
          knownMinSize(Size.Slot, S) == K.Value)
        S.add({Fact::SizeAtLeast, Fact::Const, Size.Slot, NoSlot, K.Value + 1});
    // c.size() != 0
    for (auto [Size, Zero] :
         {std::pair(*Left, *Right), std::pair(*Right, *Left)})
      if (Size.Kind == Fact::Size && Size.Value == 0 &&
          Zero.Kind == Fact::Const && Zero.Value == 0) {
        S.add({Fact::SizeAtLeast, Fact::Const, Size.Slot, NoSlot, 1});
        S.add({Fact::SizeChecked, Fact::Const, Size.Slot, NoSlot, 1});
        SizeSites.try_emplace({Size.Slot, 1}, CurrentCondition);
      }
    break;
  default:
    break;
  }
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
  if (L.Kind == Fact::Size) {
    // c.size() + a < K + Delta: c holds at most K + Delta - a - 1.
    if (R.Kind == Fact::Const && L.Value >= 0)
      atMost(L.Slot, R.Value + Delta - L.Value - 1, CurrentCondition, S);
    // a.size() + x < b.size() + y + Delta: b.size() >= a.size() + k.
    if (R.Kind == Fact::Size && R.Value >= 0 && L.Slot != R.Slot) {
      int64_t K = L.Value - R.Value - Delta + 1;
      if (K >= 0)
        S.add({Fact::SizeAtLeast, Fact::Size, R.Slot, L.Slot, K});
    }
    return;
  }
  if (L.Kind != Fact::Const)
    return;
  int64_t Least = L.Value - R.Value - Delta; // Least < R.base
  if (R.Kind == Fact::Size && Least + 1 > 0) {
    S.add({Fact::SizeAtLeast, Fact::Const, R.Slot, NoSlot, Least + 1});
    // Only a check this function made (not an exact size) is a size the
    // code "checked": see BO_EQ.
    if (CurrentCondition && RecordCheckedSizes) {
      S.add({Fact::SizeChecked, Fact::Const, R.Slot, NoSlot, Least + 1});
      SizeSites.try_emplace({R.Slot, Least + 1}, CurrentCondition);
    }
  } else if (R.Kind == Fact::Var) {
    S.add({Fact::AtLeast, Fact::NoTerm, R.Slot, NoSlot, Least + 1});
  }
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
  if (std::optional<LinearTerm> Length = cStringLength(E))
    return Length;
  const auto *Op = dyn_cast<BinaryOperator>(E);
  if (!Op || (Op->getOpcode() != BO_Add && Op->getOpcode() != BO_Sub))
    return opaqueTerm(E);
  std::optional<LinearTerm> L = linearTerm(Op->getLHS(), S);
  std::optional<LinearTerm> R = linearTerm(Op->getRHS(), S);
  if (!L || !R)
    return opaqueTerm(E);
  int Sign = Op->getOpcode() == BO_Add ? 1 : -1;
  if (R->Kind == Fact::Const && L->Kind != Fact::Const) {
    // n - k on an unsigned variable wraps around unless n >= k.
    if (Sign < 0 && L->Kind == Fact::Var &&
        Op->getType()->isUnsignedIntegerOrEnumerationType() &&
        lowerBound(L->Slot, S) < R->Value)
      return opaqueTerm(E);
    L->Value += Sign * R->Value;
    return L;
  }
  if (Sign > 0 && L->Kind == Fact::Const && R->Kind != Fact::Const) {
    R->Value += L->Value;
    return R;
  }
  return opaqueTerm(E);
}

namespace {

/// Collects the variables of \p E if it is arithmetic over variables,
/// constants and container sizes only (no calls, no side effects).
bool collectPureOperands(const Expr *E, const ContainerModel &Model,
                         llvm::SmallVectorImpl<const Expr *> &Operands,
                         unsigned Depth = 0) {
  if (!E || Depth > 8)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, CharacterLiteral>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return true;
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->getType()->isIntegralOrEnumerationType() ||
        Var->getType().isVolatileQualified())
      return false;
    Operands.push_back(Ref);
    return true;
  }
  if (sizeQueryOf(*E, Model)) {
    Operands.push_back(E);
    return true;
  }
  if (const auto *Op = dyn_cast<UnaryOperator>(E))
    return (Op->getOpcode() == UO_Minus || Op->getOpcode() == UO_Not) &&
           collectPureOperands(Op->getSubExpr(), Model, Operands, Depth + 1);
  if (const auto *Op = dyn_cast<BinaryOperator>(E))
    return (Op->isAdditiveOp() || Op->isMultiplicativeOp() || Op->isShiftOp() ||
            Op->isBitwiseOp()) &&
           collectPureOperands(Op->getLHS(), Model, Operands, Depth + 1) &&
           collectPureOperands(Op->getRHS(), Model, Operands, Depth + 1);
  return false;
}

} // namespace

/// An index or size that is not linear (`w * h`), or whose linear form
/// could wrap around (`n - 1` on an unsigned n), is compared as written: a
/// term of its own, the same wherever the same text appears, forgotten
/// when one of its variables or containers changes. `t < n - 1` then
/// bounds an index into a container built with `n - 1` elements.
std::optional<LinearTerm>
ContainerBoundsAnalysis::Impl::opaqueTerm(const Expr *E) {
  if (!E->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  auto [It, Inserted] = OpaqueSlots.try_emplace(E, NoSlot);
  if (Inserted) {
    llvm::SmallVector<const Expr *, 4> Operands;
    if (!collectPureOperands(E, Model, Operands) || Operands.empty())
      return std::nullopt;
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    E->IgnoreParenImpCasts()->printPretty(OS, nullptr, Ctx.getPrintingPolicy());
    unsigned Slot = intern("expr:" + OS.str(), NoSlot);
    for (const Expr *Operand : Operands) {
      std::optional<unsigned> Depends;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Operand))
        Depends = rootSlot(*Ref->getDecl());
      else
        Depends = slotOf(sizeQueryOf(*Operand, Model));
      if (!Depends)
        return std::nullopt;
      auto &Dependents = DependentSlots[*Depends];
      if (!llvm::is_contained(Dependents, Slot))
        Dependents.push_back(Slot);
    }
    It->second = Slot;
  }
  if (It->second == NoSlot)
    return std::nullopt;
  return LinearTerm{Fact::Var, It->second, 0, nullptr};
}

} // namespace clang::tidy::prodready
