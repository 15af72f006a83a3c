//===--- BoundsTransfer.cpp - prodready -----------------------------------===//
//
// How each statement changes the facts: declarations and assignments,
// container member calls, arguments a callee may change, element accesses.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "BoundsAnalysisImpl.h"
#include "MemoryRegion.h"
#include "Termination.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

namespace clang::tidy::prodready {

using namespace bounds;

//===--- Transfer ---------------------------------------------------------===//

void ContainerBoundsAnalysis::Impl::kill(unsigned Slot, State &S) {
  S.removeIf([&](const Fact &F) {
    return isWithin(F.A, Slot) || (F.B != NoSlot && isWithin(F.B, Slot));
  });
  llvm::erase_if(S.Emptied,
                 [&](const MaybeEmpty &E) { return isWithin(E.Slot, Slot); });
  killDependents(Slot, S);
}

void ContainerBoundsAnalysis::Impl::killDependents(unsigned Variable,
                                                   State &S) {
  auto It = DependentSlots.find(Variable);
  if (It == DependentSlots.end())
    return;
  for (unsigned Element : It->second)
    S.removeIf([&](const Fact &F) {
      return isWithin(F.A, Element) ||
             (F.B != NoSlot && isWithin(F.B, Element));
    });
}

/// An index variable changed: by counting up (\p Direction > 0), down
/// (< 0) or arbitrarily (0). Counting up keeps it non-negative and keeps
/// bounds others have below it; counting down keeps its upper bounds.
void ContainerBoundsAnalysis::Impl::killIndexVariable(unsigned Slot,
                                                      int Direction, State &S) {
  killDependents(Slot, S);
  S.removeIf([&](const Fact &F) {
    if (F.A != Slot && F.B != Slot)
      return false;
    if (Direction > 0)
      return !(F.A == Slot && F.Kind == Fact::AtLeast) &&
             !(F.B == Slot && F.Kind == Fact::Below);
    if (Direction < 0)
      return !(F.A == Slot && F.Kind == Fact::Below) &&
             !(F.B == Slot && F.Kind == Fact::SizeAtLeast);
    return true;
  });
}

/// The container whose whole range `c.begin(), c.end()` names.
std::optional<unsigned>
ContainerBoundsAnalysis::Impl::wholeRangeOf(const Expr *First,
                                            const Expr *Last) {
  auto ObjectOf = [](const Expr *E, llvm::StringRef Name) -> const Expr * {
    const auto *Call =
        dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(E));
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier() || Method->getName() != Name)
      return nullptr;
    return Call->getImplicitObjectArgument();
  };
  const Expr *Begin = ObjectOf(First, "begin");
  const Expr *End = ObjectOf(Last, "end");
  if (!Begin || !End)
    return std::nullopt;
  std::optional<unsigned> Slot = slotOf(Begin);
  if (!Slot || slotOf(End) != Slot)
    return std::nullopt;
  return Slot;
}

void ContainerBoundsAnalysis::Impl::grow(unsigned Slot, State &S) {
  // What was bounded by this size before still is; what was at least as
  // large as this size may no longer be.
  S.removeIf([&](const Fact &F) {
    return F.Kind == Fact::SizeAtLeast && F.Term == Fact::Size &&
           F.B != NoSlot && isWithin(F.B, Slot);
  });
  int64_t Known = knownMinSize(Slot, S);
  S.removeIf([&](const Fact &F) {
    return F.Kind == Fact::SizeAtLeast && F.Term == Fact::Const && F.A == Slot;
  });
  S.add({Fact::SizeAtLeast, Fact::Const, Slot, NoSlot, Known + 1});
  killDependents(Slot, S);
  for (Fact &F : S.Facts)
    if (F.Kind == Fact::SizeAtMost && F.A == Slot)
      F.N += 1;
}

void ContainerBoundsAnalysis::Impl::growByUnknown(unsigned Slot, State &S) {
  // Appending a string or a range may add nothing: the lower bounds stay,
  // the upper bound and the emptiness are no longer known.
  S.removeIf([&](const Fact &F) {
    return (F.Kind == Fact::SizeAtLeast && F.Term == Fact::Size &&
            F.B != NoSlot && isWithin(F.B, Slot)) ||
           (F.Kind == Fact::SizeAtMost && F.A == Slot);
  });
  S.forgetEmpty(Slot);
  killDependents(Slot, S);
}

/// The container in \p Slot holds exactly \p Count elements (a variable or
/// another size, plus an offset): `std::vector<float> v(n)`, `resize(n)`.
/// Two containers built with the same count have the same size.
void ContainerBoundsAnalysis::Impl::sizeIs(unsigned Slot,
                                           const LinearTerm &Count, State &S) {
  S.add({Fact::SizeAtLeast, Count.Kind, Slot, Count.Slot, Count.Value});
  S.add({Fact::SizeAtMost, Count.Kind, Slot, Count.Slot, Count.Value});
}

void ContainerBoundsAnalysis::Impl::atMost(unsigned Slot, int64_t Count,
                                           const Stmt *Site, State &S) {
  S.add({Fact::SizeAtMost, Fact::Const, Slot, NoSlot, Count});
  if (Site)
    SizeSites.try_emplace({Slot, Count}, Site);
}

void ContainerBoundsAnalysis::Impl::makeEmpty(unsigned Slot, const Stmt &Site,
                                              State &S) {
  kill(Slot, S);
  atMost(Slot, 0, &Site, S);
  S.markEmpty(Slot, &Site);
}

void ContainerBoundsAnalysis::Impl::assign(unsigned Slot, QualType Type,
                                           const Expr *Init, const Stmt &Site,
                                           State &S) {
  llvm::SmallVector<Fact, 4> Carried;
  if (Init && Type->isIntegralOrEnumerationType())
    copiedIndexFacts(Slot, Init, S, Carried);
  kill(Slot, S);
  for (const Fact &F : Carried)
    S.add(F);
  if (!Init)
    return;
  ContainerKind Kind = Model.kindOf(Type);
  if (Kind == ContainerKind::Sequence || Kind == ContainerKind::Json) {
    assignContainer(Slot, Kind, Init, Site, S);
    return;
  }
  if (Type->isPointerType()) {
    assignBuffer(Slot, Type, Init, S);
    return;
  }
  const Expr *Value = stripValueWrappers(Init);
  // An iterator or position from find(): valid when not end()/npos.
  if (std::optional<ContainerCall> Call = matchContainerCall(*Value, Model);
      Call && Call->Method->getIdentifier() &&
      Call->Method->getName().starts_with("find") &&
      Call->Method->getName() != "find_if") {
    std::optional<unsigned> Object = slotOf(Call->Object);
    if (!Object)
      return;
    if (Call->Kind == ContainerKind::Json) {
      const auto *Member = cast<CXXMemberCallExpr>(Value);
      if (Member->getNumArgs() != 1)
        return;
      // The element find() looks for is the one j.at(key) names.
      if (std::optional<unsigned> Element =
              elementSlot(*Object, Member->getArg(0)))
        S.add({Fact::FoundIn, Fact::NoTerm, Slot, *Element, 1});
      return;
    }
    if (Type->isIntegralOrEnumerationType()) {
      S.add({Fact::FoundIn, Fact::NoTerm, Slot, *Object, 0});
      FindSites[Slot] = Value;
    }
    return;
  }
  if (Type->isIntegralOrEnumerationType())
    assignIndex(Slot, Value, S);
}

void ContainerBoundsAnalysis::Impl::assignContainer(unsigned Slot,
                                                    ContainerKind Kind,
                                                    const Expr *Init,
                                                    const Stmt &Site,
                                                    State &S) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(stripValueWrappers(Init));
  if (!Construct)
    return;
  // Sizes known exactly: at least and at most. A JSON value built empty is
  // about to be filled (`json j; j["k"] = v;`): not an emptiness to warn of.
  auto ExactSize = [&](int64_t Count) {
    if (Count > 0)
      S.add({Fact::SizeAtLeast, Fact::Const, Slot, NoSlot, Count});
    if (Kind != ContainerKind::Sequence)
      return;
    if (Count == 0)
      makeEmpty(Slot, Site, S);
    else
      atMost(Slot, Count, &Site, S);
  };
  if (Construct->getNumArgs() == 0 ||
      isa<CXXDefaultArgExpr>(Construct->getArg(0))) {
    if (Construct->getConstructor()->isDefaultConstructor())
      ExactSize(0);
    return;
  }
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  const Expr *First = stripValueWrappers(Construct->getArg(0));
  auto SizeAtLeast = [&](const LinearTerm &T) {
    if (T.Kind == Fact::Const && T.Value >= 0)
      ExactSize(T.Value);
    else if ((T.Kind == Fact::Var || T.Kind == Fact::Size) && T.Value >= 0)
      sizeIs(Slot, T, S);
  };
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(First)) {
    if (const auto *Elements =
            dyn_cast<InitListExpr>(stripValueWrappers(List->getSubExpr())))
      ExactSize(Elements->getNumInits());
    return;
  }
  if (const auto *Literal = dyn_cast<StringLiteral>(First)) {
    if (Construct->getNumArgs() == 1 ||
        isa<CXXDefaultArgExpr>(Construct->getArg(1)))
      ExactSize(int64_t(Literal->getLength()));
    return;
  }
  // vector(n), vector(n, value), string(n, c).
  if (Ctor->getNumParams() >= 1 &&
      Ctor->getParamDecl(0)->getType()->isIntegerType() &&
      First->getType()->isIntegralOrEnumerationType()) {
    if (std::optional<LinearTerm> Count = linearTerm(First, S))
      SizeAtLeast(*Count);
    return;
  }
  if (Ctor->isCopyOrMoveConstructor())
    if (std::optional<unsigned> Source = slotOf(First)) {
      llvm::SmallVector<Fact, 4> Copied;
      for (const Fact &F : S.Facts)
        if ((F.Kind == Fact::SizeAtLeast || F.Kind == Fact::SizeAtMost) &&
            F.A == *Source) {
          Copied.push_back(F);
          Copied.back().A = Slot;
        }
      for (const Fact &F : Copied)
        S.add(F);
    }
}

/// A pointer given a fresh heap block (`int *p = malloc(n * sizeof *p)`,
/// `new T[n]`, `realloc`) or an array's start holds that many elements: a
/// bounded container like `std::vector<T> v(n)`.
void ContainerBoundsAnalysis::Impl::assignBuffer(unsigned Slot,
                                                 QualType Pointer,
                                                 const Expr *Init, State &S) {
  QualType Element = Pointer->getPointeeType();
  const Expr *Value = Init->IgnoreParenImpCasts();
  // Not an array at all (a pointer, a call) is the common case.
  if (const auto *Array = dyn_cast_if_present<ConstantArrayType>(
          Value->getType()->getAsArrayTypeUnsafe())) {
    S.add({Fact::SizeAtLeast, Fact::Const, Slot, NoSlot,
           int64_t(Array->getSize().getZExtValue())});
    return;
  }
  std::optional<AllocationSize> Size = allocationSize(*Init, Element, Ctx);
  if (!Size)
    return;
  if (Size->Count) {
    if (*Size->Count > 0)
      S.add({Fact::SizeAtLeast, Fact::Const, Slot, NoSlot, *Size->Count});
    return;
  }
  if (std::optional<LinearTerm> Count = linearTerm(Size->CountExpr, S);
      Count && (Count->Kind == Fact::Var || Count->Kind == Fact::Size) &&
      Count->Value >= 0)
    S.add({Fact::SizeAtLeast, Count->Kind, Slot, Count->Slot, Count->Value});
}

/// x = y + d: what is known of y holds of x, shifted by d. When y was
/// below the old x and the old x within a size (`hi = mid` in a binary
/// search), the new x is within it too. Computed before the old facts of
/// x are forgotten.
void ContainerBoundsAnalysis::Impl::copiedIndexFacts(
    unsigned Slot, const Expr *Init, const State &S,
    llvm::SmallVectorImpl<Fact> &Out) {
  std::optional<LinearTerm> Source = linearTerm(Init, S);
  if (!Source || Source->Kind != Fact::Var || Source->Slot == Slot)
    return;
  unsigned From = Source->Slot;
  int64_t Shift = Source->Value;
  for (const Fact &F : S.Facts) {
    if (F.Kind == Fact::Below && F.A == From && F.B != Slot)
      Out.push_back({Fact::Below, F.Term, Slot, F.B,
                     F.Term == Fact::Const ? F.N + Shift : F.N - Shift});
    else if (F.Kind == Fact::AtLeast && F.A == From)
      Out.push_back({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, F.N + Shift});
    else if (F.Kind == Fact::SizeAtLeast && F.Term == Fact::Var &&
             F.B == From && F.N - Shift >= 0)
      Out.push_back({Fact::SizeAtLeast, Fact::Var, F.A, Slot, F.N - Shift});
    else if (F.Kind == Fact::Below && F.A == From && F.Term == Fact::Var &&
             F.B == Slot && F.N >= -1)
      // y + b < old x, size >= old x + k: size >= new x + b + 1 + k - d.
      for (const Fact &G : S.Facts)
        if (G.Kind == Fact::SizeAtLeast && G.Term == Fact::Var && G.B == Slot &&
            F.N + 1 + G.N - Shift >= 0)
          Out.push_back(
              {Fact::SizeAtLeast, Fact::Var, G.A, Slot, F.N + 1 + G.N - Shift});
  }
}

/// mid = lo + (hi - lo) / k or (lo + hi) / k with k >= 2, where lo < hi:
/// mid < hi.
void ContainerBoundsAnalysis::Impl::assignMidpoint(unsigned Slot,
                                                   const Expr *Value,
                                                   State &S) {
  auto IsDivisor = [&](const Expr *E) {
    std::optional<LinearTerm> K = linearTerm(E, S);
    return K && K->Kind == Fact::Const && K->Value >= 2;
  };
  auto AsBinary = [](const Expr *E, BinaryOperatorKind Kind) {
    const auto *Op = dyn_cast<BinaryOperator>(stripValueWrappers(E));
    return Op && Op->getOpcode() == Kind ? Op : nullptr;
  };
  const Expr *Low = nullptr, *High = nullptr;
  if (const BinaryOperator *Sum = AsBinary(Value, BO_Add)) {
    const BinaryOperator *Half = AsBinary(Sum->getRHS(), BO_Div);
    const BinaryOperator *Width =
        Half ? AsBinary(Half->getLHS(), BO_Sub) : nullptr;
    if (Width && IsDivisor(Half->getRHS())) {
      Low = Sum->getLHS();
      High = Width->getLHS();
    }
  } else if (const BinaryOperator *Half = AsBinary(Value, BO_Div)) {
    if (const BinaryOperator *Sum = AsBinary(Half->getLHS(), BO_Add);
        Sum && IsDivisor(Half->getRHS())) {
      Low = Sum->getLHS();
      High = Sum->getRHS();
    }
  }
  std::optional<LinearTerm> L = Low ? linearTerm(Low, S) : std::nullopt;
  std::optional<LinearTerm> H = High ? linearTerm(High, S) : std::nullopt;
  if (!L || !H || L->Kind != Fact::Var || H->Kind != Fact::Var ||
      L->Value != 0 || H->Value != 0)
    return;
  const Fact *Ordered = S.find(Fact::Below, Fact::Var, L->Slot, H->Slot);
  if (!Ordered || Ordered->N < 0)
    return;
  S.add({Fact::Below, Fact::Var, Slot, H->Slot, 0});
  if (lowerBound(L->Slot, S) >= 0 ||
      Value->getType()->isUnsignedIntegerOrEnumerationType())
    S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
}

void ContainerBoundsAnalysis::Impl::assignIndex(unsigned Slot,
                                                const Expr *Value, State &S) {
  assignMidpoint(Slot, Value, S);
  if (std::optional<LinearTerm> Term = linearTerm(Value, S)) {
    if (Term->Kind == Fact::Const) {
      S.add({Fact::Below, Fact::Const, Slot, NoSlot, Term->Value + 1});
      if (Term->Value >= 0)
        S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
      return;
    }
    // len = strlen(buf) + k, buf an array of N: len < N + k.
    if (Term->Kind == Fact::Var)
      if (std::optional<int64_t> Capacity = cStringCapacity(Term->Slot)) {
        S.add({Fact::Below, Fact::Const, Slot, NoSlot,
               *Capacity + Term->Value});
        if (Term->Value >= 0)
          S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, Term->Value});
        return;
      }
    // len = strlen(p) + k, p a heap block or a buffer of unknown size:
    // len - k is below p's size, whatever is later written into p.
    if (Term->Kind == Fact::Var)
      if (std::optional<unsigned> Buffer = measuredBufferSlot(Term->Slot)) {
        S.add({Fact::Below, Fact::Size, Slot, *Buffer, -Term->Value});
        if (Term->Value >= 0)
          S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, Term->Value});
        return;
      }
    if (Term->Kind == Fact::Size && Term->Value == 0) {
      // n = c.size(): c holds at least n elements.
      S.add({Fact::SizeAtLeast, Fact::Var, Term->Slot, Slot, 0});
      S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
      return;
    }
    if (Term->Kind == Fact::Size && Term->Value < 0 &&
        knownMinSize(Term->Slot, S) >= -Term->Value) {
      // last = c.size() - k on a container known to hold k: last + k - 1
      // is below the size.
      S.add({Fact::Below, Fact::Size, Slot, Term->Slot, -Term->Value - 1});
      S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
    }
    return;
  }
  // x % k and x % c.size() are below k and c.size().
  const auto *Rem = dyn_cast<BinaryOperator>(Value);
  if (!Rem || Rem->getOpcode() != BO_Rem)
    return;
  std::optional<LinearTerm> Divisor = linearTerm(Rem->getRHS(), S);
  if (!Divisor)
    return;
  if (Divisor->Kind == Fact::Const && Divisor->Value > 0)
    S.add({Fact::Below, Fact::Const, Slot, NoSlot, Divisor->Value});
  else if (Divisor->Kind == Fact::Size && Divisor->Value == 0)
    S.add({Fact::Below, Fact::Size, Slot, Divisor->Slot, 0});
  else
    return;
  if (Rem->getType()->isUnsignedIntegerOrEnumerationType())
    S.add({Fact::AtLeast, Fact::NoTerm, Slot, NoSlot, 0});
}

namespace {

/// Member functions of a container that may change its elements but never
/// remove any.
bool keepsSize(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "begin",         "end",     "rbegin",  "rend",   "data",  "front",
      "back",          "at",      "find",    "value",  "items", "reserve",
      "shrink_to_fit", "get_ref", "get_ptr", "append", "update"};
  return Names.contains(Name);
}

bool growsByOne(llvm::StringRef Name) {
  return Name == "push_back" || Name == "emplace_back" ||
         Name == "push_front" || Name == "emplace_front";
}

} // namespace

void ContainerBoundsAnalysis::Impl::containerCall(const CXXMemberCallExpr &Call,
                                                  State &S) {
  std::optional<ContainerCall> Container = matchContainerCall(Call, Model);
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method)
    return;
  if (!Container) {
    // A non-const member function may change any container its object
    // holds; one called on `this` implicitly, those of the class. A getter
    // of one of them (no arguments, returns a container) does not.
    if (Method->isConst() || Method->isStatic() || isContainerGetter(Call))
      return;
    if (std::optional<unsigned> Object =
            slotOf(Call.getImplicitObjectArgument()))
      kill(*Object, S);
    return;
  }
  std::optional<unsigned> Slot = slotOf(Container->Object);
  if (!Slot || !Method->getIdentifier())
    return;
  llvm::StringRef Name = Method->getName();
  if (Name == "at" && Call.getNumArgs() == 1) {
    // After c.at(i) returned, the element exists.
    ElementAccess Access;
    Access.Kind = Container->Kind;
    Access.Container = Container->Object;
    Access.Index = Call.getArg(0);
    Access.Access = &Call;
    Access.IsKey = Container->Kind == ContainerKind::Json &&
                   !Access.Index->IgnoreImplicit()
                        ->getType()
                        ->isIntegralOrEnumerationType();
    establishAccess(Access, S);
    return;
  }
  // Appending to a string adds characters (or none).
  if (Name == "append" && Container->Kind == ContainerKind::Sequence) {
    growByUnknown(*Slot, S);
    return;
  }
  if (Method->isConst() || keepsSize(Name))
    return;
  if (growsByOne(Name)) {
    grow(*Slot, S);
    return;
  }
  if (Name == "insert" && Container->Kind == ContainerKind::Sequence) {
    // One element, or a range that may be empty: not empty when it is the
    // whole of a container known to hold an element.
    bool OneElement = Call.getNumArgs() == 2;
    bool NonEmptyRange = false;
    if (Call.getNumArgs() == 3)
      if (std::optional<unsigned> Source =
              wholeRangeOf(Call.getArg(1), Call.getArg(2)))
        NonEmptyRange = *Source != *Slot && knownMinSize(*Source, S) >= 1;
    growByUnknown(*Slot, S);
    if (OneElement || NonEmptyRange)
      grow(*Slot, S);
    return;
  }
  if (Container->Kind == ContainerKind::Json &&
      (Name == "insert" || Name == "emplace"))
    return;
  if (Name == "clear" && Container->Kind == ContainerKind::Sequence) {
    makeEmpty(*Slot, Call, S);
    return;
  }
  kill(*Slot, S);
  bool SetsCount = Name == "resize" ||
                   (Name == "assign" && Call.getNumArgs() == 2 &&
                    Call.getArg(0)->getType()->isIntegralOrEnumerationType());
  if (SetsCount && Call.getNumArgs() >= 1)
    if (std::optional<LinearTerm> Count = linearTerm(Call.getArg(0), S)) {
      if (Count->Kind == Fact::Const && Count->Value >= 0) {
        if (Count->Value > 0)
          S.add({Fact::SizeAtLeast, Fact::Const, *Slot, NoSlot, Count->Value});
        atMost(*Slot, Count->Value, &Call, S);
      } else if (Count->Kind != Fact::Const && Count->Value >= 0) {
        sizeIs(*Slot, *Count, S);
      }
    }
}

namespace {

/// True if parameter \p Index of \p Callee is a forwarding reference
/// (`template <class... Args> void log(const char *, Args &&...args)`).
/// Formatting, logging, `emplace_back` and `make_*` take their arguments
/// so, to read them or pass them on: a loop index given to `fmt::print`
/// keeps its bounds.
bool isForwardingReferenceParameter(const FunctionDecl &Callee,
                                    unsigned Index) {
  const FunctionDecl *Pattern = Callee.getTemplateInstantiationPattern();
  if (!Pattern || Pattern->getNumParams() == 0)
    return false;
  // The arguments of a pack (last in practice) are instances of its one
  // parameter in the pattern.
  unsigned PatternIndex = std::min(Index, Pattern->getNumParams() - 1);
  const ParmVarDecl *Param = Pattern->getParamDecl(PatternIndex);
  if (PatternIndex != Index && !Param->isParameterPack())
    return false;
  QualType Type = Param->getType();
  if (const auto *Expansion = Type->getAs<PackExpansionType>())
    Type = Expansion->getPattern();
  const auto *Reference = Type->getAs<RValueReferenceType>();
  if (!Reference)
    return false;
  QualType Pointee = Reference->getPointeeType();
  return !Pointee.hasQualifiers() && Pointee->getAs<TemplateTypeParmType>();
}

} // namespace

bool ContainerBoundsAnalysis::Impl::mayWriteThrough(const FunctionDecl &Callee,
                                                    unsigned Index) {
  // std::move and std::forward exist to let the receiver change the value.
  if (Callee.isInStdNamespace() && Callee.getIdentifier() &&
      (Callee.getName() == "move" || Callee.getName() == "forward"))
    return true;
  if (isForwardingReferenceParameter(Callee, Index))
    return false;
  // A function of this translation unit: its body says.
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->hasBody() ||
      Index >= Definition->getNumParams() ||
      Ctx.getSourceManager().isInSystemHeader(Definition->getLocation()))
    return true;
  auto [It, Inserted] = ParameterWrites.try_emplace({Definition, Index}, true);
  if (Inserted)
    It->second = ExprMutationAnalyzer(*Definition->getBody(), Ctx)
                     .isMutated(Definition->getParamDecl(Index));
  return It->second;
}

/// Arguments passed by non-const reference or as `&x` may be changed by
/// the callee: what was known about them is forgotten, unless the callee
/// is known to only read them.
void ContainerBoundsAnalysis::Impl::escapingArguments(
    const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args, State &S) {
  if (!Callee)
    return;
  // A buffer given as a pointer to non-const (fgets, strcpy, sprintf, and
  // the variadic arguments of scanf) may hold another string afterwards.
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType Type = I < Callee->getNumParams()
                        ? Callee->getParamDecl(I)->getType()
                        : Args[I]->IgnoreParenImpCasts()->getType();
    if (Type->isPointerType() && !Type->getPointeeType().isConstQualified())
      forgetCStringLength(Args[I], S);
    else if (Type->isArrayType() && !Type.isConstQualified())
      forgetCStringLength(Args[I], S);
  }
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    QualType Param = Callee->getParamDecl(I)->getType();
    const Expr *Arg = Args[I];
    bool Writable = false;
    if (Param->isReferenceType())
      Writable = !Param.getNonReferenceType().isConstQualified();
    else if (Param->isPointerType() &&
             !Param->getPointeeType().isConstQualified())
      if (const auto *AddressOf =
              dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
          AddressOf && AddressOf->getOpcode() == UO_AddrOf) {
        Writable = true;
        Arg = AddressOf->getSubExpr();
      }
    if (!Writable)
      continue;
    std::optional<unsigned> Slot = slotOf(Arg);
    if (!Slot)
      continue;
    // Asking the callee's body (ExprMutationAnalyzer, which may build the
    // parent map of the whole TU) only matters when something is known
    // about the argument: `Transfer(Element, State)` in a template's
    // instantiation passes a local nothing is known about.
    State Forgotten = S;
    kill(*Slot, Forgotten);
    if (Forgotten != S && mayWriteThrough(*Callee, I))
      S = std::move(Forgotten);
  }
}

void ContainerBoundsAnalysis::Impl::establishAccess(const ElementAccess &Access,
                                                    State &S) {
  std::optional<unsigned> Container = slotOf(Access.Container);
  if (!Container || Access.Kind == ContainerKind::FixedArray)
    return;
  if (Access.Form != ElementAccess::Subscript) {
    S.add({Fact::SizeAtLeast, Fact::Const, *Container, NoSlot, 1});
    return;
  }
  if (Access.IsKey) {
    if (std::optional<unsigned> Element = slotOf(Access.Access))
      S.add({Fact::Exists, Fact::NoTerm, *Element, NoSlot, 0});
    return;
  }
  std::optional<LinearTerm> Index = linearTerm(Access.Index, S);
  if (!Index)
    return;
  // A std::string may have been read at its terminator: index <= size.
  int64_t Terminator =
      ContainerModel::displayName(Access.Container->getType()) == "std::string"
          ? 1
          : 0;
  if (Index->Kind == Fact::Const && Index->Value + 1 - Terminator > 0)
    S.add({Fact::SizeAtLeast, Fact::Const, *Container, NoSlot,
           Index->Value + 1 - Terminator});
  else if (Index->Kind == Fact::Var && Index->Value >= 0)
    S.add({Fact::Below, Fact::Size, Index->Slot, *Container,
           Index->Value - Terminator});
}

void ContainerBoundsAnalysis::Impl::transfer(const CFGElement &Element,
                                             State &S) {
  std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
  if (!Statement || !S.Reachable)
    return;
  const Stmt &St = *Statement->getStmt();
  transferStmt(St, S);
  // A helper that exits or throws on every path ends this one (the CFG
  // already ends paths at calls declared noreturn).
  if (isa<CallExpr>(St) && Terminating->isTerminatingStmt(St))
    S.Reachable = false;
  else if (std::optional<AssertedCondition> Asserted =
               fatalAssertionAt(St, Ctx))
    S = refineAsserted(*Asserted, std::move(S));
}

void ContainerBoundsAnalysis::Impl::transferStmt(const Stmt &Statement,
                                                 State &S) {
  if (const auto *Decls = dyn_cast<DeclStmt>(&Statement)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && !Aliases.count(Var))
        assign(*rootSlot(*Var), Var->getType(), Var->getInit(), *Decls, S);
    return;
  }
  if (const auto *Op = dyn_cast<BinaryOperator>(&Statement)) {
    if (!Op->isAssignmentOp())
      return;
    forgetWrittenCString(Op->getLHS(), S);
    std::optional<unsigned> Slot = slotOf(Op->getLHS());
    if (!Slot)
      return;
    if (Op->getOpcode() == BO_Assign) {
      assign(*Slot, Op->getLHS()->getType(), Op->getRHS(), *Op, S);
      return;
    }
    // A pointer moved within its block no longer starts it.
    if (Op->getLHS()->getType()->isPointerType()) {
      kill(*Slot, S);
      return;
    }
    std::optional<LinearTerm> Step = linearTerm(Op->getRHS(), S);
    bool NonNegativeStep =
        Step && Step->Kind == Fact::Const && Step->Value >= 0;
    int Direction = !NonNegativeStep                  ? 0
                    : Op->getOpcode() == BO_AddAssign ? 1
                    : Op->getOpcode() == BO_SubAssign ? -1
                                                      : 0;
    killIndexVariable(*Slot, Direction, S);
    return;
  }
  if (const auto *Op = dyn_cast<UnaryOperator>(&Statement)) {
    if (Op->isIncrementDecrementOp()) {
      forgetWrittenCString(Op->getSubExpr(), S);
      if (std::optional<unsigned> Slot = slotOf(Op->getSubExpr())) {
        if (Op->getSubExpr()->getType()->isPointerType())
          kill(*Slot, S);
        else
          killIndexVariable(*Slot, Op->isIncrementOp() ? 1 : -1, S);
      }
    }
    if (Op->getOpcode() == UO_Deref)
      if (std::optional<ElementAccess> Access = matchElementAccess(*Op, Model))
        establishAccess(*Access, S);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Statement)) {
    escapingArguments(Construct->getConstructor(),
                      {Construct->getArgs(), Construct->getNumArgs()}, S);
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(&Statement);
  if (!Call)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (Method && !Args.empty()) {
      // Member operators: argument 0 is the object.
      std::optional<unsigned> Object = slotOf(Args[0]);
      escapingArguments(Method, Args.drop_front(), S);
      if (Object && Op->isAssignmentOp()) {
        kill(*Object, S);
        if (Op->getOperator() == OO_Equal) {
          assign(*Object, Args[0]->getType(), Args[1], *Op, S);
          // `j["k"] = v` creates the element.
          if (Slots[*Object].Parent != NoSlot &&
              Model.kindOf(Args[0]->getType()) == ContainerKind::Json)
            S.add({Fact::Exists, Fact::NoTerm, *Object, NoSlot, 0});
        }
      } else if (Object && !Method->isConst() &&
                 Op->getOperator() != OO_Subscript &&
                 Op->getOperator() != OO_PlusEqual &&
                 Op->getOperator() != OO_Star &&
                 Op->getOperator() != OO_Arrow && !Op->isComparisonOp()) {
        kill(*Object, S);
      }
    } else {
      escapingArguments(Callee, Args, S);
    }
    if (std::optional<ElementAccess> Access = matchElementAccess(*Op, Model))
      establishAccess(*Access, S);
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    escapingArguments(Callee, Args, S);
    containerCall(*Member, S);
    if (std::optional<ElementAccess> Access =
            matchElementAccess(*Member, Model))
      establishAccess(*Access, S);
    return;
  }
  escapingArguments(Callee, Args, S);
  if (Callee && !GuardFunctions.empty() && Call->getNumArgs() >= 1 &&
      GuardFunctions.contains(Callee->getQualifiedNameAsString()))
    S = refine(Call->getArg(0), true, std::move(S));
}

} // namespace clang::tidy::prodready
