//===--- UrlModel.cpp - prodready -----------------------------------------===//

#include "UrlModel.h"
#include "ASTHelpers.h"
#include "UrlValidators.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

bool isGlobalCFunction(const FunctionDecl &F) {
  return F.isExternC() ||
         F.getDeclContext()->getRedeclContext()->isTranslationUnit();
}

/// Text a host or URL can be given as: std::string, std::string_view,
/// boost's string_view, `const char *`, a character array.
bool isTextType(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType() || Type->isArrayType())
    return Type->getPointeeOrArrayElementType()->isAnyCharacterType();
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  llvm::StringRef Name = Record->getName();
  return Name == "basic_string" || Name == "basic_string_view" ||
         Name == "string_view";
}

bool isHttplibClient(const CXXRecordDecl *Record) {
  if (!Record || !Record->getIdentifier())
    return false;
  std::string Name = qualifiedNameWithoutInlineNamespaces(*Record);
  return Name == "httplib::Client" || Name == "httplib::ClientImpl" ||
         Name == "httplib::SSLClient";
}

/// An httplib client constructor's first argument: the scheme, host and
/// port (`Client(url)`, `Client(url, cert, key)`), or the host alone
/// (`Client(host, port)`).
std::optional<UrlSinkKind> httplibArgumentKind(const CXXConstructorDecl &Ctor) {
  if (Ctor.getNumParams() == 0 || !isTextType(Ctor.getParamDecl(0)->getType()))
    return std::nullopt;
  if (Ctor.getNumParams() >= 2 &&
      Ctor.getParamDecl(1)->getType()->isIntegerType())
    return UrlSinkKind::Host;
  return UrlSinkKind::Url;
}

bool isResolver(const CXXRecordDecl *Record) {
  return Record && Record->getIdentifier() &&
         qualifiedNameWithoutInlineNamespaces(*Record) ==
             "boost::asio::ip::basic_resolver";
}

} // namespace

std::vector<UserUrlSink> parseUrlSinks(llvm::ArrayRef<std::string> Entries,
                                       std::vector<std::string> &Bad) {
  std::vector<UserUrlSink> Sinks;
  for (llvm::StringRef Entry : Entries) {
    // `ns::f:1`: the index follows the last ':' that is not part of `::`.
    size_t Colon = Entry.rfind(':');
    unsigned Index = 0;
    llvm::StringRef Name =
        Colon == llvm::StringRef::npos ? "" : Entry.take_front(Colon).rtrim();
    if (Name.empty() || Name.ends_with(":") ||
        Entry.drop_front(Colon + 1).trim().getAsInteger(10, Index)) {
      Bad.push_back(Entry.str());
      continue;
    }
    UserUrlSink Sink;
    Sink.Function = Name.str();
    Sink.Argument = Index;
    Sinks.push_back(std::move(Sink));
  }
  return Sinks;
}

void UrlSinkModel::findUser(const FunctionDecl &Callee,
                            llvm::ArrayRef<const Expr *> Args,
                            llvm::SmallVectorImpl<Found> &Out) const {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Callee);
  for (const UserUrlSink &Sink : User) {
    if (!Sink.Matches || Sink.Argument >= Args.size())
      continue;
    if (Sink.Matches(Callee) || (Ctor && Sink.Matches(*Ctor->getParent()))) {
      const NamedDecl &Named =
          Ctor ? static_cast<const NamedDecl &>(*Ctor->getParent()) : Callee;
      Out.push_back({Args[Sink.Argument],
                     "'" + qualifiedNameWithoutInlineNamespaces(Named) + "'",
                     UrlSinkKind::Url});
    }
  }
}

void UrlSinkModel::find(const Expr &E, llvm::SmallVectorImpl<Found> &Out) const {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Construct->getNumArgs() == 0)
      return;
    if (isHttplibClient(Ctor->getParent())) {
      if (std::optional<UrlSinkKind> Kind = httplibArgumentKind(*Ctor))
        Out.push_back({Construct->getArg(0),
                       "'" + qualifiedNameWithoutInlineNamespaces(
                                 *Ctor->getParent()) +
                           "'",
                       *Kind});
      return;
    }
    if (!User.empty())
      findUser(*Ctor, {Construct->getArgs(), Construct->getNumArgs()}, Out);
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return;
  llvm::StringRef Name = Callee->getName();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    // resolver.resolve(host, service), resolve(protocol, host, service):
    // the first text argument is the host.
    if ((Name == "resolve" || Name == "async_resolve") &&
        isResolver(Member->getRecordDecl())) {
      for (const Expr *Arg : Call->arguments())
        if (isTextType(Arg->getType())) {
          Out.push_back({Arg, ("'resolver::" + Name + "'").str(),
                         UrlSinkKind::Host});
          break;
        }
      return;
    }
  } else if (Name == "curl_easy_setopt" && isGlobalCFunction(*Callee)) {
    if (Call->getNumArgs() < 3)
      return;
    std::string Option = curlConstantName(Call->getArg(1));
    if (Option == "CURLOPT_URL" || Option == "CURLOPT_CURLU")
      Out.push_back({Call->getArg(2), "'" + Option + "'", UrlSinkKind::Url});
    return;
  } else if ((Name == "CreateChannel" || Name == "CreateCustomChannel") &&
             Call->getNumArgs() >= 1 &&
             qualifiedNameWithoutInlineNamespaces(*Callee) ==
                 ("grpc::" + Name).str()) {
    Out.push_back(
        {Call->getArg(0), ("'grpc::" + Name + "'").str(), UrlSinkKind::Host});
    return;
  } else if ((Name == "make_unique" || Name == "make_shared") &&
             isInStdOrNested(*Callee) && Call->getNumArgs() >= 1) {
    // std::make_unique<httplib::Client>(url): the construction is in the
    // standard library, the URL is the user's.
    if (const TemplateArgumentList *Args =
            Callee->getTemplateSpecializationArgs();
        Args && Args->size() >= 1 &&
        Args->get(0).getKind() == TemplateArgument::Type &&
        isHttplibClient(Args->get(0).getAsType()->getAsCXXRecordDecl()) &&
        isTextType(Call->getArg(0)->getType()))
      Out.push_back({Call->getArg(0),
                     "'" +
                         qualifiedNameWithoutInlineNamespaces(
                             *Args->get(0).getAsType()->getAsCXXRecordDecl()) +
                         "'",
                     Call->getNumArgs() >= 2 &&
                             Call->getArg(1)->getType()->isIntegerType()
                         ? UrlSinkKind::Host
                         : UrlSinkKind::Url});
    return;
  }
  if (!User.empty())
    findUser(*Callee, {Call->getArgs(), Call->getNumArgs()}, Out);
}

void UrlSinkModel::sinkArguments(
    const Expr &E,
    llvm::SmallVectorImpl<std::pair<const Expr *, std::string>> &Out) {
  llvm::SmallVector<Found, 2> Sinks;
  find(E, Sinks);
  for (Found &Sink : Sinks)
    Out.emplace_back(Sink.Argument, std::move(Sink.What));
}

UrlSinkKind UrlSinkModel::kindOf(const Expr &Sink,
                                 const Expr &Argument) const {
  llvm::SmallVector<Found, 2> Sinks;
  find(Sink, Sinks);
  for (const Found &F : Sinks)
    if (F.Argument == &Argument)
      return F.Kind;
  return UrlSinkKind::Url;
}

std::optional<CallModel> UrlCallModels::classify(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = Callee->getName();
  CallModel Model;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    // path::filename() is one component of a path; of a URL it is
    // whatever follows its last '/'.
    const CXXRecordDecl *Class = Method->getParent();
    if (isInStdOrNested(*Method) && Class->getIdentifier() &&
        Class->getName() == "path" &&
        llvm::StringSwitch<bool>(Name)
            .Cases("filename", "stem", "extension", "lexically_normal",
                   "lexically_relative", true)
            .Default(false))
      return Model;
    return std::nullopt;
  }
  if (isInStdOrNested(*Callee) &&
      llvm::StringSwitch<bool>(Name)
          .Cases("canonical", "weakly_canonical", "absolute", "relative", true)
          .Default(false))
    return Model;
  if (!isGlobalCFunction(*Callee))
    return std::nullopt;
  if (Name == "basename" || Name == "__xpg_basename" || Name == "realpath")
    return Model;
  if (Name == "curl_url_set" && Call.getNumArgs() >= 3) {
    // The whole URL replaces what the handle held; a scheme or a host
    // (and the parts around it) decides where it connects; a path, a
    // query or a fragment does not.
    std::string Part = curlConstantName(Call.getArg(1));
    Model.Source = 2;
    if (Part == "CURLUPART_URL")
      Model.Effect = CallEffect::CopyToFirst;
    else if (llvm::StringSwitch<bool>(Part)
                 .Cases("CURLUPART_SCHEME", "CURLUPART_HOST", "CURLUPART_PORT",
                        "CURLUPART_USER", "CURLUPART_PASSWORD", true)
                 .Cases("CURLUPART_OPTIONS", "CURLUPART_ZONEID", true)
                 .Default(false))
      Model.Effect = CallEffect::AppendToFirst;
    return Model;
  }
  if (Name == "curl_url_get" && Call.getNumArgs() >= 3) {
    // A part of the URL the handle holds, written through argument 2.
    Model.Effect = CallEffect::ScanFromFirst;
    Model.OutArgs.push_back(2);
    return Model;
  }
  return std::nullopt;
}

} // namespace clang::tidy::prodready
