// RUN: %check_prodready %s prodready-missing-retry %t -- \
// RUN:   -config="{CheckOptions: {prodready-missing-retry.RetryWrappers: '::app::retry', prodready-missing-retry.BackoffFunctions: '::app::backoff', prodready-missing-retry.NetworkFunctions: '::app::send_event'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-missing-retry %t-default -- -- -std=c++17

#include <chrono>
#include <curl/curl.h>
#include <functional>
#include <grpcpp/grpcpp.h>
#include <httplib.h>
#include <stdexcept>
#include <string>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace app {
// A project's own network call, listed in NetworkFunctions.
bool send_event(const std::string &payload);
// A project's retry helper: calls `attempt` until it succeeds, with backoff.
bool retry(const std::function<bool()> &attempt, int times);
void backoff(int attempt);
} // namespace app

namespace billing {
struct Invoice { std::string id; };
class Billing {
public:
  class Stub {
  public:
    ::grpc::Status Charge(::grpc::ClientContext *context, const Invoice &request,
                          Invoice *response);
  };
};
} // namespace billing

// --- No retry --------------------------------------------------------------------

void upload(CURL *h) {
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    throw std::runtime_error("upload failed");
}

bool charge(billing::Billing::Stub &stub, const billing::Invoice &invoice) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  billing::Invoice reply;
  grpc::Status status = stub.Charge(&context, invoice, &reply);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Charge' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:25: warning: 'Charge' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  if (!status.ok())
    return false;
  return true;
}

std::string config(httplib::Client &cli) {
  auto res = cli.Get("/config");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Get' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:14: warning: 'Get' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  if (!res || res->status != 200)
    std::exit(1);
  return res->body;
}

void publish(const std::string &payload) {
  if (!app::send_event(payload))
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'app::send_event' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    throw std::runtime_error("publish failed");
}

int dial(const sockaddr_in &address) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(fd, reinterpret_cast<const sockaddr *>(&address),
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: 'connect' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
              sizeof address) < 0)
    return -1;
  return fd;
}

// A Unix-domain socket is local IPC, not the network.
int dialLocal(const sockaddr_un &address) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (connect(fd, reinterpret_cast<const sockaddr *>(&address),
              sizeof address) < 0)
    return -1;
  return fd;
}

// --- Retry loops without delay ------------------------------------------------------

std::string hammer(httplib::Client &cli) {
  for (int attempt = 0; attempt < 5; ++attempt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'Get' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: retry loop around 'Get' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    auto res = cli.Get("/config");
    if (res && res->status == 200)
      return res->body;
  }
  return "";
}

void spin(CURL *h) {
  CURLcode rc;
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    rc = curl_easy_perform(h);
  } while (rc != CURLE_OK);
}

// --- Not reported ---------------------------------------------------------------------

std::string patient(httplib::Client &cli) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto res = cli.Get("/config");
    if (res && res->status == 200)
      return res->body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
  }
  return "";
}

void patientCurl(CURL *h) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    usleep(200000);
  }
  throw std::runtime_error("upload failed");
}

bool wrapped(CURL *h) {
  return app::retry([h] {
    if (curl_easy_perform(h) != CURLE_OK)
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:9: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
      return false;
    return true;
  }, 3);
}

bool attemptUpload(CURL *h) {
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    return false;
  return true;
}
bool wrappedFunction(CURL *h) {
  return app::retry([h] { return attemptUpload(h); }, 3);
}

void failover(httplib::Client &primary, httplib::Client &secondary) {
  httplib::Client *clients[] = {&primary, &secondary};
  for (httplib::Client *cli : clients)
    if (auto res = cli->Get("/health"); res && res->status == 200)
      return;
}

void backoffHelper(CURL *h) {
  for (int attempt = 0;; ++attempt) {
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    if (curl_easy_perform(h) == CURLE_OK)
      break;
    app::backoff(attempt);
  }
}

int dialPatiently(const sockaddr_in &address) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, reinterpret_cast<const sockaddr *>(&address),
                sizeof address) == 0)
      return fd;
    close(fd);
    sleep(1);
  }
  return -1;
}

void ignoredFailure(CURL *h) {
  // Best effort: a failure is logged, not turned into an error.
  if (curl_easy_perform(h) != CURLE_OK)
    fprintf(stderr, "metrics push failed\n");
}
