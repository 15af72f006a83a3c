// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17
// Helpers of the translation unit that configure a handle they are given
// count as what their summaries say: a timeout set on every path that
// returns normally, also through a helper of a helper.

#include <chrono>
#include <curl/curl.h>
#include <grpcpp/grpcpp.h>
#include <stdexcept>
#include <string>

namespace demo {
struct Request {};
struct Reply {};
class Api {
public:
  class Stub {
  public:
    ::grpc::Status Fetch(::grpc::ClientContext *context, const Request &request,
                         Reply *response);
  };
};
} // namespace demo

static void setTimeouts(CURL *h) {
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
}

static void setUrl(CURL *h, const char *url) {
  curl_easy_setopt(h, CURLOPT_URL, url);
}

static void configure(const char *url, CURL *h) {
  setUrl(h, url);
  setTimeouts(h);
}

static void slowOnly(CURL *h, bool slow) {
  if (slow)
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 120L);
}

static void noTimeout(CURL *h) { curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L); }

static bool checkedSetup(CURL *h, const char *url) {
  if (!h)
    return false;
  if (curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK)
    return false;
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
  return true;
}

static void withDeadline(grpc::ClientContext &context) {
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(2));
}

static void tagOnly(grpc::ClientContext &context) {
  context.AddMetadata("x-client", "demo");
}

// --- Reported ---------------------------------------------------------------------

bool onlyUrl(const char *url) {
  CURL *h = curl_easy_init();
  setUrl(h, url);
  return curl_easy_perform(h) == CURLE_OK;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: return curl_easy_perform(h) == CURLE_OK;
}

// The helper sets a timeout on one branch only: not every caller gets one.
bool sometimes(const char *url, bool slow) {
  CURL *h = curl_easy_init();
  setUrl(h, url);
  slowOnly(h, slow);
  return curl_easy_perform(h) == CURLE_OK;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: return curl_easy_perform(h) == CURLE_OK;
}

// CURLOPT_TIMEOUT 0 is "no timeout".
bool zero(const char *url) {
  CURL *h = curl_easy_init();
  setUrl(h, url);
  noTimeout(h);
  return curl_easy_perform(h) == CURLE_OK;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: return curl_easy_perform(h) == CURLE_OK;
}

// Configured after the transfer.
bool tooLate(const char *url) {
  CURL *h = curl_easy_init();
  setUrl(h, url);
  bool ok = curl_easy_perform(h) == CURLE_OK;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: bool ok = curl_easy_perform(h) == CURLE_OK;
  setTimeouts(h);
  return ok;
}

std::string tagged(demo::Api::Stub &stub) {
  grpc::ClientContext context;
  tagOnly(context);
  demo::Reply reply;
  grpc::Status status = stub.Fetch(&context, demo::Request{}, &reply);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: gRPC call 'Fetch' with a 'grpc::ClientContext' that has no deadline can wait forever; set one with 'set_deadline' [prodready-missing-timeout]
  // CHECK-FIXES: context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES: grpc::Status status = stub.Fetch(&context, demo::Request{}, &reply);
  return status.ok() ? "ok" : "";
}

// --- Not reported -----------------------------------------------------------------

bool direct(const char *url) {
  CURL *h = curl_easy_init();
  setUrl(h, url);
  setTimeouts(h);
  return curl_easy_perform(h) == CURLE_OK;
}

// Two levels of helpers.
bool nested(const char *url) {
  CURL *h = curl_easy_init();
  configure(url, h);
  return curl_easy_perform(h) == CURLE_OK;
}

// The paths that fail return false before the transfer.
bool checked(const char *url) {
  CURL *h = curl_easy_init();
  if (!checkedSetup(h, url))
    return false;
  return curl_easy_perform(h) == CURLE_OK;
}

std::string withHelperDeadline(demo::Api::Stub &stub) {
  grpc::ClientContext context;
  withDeadline(context);
  demo::Reply reply;
  grpc::Status status = stub.Fetch(&context, demo::Request{}, &reply);
  return status.ok() ? "ok" : "";
}

class Session {
public:
  Session() : curl_(curl_easy_init()) { setTimeouts(curl_); }
  CURLcode get(const char *url) {
    setUrl(curl_, url);
    return curl_easy_perform(curl_);
  }

private:
  CURL *curl_;
};
