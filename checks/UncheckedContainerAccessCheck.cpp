//===--- UncheckedContainerAccessCheck.cpp - prodready --------------------===//
//
// Glue over the bounds analysis (analysis/BoundsAnalysis.h): this file
// collects the element accesses of the user's code, decides which verdicts
// are worth a warning (precision first), groups the steps of one access
// chain (`j["choices"][0]["message"]`) into one warning, and builds the
// `.at()` fix-its.
//
//===----------------------------------------------------------------------===//

#include "UncheckedContainerAccessCheck.h"
#include "CheckOptions.h"
#include "FixItBuilders.h"
#include "TitledFix.h"
#include "analysis/ASTHelpers.h"
#include "analysis/MemoryRegion.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

namespace {

const CXXOperatorCallExpr *asJsonSubscript(const Expr *E,
                                           const ContainerModel &Model) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(
      E ? stripValueWrappers(E) : nullptr);
  if (!Op || Op->getOperator() != OO_Subscript || Op->getNumArgs() != 2 ||
      Model.kindOf(Op->getArg(0)->getType()) != ContainerKind::Json ||
      Op->getArg(0)->getType().getNonReferenceType().isConstQualified())
    return nullptr;
  return Op;
}

/// Member functions that only look at a JSON value: on a missing key of a
/// non-const value they see a null, which is what they are asked about.
bool inspectsJson(llvm::StringRef Name) {
  return Name.starts_with("is_") ||
         llvm::StringSwitch<bool>(Name)
             .Cases("empty", "size", "type", "type_name", "contains", true)
             .Cases("count", "find", "value", true)
             .Default(false);
}

/// Member functions that read through a JSON value without changing it.
bool readsThroughJson(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("at", "begin", "end", "items", "get_ref", true)
      .Cases("get_ptr", "front", "back", "get", "get_to", true)
      .Default(false);
}

bool isIntegerConstant(const Expr &E, const ASTContext &Ctx) {
  return !E.isValueDependent() && E.isIntegerConstantExpr(Ctx);
}

bool hasAtMember(QualType Type, ASTContext &Ctx) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  IdentifierInfo &At = Ctx.Idents.get("at");
  auto Declares = [&](const CXXRecordDecl *R) {
    return !R->lookup(&At).empty();
  };
  return Declares(Record) ||
         !Record->forallBases(
             [&](const CXXRecordDecl *Base) { return !Declares(Base); });
}

/// The `[` of a subscript, if it is spelled in a file (not a macro).
SourceLocation leftBracketOf(const ElementAccess &Access, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation BaseEnd = Access.Container->getEndLoc();
  if (BaseEnd.isInvalid() || BaseEnd.isMacroID())
    return {};
  std::optional<Token> Next =
      Lexer::findNextToken(BaseEnd, SM, Ctx.getLangOpts());
  if (!Next || !Next->is(tok::l_square))
    return {};
  return Next->getLocation();
}

const MemberExpr *calleeMember(const Expr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  return Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
                : nullptr;
}

/// True for an object expression that can be written twice without a
/// change in meaning: a variable, `this`, or fields of one.
bool isSimpleObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (const auto *Member = dyn_cast<MemberExpr>(E))
    E = Member->getBase()->IgnoreParenImpCasts();
  return isa<DeclRefExpr>(E) || isa<CXXThisExpr>(E);
}

/// The container \p Var, a range-for loop variable, iterates over.
const Expr *rangeOfLoopVariable(const VarDecl &Var) {
  // `auto x = *__begin1;` with `auto __begin1 = __range1.begin();` and
  // `auto &&__range1 = <range>;`.
  const Expr *Init = Var.getInit() ? stripValueWrappers(Var.getInit()) : nullptr;
  const Expr *Iterator = nullptr;
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(Init))
    Iterator = Deref->getSubExpr();
  else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Init);
           Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
    Iterator = Op->getArg(0);
  const auto *BeginRef = Iterator ? dyn_cast<DeclRefExpr>(
                                        stripValueWrappers(Iterator)
                                            ->IgnoreParenImpCasts())
                                  : nullptr;
  const auto *Begin = BeginRef ? dyn_cast<VarDecl>(BeginRef->getDecl()) : nullptr;
  if (!Begin || !Begin->getInit())
    return nullptr;
  const Expr *BeginInit = stripValueWrappers(Begin->getInit());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(BeginInit))
    return Call->getImplicitObjectArgument();
  if (const auto *Call = dyn_cast<CallExpr>(BeginInit); Call && Call->getNumArgs() == 1)
    return Call->getArg(0);
  return BeginInit; // An array's begin is the decayed array.
}

/// True if \p Index is a value the program took out of one of its own
/// data structures: a range-for variable over a container, or a variable
/// (or a field of one) bound to an element. The program stored those
/// values, and checks an index against its table when it stores it as
/// often as not (a parser rejecting a corrupt index): the bound was checked
/// where this analysis does not look. A JSON list of indices is outside
/// data as it stands.
const Expr *withoutMembers(const Expr &E) {
  const Expr *Inner = stripValueWrappers(&E)->IgnoreParenImpCasts();
  while (const auto *Member = dyn_cast<MemberExpr>(Inner))
    Inner = stripValueWrappers(Member->getBase())->IgnoreParenImpCasts();
  return Inner;
}

bool isStoredElement(const Expr &Index, const ContainerModel &Model) {
  const auto *Ref = dyn_cast<DeclRefExpr>(withoutMembers(Index));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getInit())
    return false;
  const Expr *Container = nullptr;
  if (Var->isCXXForRangeDecl()) {
    Container = rangeOfLoopVariable(*Var);
  } else if (std::optional<ElementAccess> Access = matchElementAccess(
                 *withoutMembers(*Var->getInit()), Model)) {
    // `int k = order[i];`, `int k = pairs[0].second;` - but a C buffer is
    // as likely a message read from outside as a table the program built.
    if (Access->IsBuffer)
      return false;
    Container = Access->Container;
  }
  if (!Container)
    return false;
  ContainerKind Kind = Model.kindOf(Container->getType());
  return Kind == ContainerKind::Sequence || Kind == ContainerKind::FixedArray;
}

/// `s.size() - k` (k > 0) indexing `s`: never `s.size()` itself.
bool isBelowOwnSize(const Expr &Index, const Expr &Container,
                    const ContainerModel &Model, const ASTContext &Ctx) {
  const auto *Minus = dyn_cast<BinaryOperator>(stripValueWrappers(&Index));
  if (!Minus || Minus->getOpcode() != BO_Sub)
    return false;
  const Expr *Sized = sizeQueryOf(*Minus->getLHS(), Model);
  std::optional<llvm::APSInt> K = Minus->getRHS()->getIntegerConstantExpr(Ctx);
  if (!Sized || !K || K->isZero() || K->isNegative())
    return false;
  const auto *SizedRef =
      dyn_cast<DeclRefExpr>(stripValueWrappers(Sized)->IgnoreParenImpCasts());
  const auto *ContainerRef = dyn_cast<DeclRefExpr>(
      stripValueWrappers(&Container)->IgnoreParenImpCasts());
  return SizedRef && ContainerRef &&
         SizedRef->getDecl() == ContainerRef->getDecl();
}

} // namespace

UncheckedContainerAccessCheck::UncheckedContainerAccessCheck(
    StringRef Name, ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawContainers(Options.get("Containers", DefaultContainerTypes)),
      RawGuardFunctions(Options.get("GuardFunctions", "")),
      RawSources(Options.get("Sources", "")),
      UntrustedOnly(Options.get("UntrustedOnly", false)),
      Mode(Options.get("Mode", ContainerAccessMode::Evidence)),
      Containers(parseNameList(RawContainers)),
      Bounds{Options.get("TrustAsserts", true),
             parseNameList(RawGuardFunctions), &Terminating},
      Taint{parseNameList(RawSources), {}}, Model(Taint),
      NoSinks(std::make_unique<NoTaintSinks>()), Untrusted(Model) {
  // An index or a reply a function of another unit returns (whole-program
  // mode). A path validator says nothing of bounds.
  linkWholeProgram(Model, /*PathValidators=*/false);
}

UncheckedContainerAccessCheck::~UncheckedContainerAccessCheck() = default;

void UncheckedContainerAccessCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Containers", RawContainers);
  Options.store(Opts, "GuardFunctions", RawGuardFunctions);
  Options.store(Opts, "Sources", RawSources);
  Options.store(Opts, "UntrustedOnly", UntrustedOnly);
  Options.store(Opts, "Mode", Mode);
  Options.store(Opts, "TrustAsserts", Bounds.TrustAsserts);
  Options.store(Opts, "WholeProgramSummaries", WholeProgramSummaries);
}

void UncheckedContainerAccessCheck::endTranslationUnit() {
  Accesses.clear();
  Calls.clear();
  Summaries.reset();
  BenignJsonAccesses.clear();
  Engine.reset();
  Untrusted.clear();
  UntrustedUnits.clear();
  UntrustedUnitsKnown = false;
  Reported.clear();
  DataPointerAccesses.clear();
  CatchingTryBlocks.clear();
  Terminating.clear();
}

void UncheckedContainerAccessCheck::noteStatement(const Stmt &S,
                                                  const Decl *Unit,
                                                  ASTContext &Ctx) {
  Untrusted.noteStatement(S, *Unit, Ctx);

  // A non-const JSON value being built (`j["a"]["b"] = 1`, push_back, a
  // non-const reference to fill), or a possibly missing element only being
  // inspected (`j["k"].is_string()`, a range-for over it), is fine.
  auto MarkBuilt = [&](const Expr *E) {
    while (const CXXOperatorCallExpr *Op = asJsonSubscript(E, Containers)) {
      BenignJsonAccesses.insert(Op);
      E = Op->getArg(0);
    }
  };
  if (const auto *Loop = dyn_cast<CXXForRangeStmt>(&S)) {
    if (const CXXOperatorCallExpr *Op =
            asJsonSubscript(Loop->getRangeInit(), Containers))
      BenignJsonAccesses.insert(Op);
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2)
      MarkBuilt(Op->getArg(0));
    else if (Op->isComparisonOp())
      for (const Expr *Arg : Op->arguments())
        if (const CXXOperatorCallExpr *Json =
                asJsonSubscript(Arg, Containers))
          BenignJsonAccesses.insert(Json);
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const CXXOperatorCallExpr *Json =
        asJsonSubscript(Call->getImplicitObjectArgument(), Containers);
    if (Method && Json && Method->getIdentifier()) {
      if (inspectsJson(Method->getName()))
        BenignJsonAccesses.insert(Json);
      else if (!Method->isConst() && !readsThroughJson(Method->getName()))
        MarkBuilt(Json);
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(&S))
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      unsigned Shift = isa<CXXOperatorCallExpr>(Call) &&
                               isa<CXXMethodDecl>(Callee)
                           ? 1
                           : 0;
      for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
        if (I - Shift < Callee->getNumParams()) {
          QualType Param = Callee->getParamDecl(I - Shift)->getType();
          if (Param->isLValueReferenceType() &&
              !Param.getNonReferenceType().isConstQualified())
            MarkBuilt(Call->getArg(I));
        }
    }

  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    noteDataPointers({Call->getArgs(), Call->getNumArgs()});
    bool PassesInteger = llvm::any_of(Call->arguments(), [](const Expr *A) {
      return A->getType()->isIntegralOrEnumerationType();
    });
    if (PassesInteger && userDefinition(*Call, Ctx.getSourceManager()))
      Calls[Unit].push_back(Call);
  }
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    noteDataPointers({Construct->getArgs(), Construct->getNumArgs()});

  std::optional<ElementAccess> Access = matchElementAccess(S, Containers);
  if (!Access)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Access->Access->getExprLoc();
  if (Loc.isInvalid() || SM.isInSystemMacro(Loc) ||
      Access->Access->isTypeDependent())
    return;
  // Constant indices into raw arrays are the compiler's to check.
  if (isa<ArraySubscriptExpr>(Access->Access) &&
      isIntegerConstant(*Access->Index, Ctx))
    return;
  Accesses[Unit].push_back(*Access);
}

TaintValue UncheckedContainerAccessCheck::untrustedValue(const Decl &Unit,
                                                       const Expr &E,
                                                       const Expr &Site) {
  ASTContext &Ctx = Unit.getASTContext();
  if (!UntrustedUnitsKnown) {
    if (!Engine)
      Engine = std::make_unique<TaintEngine>(Ctx, Model, *NoSinks);
    UntrustedUnits = Untrusted.compute(*Engine);
    // Now that the values of globals and fields are settled, analyze
    // afresh.
    Engine->resetAnalyses();
    UntrustedUnitsKnown = true;
  }
  if (!UntrustedUnits.contains(&Unit))
    return {};
  return Engine->valueAt(Unit, E, Site);
}

/// A C buffer whose size the analysis can know: a local pointer given a
/// heap block where it is declared, or an index that is the buffer's own
/// string length (`s[strlen(s) - 1]`). A buffer from elsewhere (a
/// parameter, a project allocator) may well be large enough: silence.
static bool bufferJudgeable(const ElementAccess &Access) {
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Access.Container->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Var && Var->getInit() && isAllocation(*Var->getInit()))
    return true;
  const Expr *Index = Access.Index->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<BinaryOperator>(Index))
    Index = Op->getLHS()->IgnoreParenImpCasts();
  const auto *Call = dyn_cast<CallExpr>(Index);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() && Callee->getName() == "strlen";
}

bool UncheckedContainerAccessCheck::shouldReport(const Decl &Unit,
                                                 const ElementAccess &Access,
                                                 const AccessVerdict &Verdict,
                                                 bool VariableIndex,
                                                 Finding &Out) {
  // An index from outside needs both bounds (CWE-129), whatever the mode.
  if (VariableIndex && (!Verdict.InBounds || !Verdict.NonNegative) &&
      !isStoredElement(*Access.Index, Containers) &&
      (!Access.IsBuffer || bufferJudgeable(Access))) {
    TaintValue Index = untrustedValue(Unit, *Access.Index, *Access.Access);
    if (Index.isUntrusted()) {
      Out.UntrustedIndex = true;
      Out.Origin = Index.Origin;
      return true;
    }
  }
  if (Verdict.InBounds)
    return false;
  // A constant index past the end of a std::array is always a defect; a
  // raw array or std::array indexed by the code's own variables is the
  // compiler's and the sanitizers' business.
  if (Access.Kind == ContainerKind::FixedArray)
    return !VariableIndex;
  if (Mode == ContainerAccessMode::Strict && !UntrustedOnly)
    // An index that is a parameter or field is the caller's or the
    // class's to keep in range.
    return Verdict.IndexIsLocal;
  if (Verdict.Evidence != RiskEvidence::None && !UntrustedOnly)
    return !failureIsCaught(Unit, Access);
  // An index the program stored in its own container (an index found
  // while scanning this one) was bounded where it was computed.
  if (VariableIndex && isStoredElement(*Access.Index, Containers))
    return false;
  TaintValue Container =
      untrustedValue(Unit, *Access.Container, *Access.Access);
  if (!Container.isUntrusted() || failureIsCaught(Unit, Access))
    return false;
  // A structure the program built, with outside values stored under its
  // own keys, is the program's to know: its keys, and its size unless
  // parts were appended in a loop (one per line of a file).
  if (Container.Inserted && (Access.IsKey || !Container.AppendedInLoop))
    return false;
  Out.ContainerOrigin = Container.Origin;
  return true;
}

namespace {

/// True if a handler of \p Try catches what nlohmann::json throws.
bool catchesJsonExceptions(const CXXTryStmt &Try) {
  for (unsigned I = 0; I < Try.getNumHandlers(); ++I) {
    QualType Caught = Try.getHandler(I)->getCaughtType();
    if (Caught.isNull())
      return true; // catch (...)
    const CXXRecordDecl *Record =
        Caught.getNonReferenceType()->getAsCXXRecordDecl();
    if (!Record || !Record->getIdentifier())
      continue;
    std::string Name = qualifiedNameWithoutInlineNamespaces(*Record);
    if (Name == "std::exception" || Name == "nlohmann::detail::exception" ||
        Name == "nlohmann::detail::type_error" ||
        Name == "nlohmann::detail::out_of_range")
      return true;
  }
  return false;
}

class TryCollector : public RecursiveASTVisitor<TryCollector> {
public:
  explicit TryCollector(llvm::SmallVectorImpl<SourceRange> &Ranges)
      : Ranges(Ranges) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCXXTryStmt(CXXTryStmt *Try) {
    if (catchesJsonExceptions(*Try))
      Ranges.push_back(Try->getTryBlock()->getSourceRange());
    return true;
  }

private:
  llvm::SmallVectorImpl<SourceRange> &Ranges;
};

} // namespace

bool UncheckedContainerAccessCheck::failureIsCaught(
    const Decl &Unit, const ElementAccess &Access) {
  // Only JSON on a non-const value fails with an exception (type_error
  // when the null read is used); everything else is undefined behaviour.
  if (Access.Kind != ContainerKind::Json || Access.IsConst)
    return false;
  auto [It, Inserted] = CatchingTryBlocks.try_emplace(&Unit);
  if (Inserted)
    if (const auto *Function = dyn_cast<FunctionDecl>(&Unit))
      if (Stmt *Body = Function->getBody())
        TryCollector(It->second).TraverseStmt(Body);
  const SourceManager &SM = Unit.getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Access.Access->getBeginLoc());
  return llvm::any_of(It->second, [&](SourceRange Range) {
    return !SM.isBeforeInTranslationUnit(
               Loc, SM.getExpansionLoc(Range.getBegin())) &&
           !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Range.getEnd()),
                                         Loc);
  });
}

/// `f(&c[0], c.size())`, `T(&*c.begin(), c.length())`: a pointer to the
/// data and its length, not a read of the first element (`c.data()` says
/// it better, but an empty container is not read).
void UncheckedContainerAccessCheck::noteDataPointers(
    llvm::ArrayRef<const Expr *> Args) {
  if (Args.size() < 2)
    return;
  for (const Expr *Arg : Args) {
    const auto *AddressOf =
        dyn_cast<UnaryOperator>(stripValueWrappers(Arg)->IgnoreParenImpCasts());
    if (!AddressOf || AddressOf->getOpcode() != UO_AddrOf)
      continue;
    const Expr *Element = stripValueWrappers(AddressOf->getSubExpr());
    std::optional<ElementAccess> Access =
        matchElementAccess(*Element, Containers);
    if (!Access || Access->Kind != ContainerKind::Sequence)
      continue;
    bool FirstElement =
        Access->Form == ElementAccess::DerefBegin ||
        (Access->Form == ElementAccess::Subscript && Access->Index &&
         isa<IntegerLiteral>(Access->Index->IgnoreParenImpCasts()) &&
         cast<IntegerLiteral>(Access->Index->IgnoreParenImpCasts())
                 ->getValue() == 0);
    if (!FirstElement)
      continue;
    const auto *Object = dyn_cast<DeclRefExpr>(
        stripValueWrappers(Access->Container)->IgnoreParenImpCasts());
    bool SizeGiven =
        Object && llvm::any_of(Args, [&](const Expr *Other) {
          const Expr *Sized = sizeQueryOf(*Other, Containers);
          const auto *Ref =
              Sized ? dyn_cast<DeclRefExpr>(Sized->IgnoreParenImpCasts())
                    : nullptr;
          return Ref && Ref->getDecl() == Object->getDecl();
        });
    if (SizeGiven)
      DataPointerAccesses.insert(Access->Access);
  }
}

void UncheckedContainerAccessCheck::analyzeCalls(
    const Decl &Unit, ContainerBoundsAnalysis &Analysis, ASTContext &Ctx) {
  auto It = Calls.find(&Unit);
  if (It == Calls.end())
    return;
  if (!Summaries) {
    IndexUses = std::make_unique<IndexSummaryProvider>(Containers, Bounds);
    Summaries = std::make_unique<FunctionSummaries>(Ctx);
    Summaries->addProvider(*IndexUses);
  }
  for (const CallExpr *Call : It->second) {
    llvm::SmallVector<IndexUseThroughCall, 2> Found;
    llvm::DenseMap<const Expr *, const Expr *> Origins;
    indexUsesThroughCall(
        *Call, *Summaries, Analysis,
        [&](const Expr &Arg) {
          TaintValue Value = untrustedValue(Unit, Arg, *Call);
          if (Value.isUntrusted())
            Origins[&Arg] = Value.Origin;
          return Value.isUntrusted();
        },
        Found);
    for (const IndexUseThroughCall &Through : Found) {
      const IndexUse &Use = *Through.Use;
      std::optional<ElementAccess> Access =
          matchElementAccess(*Use.Access, Containers);
      if (!Access || !Reported.insert(Use.Access).second)
        continue;
      Finding F;
      F.Access = *Access;
      F.UntrustedIndex = true;
      F.Origin = Origins.lookup(Through.Argument);
      report({F}, Ctx);
      const FunctionDecl *Callee = Call->getDirectCallee();
      diag(Call->getBeginLoc(),
           "the untrusted index is passed to %0 here, which uses it as an "
           "index without checking it",
           DiagnosticIDs::Note)
          << Callee;
      for (const CallExpr *Inner : Use.Calls)
        diag(Inner->getBeginLoc(), "and passed on to %0 here",
             DiagnosticIDs::Note)
            << Inner->getDirectCallee();
    }
  }
}

void UncheckedContainerAccessCheck::analyzeUnit(const Decl &Unit,
                                                ASTContext &Ctx) {
  // Initializers of globals and fields are not analyzed: they run once,
  // and what they index is usually a table they define.
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  if (!Function || !Function->hasBody() || Function->isInvalidDecl())
    return;
  ContainerBoundsAnalysis Analysis(*Function, *Function->getBody(), Ctx,
                                   Containers, Bounds);
  analyzeCalls(Unit, Analysis, Ctx);
  auto Found = Accesses.find(&Unit);
  llvm::ArrayRef<ElementAccess> UnitAccesses;
  if (Found != Accesses.end())
    UnitAccesses = Found->second;
  llvm::SmallVector<Finding, 4> Findings;
  llvm::DenseMap<const Expr *, const ElementAccess *> ByExpr;
  for (const ElementAccess &Access : UnitAccesses) {
    ByExpr[Access.Access] = &Access;
    if (Reported.contains(Access.Access) ||
        BenignJsonAccesses.contains(Access.Access) ||
        DataPointerAccesses.contains(Access.Access))
      continue;
    bool VariableIndex = Access.Index && !Access.IsKey &&
                         !isIntegerConstant(*Access.Index, Ctx);
    AccessVerdict Verdict = Analysis.check(Access);
    Finding F;
    F.Access = Access;
    F.Verdict = Verdict;
    if (shouldReport(Unit, Access, Verdict, VariableIndex, F))
      Findings.push_back(F);
  }

  // One warning per access chain, at its innermost unchecked step: the
  // scan saw outer steps first, so walk each finding inwards.
  llvm::DenseMap<const Expr *, unsigned> FindingOf;
  for (unsigned I = 0; I < Findings.size(); ++I)
    FindingOf[Findings[I].Access.Access] = I;
  llvm::MapVector<unsigned, llvm::SmallVector<unsigned, 2>> Chains;
  for (unsigned I = 0; I < Findings.size(); ++I) {
    unsigned Head = I;
    const ElementAccess *Step = &Findings[I].Access;
    for (unsigned Depth = 0; Step && Depth < 16; ++Depth) {
      const Expr *Inner = stripValueWrappers(Step->Container);
      if (auto It = FindingOf.find(Inner); It != FindingOf.end())
        Head = It->second;
      auto Next = ByExpr.find(Inner);
      Step = Next == ByExpr.end() ? nullptr : Next->second;
    }
    Chains[Head].push_back(I);
  }
  for (auto &[Head, Members] : Chains) {
    llvm::SmallVector<Finding, 2> Chain;
    // Innermost first: members were seen outermost first.
    Chain.push_back(Findings[Head]);
    for (unsigned Member : llvm::reverse(Members))
      if (Member != Head)
        Chain.push_back(Findings[Member]);
    for (const Finding &F : Chain)
      Reported.insert(F.Access.Access);
    report(Chain, Ctx);
  }
}

void UncheckedContainerAccessCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (Unit)
      noteStatement(S, Unit, Ctx);
  });
  UntrustedUnitsKnown = false;
  llvm::SetVector<const Decl *> Units;
  for (const auto &Entry : Calls)
    Units.insert(Entry.first);
  for (const auto &Entry : Accesses)
    Units.insert(Entry.first);
  for (const Decl *Unit : Units)
    analyzeUnit(*Unit, Ctx);
  Accesses.clear();
  Calls.clear();
}

std::string UncheckedContainerAccessCheck::describe(
    const ElementAccess &Access, bool UntrustedIndex, ASTContext &Ctx) const {
  QualType Type = Access.Container->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  std::string Container = "'" + ContainerModel::displayName(Type) + "'";
  if (isa<ArraySubscriptExpr>(Access.Access)) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Access.Container->IgnoreParenImpCasts());
    const char *What = Access.IsBuffer ? "buffer" : "array";
    Container = Ref ? std::string(What) + " '" +
                          Ref->getDecl()->getNameAsString() + "'"
                    : std::string(Access.IsBuffer ? "a buffer" : "an array");
  }
  if (UntrustedIndex)
    return "untrusted index into " + Container +
           " is not checked against both bounds; an out-of-range access is "
           "undefined behaviour";
  switch (Access.Form) {
  case ElementAccess::Front:
  case ElementAccess::Back:
  case ElementAccess::DerefBegin: {
    std::string Call = Access.Form == ElementAccess::Front  ? "'front()'"
                       : Access.Form == ElementAccess::Back ? "'back()'"
                                                            : "'*begin()'";
    return Call + " on a " + Container +
           " that may be empty; on an empty container it is undefined "
           "behaviour";
  }
  case ElementAccess::Subscript:
    break;
  }
  if (Access.Kind != ContainerKind::Json)
    return "index into " + Container +
           " is not checked against its size on every path; an "
           "out-of-range access is undefined behaviour";
  std::string Consequence =
      Access.IsConst ? "is undefined behaviour"
                     : Access.IsKey ? "reads as null and fails later with a "
                                      "type error"
                                    : "appends nulls and fails later with a "
                                      "type error";
  if (!Access.IsKey)
    return "JSON array index is not checked against the array's size on "
           "every path; out of range it " +
           Consequence;
  std::string Key = "a key";
  const Expr *KeyExpr = stripValueWrappers(Access.Index);
  if (isa<StringLiteral>(KeyExpr->IgnoreParenImpCasts()))
    Key = fixits::sourceText(*KeyExpr, Ctx).value_or("");
  else if (std::optional<std::string> Text = fixits::sourceText(*KeyExpr, Ctx))
    Key = "'" + *Text + "'";
  return "JSON key " + Key +
         " is not checked to exist on every path; a missing key " +
         Consequence;
}

std::optional<FixItHint> UncheckedContainerAccessCheck::accessFix(
    const Finding &F, ASTContext &Ctx, std::optional<FixItHint> &Second) const {
  Second.reset();
  const ElementAccess &Access = F.Access;
  if (isa<ArraySubscriptExpr>(Access.Access))
    return std::nullopt;
  // `s[s.size()]` reads the terminator of a std::string, which is defined;
  // `at()` would throw there. Only an index known to be past the
  // terminator keeps its meaning under at().
  if (Access.Form == ElementAccess::Subscript &&
      ContainerModel::displayName(Access.Container->getType()) ==
          "std::string" &&
      F.Verdict.Evidence != RiskEvidence::BeyondKnownSize &&
      !isBelowOwnSize(*Access.Index, *Access.Container, Containers, Ctx))
    return std::nullopt;
  QualType Object = Access.Container->getType();
  if (Object->isPointerType())
    Object = Object->getPointeeType();
  if (!hasAtMember(Object, Ctx))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Access.Form == ElementAccess::Subscript) {
    // j[key] with a key type at() may not take (a raw char pointer
    // variable) keeps its operator[].
    if (Access.IsKey) {
      const Expr *Key = stripValueWrappers(Access.Index);
      QualType KeyType = Key->getType().getNonReferenceType();
      bool StringKey = isa<StringLiteral>(Key->IgnoreParenImpCasts()) ||
                       ContainerModel::displayName(KeyType) == "std::string";
      if (!StringKey)
        return std::nullopt;
    }
    SourceLocation LBracket = leftBracketOf(Access, Ctx);
    SourceLocation RBracket = Access.Access->getEndLoc();
    if (LBracket.isInvalid() || RBracket.isInvalid() || RBracket.isMacroID() ||
        *SM.getCharacterData(RBracket) != ']')
      return std::nullopt;
    Second = FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(RBracket, RBracket), ")");
    return FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(LBracket, LBracket), ".at(");
  }
  // front()/back()/*begin() of a JSON object are not at(0).
  if (Access.Kind == ContainerKind::Json)
    return std::nullopt;
  if (Access.Form == ElementAccess::DerefBegin) {
    const Expr *Iterator =
        isa<UnaryOperator>(Access.Access)
            ? cast<UnaryOperator>(Access.Access)->getSubExpr()
            : cast<CXXOperatorCallExpr>(Access.Access)->getArg(0);
    const MemberExpr *Begin = calleeMember(*stripValueWrappers(Iterator));
    std::optional<std::string> Base =
        Begin ? fixits::sourceText(*Begin->getBase(), Ctx) : std::nullopt;
    if (!Base || Access.Access->getBeginLoc().isMacroID() ||
        Access.Access->getEndLoc().isMacroID())
      return std::nullopt;
    return FixItHint::CreateReplacement(
        Access.Access->getSourceRange(),
        *Base + (Begin->isArrow() ? "->" : ".") + "at(0)");
  }
  const MemberExpr *Member = calleeMember(*Access.Access);
  const auto *Call = cast<CXXMemberCallExpr>(Access.Access);
  if (!Member || Member->getMemberLoc().isMacroID() ||
      Call->getRParenLoc().isMacroID())
    return std::nullopt;
  CharSourceRange Range = CharSourceRange::getTokenRange(
      Member->getMemberLoc(), Call->getRParenLoc());
  if (Access.Form == ElementAccess::Front)
    return FixItHint::CreateReplacement(Range, "at(0)");
  // back() -> at(c.size() - 1), which throws on an empty container (the
  // index wraps around): only where `c` can be written twice.
  std::optional<std::string> Base = fixits::sourceText(*Member->getBase(), Ctx);
  if (!Base || !isSimpleObject(Member->getBase()) ||
      Member->getBase()->IgnoreParenImpCasts()->getSourceRange().isInvalid())
    return std::nullopt;
  if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) &&
      Member->isImplicitAccess())
    return FixItHint::CreateReplacement(Range, "at(size() - 1)");
  return FixItHint::CreateReplacement(
      Range, "at(" + *Base + (Member->isArrow() ? "->" : ".") + "size() - 1)");
}

/// The note that says why the access is reported: the evidence of risk.
void UncheckedContainerAccessCheck::noteEvidence(const Finding &F,
                                                 ASTContext &Ctx) {
  if (F.ContainerOrigin) {
    noteLinkedPath(*F.ContainerOrigin);
    diag(F.ContainerOrigin->getBeginLoc(),
         "the container holds untrusted data that comes from here",
         DiagnosticIDs::Note);
    noteLinkedOrigin(*F.ContainerOrigin);
    return;
  }
  const AccessVerdict &V = F.Verdict;
  SourceLocation Site =
      V.EvidenceSite ? V.EvidenceSite->getBeginLoc() : SourceLocation();
  switch (V.Evidence) {
  case RiskEvidence::None:
    return;
  case RiskEvidence::MaybeEmpty:
    if (Site.isValid())
      diag(Site,
           "the container is empty after this, and no element is added on "
           "every path to the access",
           DiagnosticIDs::Note);
    return;
  case RiskEvidence::UncheckedFind:
    if (Site.isValid())
      diag(Site,
           "the index comes from this search, which returns 'npos' when "
           "nothing is found; it is not compared with 'npos' on every path",
           DiagnosticIDs::Note);
    return;
  case RiskEvidence::BeyondCheckedSize:
    if (Site.isValid())
      diag(Site,
           "this check ensures %0 %select{element|elements}1, not more; the "
           "index reads past them",
           DiagnosticIDs::Note)
          << static_cast<int>(V.EvidenceSize) << (V.EvidenceSize != 1);
    return;
  case RiskEvidence::BeyondKnownSize:
    diag(Site.isValid() ? Site : F.Access.Access->getBeginLoc(),
         "the container holds at most %0 %select{element|elements}1 after "
         "this",
         DiagnosticIDs::Note)
        << static_cast<int>(V.EvidenceSize) << (V.EvidenceSize != 1);
    return;
  }
}

void UncheckedContainerAccessCheck::report(llvm::ArrayRef<Finding> Chain,
                                           ASTContext &Ctx) {
  auto LocationOf = [&](const ElementAccess &Access) {
    if (Access.Form == ElementAccess::Subscript)
      if (SourceLocation LBracket = leftBracketOf(Access, Ctx);
          LBracket.isValid())
        return LBracket;
    return Access.Access->getExprLoc();
  };
  const Finding &Head = Chain.front();
  fixits::TitledFix Title(areDiagsSelfContained(),
                          "use the bounds-checked 'at()', which throws");
  {
    auto Diag = diag(LocationOf(Head.Access), "%0")
                << describe(Head.Access, Head.UntrustedIndex, Ctx)
                << Head.Access.Access->getSourceRange();
    for (const Finding &F : Chain) {
      std::optional<FixItHint> Second;
      if (std::optional<FixItHint> Fix = accessFix(F, Ctx, Second)) {
        Title.add(Diag, *Fix);
        Title.add(Diag, Second);
      }
    }
  }
  Title.emitNote(*this, LocationOf(Head.Access));
  if (Head.Origin) {
    noteLinkedPath(*Head.Origin);
    diag(Head.Origin->getBeginLoc(), "the untrusted index comes from here",
         DiagnosticIDs::Note);
    noteLinkedOrigin(*Head.Origin);
  }
  noteEvidence(Head, Ctx);
  for (const Finding &F : Chain.drop_front())
    diag(LocationOf(F.Access),
         "the next access in this chain is not checked either",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::prodready

namespace clang::tidy {
llvm::ArrayRef<std::pair<prodready::ContainerAccessMode, StringRef>>
OptionEnumMapping<prodready::ContainerAccessMode>::getEnumMapping() {
  static constexpr std::pair<prodready::ContainerAccessMode, StringRef>
      Mapping[] = {{prodready::ContainerAccessMode::Evidence, "Evidence"},
                   {prodready::ContainerAccessMode::Strict, "Strict"}};
  return Mapping;
}
} // namespace clang::tidy
