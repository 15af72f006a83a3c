//===--- Termination.cpp - prodready --------------------------------------===//

#include "Termination.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::prodready {

namespace {

/// How deep calls are followed into other functions: a terminating helper
/// calling a terminating helper is common, a longer chain is not.
constexpr unsigned MaxDepth = 4;

const CallExpr *asCall(const Stmt &S) { return dyn_cast<CallExpr>(&S); }

} // namespace

bool TerminatingFunctions::isTerminatingStmt(const Stmt &S) {
  if (isa<CXXThrowExpr>(S))
    return true;
  const CallExpr *Call = asCall(S);
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  // A virtual call may reach an override that returns.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
      !Method->getParent()->hasAttr<FinalAttr>()) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const auto *Callee =
        Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
               : nullptr;
    if (!Callee || !Callee->hasQualifier())
      return false;
  }
  return alwaysTerminates(*Callee);
}

bool TerminatingFunctions::alwaysTerminates(const FunctionDecl &F) {
  if (F.isNoReturn())
    return true;
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->hasBody() || Definition->isDependentContext())
    return false;
  auto [It, Inserted] = Known.try_emplace(Definition, Verdict::InProgress);
  if (!Inserted)
    // A recursive call in progress returns as far as we know.
    return It->second == Verdict::Terminates;
  if (Depth >= MaxDepth) {
    Known.erase(Definition);
    return false;
  }
  ++Depth;
  bool Terminates = bodyTerminates(*Definition);
  --Depth;
  Known[Definition] = Terminates ? Verdict::Terminates : Verdict::Returns;
  return Terminates;
}

bool TerminatingFunctions::bodyTerminates(const FunctionDecl &Definition) {
  // A function that returns a value must return it somewhere, unless it
  // throws: the CFG decides both alike.
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  std::unique_ptr<CFG> Graph = CFG::buildCFG(
      &Definition, Definition.getBody(), &Definition.getASTContext(), Options);
  if (!Graph)
    return false;
  const CFGBlock &Exit = Graph->getExit();
  llvm::BitVector Seen(Graph->getNumBlockIDs());
  llvm::SmallVector<const CFGBlock *, 16> Worklist = {&Graph->getEntry()};
  Seen.set(Graph->getEntry().getBlockID());
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.pop_back_val();
    if (Block == &Exit)
      return false; // A path returns.
    if (Block->hasNoReturnElement())
      continue;
    bool Ends = false;
    bool Throws = false;
    for (const CFGElement &Element : *Block)
      if (std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>()) {
        if (isa<CXXThrowExpr>(Statement->getStmt()))
          Throws = true;
        else if (isTerminatingStmt(*Statement->getStmt()))
          Ends = true;
        if (Ends || Throws)
          break;
      }
    if (Ends)
      continue;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const CFGBlock *Next = Succ.getReachableBlock();
      // A throw leaves for its handler in this function (which may go on
      // and return), or for the exit, which is not a return.
      if (!Next || (Throws && Next == &Exit))
        continue;
      if (!Seen.test(Next->getBlockID())) {
        Seen.set(Next->getBlockID());
        Worklist.push_back(Next);
      }
    }
  }
  return true;
}

} // namespace clang::tidy::prodready
