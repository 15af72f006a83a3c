// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17
// A network call in a template is reported once however many times the
// template is instantiated. A templated gRPC wrapper calls the stub through
// a template parameter: only its instantiations know the call is gRPC.

#include <chrono>
#include <curl/curl.h>
#include <grpcpp/grpcpp.h>
#include <string>

// Stubs written the way protoc's generated code declares them.
namespace helloworld {
struct HelloRequest { std::string name; };
struct HelloReply { std::string message; };
class Greeter {
public:
  class Stub {
  public:
    ::grpc::Status SayHello(::grpc::ClientContext *context,
                            const HelloRequest &request, HelloReply *response);
  };
};
class Farewell {
public:
  class Stub {
  public:
    ::grpc::Status SayHello(::grpc::ClientContext *context,
                            const HelloRequest &request, HelloReply *response);
  };
};
} // namespace helloworld

using helloworld::HelloReply;
using helloworld::HelloRequest;

// --- libcurl in a template instantiated three times --------------------------

template <class Sink> CURLcode fetchInto(const char *Url, Sink &Out) {
  CURL *Handle = curl_easy_init();
  curl_easy_setopt(Handle, CURLOPT_URL, Url);
  CURLcode Code = curl_easy_perform(Handle);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES-NEXT: CURLcode Code = curl_easy_perform(Handle);
  curl_easy_cleanup(Handle);
  Out = {};
  return Code;
}

CURLcode useFetchInto() {
  std::string Text;
  int Number;
  double Real;
  return CURLcode(fetchInto("a", Text) | fetchInto("b", Number) |
                  fetchInto("c", Real));
}

// --- A templated gRPC call wrapper --------------------------------------------

template <class Stub, class Request, class Reply>
grpc::Status call(Stub &S, const Request &Req, Reply *Out) {
  grpc::ClientContext Context;
  return S.SayHello(&Context, Req, Out);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: gRPC call 'SayHello' with a 'grpc::ClientContext' that has no deadline can wait forever; set one with 'set_deadline' [prodready-missing-timeout]
  // CHECK-FIXES: Context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES-NEXT: return S.SayHello(&Context, Req, Out);
}

bool greetBoth(helloworld::Greeter::Stub &A, helloworld::Farewell::Stub &B) {
  HelloReply Reply;
  return call(A, HelloRequest{"a"}, &Reply).ok() &&
         call(B, HelloRequest{"b"}, &Reply).ok();
}

// --- Near misses ------------------------------------------------------------------

template <class Stub> grpc::Status callWithDeadline(Stub &S) {
  grpc::ClientContext Context;
  Context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(2));
  HelloReply Reply;
  return S.SayHello(&Context, HelloRequest{}, &Reply);
}

template <class T> CURLcode fetchBounded(const char *Url) {
  CURL *Handle = curl_easy_init();
  curl_easy_setopt(Handle, CURLOPT_URL, Url);
  curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, 2000L);
  CURLcode Code = curl_easy_perform(Handle);
  curl_easy_cleanup(Handle);
  return Code;
}

bool useNearMisses(helloworld::Greeter::Stub &A) {
  return callWithDeadline(A).ok() && fetchBounded<int>("x") == CURLE_OK &&
         fetchBounded<long>("y") == CURLE_OK;
}
