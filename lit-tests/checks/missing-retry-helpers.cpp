// RUN: %check_prodready %s prodready-missing-retry %t -- -- -std=c++17
// Helpers of the translation unit count as what their summaries say: a
// function that sleeps is a delay in a retry loop, one that throws unless
// a status says success is an error exit, one that returns its verdict is
// a test of what it is given.

#include <chrono>
#include <cstdio>
#include <curl/curl.h>
#include <grpcpp/grpcpp.h>
#include <httplib.h>
#include <stdexcept>
#include <string>
#include <thread>

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

static void backoff(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
}

// The first retry goes at once; later ones wait.
static void backoffAfterFirst(int attempt) {
  if (attempt == 0)
    return;
  backoff(attempt);
}

static void countAttempt(int attempt) {
  std::fprintf(stderr, "attempt %d failed\n", attempt);
}

static void checkCurl(CURLcode rc) {
  if (rc != CURLE_OK)
    throw std::runtime_error(curl_easy_strerror(rc));
}

static void logCurl(CURLcode rc) {
  if (rc != CURLE_OK)
    std::fprintf(stderr, "%s\n", curl_easy_strerror(rc));
}

static bool succeeded(CURLcode rc) { return rc == CURLE_OK; }

static void checkStatus(const grpc::Status &status) {
  if (!status.ok())
    throw std::runtime_error(status.error_message());
}

static bool answered(const httplib::Result &res) {
  return res && res->status == 200;
}

// --- Retry loops ------------------------------------------------------------------

void retried(CURL *h) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    backoff(attempt);
  }
}

void retriedAfterFirst(CURL *h) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    backoffAfterFirst(attempt);
  }
}

void counted(CURL *h) {
  for (int attempt = 0; attempt < 5; ++attempt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    countAttempt(attempt);
  }
}

std::string polled(httplib::Client &cli) {
  for (int attempt = 0;; ++attempt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'Get' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    auto res = cli.Get("/status");
    if (answered(res))
      return res->body;
  }
}

// --- Error exits through a checker ------------------------------------------------

void upload(CURL *h) {
  checkCurl(curl_easy_perform(h));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
}

void uploadHeld(CURL *h) {
  CURLcode rc = curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  checkCurl(rc);
}

void uploadVerdict(CURL *h) {
  if (!succeeded(curl_easy_perform(h)))
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    throw std::runtime_error("upload failed");
}

demo::Reply fetch(demo::Api::Stub &stub) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  demo::Reply reply;
  checkStatus(stub.Fetch(&context, demo::Request{}, &reply));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Fetch' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  return reply;
}

// Logged, not turned into an error: best effort.
void uploadLogged(CURL *h) { logCurl(curl_easy_perform(h)); }

// The verdict is not acted on.
void uploadIgnored(CURL *h) { succeeded(curl_easy_perform(h)); }

// Retried by the loop around it, which waits.
void uploadPatiently(CURL *h) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (succeeded(curl_easy_perform(h)))
      return;
    backoff(attempt);
  }
  throw std::runtime_error("upload failed");
}
