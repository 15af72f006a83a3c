//===--- TaintAnalysis.cpp - prodready ------------------------------------===//
//
// Implementation notes. Locations are discovered with one walk of the unit;
// the CFG has every expression as an element, so effects (assignments,
// out-parameter writes, appends) are applied at the element that performs
// them and expressions are evaluated recursively over the current state.
// After the fixpoint, one more pass replays each block to collect return
// values and sink hits. Branch edges are refined by the condition deciding
// them (the right-most operand for blocks ending an && / || chain).
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "TaintAnalysisImpl.h"
#include "MemoryRegion.h"
#include "TaintSummaries.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

/// At most this many locations are followed per function: memory stays
/// bounded on generated code; further locations read as clean.
constexpr unsigned MaxLocations = 512;

bool isStringStream(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  Record = Record->getDefinition() ? Record->getDefinition() : Record;
  if (!Record || !Record->isInStdNamespace() || !Record->getIdentifier())
    return false;
  StringRef Name = Record->getName();
  return Name == "basic_istringstream" || Name == "basic_stringstream" ||
         Name == "basic_ostringstream";
}

/// Whether \p S runs in a loop of its function (a lambda's body counts as
/// a function of its own).
bool isInsideLoop(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  for (unsigned Depth = 0; Depth < 64 && !Parents.empty(); ++Depth) {
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<ForStmt>() || Parent.get<WhileStmt>() ||
        Parent.get<DoStmt>() || Parent.get<CXXForRangeStmt>())
      return true;
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>() ||
        Parent.get<BlockDecl>())
      return false;
    Parents = Ctx.getParents(Parent);
  }
  return false;
}

/// The stream a reading call reads from: `in` of `in >> x`,
/// `std::getline(in, x)` and `in.getline(...)`.
const Expr *streamOperandOf(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  if (Call.getNumArgs() == 0)
    return nullptr;
  return Call.getArg(0);
}

const FunctionDecl *analyzableCallee(const CallExpr &Call,
                                     const SourceManager &SM) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return nullptr;
  const FunctionDecl *Definition = Callee->getDefinition();
  if (!Definition || !Definition->hasBody() ||
      SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

/// A parameter the caller's data can be written through: a pointer or
/// reference to something not const.
bool isOutParameter(const ParmVarDecl &Param) {
  QualType Type = Param.getType();
  if (!Type->isPointerType() && !Type->isLValueReferenceType())
    return false;
  return !Type->getPointeeType().isConstQualified();
}

} // namespace

//===----------------------------------------------------------------------===//
// Per-function analysis (the class is in TaintAnalysisImpl.h)
//===----------------------------------------------------------------------===//

namespace {
/// Finds the locations of a unit and the aliases among its locals.
class LocationCollector : public RecursiveASTVisitor<LocationCollector> {
public:
  bool shouldVisitImplicitCode() const { return true; }
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable())
        Vars.push_back(cast<ValueDecl>(Capture.getCapturedVar()));
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    RangeLoops.push_back(Loop);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (!Var->hasGlobalStorage() || Var->isStaticLocal())
        Vars.push_back(Var);
    return true;
  }
  bool VisitBindingDecl(BindingDecl *Binding) {
    // `auto &[key, value] = pair`: the reference each name is.
    if (VarDecl *Holding = Binding->getHoldingVar())
      Vars.push_back(Holding);
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (!Var->hasGlobalStorage() || Var->isStaticLocal())
      Vars.push_back(Var);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return true;
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      Fields.emplace_back(Field, nullptr);
    else if (const auto *Ref = dyn_cast<DeclRefExpr>(Base))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (!Var->hasGlobalStorage()) {
          Fields.emplace_back(Var, Field);
          FieldReads.try_emplace({Var, Field}, Member);
        }
    return true;
  }
  /// `p += n`, `p++`, `p = p + n`: pointers moved within their region.
  /// `p = q`: pointers pointed at another region.
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->isIncrementDecrementOp())
      if (const VarDecl *Var = pointerVariable(Op->getSubExpr()))
        Advanced.insert(Var);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (!Op->isAssignmentOp())
      return true;
    const VarDecl *Var = pointerVariable(Op->getLHS());
    if (!Var)
      return true;
    if (Op->getOpcode() == BO_AddAssign || Op->getOpcode() == BO_SubAssign) {
      Advanced.insert(Var);
      return true;
    }
    const auto *Base = dyn_cast<DeclRefExpr>(
        regionPointer(*Op->getRHS()).Base->IgnoreParenImpCasts());
    if (Op->getOpcode() == BO_Assign && Base && Base->getDecl() == Var)
      Advanced.insert(Var);
    else
      Reseated.insert(Var);
    return true;
  }
  std::vector<const ValueDecl *> Vars;
  std::vector<std::pair<const ValueDecl *, const FieldDecl *>> Fields;
  std::vector<const CXXForRangeStmt *> RangeLoops;
  /// One access to each field location, to ask the model about it.
  llvm::DenseMap<std::pair<const ValueDecl *, const FieldDecl *>,
                 const MemberExpr *>
      FieldReads;
  llvm::SmallPtrSet<const VarDecl *, 4> Advanced;
  llvm::SmallPtrSet<const VarDecl *, 4> Reseated;

private:
  static const VarDecl *pointerVariable(const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->getType()->isPointerType() ? Var : nullptr;
  }
};

/// For a local pointer initialized to point into an array or into a block
/// another local pointer holds, and never pointed elsewhere: the
/// expression naming that region.
std::optional<const Expr *>
regionAliasTarget(const VarDecl &Var,
                  const llvm::SmallPtrSetImpl<const VarDecl *> &Reseated) {
  if (Reseated.count(&Var))
    return std::nullopt;
  const Expr *Base = regionPointer(*Var.getInit()).Base;
  const auto *Ref = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
  if (!Ref)
    return std::nullopt;
  const auto *Target = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Target || Target == &Var)
    return std::nullopt;
  if (Target->getType()->isArrayType())
    return Base;
  // Another local pointer (a heap block): only if this one was offset from
  // it, or the two would merely share a value.
  if (Target->getType()->isPointerType() && !Target->hasGlobalStorage() &&
      regionPointer(*Var.getInit()).AtOffset)
    return Base;
  return std::nullopt;
}
} // namespace

unsigned TaintEngine::FunctionAnalysis::addLocation(const ValueDecl *Base,
                                                    const FieldDecl *Field) {
  auto [It, Inserted] =
      LocationIndex.try_emplace({Base, Field}, Locations.size());
  if (Inserted)
    Locations.emplace_back(Base, Field);
  return It->second;
}

std::optional<unsigned>
TaintEngine::FunctionAnalysis::findLocation(const ValueDecl *Base,
                                            const FieldDecl *Field) const {
  auto It = LocationIndex.find({Base, Field});
  if (It == LocationIndex.end())
    return std::nullopt;
  return It->second;
}

void TaintEngine::FunctionAnalysis::discoverLocations() {
  LocationCollector Collector;
  if (Function) {
    Collector.TraverseDecl(const_cast<FunctionDecl *>(Function));
    for (const ParmVarDecl *Param : Function->parameters())
      Collector.Vars.push_back(Param);
  } else if (Body) {
    Collector.TraverseStmt(const_cast<Stmt *>(Body));
  }
  for (const ValueDecl *D : Collector.Vars) {
    if (Locations.size() >= MaxLocations)
      break;
    const auto *Var = cast<VarDecl>(D);
    // A reference, or a pointer to a local or an array, designates another
    // location: reads and writes through it go there.
    if (!isa<ParmVarDecl>(Var) && Var->getInit()) {
      QualType Type = Var->getType();
      const Expr *Init = stripValueWrappers(Var->getInit());
      if (Type->isReferenceType()) {
        Aliases.try_emplace(Var, Var->getInit());
        continue;
      }
      if (Type->isPointerType()) {
        if (const auto *AddrOf = dyn_cast<UnaryOperator>(Init);
            AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
          Aliases.try_emplace(Var, AddrOf->getSubExpr());
          continue;
        }
        // `char *p = buf`, `char *p = buf + n`, `char *p = &buf[n]`, or
        // the same into a heap block another pointer holds: p points into
        // that region, past its start once moved (`p += len`).
        if (std::optional<const Expr *> Region =
                regionAliasTarget(*Var, Collector.Reseated)) {
          Aliases.try_emplace(Var, *Region);
          if (regionPointer(*Var->getInit()).AtOffset ||
              Collector.Advanced.count(Var))
            AdvancedPointers.insert(Var);
          continue;
        }
      }
    }
    addLocation(Var, nullptr);
  }
  for (const auto &[Base, Field] : Collector.Fields) {
    if (Locations.size() >= MaxLocations)
      break;
    unsigned Index = addLocation(Base, Field);
    // Request data read through a reference (`auto &files = req.files;`,
    // a range-for over it) is as untrusted as `req.files` itself.
    const MemberExpr *Read = Collector.FieldReads.lookup({Base, Field});
    if (Read && Model.isUntrustedMember(*Read))
      UntrustedFields.try_emplace(Index, Read);
  }
  for (const CXXForRangeStmt *Loop : Collector.RangeLoops)
    if (std::optional<ComponentLoop> Components = componentLoop(*Loop))
      if (const Expr *Cond = Loop->getCond()) {
        ComponentLoops[Cond] = *Components;
        ComponentLoops[stripValueWrappers(Cond)] = *Components;
      }
}

std::optional<TaintEngine::FunctionAnalysis::Place>
TaintEngine::FunctionAnalysis::placeOf(const Expr *E, unsigned Depth) const {
  if (!E || Depth > 8)
    return std::nullopt;
  E = stripValueWrappers(E);
  auto Weak = [](std::optional<Place> P) {
    if (P)
      P->Strong = false;
    return P;
  };
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return std::nullopt;
    if (auto Alias = Aliases.find(Var); Alias != Aliases.end()) {
      std::optional<Place> Target = placeOf(Alias->second, Depth + 1);
      return Var->getType()->isReferenceType() ? Target : Weak(Target);
    }
    if (std::optional<unsigned> Index = findLocation(Var, nullptr))
      return Place{*Index, true};
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    if (Field && isa<CXXThisExpr>(Base))
      if (std::optional<unsigned> Index = findLocation(Field, nullptr))
        return Place{*Index, true};
    // A field of a reference (`entry.second` in a range-for) is in what
    // the reference designates.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Base);
        Ref && Field && !Aliases.count(dyn_cast<VarDecl>(Ref->getDecl())))
      if (std::optional<unsigned> Index = findLocation(Ref->getDecl(), Field))
        return Place{*Index, true};
    return Weak(placeOf(Member->getBase(), Depth + 1));
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
    return Weak(placeOf(Sub->getBase(), Depth + 1));
  if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
    if (Op->getOpcode() == UO_Deref)
      return Weak(placeOf(Op->getSubExpr(), Depth + 1));
    // `scanf("%d", &n)` writes n.
    if (Op->getOpcode() == UO_AddrOf)
      return placeOf(Op->getSubExpr(), Depth + 1);
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Star ||
        Op->getOperator() == OO_Arrow)
      return Weak(placeOf(Op->getArg(0), Depth + 1));
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && Method->getIdentifier() &&
        llvm::StringSwitch<bool>(Method->getName())
            .Cases("at", "front", "back", "data", "c_str", true)
            .Default(false))
      return Weak(placeOf(Call->getImplicitObjectArgument(), Depth + 1));
  return std::nullopt;
}

TaintValue TaintEngine::FunctionAnalysis::read(unsigned Index,
                                               const State &S) const {
  TaintValue Value = S.Values[Index];
  // A field also carries what was stored into its whole object.
  if (Locations[Index].second)
    if (std::optional<unsigned> Whole =
            findLocation(Locations[Index].first, nullptr))
      Value = join(Value, S.Values[*Whole]);
  return Value;
}

void TaintEngine::FunctionAnalysis::write(const Expr *Target, TaintValue Value,
                                          State &S, bool ForceWeak) {
  // Written at an offset into a buffer (`recv(s, buf + n, ...)`,
  // `strncat(dir + len, name, ...)`): the buffer keeps what comes before
  // and gains the new part, joined after what was there - a base the
  // program chose when that is clean.
  if (RegionPointer Region = regionPointer(*Target);
      Region.AtOffset || isAdvancedPointer(Region.Base)) {
    if (Value.isUntrusted() && !Value.Join)
      setJoin(Value, *Target, eval(Region.Base, S).Labels == 0);
    Target = Region.Base;
    ForceWeak = true;
  }
  std::optional<Place> P = placeOf(Target);
  if (!P)
    return;
  if (P->Strong && !ForceWeak) {
    S.Values[P->Index] = Value;
    return;
  }
  // Added to, or stored into an element of, a value the program holds:
  // the untrusted data is a part the program placed (see Inserted).
  if (Value.isUntrusted()) {
    Value.Inserted = true;
    // Appended to the container itself (not to one of its elements) in a
    // loop: one part per line of a file, say.
    const Expr *Whole = Target->IgnoreParenImpCasts();
    Value.AppendedInLoop = ForceWeak &&
                           (isa<DeclRefExpr>(Whole) || isa<MemberExpr>(Whole)) &&
                           isInsideLoop(*Target, Ctx);
  }
  S.Values[P->Index] = join(S.Values[P->Index], Value);
}

TaintEngine::FunctionAnalysis::State
TaintEngine::FunctionAnalysis::initialState() {
  State S;
  S.Reachable = true;
  S.Values.resize(Locations.size());
  const auto *Lambda =
      Function ? dyn_cast<CXXMethodDecl>(Function) : nullptr;
  const CXXRecordDecl *LambdaClass =
      Lambda && Lambda->getParent()->isLambda() ? Lambda->getParent() : nullptr;
  const FunctionAnalysis *Enclosing = nullptr;
  if (LambdaClass)
    if (const auto *Outer = dyn_cast_or_null<FunctionDecl>(
            LambdaClass->getDeclContext()))
      if (Outer->hasBody())
        Enclosing = &Engine.analysisFor(*Outer);
  for (unsigned I = 0, E = Locations.size(); I < E; ++I) {
    const auto [Base, Field] = Locations[I];
    if (Field) {
      if (const MemberExpr *Read = UntrustedFields.lookup(I))
        S.Values[I] = TaintValue::source(SourceKind::Request, Read);
      continue;
    }
    if (const auto *Param = dyn_cast<ParmVarDecl>(Base)) {
      if (Function && Param->getDeclContext() == Function)
        S.Values[I].Labels =
            TaintValue::paramLabel(Param->getFunctionScopeIndex());
      continue;
    }
    if (isa<FieldDecl>(Base)) {
      S.Values[I] = Engine.crossFunctionValue(*Base);
      continue;
    }
    // A variable of the enclosing function captured by a lambda, or an
    // init-capture (`[c = name]`), whose value the enclosing one computed.
    const auto *Var = dyn_cast<VarDecl>(Base);
    if (Enclosing && (Base->getDeclContext() != Function ||
                      (Var && Var->isInitCapture()))) {
      auto Captures = Enclosing->CaptureValues.find(LambdaClass);
      if (Captures != Enclosing->CaptureValues.end())
        if (auto It = Captures->second.find(Base); It != Captures->second.end())
          S.Values[I] = It->second;
    }
  }
  return S;
}

TaintEngine::FunctionAnalysis::State
TaintEngine::FunctionAnalysis::joinStates(const State &A, const State &B) {
  if (!A.Reachable)
    return B;
  if (!B.Reachable)
    return A;
  State R = A;
  for (unsigned I = 0, E = R.Values.size(); I < E; ++I)
    R.Values[I] = join(A.Values[I], B.Values[I]);
  return R;
}

/// Values of arithmetic or enumeration type are numbers (a `bool` prints
/// as `0`/`1` or `true`/`false`): formatted into text, they can spell
/// neither `..` nor `/` nor a quote. A character is text.
static void applyValueType(TaintValue &Value, const Expr &E) {
  QualType Type = E.getType();
  if (!Value.Labels || Type.isNull() || Type->isDependentType())
    return;
  if (Type->isAnyCharacterType())
    Value.Numeric = false;
  else if (Type->isArithmeticType() || Type->isEnumeralType())
    Value.Numeric = true;
}

TaintValue TaintEngine::FunctionAnalysis::eval(const Expr *E, const State &S) {
  if (!E)
    return {};
  TaintValue Value = evalExpr(E, S);
  applyValueType(Value, *E);
  return Value;
}

TaintValue TaintEngine::FunctionAnalysis::evalExpr(const Expr *E,
                                                   const State &S) {
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return Cast->getCastKind() == CK_PointerToBoolean ||
                   Cast->getCastKind() == CK_IntegralToBoolean
               ? TaintValue{}
               : eval(Cast->getSubExpr(), S);
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return eval(MTE->getSubExpr(), S);
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return eval(Full->getSubExpr(), S);
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return eval(BTE->getSubExpr(), S);
  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E))
    return eval(OVE->getSourceExpr(), S);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (TaintModel::isMainArgument(*Ref->getDecl()))
      return TaintValue::source(SourceKind::CommandLine, E);
    if (std::optional<Place> P = placeOf(E))
      return read(P->Index, S);
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      if (Var->hasGlobalStorage() && !Var->isStaticLocal())
        return Engine.crossFunctionValue(*Var);
      // A reference bound to a temporary (`const std::string &name =
      // req.get_param_value("n")`) or to what is not followed.
      if (auto Alias = Aliases.find(Var); Alias != Aliases.end())
        return eval(Alias->second, S);
    }
    // `auto &[name, file] = *it`: what the binding designates.
    if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
      return eval(Binding->getBinding(), S);
    return {};
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (Model.isUntrustedMember(*Member))
      return TaintValue::source(SourceKind::Request, E);
    if (std::optional<Place> P = placeOf(E))
      return P->Strong ? read(P->Index, S)
                       : join(read(P->Index, S), eval(Member->getBase(), S));
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
        Field && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return Engine.crossFunctionValue(*Field);
    return eval(Member->getBase(), S);
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
    return eval(Sub->getBase(), S);
  if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
    if (Op->getOpcode() == UO_LNot)
      return {};
    TaintValue Value = eval(Op->getSubExpr(), S);
    // The bytes of a number (`&n`) are not its digits.
    if (Op->getOpcode() == UO_AddrOf)
      Value.Numeric = false;
    return Value;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->isComparisonOp() || Op->isLogicalOp())
      return {};
    if (Op->getOpcode() == BO_Assign || Op->getOpcode() == BO_Comma)
      return eval(Op->getRHS(), S);
    return join(eval(Op->getLHS(), S), eval(Op->getRHS(), S));
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E))
    return join(eval(Cond->getTrueExpr(), S), eval(Cond->getFalseExpr(), S));
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return evalCall(*Call, S);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    TaintValue Value;
    for (const Expr *Arg : Construct->arguments())
      Value = join(Value, eval(Arg, S));
    return Value;
  }
  if (const auto *Init = dyn_cast<InitListExpr>(E)) {
    TaintValue Value;
    for (const Expr *Item : Init->inits())
      Value = join(Value, eval(Item, S));
    return Value;
  }
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E))
    return eval(List->getSubExpr(), S);
  return {};
}

TaintValue TaintEngine::FunctionAnalysis::evalCall(const CallExpr &Call,
                                                   const State &S) {
  CallModel M = Model.classify(Call);
  switch (M.Effect) {
  case CallEffect::SourceResult:
    // A parse of untrusted text keeps who controls the text (a
    // configuration file stays the operator's); the parse is where the
    // structure the program then indexes comes from.
    if (M.Kind == SourceKind::ParsedAnswer && Call.getNumArgs() >= 1)
      if (TaintValue Text = eval(Call.getArg(0), S); Text.isUntrusted()) {
        Text.Origin = &Call;
        Text.FilledBy = nullptr;
        Text.Join = Text.Built = nullptr;
        Text.Inserted = Text.AppendedInLoop = false;
        return Text;
      }
    return TaintValue::source(M.Kind, &Call);
  case CallEffect::FormatCarried:
    return formatCarried(Call, M, S);
  case CallEffect::Sanitizer:
  case CallEffect::SanitizerPredicate:
  case CallEffect::SourceOutArgs:
  case CallEffect::CopyToFirst:
  case CallEffect::AppendToFirst:
  case CallEffect::FormatToFirst:
  case CallEffect::ScanFromFirst:
    return {};
  case CallEffect::Canonicalizer: {
    const Expr *Subject = Call.getNumArgs() ? Call.getArg(0) : nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      Subject = Member->getImplicitObjectArgument();
    TaintValue Value = eval(Subject, S);
    Value.Canonical = Value.Labels != 0;
    return Value;
  }
  case CallEffect::RelativePath: {
    // `full.lexically_relative(base)`, `relative(full, base)`: a relative
    // path, normalized when `full` was (or always, for relative()).
    const Expr *Subject = Call.getNumArgs() ? Call.getArg(0) : nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      Subject = Member->getImplicitObjectArgument();
    TaintValue Value = eval(Subject, S);
    if (Value.Labels) {
      Value.AbsoluteRejected = true;
      Value.Canonical |= M.Canonical;
    }
    return Value;
  }
  case CallEffect::Default:
    break;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  if (const FunctionDecl *Callee = analyzableCallee(Call, SM);
      Callee && Callee != Function) {
    FunctionAnalysis &Summary = Engine.analysisFor(*Callee);
    TaintValue Value;
    if (Summary.ReturnLabels & TaintValue::UntrustedLabel) {
      Value = TaintValue::source(SourceKind::UserSource, Summary.ReturnOrigin);
      Value.Sources = Summary.ReturnSources;
    }
    for (unsigned I = 0, E = Callee->getNumParams();
         I < E && I < TaintValue::MaxTrackedParams; ++I)
      if (Summary.ReturnLabels & TaintValue::paramLabel(I))
        Value = join(Value, eval(argumentForParameter(Call, I), S));
    if (Value.Labels && !Value.Built)
      Value.Built = Summary.ReturnBuilt;
    return Value;
  }
  QualType Type = Call.getType();
  if (Type->isVoidType() || Type->isBooleanType())
    return {};
  if (Model.symbolicExternalCalls())
    if (std::optional<TaintValue> Symbolic = externalCallValue(Call, S))
      return *Symbolic;
  TaintValue Value;
  const Expr *Base = nullptr; // The first piece: the base of a join.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    Value = eval(Member->getImplicitObjectArgument(), S);
    Base = Member->getImplicitObjectArgument();
  }
  for (const Expr *Arg : Call.arguments())
    Value = join(Value, eval(Arg, S));
  // Building a path or a string from untrusted pieces: remember where.
  if (Value.Labels && !Value.Join) {
    bool IsJoin = false;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
      IsJoin = Op->getOperator() == OO_Slash || Op->getOperator() == OO_Plus;
      Base = Op->getArg(0);
    } else if (const FunctionDecl *Callee = Call.getDirectCallee();
               Callee && Callee->getIdentifier()) {
      IsJoin = Callee->getName() == "format" || Callee->getName() == "concat" ||
               Callee->getName() == "StrCat";
      // format("{}/{}", base, name): the first argument after the format.
      if (Callee->getName() == "format" && Call.getNumArgs() >= 2)
        Base = Call.getArg(1);
      // format("/srv/{}", name): the literal prefix.
      if (Callee->getName() == "format" && Call.getNumArgs() >= 1 &&
          hasLiteralPrefix(Call.getArg(0), '{')) {
        setJoin(Value, Call, /*ChosenBase=*/true);
        return Value;
      }
    }
    if (IsJoin)
      markJoin(Value, Call, Base, S);
  }
  return Value;
}

bool isCallOfOtherUnit(const CallExpr &Call, const SourceManager &SM) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call) ||
      SM.isInSystemHeader(Callee->getLocation()))
    return false;
  const FunctionDecl *Definition = Callee->getDefinition();
  return !Definition || !Definition->hasBody();
}

std::optional<TaintValue>
TaintEngine::FunctionAnalysis::externalCallValue(const CallExpr &Call,
                                                 const State &S) {
  if (!isCallOfOtherUnit(Call, Ctx.getSourceManager()))
    return std::nullopt;
  TaintValue Given;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Given = eval(Member->getImplicitObjectArgument(), S);
  for (const Expr *Arg : Call.arguments())
    Given = join(Given, eval(Arg, S));
  // Untrusted arguments make the result untrusted whatever the callee
  // does (the default model): nothing to compose.
  if (Given.isUntrusted())
    return std::nullopt;
  auto *It = llvm::find_if(
      ExternalCalls, [&](const ExternalCall &E) { return E.Call == &Call; });
  if (It == ExternalCalls.end()) {
    if (ExternalCalls.size() == TaintValue::MaxExternalCalls)
      return std::nullopt;
    ExternalCalls.push_back({&Call, 0});
    It = ExternalCalls.end() - 1;
  }
  It->ArgumentLabels |= Given.Labels;
  TaintValue Value;
  Value.Labels = TaintValue::externalCallLabel(It - ExternalCalls.begin());
  return Value;
}

void TaintEngine::FunctionAnalysis::transferCall(const CallExpr &Call,
                                                 State &S) {
  CallModel M = Model.classify(Call);
  unsigned NumArgs = Call.getNumArgs();
  switch (M.Effect) {
  case CallEffect::SourceOutArgs: {
    TaintValue Untrusted = TaintValue::source(M.Kind, &Call);
    // `in >> x`, `getline(in, x)` on a string stream read what the stream
    // was given, which is outside data only if that was.
    if (const Expr *Stream = streamOperandOf(Call);
        Stream && isStringStream(Stream->IgnoreImpCasts()->getType()))
      Untrusted = eval(Stream, S);
    for (unsigned Arg : M.OutArgs)
      write(Call.getArg(Arg), Untrusted, S);
    return;
  }
  case CallEffect::CopyToFirst:
    if (NumArgs > M.Source)
      write(Call.getArg(0), eval(Call.getArg(M.Source), S), S);
    return;
  case CallEffect::AppendToFirst:
    if (NumArgs > M.Source) {
      TaintValue Added = eval(Call.getArg(M.Source), S);
      if (Added.Labels && !Added.Join)
        markJoin(Added, Call, Call.getArg(0), S);
      write(Call.getArg(0), Added, S, /*ForceWeak=*/true);
    }
    return;
  case CallEffect::FormatToFirst: {
    if (NumArgs < 2)
      return;
    const FunctionDecl *Callee = Call.getDirectCallee();
    unsigned First = Callee && Callee->getName() == "sprintf" ? 1 : 2;
    TaintValue Value;
    for (unsigned I = First; I < NumArgs; ++I)
      Value = join(Value, eval(Call.getArg(I), S));
    // The base is the format's literal prefix ("/var/spool/%s"), or the
    // first formatted argument: sprintf(buf, "%s/%s", base, ...).
    unsigned BaseIndex = First + 1;
    if (Value.Labels && !Value.Join) {
      if (hasLiteralPrefix(Call.getArg(First), '%'))
        setJoin(Value, Call, /*ChosenBase=*/true);
      else
        markJoin(Value, Call,
                 BaseIndex < NumArgs ? Call.getArg(BaseIndex) : nullptr, S);
    }
    write(Call.getArg(0), Value, S);
    return;
  }
  case CallEffect::ScanFromFirst: {
    TaintValue Value = NumArgs ? eval(Call.getArg(0), S) : TaintValue{};
    for (unsigned Arg : M.OutArgs)
      write(Call.getArg(Arg), Value, S);
    return;
  }
  case CallEffect::FormatCarried: {
    TaintValue Value = formatCarried(Call, M, S);
    for (unsigned Arg : M.OutArgs)
      if (Arg < NumArgs)
        write(Call.getArg(Arg), Value, S);
    return;
  }
  case CallEffect::Canonicalizer:
    // realpath(in, out) writes the canonical path into `out`.
    if (NumArgs == 2 && !isa<CXXMemberCallExpr>(Call) &&
        !Call.getArg(1)->isNullPointerConstant(
            Ctx, Expr::NPC_ValueDependentIsNotNull)) {
      TaintValue Value = eval(Call.getArg(0), S);
      Value.Canonical = Value.Labels != 0;
      write(Call.getArg(1), Value, S);
    }
    return;
  default:
    break;
  }

  if (const FunctionDecl *Callee =
          analyzableCallee(Call, Ctx.getSourceManager());
      Callee && Callee != Function &&
      llvm::any_of(Callee->parameters(), [](const ParmVarDecl *Param) {
        return isOutParameter(*Param);
      }))
    applyOutParams(Call, *Callee, S);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if (Op->getNumArgs() != 2)
      return;
    switch (Op->getOperator()) {
    case OO_Equal:
      write(Op->getArg(0), eval(Op->getArg(1), S), S);
      return;
    case OO_PlusEqual:
    case OO_SlashEqual:
    case OO_LessLess: {
      const Expr *Target = Op->getArg(0);
      bool Chained = false;
      if (Op->getOperator() == OO_LessLess) {
        // `os << dir << name` writes to os.
        while (const auto *Inner = dyn_cast<CXXOperatorCallExpr>(
                   stripValueWrappers(Target))) {
          if (Inner->getOperator() != OO_LessLess || Inner->getNumArgs() != 2)
            break;
          Target = Inner->getArg(0);
          Chained = true;
        }
        if (!isStringStream(Target->IgnoreImpCasts()->getType()))
          return;
      }
      TaintValue Added = eval(Op->getArg(1), S);
      // A stream is joined onto what this statement wrote before.
      if (Added.Labels && !Added.Join &&
          (Op->getOperator() != OO_LessLess || Chained))
        markJoin(Added, Call, Target, S);
      write(Target, Added, S, /*ForceWeak=*/true);
      return;
    }
    default:
      return;
    }
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    StringRef Name = Method->getName();
    const Expr *Object = Member->getImplicitObjectArgument();
    if (Name == "clear") {
      write(Object, {}, S);
      return;
    }
    bool Replaces = Name == "assign" || (Name == "str" && NumArgs == 1);
    bool Adds = llvm::StringSwitch<bool>(Name)
                    .Cases("append", "insert", "push_back", "emplace_back",
                           "push_front", true)
                    .Cases("emplace_front", "emplace", "replace", "concat",
                           "insert_or_assign", true)
                    .Case("try_emplace", true)
                    .Default(false);
    if (!Replaces && !Adds)
      return;
    TaintValue Value;
    for (const Expr *Arg : Call.arguments())
      Value = join(Value, eval(Arg, S));
    if (Value.Labels && !Value.Join &&
        (Name == "append" || Name == "concat" || Name == "insert"))
      markJoin(Value, Call, Object, S);
    write(Object, Value, S, /*ForceWeak=*/Adds);
  }
}

void TaintEngine::FunctionAnalysis::transfer(const CFGElement &Element,
                                             State &S) {
  std::optional<CFGStmt> CS = Element.getAs<CFGStmt>();
  if (!CS)
    return;
  const Stmt *St = CS->getStmt();
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const Expr *Init = Var->getInit())
          if (std::optional<unsigned> Index = findLocation(Var, nullptr))
            S.Values[*Index] = eval(Init, S);
    return;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(St)) {
    if (Op->getOpcode() == BO_Assign)
      write(Op->getLHS(), eval(Op->getRHS(), S), S);
    else if (Op->isCompoundAssignmentOp())
      write(Op->getLHS(), eval(Op->getRHS(), S), S, /*ForceWeak=*/true);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(St)) {
    transferCall(*Call, S);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(St)) {
    auto &Captured = CaptureValues[Lambda->getLambdaClass()];
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (!Capture.capturesVariable())
        continue;
      const auto *Var = cast<ValueDecl>(Capture.getCapturedVar());
      if (const auto *VD = dyn_cast<VarDecl>(Var); VD && VD->isInitCapture()) {
        Captured[Var] = join(Captured[Var], eval(VD->getInit(), S));
        continue;
      }
      if (std::optional<unsigned> Index = findLocation(Var, nullptr))
        Captured[Var] = join(Captured[Var], read(*Index, S));
    }
  }
}

void TaintEngine::FunctionAnalysis::recordHit(TaintHit Hit) {
  if (Hit.Value.isUntrusted())
    Hits.push_back(Hit);
  if (!Function)
    return;
  for (unsigned I = 0, E = Function->getNumParams();
       I < E && I < TaintValue::MaxTrackedParams; ++I)
    if (Hit.Value.Labels & TaintValue::paramLabel(I))
      ParameterHits.emplace_back(I, Hit);
}

void TaintEngine::FunctionAnalysis::collectSinks(const Expr &E,
                                                 const State &S) {
  llvm::SmallVector<std::pair<const Expr *, std::string>, 2> SinkArgs;
  Engine.Sinks.sinkArguments(E, SinkArgs);
  for (const auto &[Arg, What] : SinkArgs) {
    TaintValue Value = eval(Arg, S);
    if (Value.Labels)
      recordHit({&E, Arg, What, Value, {}, {}});
  }
  // Sinks inside the functions this one calls, reached through parameters.
  const auto *Call = dyn_cast<CallExpr>(&E);
  if (!Call)
    return;
  const FunctionDecl *Callee =
      analyzableCallee(*Call, Ctx.getSourceManager());
  if (!Callee || Callee == Function)
    return;
  FunctionAnalysis &Summary = Engine.analysisFor(*Callee);
  for (const auto &[Param, Inner] : Summary.ParameterHits) {
    TaintValue Value = eval(argumentForParameter(*Call, Param), S);
    if (!Value.Labels)
      continue;
    TaintHit Hit = Inner;
    Hit.Value.Labels = Value.Labels;
    Hit.Value.Origin = Value.Origin;
    Hit.Value.FilledBy = Value.FilledBy;
    Hit.Value.Sources = Value.Sources;
    // A number passed in stays one whatever the callee does with it.
    Hit.Value.Numeric |= Value.Numeric;
    if (!Hit.Value.Join) {
      Hit.Value.Join = Value.Join;
      Hit.Value.UnderChosenBase = Value.UnderChosenBase;
    }
    if (!Hit.Value.Built)
      Hit.Value.Built = Value.Built;
    Hit.Calls.insert(Hit.Calls.begin(), Call);
    Hit.CallArguments.insert(Hit.CallArguments.begin(),
                             argumentForParameter(*Call, Param));
    recordHit(Hit);
  }
}

void TaintEngine::FunctionAnalysis::collect(const CFGElement &Element,
                                            const State &S) {
  std::optional<CFGStmt> CS = Element.getAs<CFGStmt>();
  if (!CS)
    return;
  const Stmt *St = CS->getStmt();
  if (const auto *Ret = dyn_cast<ReturnStmt>(St)) {
    if (const Expr *Value = Ret->getRetValue()) {
      TaintValue Returned = eval(Value, S);
      if (Returned.isUntrusted() && !(ReturnLabels & TaintValue::UntrustedLabel))
        ReturnOrigin = Returned.Origin;
      if (Returned.isUntrusted())
        ReturnSources |= Returned.Sources;
      ReturnLabels |= Returned.Labels;
      if (!ReturnBuilt)
        ReturnBuilt = Returned.Built;
    }
    return;
  }
  if (isa<CallExpr, CXXConstructExpr>(St))
    collectSinks(*cast<Expr>(St), S);
}

void TaintEngine::FunctionAnalysis::run() {
  if (const auto *F = dyn_cast<FunctionDecl>(&Unit)) {
    Function = F;
    Body = F->getBody();
  } else if (const auto *Var = dyn_cast<VarDecl>(&Unit)) {
    Body = Var->getInit();
  } else if (const auto *Field = dyn_cast<FieldDecl>(&Unit)) {
    Body = Field->getInClassInitializer();
  }
  if (!Body) {
    Finished = true;
    return;
  }
  discoverLocations();
  Cfg = std::make_unique<IndexedCFG>(Unit, *Body, Ctx);
  if (!Cfg->graph()) {
    Finished = true; // valueAt() falls back to the entry state.
    return;
  }
  BlockEntry = solveForward(
      *Cfg->graph(), initialState(),
      [&](const CFGElement &Element, State &S) { transfer(Element, S); },
      [&](const Expr *Cond, bool Truth, const State &S) {
        return refine(Cond, Truth, S);
      },
      &joinStates);
  Finished = true;
  collectOutParams();
  // One more pass to read off returns and sinks at their program points.
  for (const CFGBlock *Block : *Cfg->graph()) {
    State S = BlockEntry[Block->getBlockID()];
    if (!S.Reachable)
      continue;
    for (const CFGElement &Element : *Block) {
      collect(Element, S);
      transfer(Element, S);
    }
  }
}


void TaintEngine::FunctionAnalysis::collectOutParams() {
  if (!Function || !Cfg || !Cfg->graph())
    return;
  const State &Exit = BlockEntry[Cfg->graph()->getExit().getBlockID()];
  if (!Exit.Reachable)
    return;
  for (const ParmVarDecl *Param : Function->parameters()) {
    unsigned Index = Param->getFunctionScopeIndex();
    std::optional<unsigned> Where = findLocation(Param, nullptr);
    if (!Where || !isOutParameter(*Param) ||
        Index >= TaintValue::MaxTrackedParams)
      continue;
    TaintValue Written = read(*Where, Exit);
    Written.Labels &= ~TaintValue::paramLabel(Index);
    if (Written.Labels)
      OutParams.emplace_back(Index, Written);
  }
}

/// `read_name(fd, name)` fills `name` from the network: what the callee
/// writes through a parameter is written into the caller's argument, with
/// the callee's own untrusted data and whatever of the other arguments it
/// copied there.
void TaintEngine::FunctionAnalysis::applyOutParams(const CallExpr &Call,
                                                   const FunctionDecl &Callee,
                                                   State &S) {
  FunctionAnalysis &Summary = Engine.analysisFor(Callee);
  for (const auto &[Param, Written] : Summary.OutParams) {
    const Expr *Target = argumentForParameter(Call, Param);
    if (!Target)
      continue;
    TaintValue Value;
    if (Written.isUntrusted()) {
      Value = Written;
      Value.Labels = TaintValue::UntrustedLabel;
      // The outermost call that filled it is the step this function shows.
      Value.FilledBy = &Call;
    }
    for (unsigned I = 0, E = Callee.getNumParams();
         I < E && I < TaintValue::MaxTrackedParams; ++I)
      if (I != Param && (Written.Labels & TaintValue::paramLabel(I)))
        Value = join(Value, eval(argumentForParameter(Call, I), S));
    if (Value.Labels)
      write(Target, Value, S);
  }
}

TaintValue TaintEngine::FunctionAnalysis::valueAt(const Expr &E,
                                                  const Stmt &Site) {
  // Asked while still running (a unit that reads a global written by a
  // function further up the analysis stack): nothing is known yet.
  if (!Finished)
    return {};
  std::optional<State> Before;
  if (Cfg && Cfg->graph())
    Before = stateBefore(
        *Cfg, BlockEntry, Site,
        [&](const CFGElement &Element, State &S) { transfer(Element, S); });
  if (!Before)
    return Body ? eval(&E, initialState()) : TaintValue{};
  return Before->Reachable ? eval(&E, *Before) : TaintValue{};
}

TaintValue TaintEngine::FunctionAnalysis::variableValueWhen(
    const VarDecl &Var, const Stmt &Site, const Expr &Cond, bool Truth) {
  std::optional<unsigned> Index = findLocation(&Var, nullptr);
  if (!Index) {
    // Not followed (never referenced, or past the location limit): it may
    // hold anything.
    TaintValue Unknown;
    Unknown.Labels = ~uint64_t(0);
    return Unknown;
  }
  std::optional<State> Before;
  if (Finished && Cfg && Cfg->graph())
    Before = stateBefore(
        *Cfg, BlockEntry, Site,
        [&](const CFGElement &Element, State &S) { transfer(Element, S); });
  // Still running (recursion) or not in the CFG: nothing was established.
  if (!Before)
    return read(*Index, initialState());
  if (!Before->Reachable)
    return {};
  return read(*Index, refine(&Cond, Truth, *Before));
}

} // namespace clang::tidy::prodready
