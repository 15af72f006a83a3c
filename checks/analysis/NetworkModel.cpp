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

/// Which argument of a readiness wait is its timeout (-1: not a wait).
int readinessTimeoutArg(llvm::StringRef Name) {
  return llvm::StringSwitch<int>(Name)
      .Cases("poll", "ppoll", 2)
      .Cases("select", "pselect", 4)
      .Cases("epoll_wait", "epoll_pwait", "epoll_pwait2", 3)
      .Default(-1);
}

/// True if \p Flags (spelled in the source) set O_NONBLOCK or
/// SOCK_NONBLOCK: `flags | O_NONBLOCK`, but not `flags & ~O_NONBLOCK`.
bool setsNonBlockingFlag(const Expr &Flags, const ASTContext &Ctx) {
  std::string Text = spelledText(Flags, Ctx);
  return Text.find("NONBLOCK") != std::string::npos &&
         Text.find('~') == std::string::npos;
}

/// `ioctl(fd, FIONBIO, &on)` turns non-blocking mode on unless `on` is
/// known to be zero.
bool ioctlTurnsOn(const Expr &Value, const ASTContext &Ctx) {
  const Expr *E = stripValueWrappers(&Value);
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    if (const auto *Ref = dyn_cast<DeclRefExpr>(
            AddressOf->getSubExpr()->IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->getInit() && !Var->getInit()->isValueDependent()) {
        Expr::EvalResult Result;
        if (Var->getInit()->EvaluateAsInt(Result, Ctx))
          return Result.Val.getInt() != 0;
      }
  return true;
}

} // namespace

std::optional<NetworkCall>
NetworkModel::classifyNonBlocking(const CallExpr &Call, llvm::StringRef Name,
                                  const ASTContext &Ctx) const {
  auto Arg = [&](unsigned I) {
    return I < Call.getNumArgs() ? Call.getArg(I) : nullptr;
  };
  NetworkCall Result;
  Result.Call = &Call;
  Result.Name = Name.str();
  Result.Library = Library::Posix;
  Result.Role = Role::SetsNonBlocking;
  if (Name == "socket" || Name == "accept4") {
    // The result is the socket: Handle stays null.
    const Expr *Flags = Arg(Name == "socket" ? 1 : 3);
    if (!Flags || !setsNonBlockingFlag(*Flags, Ctx))
      return std::nullopt;
    return Result;
  }
  if (Name == "fcntl" && Arg(2) && optionName(Arg(1), Ctx) == "F_SETFL" &&
      setsNonBlockingFlag(*Arg(2), Ctx)) {
    Result.Handle = Arg(0);
    return Result;
  }
  if (Name == "ioctl" && Arg(2) && optionName(Arg(1), Ctx) == "FIONBIO" &&
      ioctlTurnsOn(*Arg(2), Ctx)) {
    Result.Handle = Arg(0);
    return Result;
  }
  return std::nullopt;
}

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

/// `(struct sockaddr *)&addr` with `struct sockaddr_un addr`.
static bool addressesUnixSocket(const Expr *Address) {
  if (!Address)
    return false;
  const Expr *Inner = Address->IgnoreParenCasts();
  // glibc's C headers pass it as a transparent union (_GNU_SOURCE):
  // `(__CONST_SOCKADDR_ARG){(struct sockaddr *)&addr}`.
  if (const auto *Literal = dyn_cast<CompoundLiteralExpr>(Inner))
    if (const auto *List = dyn_cast_or_null<InitListExpr>(
            Literal->getInitializer());
        List && List->getNumInits() == 1)
      Inner = List->getInit(0)->IgnoreParenCasts();
  const auto *Record =
      Inner->getType()->isPointerType()
          ? Inner->getType()->getPointeeType()->getAsRecordDecl()
          : nullptr;
  return Record && Record->getIdentifier() &&
         Record->getName() == "sockaddr_un";
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
    else if (Option == "CURLOPT_PROTOCOLS" ||
             Option == "CURLOPT_PROTOCOLS_STR" ||
             Option == "CURLOPT_REDIR_PROTOCOLS" ||
             Option == "CURLOPT_REDIR_PROTOCOLS_STR")
      Result.Role = Role::SetsProtocols;
    else if (Option == "CURLOPT_FOLLOWLOCATION")
      Result.Role = Role::FollowsRedirects;
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
    Result.Role = Role::SetsSocketTimeout;
    Result.Handle = Call.getArg(0);
    return Result;
  }
  if (IsC) {
    if (std::optional<NetworkCall> Mode = classifyNonBlocking(Call, Name, Ctx))
      return Mode;
    if (int TimeoutArg = readinessTimeoutArg(Name); TimeoutArg >= 0) {
      if (!Arg(TimeoutArg))
        return std::nullopt;
      Result.Library = Library::Posix;
      Result.Role = Role::WaitsForReadiness;
      Result.Value = Arg(TimeoutArg);
      return Result;
    }
  }
  for (const FunctionRow &Row : FunctionRows) {
    if (Name != Row.Name)
      continue;
    if (Row.Lib == Library::Posix && !IsC)
      return std::nullopt;
    // A Unix-domain socket is local IPC: no network in between to fail
    // transiently or stall (ccache's and mosquitto's local sockets).
    if (Row.Lib == Library::Posix && Name == "connect" &&
        addressesUnixSocket(Arg(1)))
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
  // socket.non_blocking(true): synchronous operations then fail with
  // would_block instead of waiting.
  if ((Class == "boost::asio::basic_socket" ||
       Class == "boost::asio::basic_socket_acceptor") &&
      Name == "non_blocking" && Call.getNumArgs() >= 1 &&
      Method.getParamDecl(0)->getType()->isBooleanType()) {
    bool Off = false;
    const Expr *Mode = Call.getArg(0);
    if (!Mode->isValueDependent())
      if (Expr::EvalResult Value;
          Mode->EvaluateAsInt(Value, Method.getASTContext()))
        Off = Value.Val.getInt() == 0;
    if (Off)
      return std::nullopt;
    Result.Library = Library::Asio;
    Result.Role = Role::SetsNonBlocking;
    Result.Name = Name.str();
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

bool NetworkModel::waitsForever(const NetworkCall &Wait, ASTContext &Ctx) {
  if (Wait.Role != Role::WaitsForReadiness || !Wait.Value ||
      Wait.Value->containsErrors() || Wait.Value->isValueDependent())
    return false;
  const Expr *Timeout = Wait.Value;
  // select(..., NULL), ppoll(..., nullptr, ...): no timeval, no limit.
  if (Timeout->getType()->isPointerType() ||
      Timeout->getType()->isNullPtrType())
    return Timeout->IgnoreParenImpCasts()->isNullPointerConstant(
               Ctx,
               Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  Expr::EvalResult Value;
  return Timeout->getType()->isIntegralOrEnumerationType() &&
         Timeout->EvaluateAsInt(Value, Ctx) && Value.Val.getInt().isNegative();
}

} // namespace clang::tidy::prodready
