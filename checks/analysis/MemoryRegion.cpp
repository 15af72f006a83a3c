//===--- MemoryRegion.cpp - prodready -------------------------------------===//

#include "MemoryRegion.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

bool isZeroLiteral(const Expr *E) {
  const auto *Literal = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
  return Literal && Literal->getValue() == 0;
}

/// The C allocation function \p Call calls, by name: "malloc", "calloc",
/// "realloc", or empty.
llvm::StringRef allocatorName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getDeclContext()->getRedeclContext()->isFileContext())
    return {};
  return llvm::StringSwitch<llvm::StringRef>(Callee->getName())
      .Cases("malloc", "calloc", "realloc", Callee->getName())
      .Default({});
}

std::optional<int64_t> evaluate(const Expr &E, const ASTContext &Ctx) {
  if (E.isValueDependent() || E.isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!E.EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt().getExtValue();
}

/// True if \p E is `sizeof(T)` or `sizeof expr` of \p Size bytes.
bool isSizeofOf(const Expr &E, int64_t Size, const ASTContext &Ctx) {
  const auto *Sizeof =
      dyn_cast<UnaryExprOrTypeTraitExpr>(E.IgnoreParenImpCasts());
  if (!Sizeof || Sizeof->getKind() != UETT_SizeOf)
    return false;
  std::optional<int64_t> Value = evaluate(*Sizeof, Ctx);
  return Value && *Value == Size;
}

/// A byte count as a count of elements of \p ElementSize bytes.
std::optional<AllocationSize> elementsOf(const Expr &Bytes,
                                         int64_t ElementSize,
                                         const ASTContext &Ctx) {
  AllocationSize Size;
  if (std::optional<int64_t> Value = evaluate(Bytes, Ctx)) {
    if (*Value < 0 || *Value % ElementSize)
      return std::nullopt;
    Size.Count = *Value / ElementSize;
    return Size;
  }
  const Expr *E = Bytes.IgnoreParenImpCasts();
  if (ElementSize == 1) {
    Size.CountExpr = E;
    return Size;
  }
  // n * sizeof(T), sizeof(T) * n.
  if (const auto *Mul = dyn_cast<BinaryOperator>(E);
      Mul && Mul->getOpcode() == BO_Mul) {
    if (isSizeofOf(*Mul->getRHS(), ElementSize, Ctx))
      Size.CountExpr = Mul->getLHS()->IgnoreParenImpCasts();
    else if (isSizeofOf(*Mul->getLHS(), ElementSize, Ctx))
      Size.CountExpr = Mul->getRHS()->IgnoreParenImpCasts();
    if (Size.CountExpr)
      return Size;
  }
  return std::nullopt;
}

} // namespace

RegionPointer regionPointer(const Expr &Pointer) {
  RegionPointer Result;
  const Expr *E = Pointer.IgnoreParenCasts();
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    if (const auto *Op = dyn_cast<BinaryOperator>(E);
        Op && (Op->getOpcode() == BO_Add || Op->getOpcode() == BO_Sub)) {
      const Expr *Base = nullptr;
      const Expr *Offset = nullptr;
      if (Op->getLHS()->getType()->isPointerType()) {
        Base = Op->getLHS();
        Offset = Op->getRHS();
      } else if (Op->getOpcode() == BO_Add &&
                 Op->getRHS()->getType()->isPointerType()) {
        Base = Op->getRHS();
        Offset = Op->getLHS();
      }
      if (!Base)
        break;
      Result.AtOffset |= !isZeroLiteral(Offset);
      E = Base->IgnoreParenCasts();
      continue;
    }
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
        AddressOf && AddressOf->getOpcode() == UO_AddrOf)
      if (const auto *Element = dyn_cast<ArraySubscriptExpr>(
              AddressOf->getSubExpr()->IgnoreParenImpCasts())) {
        Result.AtOffset |= !isZeroLiteral(Element->getIdx());
        E = Element->getBase()->IgnoreParenCasts();
        continue;
      }
    break;
  }
  Result.Base = E;
  return Result;
}

bool isAllocation(const Expr &E) {
  const Expr *Stripped = E.IgnoreParenCasts();
  if (const auto *New = dyn_cast<CXXNewExpr>(Stripped))
    return New->isArray();
  const auto *Call = dyn_cast<CallExpr>(Stripped);
  return Call && !allocatorName(*Call).empty();
}

std::optional<AllocationSize> allocationSize(const Expr &E, QualType Element,
                                             const ASTContext &Ctx) {
  if (Element.isNull() || Element->isIncompleteType() ||
      Element->isDependentType())
    return std::nullopt;
  const Expr *Stripped = E.IgnoreParenCasts();
  if (const auto *New = dyn_cast<CXXNewExpr>(Stripped)) {
    std::optional<const Expr *> Count = New->getArraySize();
    if (!New->isArray() || !Count || !*Count ||
        !Ctx.hasSameUnqualifiedType(New->getAllocatedType(), Element))
      return std::nullopt;
    AllocationSize Size;
    if (std::optional<int64_t> Value = evaluate(**Count, Ctx))
      Size.Count = *Value;
    else
      Size.CountExpr = (*Count)->IgnoreParenImpCasts();
    return Size;
  }
  const auto *Call = dyn_cast<CallExpr>(Stripped);
  if (!Call)
    return std::nullopt;
  llvm::StringRef Name = allocatorName(*Call);
  // void * has no element size: a block not yet typed.
  int64_t ElementSize =
      Element->isVoidType() ? 1 : Ctx.getTypeSizeInChars(Element).getQuantity();
  if (ElementSize <= 0)
    return std::nullopt;
  if (Name == "malloc" && Call->getNumArgs() == 1)
    return elementsOf(*Call->getArg(0), ElementSize, Ctx);
  if (Name == "realloc" && Call->getNumArgs() == 2)
    return elementsOf(*Call->getArg(1), ElementSize, Ctx);
  if (Name == "calloc" && Call->getNumArgs() == 2) {
    // calloc(n, sizeof(T)): n elements; calloc(1, bytes): bytes.
    if (isSizeofOf(*Call->getArg(1), ElementSize, Ctx)) {
      AllocationSize Size;
      if (std::optional<int64_t> Value = evaluate(*Call->getArg(0), Ctx))
        Size.Count = *Value;
      else
        Size.CountExpr = Call->getArg(0)->IgnoreParenImpCasts();
      return Size;
    }
    if (std::optional<int64_t> One = evaluate(*Call->getArg(0), Ctx);
        One && *One == 1)
      return elementsOf(*Call->getArg(1), ElementSize, Ctx);
  }
  return std::nullopt;
}

} // namespace clang::tidy::prodready
