//===--- UrlModel.h - prodready --------------------------------*- C++ -*-===//
//
// What prodready-unvalidated-url knows about URL APIs: which arguments name
// the server a program connects to (the sinks), and what calls do to a URL
// for the untrusted-data analysis (a CallModelExtension: the path
// sanitizers of the shared tables mean nothing for a URL, and libcurl's
// URL API moves a URL into a CURLU handle and parts out of it).
// Tables, not traversal code: a new library is a new row here.
//
// Sinks:
//   libcurl      curl_easy_setopt(h, CURLOPT_URL, url),
//                curl_easy_setopt(h, CURLOPT_CURLU, u)       (a URL)
//   cpp-httplib  Client/ClientImpl/SSLClient(scheme_host_port),
//                Client(host, port), ...                      (a URL, a host)
//   Asio/Beast   resolver.resolve(host, service),
//                resolver.async_resolve(host, service, ...)   (a host)
//   gRPC         grpc::CreateChannel(target, creds),
//                grpc::CreateCustomChannel(target, ...)       (a target)
//   the user's   `Sinks` option: `function:argument` entries (a URL)
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_URLMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_URLMODEL_H

#include "TaintAnalysis.h"
#include "TaintModel.h"
#include <functional>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

/// What a sink argument names: a whole URL (scheme, host, path), or only
/// a host (or a gRPC target, a host and a port).
enum class UrlSinkKind { Url, Host };

/// One entry of the `Sinks` option, `http::get:0`: the function and the
/// index of its URL argument.
struct UserUrlSink {
  std::string Function;
  unsigned Argument = 0;
  /// Whether a function (a class stands for its constructors) is the one
  /// named; set by the check (its option names match as FunctionNameList
  /// does).
  std::function<bool(const NamedDecl &)> Matches;
};

/// Parses `Sinks` entries (`http::get:0`, `Client:1`). Entries that do not
/// have that form go to \p Bad, as written.
std::vector<UserUrlSink> parseUrlSinks(llvm::ArrayRef<std::string> Entries,
                                       std::vector<std::string> &Bad);

/// The URL sinks of the libraries above and the user's.
class UrlSinkModel : public TaintSinkModel {
public:
  explicit UrlSinkModel(std::vector<UserUrlSink> User)
      : User(std::move(User)) {}

  void sinkArguments(const Expr &E,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &Out) override;

  /// What the argument \p Argument of the sink \p Sink names.
  UrlSinkKind kindOf(const Expr &Sink, const Expr &Argument) const;

private:
  struct Found {
    const Expr *Argument;
    std::string What;
    UrlSinkKind Kind;
  };
  void find(const Expr &E, llvm::SmallVectorImpl<Found> &Out) const;
  void findUser(const FunctionDecl &Callee, llvm::ArrayRef<const Expr *> Args,
                llvm::SmallVectorImpl<Found> &Out) const;

  std::vector<UserUrlSink> User;
};

/// The call models of URLs, consulted before the shared tables.
class UrlCallModels : public CallModelExtension {
public:
  std::optional<CallModel> classify(const CallExpr &Call) const override;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_URLMODEL_H
