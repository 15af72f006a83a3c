//===--- BoundsCStrings.cpp - prodready -----------------------------------===//
//
// C strings in the bounds analysis: `strlen(buf)` is an index term of its
// own (the length of the string in buf), below the size of buf when buf is
// an array, so `buf[strlen(buf) - 1]` is in range where `strlen(buf) > 0`
// (or `len > 0`, `len != 0`, `!len` rejected, with `len = strlen(buf)`)
// holds. A write into buf forgets what was known of its length.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "BoundsAnalysisImpl.h"
#include "MemoryRegion.h"

namespace clang::tidy::prodready {

using namespace bounds;

namespace {

/// The buffer whose string `strlen(buf)` measures.
const Expr *measuredBuffer(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(E));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() != 1 ||
      isa<CXXMethodDecl>(Callee))
    return nullptr;
  StringRef Name = Callee->getName();
  if (Name != "strlen" && Name != "wcslen")
    return nullptr;
  return Call->getArg(0);
}

/// The array \p E designates (through the decay to a pointer), or null.
const ConstantArrayType *arrayType(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  return Ctx.getAsConstantArrayType(E->getType());
}

/// The buffer that \p E, a pointer into it, points into: `buf`, `buf + n`,
/// `&buf[n]`.
const Expr *bufferOf(const Expr *E) {
  const Expr *Base = regionPointer(*E).Base->IgnoreParenImpCasts();
  return isa<DeclRefExpr, MemberExpr>(Base) ? Base : nullptr;
}

} // namespace

/// `strlen(buf)`: a variable-like term whose slot lies below buf's, so
/// forgetting buf forgets it.
std::optional<LinearTerm>
ContainerBoundsAnalysis::Impl::cStringLength(const Expr *E) {
  const Expr *Buffer = measuredBuffer(E);
  if (!Buffer)
    return std::nullopt;
  std::optional<unsigned> Base = slotOf(bufferOf(Buffer));
  if (!Base)
    return std::nullopt;
  unsigned Slot = intern(std::to_string(*Base) + ".strlen", *Base);
  if (const ConstantArrayType *Array = arrayType(Buffer, Ctx))
    CStringCapacities.try_emplace(Slot, Array->getSize().getZExtValue());
  return LinearTerm{Fact::Var, Slot, 0, nullptr};
}

std::optional<unsigned>
ContainerBoundsAnalysis::Impl::measuredBufferSlot(unsigned LengthSlot) const {
  if (LengthSlot >= Slots.size() || Slots[LengthSlot].Parent == NoSlot)
    return std::nullopt;
  unsigned Buffer = Slots[LengthSlot].Parent;
  auto It = SlotIds.find(std::to_string(Buffer) + ".strlen");
  if (It == SlotIds.end() || It->second != LengthSlot)
    return std::nullopt;
  return Buffer;
}

std::optional<int64_t>
ContainerBoundsAnalysis::Impl::cStringCapacity(unsigned LengthSlot) const {
  auto It = CStringCapacities.find(LengthSlot);
  if (It == CStringCapacities.end())
    return std::nullopt;
  return It->second;
}

void ContainerBoundsAnalysis::Impl::forgetCStringLength(const Expr *Buffer,
                                                        State &S) {
  std::optional<unsigned> Base = slotOf(bufferOf(Buffer));
  if (!Base)
    return;
  auto It = SlotIds.find(std::to_string(*Base) + ".strlen");
  if (It != SlotIds.end())
    kill(It->second, S);
}

/// \p Written was assigned: if it is a character of a buffer (`buf[i]`,
/// `*p`, `*(buf + i)`), the string in the buffer may have another length.
void ContainerBoundsAnalysis::Impl::forgetWrittenCString(const Expr *Written,
                                                         State &S) {
  Written = Written->IgnoreParenImpCasts();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(Written))
    forgetCStringLength(Element->getBase(), S);
  else if (const auto *Deref = dyn_cast<UnaryOperator>(Written);
           Deref && Deref->getOpcode() == UO_Deref)
    forgetCStringLength(Deref->getSubExpr(), S);
}

/// An integer tested for truth: `if (len)`, `if (!strlen(s)) return;`. A
/// value known not to be negative is then at least 1, or exactly 0.
void ContainerBoundsAnalysis::Impl::refineNonZero(const Expr *Cond, bool Truth,
                                                  State &S) {
  QualType Type = Cond->getType();
  if (!Type->isIntegralOrEnumerationType() || Type->isBooleanType())
    return;
  std::optional<LinearTerm> Term = linearTerm(Cond, S);
  if (!Term || Term->Kind != Fact::Var || Term->Value != 0)
    return;
  int64_t Least = lowerBound(Term->Slot, S);
  if (Least < 0 && !Type->isUnsignedIntegerOrEnumerationType())
    return;
  if (Truth) {
    if (Least <= 0)
      S.add({Fact::AtLeast, Fact::NoTerm, Term->Slot, NoSlot, 1});
    return;
  }
  S.add({Fact::AtLeast, Fact::NoTerm, Term->Slot, NoSlot, 0});
  S.add({Fact::Below, Fact::Const, Term->Slot, NoSlot, 1});
}

} // namespace clang::tidy::prodready
