//===--- TaintModel.cpp - prodready ---------------------------------------===//

#include "TaintModel.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

bool isCLibrary(const FunctionDecl &F) {
  const DeclContext *Context = F.getDeclContext()->getRedeclContext();
  return Context->isTranslationUnit() || F.isInStdNamespace() ||
         F.isExternC();
}

/// The qualified name of \p Record's class, or "".
std::string recordName(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    if (const auto *Pointer = Type->getAs<PointerType>())
      Record = Pointer->getPointeeType()->getAsCXXRecordDecl();
  return Record ? Record->getQualifiedNameAsString() : "";
}

bool isWebRequest(QualType Type) {
  std::string Name = recordName(Type);
  return Name == "httplib::Request" || Name == "crow::request" ||
         Name == "boost::beast::http::message";
}

StringRef nameOf(const FunctionDecl &F) {
  return F.getIdentifier() ? F.getName() : StringRef();
}

void insertNames(llvm::StringSet<> &Set, const std::vector<std::string> &Names) {
  for (StringRef Name : Names) {
    Name = Name.trim();
    Name.consume_front("::");
    if (!Name.empty())
      Set.insert(Name);
  }
}

} // namespace

TaintModel::TaintModel(const TaintOptions &Options) {
  insertNames(UserSources, Options.Sources);
  insertNames(UserSanitizers, Options.Sanitizers);
}

bool TaintModel::isMainArgument(const ValueDecl &D) {
  const auto *Param = dyn_cast<ParmVarDecl>(&D);
  if (!Param)
    return false;
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Param->getParentFunctionOrMethod());
  return Function && Function->isMain() && Param->getFunctionScopeIndex() >= 1;
}

bool TaintModel::isTextAccessor(const CXXMethodDecl &Method) {
  if (!Method.getIdentifier())
    return isa<CXXConversionDecl>(Method);
  return llvm::StringSwitch<bool>(Method.getName())
      .Cases("c_str", "data", "string", "native", "u8string", true)
      .Cases("generic_string", "str", "view", "substr", "wstring", true)
      .Default(false);
}

bool TaintModel::isUntrustedMember(const MemberExpr &Member) const {
  if (!isWebRequest(Member.getBase()->getType()))
    return false;
  StringRef Name = Member.getMemberDecl()->getName();
  return llvm::StringSwitch<bool>(Name)
      .Cases("body", "path", "params", "headers", "matches", true)
      .Cases("path_params", "url", "raw_url", "url_params", "target", true)
      .Default(false);
}

CallModel TaintModel::classify(const CallExpr &Call) const {
  CallModel Model;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Model;
  StringRef Name = nameOf(*Callee);
  auto Out = [&](std::initializer_list<unsigned> Args) {
    Model.Effect = CallEffect::SourceOutArgs;
    for (unsigned Arg : Args)
      if (Arg < Call.getNumArgs())
        Model.OutArgs.push_back(Arg);
    return Model;
  };

  if (!UserSources.empty() || !UserSanitizers.empty()) {
    std::string Qualified = Callee->getQualifiedNameAsString();
    if (UserSources.contains(Qualified)) {
      Model.Effect = CallEffect::SourceResult;
      return Model;
    }
    if (UserSanitizers.contains(Qualified)) {
      Model.Effect = Callee->getReturnType()->isBooleanType()
                         ? CallEffect::SanitizerPredicate
                         : CallEffect::Sanitizer;
      return Model;
    }
  }

  // Member functions: request accessors, json::parse, path decomposition.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    std::string Class = Method->getParent()->getQualifiedNameAsString();
    if ((Class == "httplib::Request" || Class == "crow::request" ||
         Class == "boost::beast::http::message") &&
        llvm::StringSwitch<bool>(Name)
            .Cases("get_param_value", "get_header_value", "get_file_value",
                   "target", "body", true)
            .Case("get", true)
            .Default(false)) {
      Model.Effect = CallEffect::SourceResult;
      return Model;
    }
    if (Class == "nlohmann::basic_json" && Name == "parse") {
      Model.Effect = CallEffect::SourceResult;
      return Model;
    }
    if (isInStdOrNested(*Method) && Method->getParent()->getIdentifier() &&
        Method->getParent()->getName() == "path") {
      if (Name == "filename" || Name == "stem" || Name == "extension") {
        Model.Effect = CallEffect::Sanitizer;
        return Model;
      }
      if (Name == "lexically_normal") {
        Model.Effect = CallEffect::Canonicalizer;
        return Model;
      }
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      QualType Object = Member->getImplicitObjectArgument()->getType();
      if (Object->isPointerType())
        Object = Object->getPointeeType();
      if (isInputStreamType(Object) &&
          (Name == "getline" || Name == "read" || Name == "get"))
        return Out({0});
    }
    // `std::cin >> x` with a member operator>> (numbers).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
      if (Op->getOperator() == OO_GreaterGreater &&
          isInputStreamType(Op->getArg(0)->getType()))
        return Out({1});
    return Model;
  }

  // `stream >> text` with a free operator>> (strings).
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if (Op->getOperator() == OO_GreaterGreater && Op->getNumArgs() == 2 &&
        isInputStreamType(Op->getArg(0)->getType()))
      return Out({1});
    return Model;
  }

  if (isInStdOrNested(*Callee)) {
    if (Name == "getline")
      return Out({1});
    if (Name == "canonical" || Name == "weakly_canonical" ||
        Name == "absolute") {
      Model.Effect = CallEffect::Canonicalizer;
      return Model;
    }
  }
  if (!isCLibrary(*Callee))
    return Model;
  CallEffect Effect = llvm::StringSwitch<CallEffect>(Name)
                          .Cases("getenv", "secure_getenv", "_wgetenv",
                                 CallEffect::SourceResult)
                          .Cases("basename", "__xpg_basename",
                                 CallEffect::Sanitizer)
                          .Case("realpath", CallEffect::Canonicalizer)
                          .Cases("strcpy", "strncpy", "memcpy", "memmove",
                                 "wcscpy", CallEffect::CopyToFirst)
                          .Cases("strcat", "strncat", "wcscat",
                                 CallEffect::AppendToFirst)
                          .Cases("sprintf", "snprintf", "swprintf",
                                 CallEffect::FormatToFirst)
                          .Case("sscanf", CallEffect::ScanFromFirst)
                          .Default(CallEffect::Default);
  if (Effect != CallEffect::Default) {
    Model.Effect = Effect;
    if (Effect == CallEffect::ScanFromFirst)
      for (unsigned I = 2; I < Call.getNumArgs(); ++I)
        Model.OutArgs.push_back(I);
    return Model;
  }
  if (Name == "fgets" || Name == "gets" || Name == "fread")
    return Out({0});
  if (Name == "recv" || Name == "recvfrom" || Name == "read")
    return Out({1});
  if (Name == "scanf") {
    Model.Effect = CallEffect::SourceOutArgs;
    for (unsigned I = 1; I < Call.getNumArgs(); ++I)
      Model.OutArgs.push_back(I);
    return Model;
  }
  if (Name == "fscanf") {
    Model.Effect = CallEffect::SourceOutArgs;
    for (unsigned I = 2; I < Call.getNumArgs(); ++I)
      Model.OutArgs.push_back(I);
    return Model;
  }
  return Model;
}

} // namespace clang::tidy::prodready
