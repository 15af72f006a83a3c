//===--- RetryAnalysis.cpp - prodready ------------------------------------===//

#include "RetryAnalysis.h"
#include "ASTHelpers.h"
#include "OutcomeTest.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::prodready {

namespace {

bool isRetryable(const NetworkCall &Call) {
  switch (Call.Library) {
  case NetworkLibrary::Curl:
  case NetworkLibrary::Grpc:
  case NetworkLibrary::User:
    return Call.Role == NetworkRole::Operation;
  case NetworkLibrary::Httplib:
    return Call.Role == NetworkRole::HttpRequest;
  case NetworkLibrary::Asio:
  case NetworkLibrary::Beast:
  case NetworkLibrary::Posix:
    // Connecting again is a retry; reading again on a broken stream is not.
    return Call.Role == NetworkRole::Operation &&
           Call.Name.find("connect") != std::string::npos;
  }
  return false;
}

/// True if some statement below \p Root (lambdas aside) satisfies \p Pred.
template <typename PredT> bool anyBelow(const Stmt *Root, PredT Pred) {
  if (!Root || isa<LambdaExpr>(Root))
    return false;
  if (Pred(*Root))
    return true;
  for (const Stmt *Child : Root->children())
    if (anyBelow(Child, Pred))
      return true;
  return false;
}

bool leavesFunction(const Stmt *Branch) {
  return anyBelow(Branch, [](const Stmt &S) {
    if (isa<ReturnStmt>(S) || isa<CXXThrowExpr>(S))
      return true;
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->isNoReturn();
  });
}

/// True if \p Branch ends the operation for good: a throw or a call that
/// does not return (a `return` hands the failure to the caller instead).
bool endsProgramOrThrows(const Stmt *Branch) {
  return anyBelow(Branch, [](const Stmt &S) {
    if (isa<CXXThrowExpr>(S))
      return true;
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->isNoReturn();
  });
}

bool callsSomething(const Stmt *Branch) {
  return anyBelow(Branch, [](const Stmt &S) { return isa<CallExpr>(S); });
}

bool refersToAny(const Stmt *S,
                 const llvm::SmallPtrSetImpl<const Decl *> &Vars) {
  return anyBelow(S, [&](const Stmt &Child) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Child);
    return Ref && Vars.contains(Ref->getDecl());
  });
}

/// The variables a loop steps: those its increment assigns or increments
/// (`p = p->ai_next`, `++i`), or for `while`/`do`, those its condition reads
/// that the body assigns.
llvm::SmallPtrSet<const Decl *, 2> steppedVariables(const Stmt &Loop) {
  llvm::SmallPtrSet<const Decl *, 2> Stepped;
  auto NoteStep = [&](const Stmt &S) {
    const Expr *Target = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
        Assign && Assign->isAssignmentOp())
      Target = Assign->getLHS();
    else if (const auto *Step = dyn_cast<UnaryOperator>(&S);
             Step && Step->isIncrementDecrementOp())
      Target = Step->getSubExpr();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op &&
             (Op->getOperator() == OO_PlusPlus ||
              Op->getOperator() == OO_MinusMinus) &&
             Op->getNumArgs() >= 1)
      Target = Op->getArg(0);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
            Target ? Target->IgnoreParenImpCasts() : nullptr))
      Stepped.insert(Ref->getDecl());
    return false;
  };
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    anyBelow(For->getInc(), NoteStep);
    return Stepped;
  }
  const Stmt *Body = nullptr;
  const Expr *Cond = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    Body = While->getBody();
    Cond = While->getCond();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Body = Do->getBody();
    Cond = Do->getCond();
  }
  llvm::SmallPtrSet<const Decl *, 2> Assigned;
  std::swap(Assigned, Stepped);
  anyBelow(Body, NoteStep);
  std::swap(Assigned, Stepped);
  anyBelow(Cond, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && Assigned.contains(Ref->getDecl()))
      Stepped.insert(Ref->getDecl());
    return false;
  });
  return Stepped;
}

/// A loop that tries the next candidate on each pass (`for (p = res; p;
/// p = p->ai_next) connect(fd, p->ai_addr, p->ai_addrlen);`) is itself
/// the fallback: the call's arguments name what the loop steps through.
bool walksCandidates(const Stmt &Loop, const CallExpr &Call,
                     const ValueDecl *Holder) {
  llvm::SmallPtrSet<const Decl *, 2> Stepped = steppedVariables(Loop);
  if (Holder)
    Stepped.erase(Holder); // `do rc = perform(); while (rc != OK);`
  if (Stepped.empty())
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
      Member && refersToAny(Member->getImplicitObjectArgument(), Stepped))
    return true;
  return llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    return refersToAny(Arg, Stepped);
  });
}

bool leavesLoop(const Stmt *Branch) {
  return anyBelow(Branch, [](const Stmt &S) {
    return isa<BreakStmt>(S) || isa<ReturnStmt>(S);
  });
}

/// True if \p Cond tests for an interrupted call (`errno == EINTR`,
/// coturn's `socket_eintr()`): a call a signal interrupted is restarted at
/// once by design, which is no retry of a failed attempt. EINTR is a macro,
/// so the condition's spelling is what tells.
bool testsInterruption(const Expr *Cond, const SourceManager &SM) {
  if (!Cond)
    return false;
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Cond->getSourceRange()), SM,
      LangOptions());
  if (Range.isInvalid())
    return false;
  return Lexer::getSourceText(Range, SM, LangOptions())
      .contains_insensitive("eintr");
}

/// True if \p Branch starts the loop's next iteration (`continue`), other
/// than only when the call was interrupted (`if (errno == EINTR) continue;`
/// restarts it).
bool continuesLoop(const Stmt *Branch, const SourceManager &SM) {
  if (!Branch)
    return false;
  if (isa<ContinueStmt>(Branch))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(Branch);
      If && testsInterruption(If->getCond(), SM))
    return continuesLoop(If->getElse(), SM);
  return llvm::any_of(Branch->children(), [&](const Stmt *Child) {
    return continuesLoop(Child, SM);
  });
}

} // namespace

/// The test of the outcome of \p Call, also when held in \p Holder.
OutcomeTest RetryAnalysis::outcomeOf(const CallExpr &Call,
                                     const ValueDecl *Holder) const {
  ASTContext &Ctx = Call.getDirectCallee()->getASTContext();
  return OutcomeTest(
      Ctx,
      [&Call, Holder](const Expr *E) {
        if (E == &Call)
          return true;
        const auto *Ref = dyn_cast<DeclRefExpr>(E);
        return Ref && Holder && Ref->getDecl() == Holder;
      },
      &Summaries.table(Ctx));
}

RetryAnalysis::RetryAnalysis(
    const NetworkModel &Model, const std::vector<std::string> &Wrappers,
    std::function<bool(const FunctionDecl &)> IsBestEffort)
    : Model(Model), Summaries(Model),
      IsBestEffortFunction(std::move(IsBestEffort)) {
  for (llvm::StringRef Wrapper : Wrappers)
    RetryWrappers.insert(Wrapper.ltrim(':'));
}

void RetryAnalysis::clear() {
  Facts.clear();
  Wrapped.clear();
  Reported.clear();
  Summaries.clear();
}

/// Functions and lambdas handed to a retry wrapper are retried.
void RetryAnalysis::noteRetryWrapperArguments(const CallExpr &Call) {
  for (const Expr *Arg : Call.arguments()) {
    const Expr *Passed = stripValueWrappers(Arg);
    // A lambda converted to std::function, or a function's address.
    if (const auto *Convert = dyn_cast<CXXConstructExpr>(Passed);
        Convert && Convert->getNumArgs() >= 1)
      Passed = stripValueWrappers(Convert->getArg(0));
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(Passed))
      Passed = stripValueWrappers(AddressOf->getSubExpr());
    if (const auto *Lambda = dyn_cast<LambdaExpr>(Passed))
      Wrapped.insert(Lambda->getCallOperator());
    else if (const auto *Ref = dyn_cast<DeclRefExpr>(Passed))
      if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
        Wrapped.insert(Function->getCanonicalDecl());
  }
}

void RetryAnalysis::noteStatement(const Stmt &S, const Decl &Unit,
                                  ASTContext &Ctx) {
  UnitFacts &Seen = Facts[&Unit];
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
      isa<CXXForRangeStmt>(S)) {
    Seen.Loops.push_back(&S);
    return;
  }
  if (const auto *If = dyn_cast<IfStmt>(&S)) {
    Seen.Ifs.push_back(If);
    return;
  }
  auto NoteResult = [&](const ValueDecl *Holder, const Expr *Value) {
    if (Holder && Value)
      if (const auto *Call = dyn_cast<CallExpr>(stripValueWrappers(Value)))
        Seen.Results.emplace_back(Holder, Call);
  };
  if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        NoteResult(Var, Var->getInit());
    return;
  }
  if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
    Seen.Returns.push_back(Return);
    return;
  }
  if (const auto *Assign = dyn_cast<BinaryOperator>(&S)) {
    if (Assign->getOpcode() == BO_LOr)
      Seen.Ors.push_back(Assign);
    if (Assign->getOpcode() == BO_Assign)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(
              Assign->getLHS()->IgnoreParenImpCasts()))
        NoteResult(Ref->getDecl(), Assign->getRHS());
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && !RetryWrappers.empty() &&
      RetryWrappers.contains(qualifiedNameWithoutInlineNamespaces(*Callee)))
    noteRetryWrapperArguments(*Call);
  if (Callee) {
    if (const FunctionDecl *Definition = Callee->getDefinition();
        Definition && Definition->hasBody() &&
        !Ctx.getSourceManager().isInSystemHeader(Definition->getLocation()))
      Seen.UserCalls.push_back(Call);
    else if (Summaries.hasExternal() &&
             definedElsewhere(*Call, Ctx.getSourceManager()))
      Seen.LinkedCalls.push_back(Call);
  }
  std::optional<NetworkCall> Known = Model.classify(*Call, Ctx);
  if (!Known)
    return;
  if (Known->Role == NetworkRole::Delay)
    Seen.Delays.push_back(Call);
  else if (isRetryable(*Known))
    Seen.Calls.push_back(*Known);
}

bool RetryAnalysis::isWrapped(const Decl &Unit) const {
  // The unit, or a lambda it is in, was handed to a retry wrapper.
  for (const Decl *Current = &Unit; Current;) {
    if (Wrapped.contains(Current) ||
        Wrapped.contains(Current->getCanonicalDecl()))
      return true;
    const auto *Method = dyn_cast<CXXMethodDecl>(Current);
    if (!Method || !Method->getParent()->isLambda())
      return false;
    Current = dyn_cast_or_null<Decl>(Method->getParent()->getDeclContext());
  }
  return false;
}

/// A function called in a loop, or from a function or lambda handed to a
/// retry wrapper, is retried by its caller (`attempt()` in
/// `retry([&] { return attempt(); })`).
void RetryAnalysis::finishScan(const SourceManager &SM) {
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Unit, Seen] : Facts) {
      bool UnitRetried = isWrapped(*Unit);
      for (const CallExpr *Call : Seen.UserCalls) {
        bool InLoop = llvm::any_of(Seen.Loops, [&](const Stmt *Loop) {
          return containsStmt(*Loop, *Call, SM);
        });
        if (!UnitRetried && !InLoop)
          continue;
        const FunctionDecl *Callee =
            Call->getDirectCallee()->getDefinition()->getCanonicalDecl();
        Changed |= Wrapped.insert(Callee).second;
      }
    }
  }
}

const ValueDecl *RetryAnalysis::resultHolder(const UnitFacts &Seen,
                                             const CallExpr &Call) const {
  for (const auto &[Holder, Value] : Seen.Results)
    if (Value == &Call)
      return Holder;
  return nullptr;
}

bool RetryAnalysis::failureExits(const IfStmt &If, const CallExpr &Call,
                                 const ValueDecl *Holder) const {
  std::optional<bool> FailureWhenTrue =
      outcomeOf(Call, Holder).failureWhenTrue(If.getCond());
  if (!FailureWhenTrue)
    return false;
  return leavesFunction(*FailureWhenTrue ? If.getThen() : If.getElse());
}

/// True if the failure branch of \p If throws or ends the program
/// rather than returning the failure.
bool RetryAnalysis::failureEndsProgram(const IfStmt &If, const CallExpr &Call,
                                       const ValueDecl *Holder) const {
  std::optional<bool> FailureWhenTrue =
      outcomeOf(Call, Holder).failureWhenTrue(If.getCond());
  return FailureWhenTrue &&
         endsProgramOrThrows(*FailureWhenTrue ? If.getThen() : If.getElse());
}

bool RetryAnalysis::isRetryLoop(const Stmt &Loop, const UnitFacts &Seen,
                                const CallExpr &Call, const ValueDecl *Holder,
                                const SourceManager &SM) const {
  if (walksCandidates(Loop, Call, Holder))
    return false;
  OutcomeTest Result = outcomeOf(Call, Holder);
  const Expr *Cond = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    Cond = For->getCond();
  else if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    Cond = While->getCond();
  else if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    Cond = Do->getCond();
  else
    return false; // A range-for walks a collection.
  if (testsInterruption(Cond, SM))
    return false;
  if (Cond && anyBelow(Cond, [&](const Stmt &S) {
        const auto *E = dyn_cast<Expr>(&S);
        return E && Result.isOutcome(E);
      }))
    return true;
  for (const IfStmt *If : Seen.Ifs) {
    if (!containsStmt(Loop, *If, SM) || testsInterruption(If->getCond(), SM))
      continue;
    std::optional<bool> FailureWhenTrue = Result.failureWhenTrue(If->getCond());
    if (!FailureWhenTrue)
      continue;
    const Stmt *Success = *FailureWhenTrue ? If->getElse() : If->getThen();
    const Stmt *Failure = *FailureWhenTrue ? If->getThen() : If->getElse();
    if (leavesLoop(Success) || continuesLoop(Failure, SM))
      return true;
  }
  return false;
}

bool RetryAnalysis::waitsIn(const Stmt &Loop, const UnitFacts &Seen,
                            ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto InLoop = [&](const CallExpr *Call) {
    return containsStmt(Loop, *Call, SM);
  };
  if (llvm::any_of(Seen.Delays, InLoop))
    return true;
  auto WaitsInLoop = [&](const CallExpr *Call) {
    if (!InLoop(Call))
      return false;
    const FunctionSummary *Summary = Summaries.calleeSummary(*Call, Ctx);
    return Summary && Summary->Delays;
  };
  return llvm::any_of(Seen.UserCalls, WaitsInLoop) ||
         llvm::any_of(Seen.LinkedCalls, WaitsInLoop);
}

const CallExpr *RetryAnalysis::checkerExit(const UnitFacts &Seen,
                                           const CallExpr &Call,
                                           const ValueDecl *Holder) const {
  const SourceManager &SM =
      Call.getDirectCallee()->getASTContext().getSourceManager();
  OutcomeTest Result = outcomeOf(Call, Holder);
  for (const CallExpr *Checker : Seen.UserCalls)
    if (SM.isBeforeInTranslationUnit(Call.getBeginLoc(),
                                     Checker->getEndLoc()) &&
        Result.isCheckerCall(Checker, /*Verdict=*/false))
      return Checker;
  return nullptr;
}

bool RetryAnalysis::isBestEffort(const Decl &Unit) const {
  for (const Decl *Current = &Unit; Current;) {
    const auto *Function = dyn_cast<FunctionDecl>(Current);
    if (!Function)
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(Function);
    if (!Method || !Method->getParent()->isLambda())
      return IsBestEffortFunction(*Function);
    Current = dyn_cast_or_null<Decl>(Method->getParent()->getDeclContext());
  }
  return false;
}

bool RetryAnalysis::callHandlesFailure(const Decl &Caller,
                                       const UnitFacts &Seen,
                                       const CallExpr &Call,
                                       unsigned Depth) const {
  if (isBestEffort(Caller))
    return true;
  OutcomeTest Result = outcomeOf(Call, resultHolder(Seen, Call));
  const SourceManager &SM = Caller.getASTContext().getSourceManager();
  // `fetch_remote(k) || build_locally(k)`.
  for (const BinaryOperator *Or : Seen.Ors)
    if (Result.failureWhenTrue(Or->getLHS()) == false &&
        callsSomething(Or->getRHS()) &&
        anyBelow(Or->getLHS(), [&](const Stmt &S) { return &S == &Call; }))
      return true;
  const auto *CallerFunction = dyn_cast<FunctionDecl>(&Caller);
  auto Propagates = [&] {
    return CallerFunction && Depth < 3 &&
           callersHandleFailure(*CallerFunction, Depth + 1);
  };
  // `return attempt(h);`: the caller's callers decide.
  for (const ReturnStmt *Return : Seen.Returns)
    if (Return->getRetValue() &&
        stripValueWrappers(Return->getRetValue()) == &Call)
      return Propagates();
  for (const IfStmt *If : Seen.Ifs) {
    if (!SM.isBeforeInTranslationUnit(Call.getBeginLoc(), If->getEndLoc()))
      continue;
    std::optional<bool> FailureWhenTrue = Result.failureWhenTrue(If->getCond());
    if (!FailureWhenTrue)
      continue;
    const Stmt *Failure = *FailureWhenTrue ? If->getThen() : If->getElse();
    // A fallback: the failure branch does something else and carries on.
    if (!leavesFunction(Failure) && callsSomething(Failure))
      return true;
    if (leavesFunction(Failure) && !endsProgramOrThrows(Failure))
      return Propagates();
  }
  return false;
}

bool RetryAnalysis::callersHandleFailure(const FunctionDecl &F,
                                         unsigned Depth) const {
  const FunctionDecl *Canonical = F.getCanonicalDecl();
  for (const auto &[Caller, Seen] : Facts)
    for (const CallExpr *Call : Seen.UserCalls)
      if (Call->getDirectCallee()->getCanonicalDecl() == Canonical &&
          callHandlesFailure(*Caller, Seen, *Call, Depth))
        return true;
  return false;
}

std::optional<RetryFinding>
RetryAnalysis::judgeCall(const Decl &Unit, const UnitFacts &Seen,
                         const NetworkCall &Call, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (const FunctionDecl *Callee = Call.Call->getDirectCallee();
      Callee && IsBestEffortFunction(*Callee))
    return std::nullopt;
  const ValueDecl *Holder = resultHolder(Seen, *Call.Call);
  const Stmt *Loop = nullptr;
  for (const Stmt *Candidate : Seen.Loops)
    if (containsStmt(*Candidate, *Call.Call, SM))
      Loop = Candidate; // The innermost: loops come outermost first.
  if (Loop) {
    if (!isRetryLoop(*Loop, Seen, *Call.Call, Holder, SM))
      return std::nullopt;
    if (waitsIn(*Loop, Seen, Ctx) || !Reported.insert(Loop).second)
      return std::nullopt;
    return RetryFinding{RetryFinding::LoopWithoutDelay, Loop, Call.Name};
  }
  if (isWrapped(Unit))
    return std::nullopt;
  const IfStmt *Exit = nullptr;
  for (const IfStmt *If : Seen.Ifs)
    if (SM.isBeforeInTranslationUnit(Call.Call->getBeginLoc(),
                                     If->getEndLoc()) &&
        failureExits(*If, *Call.Call, Holder)) {
      Exit = If;
      break;
    }
  // `check_curl(rc)`: a helper that throws or exits on failure.
  if (!Exit && checkerExit(Seen, *Call.Call, Holder)) {
    if (!Reported.insert(Call.Call).second)
      return std::nullopt;
    return RetryFinding{RetryFinding::NotRetried, Call.Call, Call.Name};
  }
  if (!Exit)
    return std::nullopt;
  // A failure returned to a caller that retries or falls back is handled.
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  if (Function && !Function->isOverloadedOperator() &&
      !isLambdaCallOperator(Function) &&
      !failureEndsProgram(*Exit, *Call.Call, Holder) &&
      callersHandleFailure(*Function, 0))
    return std::nullopt;
  if (!Reported.insert(Call.Call).second)
    return std::nullopt;
  return RetryFinding{RetryFinding::NotRetried, Call.Call, Call.Name};
}

void RetryAnalysis::findingsIn(const Decl &Unit, ASTContext &Ctx,
                               llvm::SmallVectorImpl<RetryFinding> &Out) {
  auto It = Facts.find(&Unit);
  // Best effort by design: a failure is expected and worked around.
  if (It == Facts.end() || isBestEffort(Unit))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const NetworkCall &Call : It->second.Calls) {
    if (SM.isInSystemMacro(Call.Call->getBeginLoc()))
      continue;
    if (std::optional<RetryFinding> Finding =
            judgeCall(Unit, It->second, Call, Ctx))
      Out.push_back(std::move(*Finding));
  }
}

} // namespace clang::tidy::prodready
