//===--- ForwardDataflow.h - prodready -------------------------*- C++ -*-===//
//
// The machinery the flow-sensitive analyses (nullness, taint) share: a CFG
// with every expression as an element and an index of where each statement
// sits, a forward worklist solver (clang's ForwardDataflowWorklist, reverse
// post-order) with edge refinement, and the rule for which condition decides
// a branch.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_FORWARDDATAFLOW_H
#define PRODREADY_CHECKS_ANALYSIS_FORWARDDATAFLOW_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::prodready {

/// The expression whose value picks between the two successors of \p B, or
/// nullptr. An if, loop or ?: decides with its whole condition, which holds
/// (or fails) as a whole on its edges even when the CFG joined the
/// short-circuit paths before it (it does for conditions with temporaries).
/// A block ended by `&&`/`||` itself decides with the right-most operand it
/// evaluated: the earlier ones decided in earlier blocks.
inline const Expr *decidingCondition(const CFGBlock &B) {
  const Stmt *Terminator = B.getTerminatorStmt();
  if (!Terminator || B.succ_size() != 2)
    return nullptr;
  const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
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

/// A CFG of one unit with every expression as an element.
class IndexedCFG {
public:
  using Position = std::pair<const CFGBlock *, unsigned>;

  IndexedCFG(const Decl &Unit, const Stmt &Body, ASTContext &Ctx)
      : Body(Body), Ctx(Ctx) {
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    Options.AddImplicitDtors = false;
    Options.AddTemporaryDtors = false;
    Options.AddInitializers = true;
    Graph = CFG::buildCFG(&Unit, const_cast<Stmt *>(&Body), &Ctx, Options);
    if (!Graph)
      return;
    for (const CFGBlock *Block : *Graph)
      for (unsigned I = 0, E = Block->size(); I < E; ++I)
        if (std::optional<CFGStmt> CS = (*Block)[I].getAs<CFGStmt>())
          ElementOf.try_emplace(CS->getStmt(), Block, I);
  }

  const CFG *graph() const { return Graph.get(); }

  /// The element that is \p S, if the CFG lists it.
  std::optional<Position> elementPosition(const Stmt &S) const {
    auto It = ElementOf.find(&S);
    if (It == ElementOf.end())
      return std::nullopt;
    return It->second;
  }

  /// The element that is \p S or, failing that, its nearest enclosing
  /// statement that is one (e.g. for code the CFG does not list).
  std::optional<Position> positionOf(const Stmt &S) const {
    const Stmt *Anchor = &S;
    while (Anchor) {
      if (auto It = ElementOf.find(Anchor); It != ElementOf.end())
        return It->second;
      if (Anchor == &Body)
        return std::nullopt;
      DynTypedNodeList Parents = Ctx.getParents(*Anchor);
      Anchor = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    }
    return std::nullopt;
  }

private:
  const Stmt &Body;
  ASTContext &Ctx;
  std::unique_ptr<CFG> Graph;
  llvm::DenseMap<const Stmt *, Position> ElementOf;
};

/// Runs a forward analysis to its fixpoint and returns the state at the
/// entry of each block (by block ID). \p State has a `bool Reachable`
/// member and operator!=; \p Transfer(const CFGElement &, State &) applies an
/// element; \p Refine(const Expr *Cond, bool Truth, const State &) gives the
/// state on the edge where \p Cond evaluated to \p Truth; \p Join merges.
template <typename State, typename TransferFn, typename RefineFn,
          typename JoinFn>
std::vector<State> solveForward(const CFG &Cfg, State Initial,
                                TransferFn &&Transfer, RefineFn &&Refine,
                                JoinFn &&Join) {
  std::vector<State> Entry(Cfg.getNumBlockIDs());
  Entry[Cfg.getEntry().getBlockID()] = std::move(Initial);
  PostOrderCFGView Order(&Cfg);
  ForwardDataflowWorklist Worklist(Cfg, &Order);
  Worklist.enqueueBlock(&Cfg.getEntry());
  while (const CFGBlock *Block = Worklist.dequeue()) {
    State S = Entry[Block->getBlockID()];
    if (!S.Reachable)
      continue;
    for (const CFGElement &Element : *Block)
      Transfer(Element, S);
    const Expr *Cond = decidingCondition(*Block);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      bool IsThenEdge = SuccIndex++ == 0;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      State Out = Cond ? Refine(Cond, IsThenEdge, S) : S;
      State &In = Entry[Next->getBlockID()];
      State Joined = Join(In, Out);
      if (Joined != In) {
        In = std::move(Joined);
        Worklist.enqueueBlock(Next);
      }
    }
  }
  return Entry;
}

/// The state on the edge where \p Cond evaluated to \p Truth, for `!`,
/// `&&` and `||` built structurally from \p Atom(Cond, Truth, State), which
/// refines any other condition. \p Cond has its parentheses and casts
/// stripped by the caller's \p Strip.
template <typename State, typename StripFn, typename AtomFn, typename JoinFn>
State refineCondition(const Expr *Cond, bool Truth, State S, StripFn &&Strip,
                      AtomFn &&Atom, JoinFn &&Join) {
  if (!S.Reachable || !Cond)
    return S;
  Cond = Strip(Cond);
  auto Recurse = [&](const Expr *Sub, bool SubTruth, State SubState) {
    return refineCondition(Sub, SubTruth, std::move(SubState), Strip, Atom,
                           Join);
  };
  if (const auto *Op = dyn_cast<UnaryOperator>(Cond))
    if (Op->getOpcode() == UO_LNot)
      return Recurse(Op->getSubExpr(), !Truth, std::move(S));
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond)) {
    const Expr *L = Op->getLHS();
    const Expr *R = Op->getRHS();
    if (Op->getOpcode() == BO_LAnd) {
      if (Truth)
        return Recurse(R, true, Recurse(L, true, std::move(S)));
      return Join(Recurse(L, false, S), Recurse(R, false, Recurse(L, true, S)));
    }
    if (Op->getOpcode() == BO_LOr) {
      if (!Truth)
        return Recurse(R, false, Recurse(L, false, std::move(S)));
      return Join(Recurse(L, true, S), Recurse(R, true, Recurse(L, false, S)));
    }
    if (Op->getOpcode() == BO_Comma)
      return Recurse(R, Truth, std::move(S));
  }
  return Atom(Cond, Truth, std::move(S));
}

/// The state just before the element at \p Where: the entry state of its
/// block, with the elements before it applied.
template <typename State, typename TransferFn>
State stateAt(const std::vector<State> &Entry, IndexedCFG::Position Where,
              TransferFn &&Transfer) {
  const auto [Block, Index] = Where;
  State S = Entry[Block->getBlockID()];
  for (unsigned I = 0; I < Index && S.Reachable; ++I)
    Transfer((*Block)[I], S);
  return S;
}

/// The state just before \p Site (or the statement around it that the CFG
/// lists). std::nullopt if neither is in the CFG.
template <typename State, typename TransferFn>
std::optional<State> stateBefore(const IndexedCFG &Cfg,
                                 const std::vector<State> &Entry,
                                 const Stmt &Site, TransferFn &&Transfer) {
  std::optional<IndexedCFG::Position> Where = Cfg.positionOf(Site);
  if (!Where)
    return std::nullopt;
  return stateAt(Entry, *Where, Transfer);
}

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_FORWARDDATAFLOW_H
