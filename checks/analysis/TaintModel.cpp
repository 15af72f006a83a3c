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

/// std::cin, std::wcin, or C's stdin.
bool isStandardInput(const Expr *E) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(stripValueWrappers(E)->IgnoreParenImpCasts())
        : nullptr;
  if (!Ref || !Ref->getDecl()->getIdentifier())
    return false;
  StringRef Name = Ref->getDecl()->getName();
  return Name == "stdin" ||
         ((Name == "cin" || Name == "wcin") && Ref->getDecl()->isInStdNamespace());
}

/// A read from \p Stream: the operator's standard input, or a file.
SourceKind streamKind(const Expr *Stream) {
  return isStandardInput(Stream) ? SourceKind::StandardInput : SourceKind::File;
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

CallModelExtension::~CallModelExtension() = default;

TaintModel::TaintModel(const TaintOptions &Options)
    : Extension(Options.Extension), Program(Options.Program),
      Tests(Options.Tests), Setters(Options.Setters),
      SymbolicExternalCalls(Options.SymbolicExternalCalls) {
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
  // `files` (and `form` in newer cpp-httplib) hold multipart uploads: the
  // file names a client chose.
  return llvm::StringSwitch<bool>(Name)
      .Cases("body", "path", "params", "headers", "matches", true)
      .Cases("path_params", "url", "raw_url", "url_params", "target", true)
      .Cases("files", "form", true)
      .Default(false);
}

CallModel TaintModel::classify(const CallExpr &Call) const {
  CallModel Model;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Model;
  if (Extension)
    if (std::optional<CallModel> Own = Extension->classify(Call))
      return *Own;
  if (Program)
    if (std::optional<CallModel> Linked = Program->classify(Call))
      return *Linked;
  StringRef Name = nameOf(*Callee);
  auto Out = [&](std::initializer_list<unsigned> Args, SourceKind Kind) {
    Model.Effect = CallEffect::SourceOutArgs;
    Model.Kind = Kind;
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
            .Case("get_file_values", true)
            .Case("get", true)
            .Default(false)) {
      Model.Effect = CallEffect::SourceResult;
      Model.Kind = SourceKind::Request;
      return Model;
    }
    if (Class == "nlohmann::basic_json" && Name == "parse") {
      // Parsed text keeps the origin of the text (a configuration file
      // read here); text of unknown origin is an answer from elsewhere. A
      // stream parsed directly is a file or standard input.
      Model.Effect = CallEffect::SourceResult;
      Model.Kind = SourceKind::ParsedAnswer;
      if (Call.getNumArgs() >= 1 &&
          isInputStreamType(Call.getArg(0)->getType()))
        Model.Kind = streamKind(Call.getArg(0));
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
      if (Name == "lexically_relative") {
        Model.Effect = CallEffect::RelativePath;
        return Model;
      }
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      QualType Object = Member->getImplicitObjectArgument()->getType();
      if (Object->isPointerType())
        Object = Object->getPointeeType();
      if (isInputStreamType(Object) &&
          (Name == "getline" || Name == "read" || Name == "get"))
        return Out({0}, streamKind(Member->getImplicitObjectArgument()));
    }
    // `std::cin >> x` with a member operator>> (numbers).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
      if (Op->getOperator() == OO_GreaterGreater &&
          isInputStreamType(Op->getArg(0)->getType()))
        return Out({1}, streamKind(Op->getArg(0)));
    return Model;
  }

  // `stream >> text` with a free operator>> (strings).
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if (Op->getOperator() == OO_GreaterGreater && Op->getNumArgs() == 2 &&
        isInputStreamType(Op->getArg(0)->getType()))
      return Out({1}, streamKind(Op->getArg(0)));
    return Model;
  }

  if (isInStdOrNested(*Callee)) {
    if (Name == "getline" && Call.getNumArgs() >= 2)
      return Out({1}, streamKind(Call.getArg(0)));
    if (Name == "canonical" || Name == "weakly_canonical" ||
        Name == "absolute") {
      Model.Effect = CallEffect::Canonicalizer;
      return Model;
    }
    if (Name == "relative" && Call.getNumArgs() >= 1) {
      Model.Effect = CallEffect::RelativePath;
      Model.Canonical = true;
      return Model;
    }
    // from_chars(first, last, value): the number read from the text.
    if (Name == "from_chars" && Call.getNumArgs() >= 3) {
      Model.Effect = CallEffect::ScanFromFirst;
      Model.OutArgs.push_back(2);
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
    Model.Kind = SourceKind::Environment;
    if (Effect == CallEffect::ScanFromFirst)
      for (unsigned I = 2; I < Call.getNumArgs(); ++I)
        Model.OutArgs.push_back(I);
    return Model;
  }
  if (Name == "gets")
    return Out({0}, SourceKind::StandardInput);
  if (Name == "fgets" && Call.getNumArgs() == 3)
    return Out({0}, streamKind(Call.getArg(2)));
  if (Name == "fread" && Call.getNumArgs() == 4)
    return Out({0}, streamKind(Call.getArg(3)));
  if (Name == "recv" || Name == "recvfrom")
    return Out({1}, SourceKind::Network);
  // A descriptor may be a file or a socket; read() is the program's own
  // file reading far more often (sockets go through recv or a library).
  if (Name == "read")
    return Out({1}, SourceKind::File);
  if (Name == "scanf") {
    Model.Effect = CallEffect::SourceOutArgs;
    Model.Kind = SourceKind::StandardInput;
    for (unsigned I = 1; I < Call.getNumArgs(); ++I)
      Model.OutArgs.push_back(I);
    return Model;
  }
  if (Name == "fscanf") {
    Model.Effect = CallEffect::SourceOutArgs;
    Model.Kind =
        Call.getNumArgs() ? streamKind(Call.getArg(0)) : SourceKind::File;
    for (unsigned I = 2; I < Call.getNumArgs(); ++I)
      Model.OutArgs.push_back(I);
    return Model;
  }
  return Model;
}

} // namespace clang::tidy::prodready
