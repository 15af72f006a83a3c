//===--- MissingRetryCheck.cpp - prodready --------------------------------===//
//
// Network calls (from analysis/NetworkModel.h) whose failure is turned into
// an error at once, and retry loops that do not wait. What counts as the
// failure branch of a test is decided by the polarity of the condition:
// `rc != CURLE_OK`, `!res`, `!status.ok()`, `res->status != 200` are true on
// failure; `rc == CURLE_OK`, `res`, `status.ok()` on success.
//
//===----------------------------------------------------------------------===//

#include "MissingRetryCheck.h"
#include "CheckOptions.h"
#include "analysis/ASTHelpers.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

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
    return Call.Role == NetworkRole::Operation && Call.Name.find("connect") !=
                                                      std::string::npos;
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

bool refersToAny(const Stmt *S, const llvm::SmallPtrSetImpl<const Decl *> &Vars) {
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
             Op && (Op->getOperator() == OO_PlusPlus ||
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

bool continuesLoop(const Stmt *Branch) {
  return anyBelow(Branch, [](const Stmt &S) { return isa<ContinueStmt>(S); });
}

/// `CURLE_OK`, `httplib::Error::Success`, `grpc::StatusCode::OK`, 200.
bool isSuccessConstant(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Constant = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      return Constant->getName() == "CURLE_OK" ||
             Constant->getName() == "Success" || Constant->getName() == "OK";
  // 200 for an HTTP status; 0 for a POSIX result or a CURLcode.
  if (const auto *Literal = dyn_cast<IntegerLiteral>(E))
    return Literal->getValue() == 200 || Literal->getValue() == 0;
  return false;
}

class Outcome {
public:
  /// \p Call is a network call, so it has a direct callee.
  Outcome(const CallExpr &Call, const ValueDecl *Holder)
      : Call(Call), Holder(Holder),
        Context(&Call.getDirectCallee()->getASTContext()) {}

  /// True if \p E is the call or the variable holding its result, or
  /// `x.error()`, `x->status`, `x.error_code()` of one.
  bool isOutcome(const Expr *E) const {
    E = stripValueWrappers(E);
    if (E == &Call)
      return true;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Holder && Ref->getDecl() == Holder;
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return isOutcome(Member->getBase());
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(E);
        Arrow && Arrow->getOperator() == OO_Arrow)
      return isOutcome(Arrow->getArg(0));
    if (const auto *Method = dyn_cast<CXXMemberCallExpr>(E))
      return isOutcome(Method->getImplicitObjectArgument());
    return false;
  }

  /// Whether \p Cond is true when the call failed (true), when it
  /// succeeded (false), or says nothing about it.
  std::optional<bool> failureWhenTrue(const Expr *Cond) const {
    const Expr *E = stripValueWrappers(Cond);
    if (const auto *Not = dyn_cast<UnaryOperator>(E);
        Not && Not->getOpcode() == UO_LNot) {
      std::optional<bool> Inner = failureWhenTrue(Not->getSubExpr());
      return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
    }
    if (const auto *Logical = dyn_cast<BinaryOperator>(E);
        Logical && Logical->isLogicalOp()) {
      std::optional<bool> Left = failureWhenTrue(Logical->getLHS());
      return Left ? Left : failureWhenTrue(Logical->getRHS());
    }
    // `res` (a Result converted to bool) and `status.ok()`: true on
    // success. A CURLcode in a condition: true on failure.
    if (const auto *Method = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Callee = Method->getMethodDecl();
      if (Callee && (isa<CXXConversionDecl>(Callee) ||
                     (Callee->getIdentifier() && Callee->getName() == "ok")) &&
          isOutcome(Method->getImplicitObjectArgument()))
        return false;
    }
    // A CURLcode in a condition is true on failure; a bool returned by a
    // project's network function, on success.
    if (isOutcome(E) && E->getType()->isEnumeralType())
      return true;
    if (isOutcome(E) && E->getType()->isBooleanType())
      return false;
    const Expr *Left = nullptr, *Right = nullptr;
    bool Equal = false;
    if (const auto *Compare = dyn_cast<BinaryOperator>(E);
        Compare && Compare->isEqualityOp()) {
      Left = Compare->getLHS();
      Right = Compare->getRHS();
      Equal = Compare->getOpcode() == BO_EQ;
    } else if (const auto *Compare = dyn_cast<CXXOperatorCallExpr>(E);
               Compare && Compare->getNumArgs() == 2 &&
               (Compare->getOperator() == OO_EqualEqual ||
                Compare->getOperator() == OO_ExclaimEqual)) {
      Left = Compare->getArg(0);
      Right = Compare->getArg(1);
      Equal = Compare->getOperator() == OO_EqualEqual;
    } else if (const auto *Relation = dyn_cast<BinaryOperator>(E);
               Relation && Relation->isRelationalOp() &&
               isOutcome(Relation->getLHS())) {
      // connect(...) < 0 (an error code below zero) and res->status >= 400
      // (an HTTP error above the success range) are true on failure.
      Expr::EvalResult Bound;
      if (!Relation->getRHS()->EvaluateAsInt(Bound, *Context))
        return std::nullopt;
      bool Upward = Relation->getOpcode() == BO_GE ||
                    Relation->getOpcode() == BO_GT;
      return Bound.Val.getInt().getExtValue() <= 0 ? !Upward : Upward;
    }
    if (!Left)
      return std::nullopt;
    if (isOutcome(Right))
      std::swap(Left, Right);
    if (!isOutcome(Left))
      return std::nullopt;
    if (isa<CXXNullPtrLiteralExpr>(stripValueWrappers(Right)))
      return Equal;
    if (isSuccessConstant(Right))
      return !Equal;
    // POSIX calls fail with -1.
    if (const auto *Minus = dyn_cast<UnaryOperator>(stripValueWrappers(Right));
        Minus && Minus->getOpcode() == UO_Minus &&
        isa<IntegerLiteral>(Minus->getSubExpr()->IgnoreParenImpCasts()))
      return Equal;
    return std::nullopt;
  }

private:
  const CallExpr &Call;
  const ValueDecl *Holder;
  const ASTContext *Context;
};

} // namespace

MissingRetryCheck::MissingRetryCheck(StringRef Name, ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawRetryWrappers(Options.get("RetryWrappers", "")),
      RawBackoffFunctions(Options.get("BackoffFunctions", "")),
      RawNetworkFunctions(Options.get("NetworkFunctions", "")),
      RawBestEffortFunctions(Options.get("BestEffortFunctions", "")),
      BestEffortFunctions(parseNameList(RawBestEffortFunctions)),
      Network(parseNameList(RawNetworkFunctions),
              parseNameList(RawBackoffFunctions)) {
  for (llvm::StringRef Wrapper : parseNameList(RawRetryWrappers))
    RetryWrappers.insert(Wrapper.ltrim(':'));
}

void MissingRetryCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RetryWrappers", RawRetryWrappers);
  Options.store(Opts, "BackoffFunctions", RawBackoffFunctions);
  Options.store(Opts, "NetworkFunctions", RawNetworkFunctions);
  Options.store(Opts, "BestEffortFunctions", RawBestEffortFunctions);
}

void MissingRetryCheck::endTranslationUnit() {
  Facts.clear();
  Wrapped.clear();
  Reported.clear();
}

void MissingRetryCheck::noteStatement(const Stmt &S, const Decl &Unit,
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
  if (const FunctionDecl *Callee = Call->getDirectCallee();
      Callee && !RetryWrappers.empty() &&
      RetryWrappers.contains(qualifiedNameWithoutInlineNamespaces(*Callee)))
    for (const Expr *Arg : Call->arguments()) {
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
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    if (const FunctionDecl *Definition = Callee->getDefinition();
        Definition && Definition->hasBody() &&
        !Ctx.getSourceManager().isInSystemHeader(Definition->getLocation()))
      Seen.UserCalls.push_back(Call);
  std::optional<NetworkCall> Known = Network.classify(*Call, Ctx);
  if (!Known)
    return;
  if (Known->Role == NetworkRole::Delay)
    Seen.Delays.push_back(Call);
  else if (isRetryable(*Known))
    Seen.Calls.push_back(*Known);
}

bool MissingRetryCheck::isWrapped(const Decl &Unit) const {
  // The unit, or a lambda it is in, was handed to a retry wrapper.
  for (const Decl *Current = &Unit; Current;) {
    if (Wrapped.contains(Current) || Wrapped.contains(Current->getCanonicalDecl()))
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
void MissingRetryCheck::markRetriedCallees(const SourceManager &SM) {
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

const ValueDecl *MissingRetryCheck::resultHolder(const UnitFacts &Seen,
                                                 const CallExpr &Call) const {
  for (const auto &[Holder, Value] : Seen.Results)
    if (Value == &Call)
      return Holder;
  return nullptr;
}

bool MissingRetryCheck::failureExits(const IfStmt &If, const CallExpr &Call,
                                     const ValueDecl *Holder) const {
  std::optional<bool> FailureWhenTrue =
      Outcome(Call, Holder).failureWhenTrue(If.getCond());
  if (!FailureWhenTrue)
    return false;
  return leavesFunction(*FailureWhenTrue ? If.getThen() : If.getElse());
}

/// True if the failure branch of \p If throws or ends the program
/// rather than returning the failure.
static bool failureEndsProgram(const IfStmt &If, const CallExpr &Call,
                               const ValueDecl *Holder) {
  std::optional<bool> FailureWhenTrue =
      Outcome(Call, Holder).failureWhenTrue(If.getCond());
  return FailureWhenTrue &&
         endsProgramOrThrows(*FailureWhenTrue ? If.getThen() : If.getElse());
}

bool MissingRetryCheck::isRetryLoop(const Stmt &Loop, const UnitFacts &Seen,
                                    const CallExpr &Call,
                                    const ValueDecl *Holder,
                                    const SourceManager &SM) const {
  if (walksCandidates(Loop, Call, Holder))
    return false;
  Outcome Result(Call, Holder);
  const Expr *Cond = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    Cond = For->getCond();
  else if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    Cond = While->getCond();
  else if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    Cond = Do->getCond();
  else
    return false; // A range-for walks a collection.
  if (Cond && anyBelow(Cond, [&](const Stmt &S) {
        const auto *E = dyn_cast<Expr>(&S);
        return E && Result.isOutcome(E);
      }))
    return true;
  for (const IfStmt *If : Seen.Ifs) {
    if (!containsStmt(Loop, *If, SM))
      continue;
    std::optional<bool> FailureWhenTrue = Result.failureWhenTrue(If->getCond());
    if (!FailureWhenTrue)
      continue;
    const Stmt *Success = *FailureWhenTrue ? If->getElse() : If->getThen();
    const Stmt *Failure = *FailureWhenTrue ? If->getThen() : If->getElse();
    if (leavesLoop(Success) || continuesLoop(Failure))
      return true;
  }
  return false;
}

bool MissingRetryCheck::isBestEffort(const Decl &Unit) const {
  for (const Decl *Current = &Unit; Current;) {
    const auto *Function = dyn_cast<FunctionDecl>(Current);
    if (!Function)
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(Function);
    if (!Method || !Method->getParent()->isLambda())
      return BestEffortFunctions.matches(*Function);
    Current = dyn_cast_or_null<Decl>(Method->getParent()->getDeclContext());
  }
  return false;
}

bool MissingRetryCheck::callHandlesFailure(const Decl &Caller,
                                           const UnitFacts &Seen,
                                           const CallExpr &Call,
                                           unsigned Depth) const {
  if (isBestEffort(Caller))
    return true;
  Outcome Result(Call, resultHolder(Seen, Call));
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

bool MissingRetryCheck::callersHandleFailure(const FunctionDecl &F,
                                             unsigned Depth) const {
  const FunctionDecl *Canonical = F.getCanonicalDecl();
  for (const auto &[Caller, Seen] : Facts)
    for (const CallExpr *Call : Seen.UserCalls)
      if (Call->getDirectCallee()->getCanonicalDecl() == Canonical &&
          callHandlesFailure(*Caller, Seen, *Call, Depth))
        return true;
  return false;
}

void MissingRetryCheck::checkUnit(const Decl &Unit, const UnitFacts &Seen,
                                  ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  bool InWrapper = isWrapped(Unit);
  // Best effort by design: a failure is expected and worked around.
  if (isBestEffort(Unit))
    return;
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  for (const NetworkCall &Call : Seen.Calls) {
    if (SM.isInSystemMacro(Call.Call->getBeginLoc()))
      continue;
    if (const FunctionDecl *Callee = Call.Call->getDirectCallee();
        Callee && BestEffortFunctions.matches(*Callee))
      continue;
    const ValueDecl *Holder = resultHolder(Seen, *Call.Call);
    const Stmt *Loop = nullptr;
    for (const Stmt *Candidate : Seen.Loops)
      if (containsStmt(*Candidate, *Call.Call, SM))
        Loop = Candidate; // The innermost: loops come outermost first.
    if (Loop) {
      if (!isRetryLoop(*Loop, Seen, *Call.Call, Holder, SM))
        continue;
      bool Waits = llvm::any_of(Seen.Delays, [&](const CallExpr *Delay) {
        return containsStmt(*Loop, *Delay, SM);
      });
      if (!Waits && Reported.insert(Loop).second)
        diag(Loop->getBeginLoc(),
             "retry loop around '%0' has no delay between attempts; a "
             "struggling server gets a retry storm")
            << Call.Name;
      continue;
    }
    if (InWrapper)
      continue;
    const IfStmt *Exit = nullptr;
    for (const IfStmt *If : Seen.Ifs)
      if (SM.isBeforeInTranslationUnit(Call.Call->getBeginLoc(),
                                       If->getEndLoc()) &&
          failureExits(*If, *Call.Call, Holder)) {
        Exit = If;
        break;
      }
    if (!Exit)
      continue;
    // A failure returned to a caller that retries or falls back is handled.
    if (Function && !Function->isOverloadedOperator() &&
        !isLambdaCallOperator(Function) &&
        !failureEndsProgram(*Exit, *Call.Call, Holder) &&
        callersHandleFailure(*Function, 0))
      continue;
    if (Reported.insert(Call.Call).second)
      diag(Call.Call->getBeginLoc(),
           "'%0' is not retried: its failure leads straight to an error "
           "exit, so one transient network error fails the operation")
          << Call.Name;
  }
}

void MissingRetryCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  llvm::SetVector<const Decl *> Units;
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (!Unit)
      return;
    noteStatement(S, *Unit, Ctx);
    Units.insert(Unit);
  });
  markRetriedCallees(Ctx.getSourceManager());
  for (const Decl *Unit : Units)
    if (auto It = Facts.find(Unit); It != Facts.end())
      checkUnit(*Unit, It->second, Ctx);
}

} // namespace clang::tidy::prodready
