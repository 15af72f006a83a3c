// RUN: %check_prodready %s prodready-unvalidated-url %t -- -- -std=c++17
// cpp-httplib clients and Boost.Asio/Beast resolvers: the server a program
// connects to, from the environment or a request.

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <cstdlib>
#include <httplib.h>
#include <memory>
#include <set>
#include <string>

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// --- cpp-httplib ------------------------------------------------------------

void fromEnvironment() {
  httplib::Client Cli(std::getenv("API_BASE"));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: URL from the environment reaches 'httplib::Client' with neither its scheme nor its host validated; whoever sets it can send the request, and the credentials it carries, to any server [prodready-unvalidated-url]
  Cli.Get("/v1/models");
}

// A host and a port: the host alone chooses the server.
void hostAndPort(const httplib::Request &Req) {
  httplib::Client Cli(Req.get_param_value("host"), 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: host from request data reaches 'httplib::Client' unvalidated; whoever sets it can point the connection at any server, internal ones included [prodready-unvalidated-url]
  Cli.Get("/health");
}

void makeUnique(const httplib::Request &Req) {
  auto Cli = std::make_unique<httplib::Client>(Req.body);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: URL from request data reaches 'httplib::Client'
  Cli->Get("/");
}

// Validated: the host in a container of allowed hosts.
static const std::set<std::string> AllowedHosts = {"api.example.com",
                                                   "backup.example.com"};

void allowedHost(const httplib::Request &Req) {
  std::string Host = Req.get_param_value("host");
  if (AllowedHosts.find(Host) == AllowedHosts.end())
    return;
  httplib::Client Cli(Host, 443);
  Cli.Get("/");
}

void allowedHostCount(const httplib::Request &Req) {
  std::string Host = Req.get_param_value("host");
  if (AllowedHosts.count(Host) > 0) {
    httplib::Client Cli(Host, 443);
    Cli.Get("/");
  }
}

// A constant scheme and host; a port from the environment.
void constantHost() {
  httplib::Client A("https://api.example.com");
  A.Get("/");
  const char *Port = std::getenv("PORT");
  httplib::Client B("http://localhost:" + std::to_string(std::atoi(Port)));
  B.Get("/");
}

// --- Boost.Asio / Beast resolvers ------------------------------------------

void resolveFromEnvironment(asio::io_context &Io) {
  tcp::resolver Resolver(Io);
  const char *Host = std::getenv("BACKEND_HOST");
  auto Endpoints = Resolver.resolve(Host, "443");
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: host from the environment reaches 'resolver::resolve' unvalidated; whoever sets it can point the connection at any server, internal ones included [prodready-unvalidated-url]
  boost::beast::tcp_stream Stream(Io);
  Stream.connect(Endpoints);
}

void asyncResolve(asio::io_context &Io, const httplib::Request &Req) {
  auto Resolver = std::make_shared<tcp::resolver>(Io);
  std::string Host = Req.get_header_value("X-Upstream");
  Resolver->async_resolve(Host, "80",
                          [](boost::system::error_code, tcp::resolver::results_type) {});
  // CHECK-MESSAGES: :[[@LINE-2]]:27: warning: host from request data reaches 'resolver::async_resolve' unvalidated
}

// Validated: compared with the one allowed host.
void resolveAllowed(asio::io_context &Io) {
  tcp::resolver Resolver(Io);
  std::string Host = std::getenv("BACKEND_HOST");
  if (Host != "db.internal.example.com")
    return;
  Resolver.resolve(Host, "5432");
}

// The command line is the user's choice.
int main(int Argc, char **Argv) {
  asio::io_context Io;
  tcp::resolver Resolver(Io);
  if (Argc > 2)
    Resolver.resolve(Argv[1], Argv[2]);
  httplib::Client Cli(Argc > 1 ? Argv[1] : "http://localhost");
  Cli.Get("/");
  return 0;
}
