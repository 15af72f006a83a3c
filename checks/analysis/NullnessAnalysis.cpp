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
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
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

/// Strips everything that does not change a pointer's value: parentheses,
/// casts, temporaries and opaque values (the condition of `a ?: b`).
const Expr *stripValue(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenCasts();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    else if (const auto *OVE = dyn_cast<OpaqueValueExpr>(Next))
      Next = OVE->getSourceExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const VarDecl *localPointerVar(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripValue(E));
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
    if (!Cfg)
      return eval(&E, conservativeState());
    const Stmt *Anchor = &Site;
    auto Found = ElementOf.find(Anchor);
    while (Found == ElementOf.end()) {
      Anchor = parentStmt(*Anchor);
      if (!Anchor)
        return eval(&E, conservativeState());
      Found = ElementOf.find(Anchor);
    }
    const auto [Block, Index] = Found->second;
    State S = BlockEntry[Block->getBlockID()];
    if (!S.Reachable)
      return PointerFact{};
    for (unsigned I = 0; I < Index; ++I)
      transfer((*Block)[I], S);
    return eval(&E, S);
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
    E = stripValue(E);
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
    E = stripValue(E);
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
    if (!S.Reachable || !Cond)
      return S;
    Cond = stripValue(Cond);
    if (const auto *Op = dyn_cast<UnaryOperator>(Cond))
      if (Op->getOpcode() == UO_LNot)
        return refine(Op->getSubExpr(), !Truth, std::move(S));
    if (const auto *Op = dyn_cast<BinaryOperator>(Cond)) {
      const Expr *LHS = Op->getLHS();
      const Expr *RHS = Op->getRHS();
      switch (Op->getOpcode()) {
      case BO_LAnd:
        if (Truth)
          return refine(RHS, true, refine(LHS, true, std::move(S)));
        return joinStates(refine(LHS, false, S),
                          refine(RHS, false, refine(LHS, true, S)));
      case BO_LOr:
        if (!Truth)
          return refine(RHS, false, refine(LHS, false, std::move(S)));
        return joinStates(refine(LHS, true, S),
                          refine(RHS, true, refine(LHS, false, S)));
      case BO_EQ:
      case BO_NE: {
        bool NonNull = (Op->getOpcode() == BO_NE) == Truth;
        auto IsNull = [&](const Expr *E) {
          return E->isNullPointerConstant(Ctx,
                                          Expr::NPC_ValueDependentIsNotNull);
        };
        if (IsNull(RHS))
          return assume(LHS, NonNull, std::move(S));
        if (IsNull(LHS))
          return assume(RHS, NonNull, std::move(S));
        return S;
      }
      case BO_Comma:
        return refine(RHS, Truth, std::move(S));
      default:
        break;
      }
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
    if (const auto *Call = dyn_cast<CallExpr>(St))
      if (isEnvironmentWrite(*Call))
        for (const auto &Key : KeySlots)
          S.Facts[Key.getValue()] = PointerFact::fromSource(nullptr);
  }

  /// The expression whose value picks between the two successors of \p B.
  static const Expr *decidingCondition(const CFGBlock &B) {
    const Stmt *Terminator = B.getTerminatorStmt();
    if (!Terminator || B.succ_size() != 2)
      return nullptr;
    const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
    // An if, loop or ?: decides with its whole condition, which holds (or
    // fails) as a whole on its edges even when the CFG joined the short-circuit
    // paths before it (it does for conditions with temporaries). A block ended
    // by `&&`/`||` itself decides with the right-most operand it evaluated: the
    // earlier ones decided in earlier blocks.
    if (!isa<BinaryOperator>(Terminator))
      return Cond;
    while (Cond) {
      const auto *Op = dyn_cast<BinaryOperator>(Cond->IgnoreParens());
      if (!Op || !Op->isLogicalOp())
        break;
      Cond = Op->getRHS();
    }
    return Cond;
  }

  void solve() {
    if (Solved)
      return;
    Solved = true;
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    Options.AddImplicitDtors = false;
    Options.AddTemporaryDtors = false;
    Options.AddInitializers = true;
    Cfg = CFG::buildCFG(&Func, const_cast<Stmt *>(&Body), &Ctx, Options);
    if (!Cfg)
      return;
    for (const CFGBlock *Block : *Cfg)
      for (unsigned I = 0, E = Block->size(); I < E; ++I)
        if (std::optional<CFGStmt> CS = (*Block)[I].getAs<CFGStmt>())
          ElementOf.try_emplace(CS->getStmt(), Block, I);

    BlockEntry.assign(Cfg->getNumBlockIDs(), State{});
    BlockEntry[Cfg->getEntry().getBlockID()] = initialState();
    PostOrderCFGView Order(Cfg.get());
    ForwardDataflowWorklist Worklist(*Cfg, &Order);
    Worklist.enqueueBlock(&Cfg->getEntry());
    while (const CFGBlock *Block = Worklist.dequeue()) {
      State S = BlockEntry[Block->getBlockID()];
      if (!S.Reachable)
        continue;
      for (const CFGElement &Element : *Block)
        transfer(Element, S);
      const Expr *Cond = decidingCondition(*Block);
      unsigned SuccIndex = 0;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
        bool IsThenEdge = SuccIndex++ == 0;
        const CFGBlock *Next = Succ.getReachableBlock();
        if (!Next)
          continue;
        State Out = Cond ? refine(Cond, IsThenEdge, S) : S;
        State &In = BlockEntry[Next->getBlockID()];
        State Joined = joinStates(In, Out);
        if (Joined != In) {
          In = std::move(Joined);
          Worklist.enqueueBlock(Next);
        }
      }
    }
  }

  const Stmt *parentStmt(const Stmt &S) const {
    if (&S == &Body)
      return nullptr;
    for (const DynTypedNode &Parent : Ctx.getParents(S))
      if (const auto *P = Parent.get<Stmt>())
        return P;
    return nullptr;
  }

  const Decl &Func;
  const Stmt &Body;
  ASTContext &Ctx;
  NullSourceOracle &Oracle;
  llvm::DenseMap<const VarDecl *, unsigned> VarSlots;
  llvm::StringMap<unsigned> KeySlots;
  unsigned NumSlots = 0;
  bool Solved = false;
  std::unique_ptr<CFG> Cfg;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>>
      ElementOf;
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
