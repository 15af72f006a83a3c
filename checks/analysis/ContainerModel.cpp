//===--- ContainerModel.cpp - prodready -----------------------------------===//

#include "ContainerModel.h"
#include "ASTHelpers.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

const char DefaultContainerTypes[] =
    "std::vector;std::deque;std::basic_string;std::basic_string_view;"
    "std::span;std::array;nlohmann::basic_json";

ContainerModel::ContainerModel(const std::vector<std::string> &TypeNames) {
  for (llvm::StringRef Name : TypeNames) {
    Name.consume_front("::");
    ContainerKind Kind = Name == "std::array"           ? ContainerKind::FixedArray
                         : Name == "nlohmann::basic_json" ? ContainerKind::Json
                                                          : ContainerKind::Sequence;
    Kinds[Name] = Kind;
  }
}

ContainerKind ContainerModel::kindOf(const CXXRecordDecl *Record) const {
  if (!Record || !Record->getIdentifier())
    return ContainerKind::None;
  auto [It, Inserted] = Cache.try_emplace(Record, ContainerKind::None);
  if (!Inserted)
    return It->second;
  auto Found = Kinds.find(qualifiedNameWithoutInlineNamespaces(*Record));
  if (Found != Kinds.end())
    It->second = Found->second;
  return It->second;
}

ContainerKind ContainerModel::kindOf(QualType Type) const {
  Type = Type.getNonReferenceType();
  if (Type.isNull())
    return ContainerKind::None;
  if (Type->isConstantArrayType())
    return ContainerKind::FixedArray;
  return kindOf(Type->getAsCXXRecordDecl());
}

std::string ContainerModel::displayName(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isArrayType())
    return "array";
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return Type.getAsString();
  std::string Name = qualifiedNameWithoutInlineNamespaces(*Record);
  // The names users write, not the templates behind them.
  return llvm::StringSwitch<std::string>(Name)
      .Case("std::basic_string", "std::string")
      .Case("std::basic_string_view", "std::string_view")
      .Case("nlohmann::basic_json", "nlohmann::json")
      .Default(Name);
}

namespace {

/// The object a member call is made on, through `.` or `->`.
const Expr *objectOf(const CXXMemberCallExpr &Call) {
  const auto *Member = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  return Member ? Member->getBase() : nullptr;
}

QualType objectType(const Expr &Object) {
  QualType Type = Object.getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return Type;
}

bool isConstObject(const Expr &Object) {
  return objectType(Object).getNonReferenceType().isConstQualified();
}

/// An index operand after the conversions the call applied to it.
const Expr *indexOperand(const Expr *Index) {
  return Index->IgnoreImplicit();
}

std::optional<ElementAccess> matchOperatorSubscript(
    const CXXOperatorCallExpr &Op, const ContainerModel &Model) {
  if (Op.getOperator() != OO_Subscript || Op.getNumArgs() != 2)
    return std::nullopt;
  const Expr *Object = Op.getArg(0);
  ContainerKind Kind = Model.kindOf(Object->getType());
  if (Kind == ContainerKind::None)
    return std::nullopt;
  ElementAccess Access;
  Access.Form = ElementAccess::Subscript;
  Access.Kind = Kind;
  Access.Access = &Op;
  Access.Container = Object;
  Access.Index = indexOperand(Op.getArg(1));
  Access.IsConst = isConstObject(*Object);
  if (Kind == ContainerKind::Json) {
    // Which overload was picked says whether the operand is a key.
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op.getDirectCallee());
    QualType Param = Method && Method->getNumParams() == 1
                         ? Method->getParamDecl(0)->getType()
                         : Access.Index->getType();
    Access.IsKey = !Param.getNonReferenceType()->isIntegralOrEnumerationType();
  }
  if (Kind == ContainerKind::FixedArray)
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            objectType(*Object).getNonReferenceType()->getAsCXXRecordDecl());
        Spec && Spec->getTemplateArgs().size() == 2 &&
        Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
      Access.StaticSize =
          Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue();
  return Access;
}

std::optional<ElementAccess> matchRawArraySubscript(
    const ArraySubscriptExpr &Subscript) {
  const Expr *Base = Subscript.getBase()->IgnoreParenImpCasts();
  const auto *Array =
      dyn_cast_if_present<ConstantArrayType>(Base->getType()->getAsArrayTypeUnsafe());
  if (!Array) {
    // A buffer through a pointer (a heap block, a parameter): a C buffer
    // whose bounds come from its allocation or from checks.
    if (!Base->getType()->isPointerType() ||
        Base->getType()->getPointeeType()->isFunctionType() ||
        Subscript.getBase()->getType()->isArrayType())
      return std::nullopt;
    ElementAccess Access;
    Access.Form = ElementAccess::Subscript;
    Access.Kind = ContainerKind::FixedArray;
    Access.Access = &Subscript;
    Access.Container = Base;
    Access.Index = Subscript.getIdx()->IgnoreParenImpCasts();
    Access.IsBuffer = true;
    return Access;
  }
  ElementAccess Access;
  Access.Form = ElementAccess::Subscript;
  Access.Kind = ContainerKind::FixedArray;
  Access.Access = &Subscript;
  Access.Container = Base;
  Access.Index = Subscript.getIdx()->IgnoreParenImpCasts();
  Access.StaticSize = Array->getSize().getZExtValue();
  return Access;
}

} // namespace

std::optional<ContainerCall> matchContainerCall(const Expr &E,
                                                const ContainerModel &Model) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&E);
  if (!Call)
    return std::nullopt;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const Expr *Object = objectOf(*Call);
  if (!Method || !Object)
    return std::nullopt;
  ContainerKind Kind = Model.kindOf(objectType(*Object));
  if (Kind == ContainerKind::None)
    return std::nullopt;
  return ContainerCall{Method, Object, Kind};
}

std::optional<ElementAccess> matchElementAccess(const Stmt &S,
                                                const ContainerModel &Model) {
  // `*c.begin()` is a built-in dereference for pointer iterators
  // (std::string_view), an operator call for class iterators.
  const Expr *Dereferenced = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
    if (Op->getOperator() != OO_Star || Op->getNumArgs() != 1)
      return matchOperatorSubscript(*Op, Model);
    Dereferenced = Op->getArg(0);
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(&S))
    return matchRawArraySubscript(*Subscript);
  const Expr *Called = &cast<Expr>(S);
  ElementAccess::FormKind Form;
  if (const auto *Deref = dyn_cast<UnaryOperator>(&S)) {
    if (Deref->getOpcode() != UO_Deref)
      return std::nullopt;
    Dereferenced = Deref->getSubExpr();
  }
  if (Dereferenced) {
    Called = stripValueWrappers(Dereferenced);
    Form = ElementAccess::DerefBegin;
  } else if (isa<CXXMemberCallExpr>(&S)) {
    Form = ElementAccess::Front; // Refined below.
  } else {
    return std::nullopt;
  }
  std::optional<ContainerCall> Call = matchContainerCall(*Called, Model);
  if (!Call || !Call->Method->getIdentifier() ||
      Call->Kind == ContainerKind::FixedArray)
    return std::nullopt;
  llvm::StringRef Name = Call->Method->getName();
  if (Form == ElementAccess::DerefBegin) {
    if (Name != "begin" && Name != "cbegin")
      return std::nullopt;
  } else if (Name == "front") {
    Form = ElementAccess::Front;
  } else if (Name == "back") {
    Form = ElementAccess::Back;
  } else {
    return std::nullopt;
  }
  if (Call->Method->getNumParams() != 0)
    return std::nullopt;
  ElementAccess Access;
  Access.Form = Form;
  Access.Kind = Call->Kind;
  Access.Access = cast<Expr>(&S);
  Access.Container = Call->Object;
  Access.IsConst = isConstObject(*Call->Object);
  return Access;
}

const Expr *sizeQueryOf(const Expr &E, const ContainerModel &Model) {
  const Expr *Stripped = stripValueWrappers(&E);
  if (std::optional<ContainerCall> Call =
          matchContainerCall(*Stripped, Model)) {
    if (Call->Method->getIdentifier() && Call->Method->getNumParams() == 0 &&
        (Call->Method->getName() == "size" ||
         Call->Method->getName() == "length"))
      return Call->Object;
    return nullptr;
  }
  const auto *Call = dyn_cast<CallExpr>(Stripped);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
      Call->getNumArgs() != 1 ||
      (Callee->getName() != "size" && Callee->getName() != "ssize"))
    return nullptr;
  const Expr *Object = Call->getArg(0);
  return Model.kindOf(Object->getType()) != ContainerKind::None ? Object
                                                                : nullptr;
}

} // namespace clang::tidy::prodready
