//===--- NetworkModel.cpp - prodready -------------------------------------===//

#include "NetworkModel.h"
#include "ASTHelpers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

using Library = NetworkLibrary;
using Role = NetworkRole;

/// Free functions, by qualified name; the handle is argument HandleArg
/// (-1: none).
struct FunctionRow {
  const char *Name;
  Library Lib;
  Role What;
  int HandleArg;
};

const FunctionRow FunctionRows[] = {
    {"curl_easy_perform", Library::Curl, Role::Operation, 0},
    {"boost::asio::connect", Library::Asio, Role::Operation, 0},
    {"boost::asio::read", Library::Asio, Role::Operation, 0},
    {"boost::asio::read_until", Library::Asio, Role::Operation, 0},
    {"boost::asio::write", Library::Asio, Role::Operation, 0},
    {"boost::beast::http::read", Library::Beast, Role::Operation, 0},
    {"boost::beast::http::read_header", Library::Beast, Role::Operation, 0},
    {"boost::beast::http::write", Library::Beast, Role::Operation, 0},
    {"boost::asio::async_connect", Library::Beast, Role::AsyncOperation, 0},
    {"boost::asio::async_read", Library::Beast, Role::AsyncOperation, 0},
    {"boost::asio::async_write", Library::Beast, Role::AsyncOperation, 0},
    {"boost::beast::http::async_read", Library::Beast, Role::AsyncOperation, 0},
    {"boost::beast::http::async_write", Library::Beast, Role::AsyncOperation,
     0},
    {"connect", Library::Posix, Role::Operation, 0},
    {"accept", Library::Posix, Role::Operation, 0},
    {"recv", Library::Posix, Role::Operation, 0},
    {"recvfrom", Library::Posix, Role::Operation, 0},
    {"recvmsg", Library::Posix, Role::Operation, 0},
    {"read", Library::Posix, Role::Operation, 0},
    {"poll", Library::Posix, Role::BoundsFunction, -1},
    {"ppoll", Library::Posix, Role::BoundsFunction, -1},
    {"select", Library::Posix, Role::BoundsFunction, -1},
    {"pselect", Library::Posix, Role::BoundsFunction, -1},
    {"epoll_wait", Library::Posix, Role::BoundsFunction, -1},
    {"std::this_thread::sleep_for", Library::User, Role::Delay, -1},
    {"std::this_thread::sleep_until", Library::User, Role::Delay, -1},
    {"sleep", Library::Posix, Role::Delay, -1},
    {"usleep", Library::Posix, Role::Delay, -1},
    {"nanosleep", Library::Posix, Role::Delay, -1},
    {"clock_nanosleep", Library::Posix, Role::Delay, -1},
};

/// Member functions, by qualified class name and name; the handle is the
/// object.
struct MethodRow {
  const char *Class;
  const char *Method;
  Library Lib;
  Role What;
};

const MethodRow MethodRows[] = {
    {"boost::asio::basic_socket", "connect", Library::Asio, Role::Operation},
    {"boost::asio::basic_stream_socket", "read_some", Library::Asio,
     Role::Operation},
    {"boost::asio::basic_stream_socket", "write_some", Library::Asio,
     Role::Operation},
    {"boost::asio::basic_stream_socket", "receive", Library::Asio,
     Role::Operation},
    {"boost::asio::basic_stream_socket", "send", Library::Asio,
     Role::Operation},
    {"boost::asio::basic_socket_acceptor", "accept", Library::Asio,
     Role::Operation},
    {"boost::beast::basic_stream", "connect", Library::Beast, Role::Operation},
    {"boost::beast::basic_stream", "read_some", Library::Beast,
     Role::Operation},
    {"boost::beast::basic_stream", "write_some", Library::Beast,
     Role::Operation},
    {"boost::beast::basic_stream", "async_connect", Library::Beast,
     Role::AsyncOperation},
    {"boost::beast::basic_stream", "async_read_some", Library::Beast,
     Role::AsyncOperation},
    {"boost::beast::basic_stream", "async_write_some", Library::Beast,
     Role::AsyncOperation},
    {"boost::beast::basic_stream", "expires_after", Library::Beast,
     Role::SetsTimeout},
    {"boost::beast::basic_stream", "expires_at", Library::Beast,
     Role::SetsTimeout},
    {"boost::asio::basic_waitable_timer", "wait", Library::Asio, Role::Delay},
    {"boost::asio::basic_deadline_timer", "wait", Library::Asio, Role::Delay},
    {"grpc::ClientContext", "set_deadline", Library::Grpc, Role::SetsTimeout},
};

bool isHttplibClient(llvm::StringRef Class) {
  return Class == "httplib::Client" || Class == "httplib::ClientImpl" ||
         Class == "httplib::SSLClient";
}

/// The name of the enumerator or macro an option argument spells.
std::string optionName(const Expr *Option, const ASTContext &Ctx) {
  const Expr *E = Option->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl()->getNameAsString();
  return spelledText(*Option, Ctx);
}

bool isGlobalCFunction(const FunctionDecl &F) {
  return F.isExternC() ||
         F.getDeclContext()->getRedeclContext()->isTranslationUnit();
}

} // namespace

std::string spelledText(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E.getSourceRange());
  // Options are often macros (SO_RCVTIMEO): read what the user wrote.
  if (E.getBeginLoc().isMacroID())
    Range = SM.getExpansionRange(E.getSourceRange());
  return Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
}

NetworkModel::NetworkModel(const std::vector<std::string> &Operations,
                           const std::vector<std::string> &Delays) {
  for (llvm::StringRef Name : Operations)
    UserOperations.insert(Name.ltrim(':'));
  for (llvm::StringRef Name : Delays)
    UserDelays.insert(Name.ltrim(':'));
}

std::optional<NetworkCall>
NetworkModel::classifyFunction(const CallExpr &Call, const FunctionDecl &Callee,
                               const ASTContext &Ctx) const {
  std::string Qualified = qualifiedNameWithoutInlineNamespaces(Callee);
  NetworkCall Result;
  Result.Call = &Call;
  Result.Name = Qualified;
  auto Arg = [&](unsigned I) {
    return I < Call.getNumArgs() ? Call.getArg(I) : nullptr;
  };
  if (UserOperations.contains(Qualified)) {
    Result.Library = Library::User;
    Result.Role = Role::Operation;
    return Result;
  }
  if (UserDelays.contains(Qualified)) {
    Result.Role = Role::Delay;
    return Result;
  }
  llvm::StringRef Name = Qualified;
  bool IsC = isGlobalCFunction(Callee);
  if (IsC && (Name == "curl_easy_setopt" || Name == "curl_easy_getinfo")) {
    if (Call.getNumArgs() < 3)
      return std::nullopt;
    std::string Option = optionName(Call.getArg(1), Ctx);
    Result.Library = Library::Curl;
    Result.Handle = Call.getArg(0);
    Result.Value = Call.getArg(2);
    if (Option == "CURLOPT_TIMEOUT" || Option == "CURLOPT_TIMEOUT_MS")
      Result.Role = Role::SetsTimeout;
    else if (Option == "CURLOPT_CONNECTTIMEOUT" ||
             Option == "CURLOPT_CONNECTTIMEOUT_MS")
      Result.Role = Role::SetsConnectTimeout;
    else if (Option == "CURLOPT_WRITEDATA")
      Result.Role = Role::SetsResponseSink;
    else if (Option == "CURLINFO_RESPONSE_CODE" ||
             Option == "CURLINFO_HTTP_CODE")
      Result.Role = Role::ReadsStatus;
    else
      return std::nullopt;
    return Result;
  }
  if (IsC && Name == "setsockopt" && Call.getNumArgs() >= 3) {
    std::string Option = optionName(Call.getArg(2), Ctx);
    if (Option.find("RCVTIMEO") == std::string::npos &&
        Option.find("SNDTIMEO") == std::string::npos)
      return std::nullopt;
    Result.Library = Library::Posix;
    Result.Role = Role::BoundsFunction;
    Result.Handle = Call.getArg(0);
    return Result;
  }
  // Non-blocking descriptors: fcntl(fd, F_SETFL, ... O_NONBLOCK),
  // socket(..., SOCK_STREAM | SOCK_NONBLOCK, ...), accept4(..., SOCK_NONBLOCK).
  if (IsC && (Name == "fcntl" || Name == "socket" || Name == "accept4")) {
    unsigned FlagArg = Name == "accept4" ? 3 : Name == "socket" ? 1 : 2;
    const Expr *Flags = Arg(FlagArg);
    if (!Flags || spelledText(*Flags, Ctx).find("NONBLOCK") ==
                      std::string::npos)
      return std::nullopt;
    Result.Library = Library::Posix;
    Result.Role = Role::BoundsFunction;
    return Result;
  }
  for (const FunctionRow &Row : FunctionRows) {
    if (Name != Row.Name)
      continue;
    if (Row.Lib == Library::Posix && !IsC)
      return std::nullopt;
    Result.Library = Row.Lib;
    Result.Role = Row.What;
    if (Row.HandleArg >= 0)
      Result.Handle = Arg(Row.HandleArg);
    if (Row.HandleArg >= 0 && !Result.Handle)
      return std::nullopt;
    return Result;
  }
  return std::nullopt;
}

std::optional<NetworkCall>
NetworkModel::classifyMethod(const CXXMemberCallExpr &Call,
                             const CXXMethodDecl &Method) const {
  if (!Method.getIdentifier())
    return std::nullopt;
  NetworkCall Result;
  Result.Call = &Call;
  Result.Handle = Call.getImplicitObjectArgument();
  llvm::StringRef Name = Method.getName();
  std::string Class = qualifiedNameWithoutInlineNamespaces(*Method.getParent());
  Result.Name = Class + "::" + Name.str();
  if (UserOperations.contains(Result.Name)) {
    Result.Library = Library::User;
    Result.Role = Role::Operation;
    return Result;
  }
  if (UserDelays.contains(Result.Name)) {
    Result.Role = Role::Delay;
    return Result;
  }
  for (const MethodRow &Row : MethodRows)
    if (Class == Row.Class && Name == Row.Method) {
      Result.Library = Row.Lib;
      Result.Role = Row.What;
      Result.Name = Name.str();
      return Result;
    }
  if (isHttplibClient(Class)) {
    Result.Library = Library::Httplib;
    Result.Name = Name.str();
    if (llvm::StringSwitch<bool>(Name)
            .Cases("Get", "Post", "Put", "Patch", "Delete", true)
            .Cases("Head", "Options", true)
            .Default(false)) {
      Result.Role = Role::HttpRequest;
      return Result;
    }
    if ((Name == "set_connection_timeout" || Name == "set_read_timeout" ||
         Name == "set_write_timeout") &&
        Call.getNumArgs() >= 1) {
      Result.Role = Role::SetsHttplibTimeout;
      Result.Value = Call.getArg(0);
      return Result;
    }
    return std::nullopt;
  }
  // gRPC stubs, generated or hand-written: a method of a class outside grpc
  // whose first parameter is a grpc::ClientContext*.
  if (Method.getNumParams() >= 1 && Call.getNumArgs() >= 1 &&
      !llvm::StringRef(Class).starts_with("grpc::")) {
    QualType First = Method.getParamDecl(0)->getType();
    if (const CXXRecordDecl *Context =
            First->isPointerType()
                ? First->getPointeeType()->getAsCXXRecordDecl()
                : nullptr;
        Context && Context->getIdentifier() &&
        qualifiedNameWithoutInlineNamespaces(*Context) ==
            "grpc::ClientContext") {
      Result.Library = Library::Grpc;
      Result.Role = Role::Operation;
      Result.Handle = Call.getArg(0);
      Result.Name = Name.str();
      return Result;
    }
  }
  return std::nullopt;
}

std::optional<NetworkCall> NetworkModel::classify(const CallExpr &Call,
                                                  const ASTContext &Ctx) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
      return classifyMethod(*Member, *Method);
  if (!Callee->getIdentifier())
    return std::nullopt;
  return classifyFunction(Call, *Callee, Ctx);
}

const ValueDecl *NetworkModel::handleDecl(const Expr *Handle) {
  for (unsigned Depth = 0; Handle && Depth < 8; ++Depth) {
    const Expr *E = stripValueWrappers(Handle);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    // `return ctx;` of a std::unique_ptr moves it.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() != 1 ||
          !Construct->getConstructor()->isCopyOrMoveConstructor())
        return nullptr;
      Handle = Construct->getArg(0);
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
      if (Op->getOpcode() != UO_AddrOf && Op->getOpcode() != UO_Deref)
        return nullptr;
      Handle = Op->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() != OO_Star && Op->getOperator() != OO_Arrow) ||
          Op->getNumArgs() != 1)
        return nullptr;
      Handle = Op->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !Method->getIdentifier() ||
          !llvm::StringSwitch<bool>(Method->getName())
               .Cases("get", "native_handle", "socket", "lowest_layer",
                      "next_layer", true)
               .Default(false))
        return nullptr;
      Handle = Call->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->getIdentifier() ||
          Callee->getName() != "get_lowest_layer" || Call->getNumArgs() != 1)
        return nullptr;
      Handle = Call->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::prodready
