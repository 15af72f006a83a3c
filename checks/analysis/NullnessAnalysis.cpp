//===--- NullnessAnalysis.cpp - prodready ---------------------------------===//
//
// Implementation notes: slots are discovered with one AST walk of the body;
// the CFG is built with every expression as an element, so a query can find
// the exact element it sits in and replay the block up to it. Branch edges
// are refined with the condition that decides them: for a block that ends an
// `&&`/`||` chain that is the right-most operand it evaluated.
//
//===----------------------------------------------------------------------===//

#include "NullnessAnalysis.h"
#include "AssertionMacros.h"
#include "ASTHelpers.h"
#include "ForwardDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::prodready {

NullSourceOracle::~NullSourceOracle() = default;

PointerFact join(const PointerFact &A, const PointerFact &B) {
  PointerFact R;
  R.MayBeNullFromSource = A.MayBeNullFromSource || B.MayBeNullFromSource;
  R.MayBeNullOtherwise = A.MayBeNullOtherwise || B.MayBeNullOtherwise;
  R.MayBeNonNull = A.MayBeNonNull || B.MayBeNonNull;
  R.Origin = A.MayBeNullFromSource   ? A.Origin
             : B.MayBeNullFromSource ? B.Origin
                                     : nullptr;
  return R;
}

namespace {

const VarDecl *localPointerVar(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripValueWrappers(E));
  if (!DRE)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
  if (!Var || !Var->isLocalVarDecl() || !Var->getType()->isPointerType())
    return nullptr;
  return Var;
}

bool isEnvironmentWrite(const CallExpr &Call) {
  const auto *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  StringRef Name = Callee->getName();
  return Name == "setenv" || Name == "unsetenv" || Name == "putenv" ||
         Name == "clearenv";
}

/// One walk of the body: which local pointers are assigned what, which
/// escape (their address is taken or bound to a mutable reference, so
/// writes through it are invisible), and which keyed sources appear.
class SlotCollector : public RecursiveASTVisitor<SlotCollector> {
public:
  explicit SlotCollector(NullSourceOracle &Oracle) : Oracle(Oracle) {}

  bool shouldVisitImplicitCode() const { return false; }

  // Lambda bodies are separate functions; only their captures matter here.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCaptureKind() == LCK_ByRef)
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          Escaped.insert(Var);
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  // Members of local classes are analyzed as functions of their own.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitVarDecl(VarDecl *Var) {
    if (Var->isLocalVarDecl() && Var->getType()->isPointerType() &&
        Var->getInit())
      Assignments[Var].push_back(Var->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign)
      if (const VarDecl *Var = localPointerVar(Op->getLHS()))
        Assignments[Var].push_back(Op->getRHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_AddrOf)
      if (const VarDecl *Var = localPointerVar(Op->getSubExpr()))
        Escaped.insert(Var);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (Oracle.isSource(*Call))
      if (std::optional<std::string> Key = Oracle.sourceKey(*Call))
        Keys.insert(*Key);
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                              isa<CXXMethodDecl>(Callee)
                          ? 1
                          : 0;
    for (unsigned I = Offset, E = Call->getNumArgs(); I < E; ++I) {
      unsigned ParamIndex = I - Offset;
      if (ParamIndex >= Callee->getNumParams())
        break;
      QualType ParamType = Callee->getParamDecl(ParamIndex)->getType();
      if (ParamType->isLValueReferenceType() &&
          !ParamType.getNonReferenceType().isConstQualified())
        if (const VarDecl *Var = localPointerVar(Call->getArg(I)))
          Escaped.insert(Var);
    }
    return true;
  }

  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>>
      Assignments;
  llvm::DenseSet<const VarDecl *> Escaped;
  llvm::StringSet<> Keys;

private:
  NullSourceOracle &Oracle;
};

} // namespace

struct PointerNullnessAnalysis::State {
  bool Reachable = false;
  llvm::SmallVector<PointerFact, 4> Facts;

  bool operator==(const State &O) const {
    return Reachable == O.Reachable && Facts == O.Facts;
  }
  bool operator!=(const State &O) const { return !(*this == O); }
};

class PointerNullnessAnalysis::Impl {
public:
  Impl(const Decl &Func, const Stmt &Body, ASTContext &Ctx,
       NullSourceOracle &Oracle)
      : Func(Func), Body(Body), Ctx(Ctx), Oracle(Oracle) {
    discoverSlots();
  }

  PointerFact evaluateAt(const Expr &E, const Stmt &Site) {
    if (NumSlots == 0)
      return eval(&E, initialState());
    solve();
    std::optional<State> Before;
    if (Cfg && Cfg->graph())
      Before = stateBefore(
          *Cfg, BlockEntry, Site,
          [&](const CFGElement &Element, State &S) { transfer(Element, S); });
    if (!Before)
      return eval(&E, conservativeState());
    if (!Before->Reachable)
      return PointerFact{};
    return eval(&E, *Before);
  }

  bool isTracked(const VarDecl &Var) const { return VarSlots.count(&Var); }

private:
  void discoverSlots() {
    SlotCollector Collector(Oracle);
    Collector.TraverseStmt(const_cast<Stmt *>(&Body));
    // A local is tracked if some value assigned to it mentions a source or
    // another tracked local; iterate to a fixpoint over the assignments.
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (const auto &[Var, Values] : Collector.Assignments) {
        if (VarSlots.count(Var) || Collector.Escaped.count(Var))
          continue;
        if (llvm::any_of(Values,
                         [&](const Expr *V) { return mentionsSource(V); })) {
          VarSlots[Var] = NumSlots++;
          Changed = true;
        }
      }
    }
    for (const auto &Key : Collector.Keys)
      KeySlots[Key.getKey()] = NumSlots++;
  }

  bool mentionsSource(const Stmt *S) const {
    if (!S || isa<LambdaExpr>(S))
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (Oracle.isSource(*Call))
        return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
        return VarSlots.count(Var);
    return llvm::any_of(S->children(),
                        [&](const Stmt *C) { return mentionsSource(C); });
  }

  State initialState() const {
    State S;
    S.Reachable = true;
    S.Facts.resize(NumSlots);
    for (const auto &Key : KeySlots)
      S.Facts[Key.getValue()] = PointerFact::fromSource(nullptr);
    return S;
  }

  /// Used where the CFG cannot answer: locals are unknown, so only direct
  /// sources can be reported.
  State conservativeState() const {
    State S = initialState();
    for (const auto &Entry : VarSlots)
      S.Facts[Entry.second] = PointerFact::unknown();
    return S;
  }

  static State joinStates(const State &A, const State &B) {
    if (!A.Reachable)
      return B;
    if (!B.Reachable)
      return A;
    State R = A;
    for (unsigned I = 0, E = R.Facts.size(); I < E; ++I)
      R.Facts[I] = join(A.Facts[I], B.Facts[I]);
    return R;
  }

  std::optional<unsigned> slotOf(const Expr *E) {
    E = stripValueWrappers(E);
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(E))
      if (Assign->getOpcode() == BO_Assign)
        return slotOf(Assign->getLHS());
    if (const VarDecl *Var = localPointerVar(E)) {
      auto It = VarSlots.find(Var);
      if (It != VarSlots.end())
        return It->second;
      return std::nullopt;
    }
    if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
      if (Oracle.isSource(*Call))
        if (std::optional<std::string> Key = Oracle.sourceKey(*Call)) {
          auto It = KeySlots.find(*Key);
          if (It != KeySlots.end())
            return It->getValue();
        }
    return std::nullopt;
  }

  PointerFact eval(const Expr *E, const State &S) {
    E = stripValueWrappers(E);
    if (!E)
      return PointerFact::unknown();
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (!Oracle.isSource(*Call))
        return PointerFact::unknown();
      if (std::optional<unsigned> Slot = slotOf(Call)) {
        PointerFact F = S.Facts[*Slot];
        if (F.MayBeNullFromSource)
          F.Origin = Call;
        return F;
      }
      return PointerFact::fromSource(Call);
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (std::optional<unsigned> Slot = slotOf(DRE)) {
        const PointerFact &F = S.Facts[*Slot];
        return F.isEmpty() ? PointerFact::unknown() : F;
      }
      if (DRE->getType()->isArrayType() || DRE->getType()->isFunctionType())
        return PointerFact::nonNull();
      return PointerFact::unknown();
    }
    if (isa<StringLiteral, PredefinedExpr>(E))
      return PointerFact::nonNull();
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return PointerFact::null();
    if (const auto *Op = dyn_cast<UnaryOperator>(E))
      return Op->getOpcode() == UO_AddrOf ? PointerFact::nonNull()
                                          : PointerFact::unknown();
    if (const auto *Cond = dyn_cast<ConditionalOperator>(E))
      return evalBranches(Cond->getCond(), Cond->getTrueExpr(),
                          Cond->getFalseExpr(), S);
    if (const auto *Cond = dyn_cast<BinaryConditionalOperator>(E)) {
      // `a ?: b` yields `a` only when `a` tested non-null.
      State Else = refine(Cond->getCond(), /*Truth=*/false, S);
      PointerFact R = PointerFact::nonNull();
      if (Else.Reachable)
        R = join(R, eval(Cond->getFalseExpr(), Else));
      return R;
    }
    if (const auto *Op = dyn_cast<BinaryOperator>(E))
      if (Op->getOpcode() == BO_Assign || Op->getOpcode() == BO_Comma)
        return eval(Op->getRHS(), S);
    return PointerFact::unknown();
  }

  PointerFact evalBranches(const Expr *Cond, const Expr *Then,
                           const Expr *Else, const State &S) {
    State ThenState = refine(Cond, /*Truth=*/true, S);
    State ElseState = refine(Cond, /*Truth=*/false, S);
    PointerFact R;
    if (ThenState.Reachable)
      R = join(R, eval(Then, ThenState));
    if (ElseState.Reachable)
      R = join(R, eval(Else, ElseState));
    return R;
  }

  /// The state on the edge where \p Cond evaluated to \p Truth.
  State refine(const Expr *Cond, bool Truth, State S) {
    return refineCondition(
        Cond, Truth, std::move(S), stripValueWrappers,
        [&](const Expr *Atom, bool AtomTruth, State AtomState) {
          return refineAtom(Atom, AtomTruth, std::move(AtomState));
        },
        &joinStates);
  }

  /// What a fatal test assertion (`REQUIRE(p)`, `ASSERT_NE(p, nullptr)`,
  /// `ASSERT_TRUE(p)`) establishes after it.
  State refineAsserted(const AssertedCondition &Asserted, State S) {
    if (Asserted.Condition)
      return refine(Asserted.Condition, Asserted.Truth, std::move(S));
    if (!Asserted.LHS || !Asserted.RHS ||
        (Asserted.Opcode != BO_EQ && Asserted.Opcode != BO_NE))
      return S;
    bool NonNull = (Asserted.Opcode == BO_NE) == Asserted.Truth;
    auto IsNull = [&](const Expr *E) {
      return E->IgnoreParenImpCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull);
    };
    if (IsNull(Asserted.RHS))
      return assume(Asserted.LHS, NonNull, std::move(S));
    if (IsNull(Asserted.LHS))
      return assume(Asserted.RHS, NonNull, std::move(S));
    return S;
  }

  /// Comparisons with null, assignments used as conditions, and the
  /// pointer itself as a condition.
  State refineAtom(const Expr *Cond, bool Truth, State S) {
    // `if (const AssertionResult gtest_ar = ...) ; else return`: the true
    // edge of a fatal GoogleTest assertion.
    if (std::optional<AssertedCondition> Asserted =
            assertionResultCondition(*Cond))
      return Truth ? refineAsserted(*Asserted, std::move(S)) : S;
    if (const auto *Op = dyn_cast<BinaryOperator>(Cond))
      if (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE) {
        bool NonNull = (Op->getOpcode() == BO_NE) == Truth;
        auto IsNull = [&](const Expr *E) {
          return E->isNullPointerConstant(Ctx,
                                          Expr::NPC_ValueDependentIsNotNull);
        };
        if (IsNull(Op->getRHS()))
          return assume(Op->getLHS(), NonNull, std::move(S));
        if (IsNull(Op->getLHS()))
          return assume(Op->getRHS(), NonNull, std::move(S));
        return S;
      }
    return assume(Cond, Truth, std::move(S));
  }

  /// Records that the pointer \p E is (non-)null; an impossible assumption
  /// makes the state unreachable, pruning dead branches.
  State assume(const Expr *E, bool NonNull, State S) {
    std::optional<unsigned> Slot = slotOf(E);
    if (!Slot)
      return S;
    PointerFact &F = S.Facts[*Slot];
    if (F.isEmpty())
      return S;
    if (NonNull) {
      if (!F.MayBeNonNull) {
        S.Reachable = false;
        return S;
      }
      F = PointerFact::nonNull();
    } else {
      if (!F.MayBeNullFromSource && !F.MayBeNullOtherwise) {
        S.Reachable = false;
        return S;
      }
      F.MayBeNonNull = false;
    }
    return S;
  }

  void transfer(const CFGElement &Element, State &S) {
    std::optional<CFGStmt> CS = Element.getAs<CFGStmt>();
    if (!CS)
      return;
    const Stmt *St = CS->getStmt();
    if (std::optional<AssertedCondition> Asserted = fatalAssertionAt(*St, Ctx))
      S = refineAsserted(*Asserted, std::move(S));
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (Var->getInit())
            if (auto It = VarSlots.find(Var); It != VarSlots.end())
              S.Facts[It->second] = eval(Var->getInit(), S);
      return;
    }
    if (const auto *Op = dyn_cast<BinaryOperator>(St)) {
      if (Op->getOpcode() == BO_Assign)
        if (const VarDecl *Var = localPointerVar(Op->getLHS()))
          if (auto It = VarSlots.find(Var); It != VarSlots.end())
            S.Facts[It->second] = eval(Op->getRHS(), S);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(St)) {
      if (isEnvironmentWrite(*Call))
        for (const auto &Key : KeySlots)
          S.Facts[Key.getValue()] = PointerFact::fromSource(nullptr);
      // `if (!v) usage();` with a usage() that always exits is a check.
      if (Oracle.isTerminatingCall(*Call))
        S.Reachable = false;
    }
  }

  void solve() {
    if (Solved)
      return;
    Solved = true;
    Cfg = std::make_unique<IndexedCFG>(Func, Body, Ctx);
    if (!Cfg->graph())
      return;
    BlockEntry = solveForward(
        *Cfg->graph(), initialState(),
        [&](const CFGElement &Element, State &S) { transfer(Element, S); },
        [&](const Expr *Cond, bool Truth, const State &S) {
          return refine(Cond, Truth, S);
        },
        &joinStates);
  }

  const Decl &Func;
  const Stmt &Body;
  ASTContext &Ctx;
  NullSourceOracle &Oracle;
  llvm::DenseMap<const VarDecl *, unsigned> VarSlots;
  llvm::StringMap<unsigned> KeySlots;
  unsigned NumSlots = 0;
  bool Solved = false;
  std::unique_ptr<IndexedCFG> Cfg;
  std::vector<State> BlockEntry;
};

PointerNullnessAnalysis::PointerNullnessAnalysis(const Decl &Func,
                                                 const Stmt &Body,
                                                 ASTContext &Ctx,
                                                 NullSourceOracle &Oracle)
    : TheImpl(std::make_unique<Impl>(Func, Body, Ctx, Oracle)) {}

PointerNullnessAnalysis::~PointerNullnessAnalysis() = default;

PointerFact PointerNullnessAnalysis::evaluateAt(const Expr &E,
                                                const Stmt &Site) {
  return TheImpl->evaluateAt(E, Site);
}

bool PointerNullnessAnalysis::isTracked(const VarDecl &Var) const {
  return TheImpl->isTracked(Var);
}

} // namespace clang::tidy::prodready
