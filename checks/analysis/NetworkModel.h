//===--- NetworkModel.h - prodready ----------------------------*- C++ -*-===//
//
// What prodready knows about network APIs, per library: which calls perform
// network I/O, which give a handle a timeout or deadline, which read the
// status of a response, and which wait (backoff between retries). The
// network checks (missing-timeout, missing-retry, unchecked-http-status)
// share it. A new library is new rows in the tables of NetworkModel.cpp,
// not new traversal code.
//
// Libraries: libcurl easy handles, gRPC stubs and grpc::ClientContext,
// Boost.Asio sockets and Boost.Beast tcp_stream (and http::read/write),
// cpp-httplib Client/SSLClient, POSIX sockets.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_NETWORKMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_NETWORKMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

enum class NetworkLibrary { Curl, Grpc, Asio, Beast, Httplib, Posix, User };

enum class NetworkRole {
  /// Blocking network I/O: curl_easy_perform, a gRPC stub call,
  /// boost::asio::read, recv, a user-listed network function.
  Operation,
  /// Asynchronous I/O on a Beast stream (async_read, async_connect, ...).
  AsyncOperation,
  /// An HTTP request of cpp-httplib (Get, Post, ...), returning a Result.
  HttpRequest,
  /// Gives the handle a total timeout or deadline: CURLOPT_TIMEOUT(_MS),
  /// ClientContext::set_deadline, tcp_stream::expires_after/_at.
  SetsTimeout,
  /// Gives a libcurl handle a connect timeout (CURLOPT_CONNECTTIMEOUT(_MS)).
  SetsConnectTimeout,
  /// Gives a socket a receive or send timeout: setsockopt(fd, SOL_SOCKET,
  /// SO_RCVTIMEO/SO_SNDTIMEO, ...). Handle is the descriptor.
  SetsSocketTimeout,
  /// Makes a socket non-blocking: fcntl(fd, F_SETFL, ... | O_NONBLOCK),
  /// ioctl(fd, FIONBIO, &on), Asio's socket.non_blocking(true) (Handle is
  /// the descriptor or socket); socket(..., SOCK_NONBLOCK, ...) and
  /// accept4(..., SOCK_NONBLOCK) (Handle is null: the result is the socket).
  SetsNonBlocking,
  /// Waits until descriptors are ready: poll, ppoll, select, pselect,
  /// epoll_wait, epoll_pwait. Value is the timeout argument (see
  /// NetworkModel::waitsForever).
  WaitsForReadiness,
  /// cpp-httplib set_connection/read/write_timeout: Value is the amount.
  SetsHttplibTimeout,
  /// Restricts the protocols a libcurl handle may use, or follow a
  /// redirect to: CURLOPT_PROTOCOLS(_STR), CURLOPT_REDIR_PROTOCOLS(_STR).
  SetsProtocols,
  /// Turns redirect following on or off (CURLOPT_FOLLOWLOCATION): Value
  /// is the argument.
  FollowsRedirects,
  /// Says where a libcurl transfer writes the response body
  /// (CURLOPT_WRITEDATA): Value is the argument.
  SetsResponseSink,
  /// Reads the HTTP status of a libcurl transfer
  /// (curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code)).
  ReadsStatus,
  /// Waits: std::this_thread::sleep_for/_until, sleep, usleep, nanosleep,
  /// an Asio timer's wait, a user-listed backoff function.
  Delay,
};

/// A call the model knows.
struct NetworkCall {
  NetworkLibrary Library = NetworkLibrary::User;
  NetworkRole Role = NetworkRole::Operation;
  const CallExpr *Call = nullptr;
  /// What the role applies to: the curl handle, the ClientContext, the
  /// socket or stream, the descriptor, the httplib client. May be null.
  const Expr *Handle = nullptr;
  /// For messages: `curl_easy_perform`, `boost::asio::read`, `SayHello`.
  std::string Name;
  /// SetsHttplibTimeout: the amount. ReadsStatus: the output argument.
  /// WaitsForReadiness: the timeout.
  const Expr *Value = nullptr;
};

class NetworkModel {
public:
  /// \p UserOperations: qualified names of the project's own network
  /// functions (blocking operations, no handle). \p UserDelays: backoff
  /// functions.
  NetworkModel(const std::vector<std::string> &UserOperations,
               const std::vector<std::string> &UserDelays);

  std::optional<NetworkCall> classify(const CallExpr &Call,
                                      const ASTContext &Ctx) const;

  /// The variable, parameter or field a handle expression designates:
  /// `h`, `&ctx`, `ctx.get()`, `*ctx`, `this->curl_`, `sock.native_handle()`,
  /// `stream.socket()`, `beast::get_lowest_layer(stream)`.
  static const ValueDecl *handleDecl(const Expr *Handle);

  /// True if \p Wait (a WaitsForReadiness call) has no timeout: poll and
  /// epoll_wait with a negative one, select/pselect/ppoll with a null
  /// pointer. A timeout the compiler cannot evaluate counts as finite.
  static bool waitsForever(const NetworkCall &Wait, ASTContext &Ctx);

private:
  std::optional<NetworkCall> classifyFunction(const CallExpr &Call,
                                              const FunctionDecl &Callee,
                                              const ASTContext &Ctx) const;
  /// fcntl/ioctl/socket/accept4 calls that make a socket non-blocking.
  std::optional<NetworkCall> classifyNonBlocking(const CallExpr &Call,
                                                 llvm::StringRef Name,
                                                 const ASTContext &Ctx) const;
  std::optional<NetworkCall> classifyMethod(const CXXMemberCallExpr &Call,
                                            const CXXMethodDecl &Method) const;

  llvm::StringSet<> UserOperations;
  llvm::StringSet<> UserDelays;
};

/// The source text of \p E as written (macro names kept), for recognizing
/// socket options and flags that are macros (`SO_RCVTIMEO`, `O_NONBLOCK`).
std::string spelledText(const Expr &E, const ASTContext &Ctx);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_NETWORKMODEL_H
