//===--- NullSinks.cpp - prodready ----------------------------------------===//

#include "NullSinks.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

bool isCharacterPointer(QualType Type) {
  Type = Type.getNonReferenceType();
  return Type->isPointerType() && Type->getPointeeType()->isAnyCharacterType();
}

namespace {

enum class CFunctionKind { NotASink, Text, Other };

/// C library functions whose string parameters must not be null. "Text"
/// ones only read or copy text, so "" is a faithful stand-in for unset.
CFunctionKind classifyCFunction(StringRef Name) {
  return llvm::StringSwitch<CFunctionKind>(Name)
      .Cases("strlen", "strnlen", "strcmp", "strncmp", "strcasecmp",
             CFunctionKind::Text)
      .Cases("strncasecmp", "strcoll", "strcpy", "strncpy", "strcat",
             CFunctionKind::Text)
      .Cases("strncat", "strdup", "strndup", "strchr", "strrchr",
             CFunctionKind::Text)
      .Cases("strstr", "strspn", "strcspn", "strpbrk", "puts",
             CFunctionKind::Text)
      .Cases("fputs", "wcslen", "wcscmp", "wcscpy", "wcsdup",
             CFunctionKind::Text)
      .Cases("atoi", "atol", "atoll", "atof", "strtol", CFunctionKind::Other)
      .Cases("strtoll", "strtoul", "strtoull", "strtod", "strtof",
             CFunctionKind::Other)
      .Cases("strtold", "sscanf", "fopen", "freopen", "open",
             CFunctionKind::Other)
      .Cases("openat", "creat", "stat", "lstat", "access",
             CFunctionKind::Other)
      .Cases("opendir", "mkdir", "rmdir", "unlink", "remove",
             CFunctionKind::Other)
      .Cases("rename", "chdir", "realpath", "setenv", "system",
             CFunctionKind::Other)
      .Default(CFunctionKind::NotASink);
}

bool isCLibraryFunction(const FunctionDecl &Function) {
  const DeclContext *Context = Function.getDeclContext()->getRedeclContext();
  return Context->isTranslationUnit() || Function.isInStdNamespace() ||
         Function.isExternC();
}

/// The name of a record of std (or std::filesystem), or "".
StringRef stdTemplateName(const CXXRecordDecl *Record) {
  if (!Record || !Record->getIdentifier() || !isInStdOrNested(*Record))
    return {};
  return Record->getName();
}

const CXXRecordDecl *recordOf(QualType Type) {
  return Type.getNonReferenceType()->getAsCXXRecordDecl();
}

/// "std::string", "std::wstring_view", "std::filesystem::path", or "".
std::string describeStringClass(const CXXRecordDecl *Record) {
  StringRef Name = stdTemplateName(Record);
  if (Name == "path")
    return "std::filesystem::path";
  if (Name != "basic_string" && Name != "basic_string_view")
    return "";
  std::string Suffix = Name == "basic_string" ? "string" : "string_view";
  std::string Prefix;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record)) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type) {
      QualType Char = Args[0].getAsType();
      if (Char->isWideCharType())
        Prefix = "w";
      else if (Char->isChar16Type())
        Prefix = "u16";
      else if (Char->isChar32Type())
        Prefix = "u32";
      else if (Char->isChar8Type())
        Prefix = "u8";
    }
  }
  return "std::" + Prefix + Suffix;
}

bool isOutputStream(const CXXRecordDecl *Record) {
  if (!Record || !Record->hasDefinition())
    return false;
  if (stdTemplateName(Record) == "basic_ostream")
    return true;
  return !Record->forallBases([](const CXXRecordDecl *Base) {
    return stdTemplateName(Base) != "basic_ostream";
  });
}

} // namespace

NullSinkModel::NullSinkModel(llvm::ArrayRef<std::string> Extra) {
  for (StringRef Name : Extra) {
    Name = Name.trim();
    Name.consume_front("::");
    if (!Name.empty())
      ExtraFunctions.insert(Name);
  }
}

void NullSinkModel::collect(const Expr &E,
                            llvm::SmallVectorImpl<NullSink> &Out) const {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&E))
    return collectOperator(*Op, Out);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&E))
    return collectMember(*Member, Out);
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    return collectCall(*Call, Out);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return collectConstruct(*Construct, Out);
  if (const auto *Op = dyn_cast<UnaryOperator>(&E)) {
    if (Op->getOpcode() == UO_Deref &&
        isCharacterPointer(Op->getSubExpr()->getType()))
      Out.push_back({&E, Op->getSubExpr(), "dereferencing it", true});
    return;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(&E)) {
    if (isCharacterPointer(Subscript->getBase()->getType()))
      Out.push_back({&E, Subscript->getBase(), "indexing it", true});
  }
}

void NullSinkModel::collectCall(const CallExpr &Call,
                                llvm::SmallVectorImpl<NullSink> &Out) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  CFunctionKind Kind = CFunctionKind::NotASink;
  if (isCLibraryFunction(*Callee))
    Kind = classifyCFunction(Callee->getName());
  if (Kind == CFunctionKind::NotASink && !ExtraFunctions.empty() &&
      ExtraFunctions.contains(Callee->getQualifiedNameAsString()))
    Kind = CFunctionKind::Other;
  if (Kind == CFunctionKind::NotASink)
    return;
  for (unsigned I = 0, E = std::min(Call.getNumArgs(), Callee->getNumParams());
       I < E; ++I)
    if (isCharacterPointer(Callee->getParamDecl(I)->getType()))
      Out.push_back({&Call, Call.getArg(I),
                     ("passing it to '" + Callee->getName() + "'").str(),
                     Kind == CFunctionKind::Text});
}

void NullSinkModel::collectOperator(
    const CXXOperatorCallExpr &Op, llvm::SmallVectorImpl<NullSink> &Out) const {
  if (Op.getNumArgs() != 2)
    return;
  const Expr *Left = Op.getArg(0);
  const Expr *Right = Op.getArg(1);
  OverloadedOperatorKind Kind = Op.getOperator();
  if (Kind == OO_LessLess) {
    if (isOutputStream(recordOf(Left->getType())) &&
        isCharacterPointer(Right->getType()))
      Out.push_back({&Op, Right, "writing it to a stream", true});
    return;
  }
  std::string LeftClass = describeStringClass(recordOf(Left->getType()));
  std::string RightClass = describeStringClass(recordOf(Right->getType()));
  switch (Kind) {
  case OO_Equal:
    if (!LeftClass.empty() && isCharacterPointer(Right->getType()))
      Out.push_back({&Op, Right, "assigning it to '" + LeftClass + "'",
                     LeftClass != "std::filesystem::path"});
    return;
  case OO_PlusEqual:
    if (!LeftClass.empty() && isCharacterPointer(Right->getType()))
      Out.push_back({&Op, Right, "appending it to '" + LeftClass + "'",
                     LeftClass != "std::filesystem::path"});
    return;
  case OO_Plus:
  case OO_EqualEqual:
  case OO_ExclaimEqual:
  case OO_Less:
  case OO_Greater:
  case OO_LessEqual:
  case OO_GreaterEqual: {
    const char *Verb = Kind == OO_Plus ? "concatenating it with '"
                                       : "comparing it with '";
    if (!LeftClass.empty() && isCharacterPointer(Right->getType()))
      Out.push_back({&Op, Right, Verb + LeftClass + "'", true});
    else if (!RightClass.empty() && isCharacterPointer(Left->getType()))
      Out.push_back({&Op, Left, Verb + RightClass + "'", true});
    return;
  }
  default:
    return;
  }
}

void NullSinkModel::collectMember(const CXXMemberCallExpr &Call,
                                  llvm::SmallVectorImpl<NullSink> &Out) const {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return;
  std::string Class = describeStringClass(Method->getParent());
  if (Class.empty() || Class == "std::filesystem::path")
    return;
  // Overloads that read a terminated C string: (pointer index, arity).
  struct Shape {
    int PointerIndex;
    unsigned Arity;
  };
  Shape S = llvm::StringSwitch<Shape>(Method->getName())
                .Cases("append", "assign", "compare", "starts_with",
                       "ends_with", Shape{0, 1})
                .Case("contains", Shape{0, 1})
                .Cases("find", "rfind", "find_first_of", "find_last_of",
                       "find_first_not_of", Shape{0, 2})
                .Case("find_last_not_of", Shape{0, 2})
                .Case("insert", Shape{1, 2})
                .Default(Shape{-1, 0});
  if (S.PointerIndex < 0 || Method->getNumParams() != S.Arity ||
      Call.getNumArgs() <= unsigned(S.PointerIndex))
    return;
  const Expr *Arg = Call.getArg(S.PointerIndex);
  if (!isCharacterPointer(Method->getParamDecl(S.PointerIndex)->getType()))
    return;
  Out.push_back({&Call, Arg,
                 ("passing it to '" + Class + "::" + Method->getName() + "'")
                     .str(),
                 true});
}

void NullSinkModel::collectConstruct(
    const CXXConstructExpr &Construct,
    llvm::SmallVectorImpl<NullSink> &Out) const {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (!Ctor || Construct.getNumArgs() == 0)
    return;
  std::string Class = describeStringClass(Ctor->getParent());
  if (Class.empty())
    return;
  const Expr *First = Construct.getArg(0);
  if (!isCharacterPointer(First->getType()))
    return;
  // `std::string(p, n)` reads n characters, not a terminated string.
  for (unsigned I = 1, E = Construct.getNumArgs(); I < E; ++I)
    if (!isa<CXXDefaultArgExpr>(Construct.getArg(I)))
      return;
  Out.push_back({&Construct, First, "constructing '" + Class + "' from it",
                 Class != "std::filesystem::path"});
}

} // namespace clang::tidy::prodready
