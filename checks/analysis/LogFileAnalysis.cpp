//===--- LogFileAnalysis.cpp - prodready ----------------------------------===//

#include "LogFileAnalysis.h"
#include "ASTHelpers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::prodready {

namespace {

bool isSmartPointer(const CXXRecordDecl &Record) {
  return Record.getIdentifier() && isInStdOrNested(Record) &&
         (Record.getName() == "shared_ptr" || Record.getName() == "unique_ptr");
}

/// The expression that creates the value stored by an initialization or
/// assignment: wrappers, copies and smart-pointer conversions left out
/// (`std::shared_ptr<std::ostream> s = std::make_shared<std::ofstream>(…)`).
const Expr *createdValue(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValueWrappers(E);
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() == 0)
      return E;
    const CXXRecordDecl *Record = Construct->getType()->getAsCXXRecordDecl();
    bool Transparent =
        Construct->getConstructor()->isCopyOrMoveConstructor() ||
        (Record && isSmartPointer(*Record) && Construct->getNumArgs() == 1);
    if (!Transparent)
      return E;
    E = Construct->getArg(0);
  }
  return E;
}

bool isLocal(const ValueDecl &D) {
  const auto *Var = dyn_cast<VarDecl>(&D);
  return Var && Var->isLocalVarDecl() && !Var->isStaticLocal();
}

bool isLongLived(const ValueDecl &D) {
  const auto *Var = dyn_cast<VarDecl>(&D);
  return isa<FieldDecl>(D) || (Var && Var->hasGlobalStorage());
}

/// Whether a loop condition leaves the number of iterations open: a flag
/// (`running`, `!stop_.load()`), a constant true, nothing. A comparison
/// counts iterations; a call (`std::getline(in, line)`, `queue.pop(m)`)
/// reads data whose end ends the loop.
bool isOpenEndedCondition(const Expr *Cond, const ASTContext &Ctx) {
  if (!Cond)
    return true;
  if (Cond->isValueDependent() || Cond->containsErrors())
    return false;
  bool Value = false;
  if (Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return Value;
  llvm::SmallVector<const Stmt *, 8> Work = {Cond};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *Op = dyn_cast<BinaryOperator>(S);
        Op && Op->isRelationalOp())
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
      bool ReadsFlag =
          Method && (isa<CXXConversionDecl>(Method) ||
                     (Method->getIdentifier() && Method->getName() == "load"));
      if (!ReadsFlag)
        return false;
    }
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
  }
  return true;
}

bool isOpenEndedLoop(const Stmt &S, const ASTContext &Ctx) {
  if (const auto *While = dyn_cast<WhileStmt>(&S))
    return isOpenEndedCondition(While->getCond(), Ctx);
  if (const auto *Do = dyn_cast<DoStmt>(&S))
    return isOpenEndedCondition(Do->getCond(), Ctx);
  if (const auto *For = dyn_cast<ForStmt>(&S))
    return isOpenEndedCondition(For->getCond(), Ctx);
  return false;
}

const Stmt *bodyOf(const Decl &Unit) {
  if (const auto *Function = dyn_cast<FunctionDecl>(&Unit))
    return Function->getBody();
  return nullptr;
}

/// \p Inner is \p Outer or a lambda written inside it (a thread body that
/// captures the stream).
bool isSameOrNestedUnit(const Decl &Inner, const Decl &Outer,
                        const SourceManager &SM) {
  if (&Inner == &Outer)
    return true;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Inner);
  const Stmt *OuterBody = bodyOf(Outer);
  return Method && Method->getParent()->isLambda() && OuterBody &&
         Method->getBody() && containsStmt(*OuterBody, *Method->getBody(), SM);
}

llvm::ArrayRef<const Expr *> argumentsOf(const Expr &E) {
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    return {Call->getArgs(), Call->getNumArgs()};
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return {Construct->getArgs(), Construct->getNumArgs()};
  return {};
}

} // namespace

void LogFileAnalysis::noteStatement(const Stmt &S, const Decl *Unit,
                                    ASTContext &Ctx) {
  if (!Unit)
    return;
  if (UnitsNoted.insert(Unit).second)
    noteUnit(*Unit);
  noteHolders(S);
  noteLoop(S, Unit, Ctx);
  if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Unit);
        Function && Return->getRetValue())
      ReturnsOf[Function->getCanonicalDecl()].push_back(Return->getRetValue());
    return;
  }
  if (const auto *E = dyn_cast<Expr>(&S)) {
    noteCall(*E, Unit, Ctx);
    noteSink(*E, Unit, Ctx);
  }
}

/// The holders a unit's own declaration sets: a global's or field's
/// initializer, a constructor's member initializers.
void LogFileAnalysis::noteUnit(const Decl &Unit) {
  if (const auto *Var = dyn_cast<VarDecl>(&Unit)) {
    if (const Expr *Init = Var->getInit()) {
      HolderOf[createdValue(Init)] = Var;
      if (Var->getTypeSourceInfo() && !Var->getType()->getContainedAutoType())
        SpelledTypes[createdValue(Init)] =
            Var->getTypeSourceInfo()->getTypeLoc();
    }
  } else if (const auto *Field = dyn_cast<FieldDecl>(&Unit)) {
    if (const Expr *Init = Field->getInClassInitializer())
      HolderOf[createdValue(Init)] = Field;
  } else if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&Unit)) {
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isMemberInitializer() && Init->getInit())
        HolderOf[createdValue(Init->getInit())] = Init->getMember();
  }
}

void LogFileAnalysis::noteHolders(const Stmt &S) {
  auto Assign = [&](const Expr *Target, const Expr *Value) {
    const ValueDecl *Holder = namedHolder(Target);
    if (!Holder)
      return;
    HolderOf[createdValue(Value)] = Holder;
    if (const ValueDecl *Local = namedHolder(Value);
        Local && isLocal(*Local) && isLongLived(*Holder))
      Escapes[Local] = Holder;
  };
  if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : Decls->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->getInit())
        continue;
      const Expr *Created = createdValue(Var->getInit());
      HolderOf[Created] = Var;
      if (Var->getTypeSourceInfo() && !Var->getType()->getContainedAutoType())
        SpelledTypes[Created] = Var->getTypeSourceInfo()->getTypeLoc();
      if (const ValueDecl *Local = namedHolder(Var->getInit());
          Local && isLocal(*Local) && Var->hasGlobalStorage())
        Escapes[Local] = Var;
    }
  } else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(&S)) {
    SpelledTypes[createdValue(Cast->getSubExpr())] =
        Cast->getTypeInfoAsWritten()->getTypeLoc();
  } else if (const auto *New = dyn_cast<CXXNewExpr>(&S)) {
    if (const CXXConstructExpr *Construct = New->getConstructExpr())
      SpelledTypes[Construct] = New->getAllocatedTypeSourceInfo()->getTypeLoc();
  } else if (const auto *Op = dyn_cast<BinaryOperator>(&S)) {
    if (Op->getOpcode() == BO_Assign)
      Assign(Op->getLHS(), Op->getRHS());
  } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S)) {
    if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2)
      Assign(Call->getArg(0), Call->getArg(1));
  }
}

void LogFileAnalysis::noteCall(const Expr &E, const Decl *Unit,
                               ASTContext &Ctx) {
  if (const ValueDecl *Stream = writtenStream(E))
    Writes[Stream].push_back({&E, Unit});
  const SourceManager &SM = Ctx.getSourceManager();
  if (mentionsHangupSignal(E, Ctx))
    HandlesHangup = true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    if (!SM.isInSystemHeader(Constructor->getLocation()))
      CallsOf[Constructor->getCanonicalDecl()].push_back(&E);
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return;
  if (isFileSizeQuery(*Call) || isFileRotation(*Call)) {
    UnitsWithFileLimits.insert(Unit);
    noteLimitedHolders(*Call);
  }
  else if (isBoostLogLimit(*Call))
    UnitsWithBoostLimits.insert(Unit);
  if (IsRotationFunction && IsRotationFunction(*Callee))
    CallsRotationFunction = true;
  if (!isa<CXXOperatorCallExpr>(Call) &&
      !SM.isInSystemHeader(Callee->getLocation()))
    CallsOf[Callee->getCanonicalDecl()].push_back(Call);
}

/// `ftell(gLog)`, `log_.tellp()`: the stream whose size is watched.
void LogFileAnalysis::noteLimitedHolders(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (const ValueDecl *Object =
            namedHolder(Member->getImplicitObjectArgument()))
      LimitedHolders.insert(Object);
  for (const Expr *Arg : Call.arguments())
    if (const ValueDecl *Held = namedHolder(Arg))
      LimitedHolders.insert(Held);
}

void LogFileAnalysis::noteLoop(const Stmt &S, const Decl *Unit,
                               ASTContext &Ctx) {
  if (isOpenEndedLoop(S, Ctx))
    Loops[Unit].push_back(&S);
}

void LogFileAnalysis::noteSink(const Expr &E, const Decl *Unit,
                               ASTContext &Ctx) {
  if (!isa<CallExpr, CXXConstructExpr>(E))
    return;
  std::optional<LogSink> Sink =
      classifyLogSink(E, Ctx, SpelledTypes.lookup(&E));
  if (!Sink || !Seen.insert(&E).second)
    return;
  Candidates.push_back({std::move(*Sink), Unit, HolderOf.lookup(&E)});
}

std::vector<LogFileFinding> LogFileAnalysis::takeFindings(ASTContext &Ctx) {
  std::vector<LogFileFinding> Findings;
  for (const Candidate &C : Candidates)
    if (std::optional<LogFileFinding> Finding = judge(C, Ctx))
      Findings.push_back(std::move(*Finding));
  Candidates.clear();
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::stable_sort(Findings, [&](const LogFileFinding &A,
                                  const LogFileFinding &B) {
    return SM.isBeforeInTranslationUnit(A.Sink.Site->getBeginLoc(),
                                        B.Sink.Site->getBeginLoc());
  });
  return Findings;
}

std::optional<LogFileFinding> LogFileAnalysis::judge(const Candidate &C,
                                                     ASTContext &Ctx) {
  if (CallsRotationFunction || HandlesHangup)
    return std::nullopt;
  switch (C.Sink.Kind) {
  case LogSinkKind::PlainFile:
    return judgePlain(C, Ctx);
  case LogSinkKind::BoostFileLog:
  case LogSinkKind::BoostBackend:
    if (UnitsWithBoostLimits.contains(C.Unit))
      return std::nullopt;
    break;
  default:
    break;
  }
  LogFileFinding Finding;
  Finding.Sink = C.Sink;
  Finding.Unit = C.Unit;
  Finding.Holder = C.Holder;
  return Finding;
}

std::optional<LogFileFinding>
LogFileAnalysis::judgePlain(const Candidate &C, ASTContext &Ctx) {
  LogFileFinding F;
  F.Sink = C.Sink;
  F.Unit = C.Unit;
  if (!C.Sink.Redirected.empty()) {
    F.Lifetime = LogFileLifetime::Process;
  } else {
    const ValueDecl *Holder =
        C.Holder ? C.Holder : namedHolder(C.Sink.OpenedObject);
    if (!Holder)
      return std::nullopt;
    std::optional<LogFileLifetime> Lifetime =
        lifetimeOf(*Holder, *C.Unit, F.LoopWrite, Ctx.getSourceManager());
    if (!Lifetime)
      return std::nullopt;
    F.Lifetime = *Lifetime;
    auto Escape = Escapes.find(Holder);
    F.Holder = Escape != Escapes.end() ? Escape->second : Holder;
  }
  if (!C.Sink.Path)
    return std::nullopt;
  F.Shape = shapeOf(*C.Sink.Path);
  if (!isLogPathShape(F.Shape) || hasLimitEvidence(F))
    return std::nullopt;
  return F;
}

std::optional<LogFileLifetime>
LogFileAnalysis::lifetimeOf(const ValueDecl &Holder, const Decl &Unit,
                            const Stmt *&LoopWrite,
                            const SourceManager &SM) const {
  if (isa<FieldDecl>(Holder))
    return LogFileLifetime::Object;
  const auto *Var = dyn_cast<VarDecl>(&Holder);
  if (!Var || isa<ParmVarDecl>(Var))
    return std::nullopt;
  if (Var->hasGlobalStorage())
    return LogFileLifetime::Program;
  if (auto Escape = Escapes.find(Var); Escape != Escapes.end())
    return isa<FieldDecl>(Escape->second) ? LogFileLifetime::Object
                                          : LogFileLifetime::Program;
  auto Written = Writes.find(Var);
  if (Written == Writes.end())
    return std::nullopt;
  for (const Write &W : Written->second) {
    if (!W.Unit || !isSameOrNestedUnit(*W.Unit, Unit, SM))
      continue;
    auto UnitLoops = Loops.find(W.Unit);
    if (UnitLoops == Loops.end())
      continue;
    for (const Stmt *Loop : UnitLoops->second)
      if (containsStmt(*Loop, *W.S, SM)) {
        LoopWrite = W.S;
        return LogFileLifetime::Loop;
      }
  }
  return std::nullopt;
}

/// A size query or rotation where it can govern the file: in the unit that
/// opens it; on the stream itself (`ftell(gLog)`); for a field, in any
/// method of its class; for a global, in a unit that writes it.
bool LogFileAnalysis::hasLimitEvidence(const LogFileFinding &F) const {
  if (UnitsWithFileLimits.contains(F.Unit) ||
      (F.Holder && LimitedHolders.contains(F.Holder)))
    return true;
  switch (F.Lifetime) {
  case LogFileLifetime::Object: {
    const auto *Field = dyn_cast<FieldDecl>(F.Holder);
    if (!Field)
      return false;
    return llvm::any_of(UnitsWithFileLimits, [&](const Decl *Unit) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Unit);
      return Method && Method->getParent() == Field->getParent();
    });
  }
  case LogFileLifetime::Program: {
    auto Written = Writes.find(F.Holder);
    return Written != Writes.end() &&
           llvm::any_of(Written->second, [&](const Write &W) {
             return UnitsWithFileLimits.contains(W.Unit);
           });
  }
  default:
    return false;
  }
}

std::string LogFileAnalysis::shapeOf(const Expr &Path) {
  auto Parameter = [this](const ParmVarDecl &Parm, unsigned Depth) {
    return parameterShape(Parm, Depth);
  };
  auto Returned = [this](const FunctionDecl &F, unsigned Depth) {
    return returnedShape(F, Depth);
  };
  return pathShape(Path, PathShapeContext{Parameter, Returned});
}

/// The shape the calls of the TU give a parameter: the first that is a
/// log file's, else the first; "" when no call is seen.
std::string LogFileAnalysis::parameterShape(const ParmVarDecl &Parm,
                                            unsigned Depth) {
  const auto *Function = dyn_cast<FunctionDecl>(Parm.getDeclContext());
  if (!Function)
    return "";
  auto Calls = CallsOf.find(Function->getCanonicalDecl());
  if (Calls == CallsOf.end())
    return "";
  auto Parameter = [this](const ParmVarDecl &P, unsigned D) {
    return parameterShape(P, D);
  };
  auto Returned = [this](const FunctionDecl &F, unsigned D) {
    return returnedShape(F, D);
  };
  PathShapeContext Context{Parameter, Returned};
  unsigned Index = Parm.getFunctionScopeIndex();
  std::string First;
  // A copy: shapes of nested parameters do not add calls, but stay safe.
  llvm::SmallVector<const Expr *, 2> Sites = Calls->second;
  for (const Expr *Site : Sites) {
    llvm::ArrayRef<const Expr *> Args = argumentsOf(*Site);
    if (Index >= Args.size() || isa<CXXDefaultArgExpr>(Args[Index]))
      continue;
    std::string Shape = pathShape(*Args[Index], Context, Depth);
    if (isLogPathShape(Shape))
      return Shape;
    if (First.empty())
      First = Shape;
  }
  return First;
}

std::string LogFileAnalysis::returnedShape(const FunctionDecl &F,
                                           unsigned Depth) {
  auto Returns = ReturnsOf.find(F.getCanonicalDecl());
  if (Returns == ReturnsOf.end() || Returns->second.empty())
    return "*";
  auto Parameter = [this](const ParmVarDecl &P, unsigned D) {
    return parameterShape(P, D);
  };
  auto Returned = [this](const FunctionDecl &G, unsigned D) {
    return returnedShape(G, D);
  };
  return pathShape(*Returns->second.front(),
                   PathShapeContext{Parameter, Returned}, Depth);
}

void LogFileAnalysis::clear() {
  Candidates.clear();
  Seen.clear();
  HolderOf.clear();
  SpelledTypes.clear();
  UnitsNoted.clear();
  Writes.clear();
  Loops.clear();
  Escapes.clear();
  UnitsWithFileLimits.clear();
  LimitedHolders.clear();
  UnitsWithBoostLimits.clear();
  CallsRotationFunction = false;
  HandlesHangup = false;
  CallsOf.clear();
  ReturnsOf.clear();
}

} // namespace clang::tidy::prodready
