//===--- SocketSetup.cpp - prodready --------------------------------------===//

#include "SocketSetup.h"
#include "ASTHelpers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

namespace {

/// Helpers are followed this many calls deep: configuration helpers are
/// shallow, and the bound keeps a TU's cost linear.
constexpr unsigned MaxHelperDepth = 4;

bool isLoop(const Stmt &S) {
  return isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
         isa<CXXForRangeStmt>(S);
}

/// socket(), accept(), accept4(): the result is a new socket.
bool createsSocket(const Expr &Value) {
  const auto *Call = dyn_cast<CallExpr>(stripValueWrappers(&Value));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  llvm::StringRef Name = Callee->getName();
  return Name == "socket" || Name == "accept" || Name == "accept4";
}

bool refersTo(const Stmt &S, const ValueDecl &D) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&S); Ref && Ref->getDecl() == &D)
    return true;
  return llvm::any_of(S.children(), [&](const Stmt *Child) {
    return Child && refersTo(*Child, D);
  });
}

} // namespace

void SocketSetup::merge(const SocketSetup &Other) {
  Created |= Other.Created;
  Timeout |= Other.Timeout;
  NonBlocking |= Other.NonBlocking;
  Unknown |= Other.Unknown;
  if (!BoundedWait)
    BoundedWait = Other.BoundedWait;
  if (!EndlessWait)
    EndlessWait = Other.EndlessWait;
}

/// The calls and assignments of one body that matter for sockets, collected
/// once: a body is asked about each of its sockets and each operation.
struct SocketSetupAnalysis::BodyFacts {
  struct Wait {
    const CallExpr *Call;
    bool Endless;
  };
  /// SetsSocketTimeout and SetsNonBlocking calls with a handle.
  llvm::SmallVector<NetworkCall, 2> Settings;
  llvm::SmallVector<Wait, 2> Waits;
  llvm::SmallVector<std::pair<const CallExpr *, const FunctionDecl *>, 4>
      Helpers;
  /// `int fd = socket(...)`, `fd = accept4(...)`: the target and the value.
  llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 2> Stores;
  llvm::SmallVector<const Stmt *, 2> Loops;
  /// What did not compile (an undeclared function given the socket).
  llvm::SmallVector<const RecoveryExpr *, 1> Broken;
};

SocketSetupAnalysis::SocketSetupAnalysis(const NetworkModel &Model)
    : Model(Model) {}

SocketSetupAnalysis::~SocketSetupAnalysis() = default;

void SocketSetupAnalysis::clear() {
  Bodies.clear();
  Summaries.clear();
}

const SocketSetupAnalysis::BodyFacts &
SocketSetupAnalysis::factsOf(const Stmt &Body, ASTContext &Ctx) {
  std::unique_ptr<BodyFacts> &Slot = Bodies[&Body];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<BodyFacts>();
  BodyFacts &Facts = *Slot;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const Stmt *, 32> Work{&Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
      continue;
    if (isLoop(*S))
      Facts.Loops.push_back(S);
    if (const auto *Recovery = dyn_cast<RecoveryExpr>(S))
      Facts.Broken.push_back(Recovery);
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
          Facts.Stores.emplace_back(Var, Var->getInit());
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(S);
               Assign && Assign->getOpcode() == BO_Assign) {
      if (const ValueDecl *Target = NetworkModel::handleDecl(Assign->getLHS()))
        Facts.Stores.emplace_back(Target, Assign->getRHS());
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (std::optional<NetworkCall> Known = Model.classify(*Call, Ctx)) {
        if (Known->Role == NetworkRole::WaitsForReadiness)
          Facts.Waits.push_back(
              {Call, NetworkModel::waitsForever(*Known, Ctx)});
        else if ((Known->Role == NetworkRole::SetsSocketTimeout ||
                  Known->Role == NetworkRole::SetsNonBlocking) &&
                 Known->Handle)
          Facts.Settings.push_back(*Known);
      } else if (const FunctionDecl *Helper =
                     // Operators take the object as an argument: parameters
                     // do not line up.
                 isa<CXXOperatorCallExpr>(Call) ? nullptr
                                                : userDefinition(*Call, SM)) {
        Facts.Helpers.emplace_back(Call, Helper);
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Facts;
}

SocketSetup SocketSetupAnalysis::setupBefore(const Stmt &Body,
                                             const ValueDecl &Socket,
                                             const Stmt *Site,
                                             ASTContext &Ctx) {
  return setupAt(Body, Socket, Site, Ctx, 0);
}

SocketSetup SocketSetupAnalysis::setupAt(const Stmt &Body,
                                         const ValueDecl &Socket,
                                         const Stmt *Site, ASTContext &Ctx,
                                         unsigned Depth) {
  const BodyFacts &Facts = factsOf(Body, Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  auto Earlier = [&](const Stmt &S) {
    return !Site || SM.isBeforeInTranslationUnit(S.getBeginLoc(),
                                                 Site->getBeginLoc());
  };
  // A wait later in a loop around the site runs before its next pass.
  auto WaitsFirst = [&](const Stmt &S) {
    return Earlier(S) || llvm::any_of(Facts.Loops, [&](const Stmt *Loop) {
             return containsStmt(*Loop, S, SM) && containsStmt(*Loop, *Site, SM);
           });
  };
  SocketSetup Setup;
  for (const auto &[Target, Value] : Facts.Stores) {
    if (Target != &Socket || !Earlier(*Value) || !createsSocket(*Value))
      continue;
    Setup.Created = true;
    const auto *Call = cast<CallExpr>(stripValueWrappers(Value));
    if (std::optional<NetworkCall> Known = Model.classify(*Call, Ctx);
        Known && Known->Role == NetworkRole::SetsNonBlocking)
      Setup.NonBlocking = true;
  }
  for (const NetworkCall &Setting : Facts.Settings) {
    if (NetworkModel::handleDecl(Setting.Handle) != &Socket ||
        !Earlier(*Setting.Call))
      continue;
    if (Setting.Role == NetworkRole::SetsSocketTimeout)
      Setup.Timeout = true;
    else
      Setup.NonBlocking = true;
  }
  // Which descriptors a pollfd array or fd_set holds is not followed: a
  // wait in the function is taken to be for the socket it then reads. A
  // wait with a timeout bounds only what comes after it (the first pass of
  // a loop reads before it); one without blocks the loop wherever it is.
  for (const BodyFacts::Wait &Wait : Facts.Waits) {
    if (Wait.Endless && !Setup.EndlessWait && WaitsFirst(*Wait.Call))
      Setup.EndlessWait = Wait.Call;
    if (!Wait.Endless && !Setup.BoundedWait && Earlier(*Wait.Call))
      Setup.BoundedWait = Wait.Call;
  }
  for (const RecoveryExpr *Recovery : Facts.Broken)
    if (Earlier(*Recovery) && refersTo(*Recovery, Socket))
      Setup.Unknown = true;
  if (Depth >= MaxHelperDepth)
    return Setup;
  for (const auto &[Call, Helper] : Facts.Helpers) {
    if (!Earlier(*Call))
      continue;
    for (unsigned I = 0;
         I < Call->getNumArgs() && I < Helper->getNumParams(); ++I)
      if (NetworkModel::handleDecl(Call->getArg(I)) == &Socket)
        Setup.merge(paramSetupAt(*Helper, I, Depth + 1));
  }
  return Setup;
}

SocketSetup SocketSetupAnalysis::paramSetup(const FunctionDecl &F,
                                            unsigned Index) {
  return paramSetupAt(F, Index, 0);
}

SocketSetup SocketSetupAnalysis::paramSetupAt(const FunctionDecl &F,
                                              unsigned Index,
                                              unsigned Depth) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->getBody() ||
      Index >= Definition->getNumParams())
    return {};
  auto Key = std::make_pair(Definition, Index);
  if (auto It = Summaries.find(Key); It != Summaries.end())
    return It->second;
  Summaries[Key] = {}; // Recursion does nothing to the socket.
  SocketSetup Setup =
      setupAt(*Definition->getBody(), *Definition->getParamDecl(Index),
              nullptr, Definition->getASTContext(), Depth);
  // The caller's socket was created by the caller.
  Setup.Created = false;
  return Summaries[Key] = Setup;
}

bool readsOnlyBufferedData(const Stmt &Body, const CallExpr &Read,
                           ASTContext &Ctx) {
  using namespace ast_matchers;
  // A write waits for the peer to take the data, whatever has arrived.
  const FunctionDecl *Callee = Read.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !(Callee->getName().contains("read") ||
        Callee->getName().contains("receive")))
    return false;
  // Variables the function sets from available(): at their declaration or
  // by an assignment.
  auto AvailableCall =
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("available"))));
  auto Available = ignoringParenImpCasts(AvailableCall);
  llvm::SmallPtrSet<const VarDecl *, 4> Counts;
  for (const BoundNodes &Node :
       match(findAll(stmt(anyOf(
                 declStmt(has(varDecl(hasInitializer(Available)).bind("v"))),
                 binaryOperator(isAssignmentOperator(),
                                hasLHS(declRefExpr(to(varDecl().bind("v")))),
                                hasRHS(Available))))),
             Body, Ctx))
    Counts.insert(Node.getNodeAs<VarDecl>("v"));
  // An if whose condition tests one (or calls available() itself), with the
  // read in its then-branch.
  auto ReadInThen = hasThen(hasDescendant(equalsNode(&Read)));
  if (!match(findAll(ifStmt(hasCondition(hasDescendant(AvailableCall)),
                            ReadInThen)),
             Body, Ctx)
           .empty())
    return true;
  auto Tested = declRefExpr(to(varDecl().bind("tested")));
  for (const BoundNodes &Node :
       match(findAll(ifStmt(hasCondition(expr(anyOf(
                                ignoringParenImpCasts(Tested),
                                forEachDescendant(Tested)))),
                            ReadInThen)),
             Body, Ctx))
    if (Counts.contains(Node.getNodeAs<VarDecl>("tested")))
      return true;
  return false;
}

} // namespace clang::tidy::prodready
