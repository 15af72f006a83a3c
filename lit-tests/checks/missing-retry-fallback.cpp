// RUN: %check_prodready %s prodready-missing-retry %t -- \
// RUN:   -config="{CheckOptions: {prodready-missing-retry.BestEffortFunctions: 'warmRemoteCache;::telemetry::Metrics::push;RemoteBackend::get'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-missing-retry %t-default -- -- -std=c++17
// Fallbacks real code uses instead of a retry loop: the candidate addresses
// of getaddrinfo, a caller that retries or has an alternative, and
// best-effort work (BestEffortFunctions).

#include <curl/curl.h>
#include <httplib.h>
#include <netdb.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

// --- Candidate addresses: the loop is the fallback --------------------------------

int dialAny(const char *host, const char *port) {
  addrinfo hints{}, *res = nullptr, *p = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  int fd = -1;
  for (p = res; p; p = p->ai_next) {
    fd = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
    if (fd < 0)
      continue;
    if (connect(fd, p->ai_addr, p->ai_addrlen) == -1) {
      close(fd);
      continue;
    }
    break;
  }
  freeaddrinfo(res);
  if (p == nullptr)
    return -1;
  return fd;
}

int dialAnyWhile(addrinfo *candidates) {
  addrinfo *p = candidates;
  while (p) {
    int fd = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
    if (connect(fd, p->ai_addr, p->ai_addrlen) == 0)
      return fd;
    close(fd);
    p = p->ai_next;
  }
  return -1;
}

bool fetchFromMirrors(CURL *h, const char *const *mirrors, int count) {
  // Stepping through candidates the call does not use is still a retry
  // loop, with no delay.
  for (int i = 0; i < count; ++i) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    if (curl_easy_perform(h) == CURLE_OK)
      return true;
  }
  return false;
}

// --- A caller that retries or falls back --------------------------------------------

static bool fetchOnce(httplib::Client &cli, std::string &out) {
  auto res = cli.Get("/config");
  if (!res || res->status != 200)
    return false;
  out = res->body;
  return true;
}

std::string fetchPatiently(httplib::Client &cli) {
  std::string out;
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (fetchOnce(cli, out))
      return out;
    sleep(1);
  }
  return "";
}

static bool fetchRemote(CURL *h) {
  if (curl_easy_perform(h) != CURLE_OK)
    return false;
  return true;
}

void buildLocally();
void build(CURL *h) {
  if (!fetchRemote(h))
    buildLocally();
}

static bool fetchPrimary(CURL *h) {
  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK)
    return false;
  return true;
}
bool fetchSecondary();
bool fetchEither(CURL *h) { return fetchPrimary(h) || fetchSecondary(); }

static bool pushConfig(CURL *h) {
  if (curl_easy_perform(h) != CURLE_OK)
    return false;
  return true;
}
static bool syncConfig(CURL *h) { return pushConfig(h); }
void useCachedConfig();
void refresh(CURL *h) {
  if (!syncConfig(h))
    useCachedConfig();
}

// --- A caller that only passes the failure on: reported -----------------------------

static bool upload(CURL *h) {
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    return false;
  return true;
}

bool sync(CURL *h) {
  if (!upload(h))
    return false;
  return true;
}

static bool report(CURL *h) {
  // The caller ignores the result: nothing handles the failure.
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    return false;
  return true;
}
void finish(CURL *h) { report(h); }

static void mustUpload(CURL *h) {
  // Thrown, not returned: the fallback below never sees a result.
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    throw std::runtime_error("upload failed");
}
void uploadAll(CURL *h) { mustUpload(h); }

// --- BestEffortFunctions ------------------------------------------------------------

bool warmRemoteCache(CURL *h) {
  // A remote cache: on failure the build does the work locally.
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    return false;
  return true;
}

namespace telemetry {
class Metrics {
public:
  bool push(httplib::Client &cli) {
    auto send = [&] {
      auto res = cli.Post("/metrics", "", "text/plain");
      // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:18: warning: 'Post' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
      if (!res)
        throw std::runtime_error("metrics");
    };
    send();
    return true;
  }
};
} // namespace telemetry

static bool fetchHint(CURL *h) {
  // Returned to a best-effort caller.
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    return false;
  return true;
}
bool warmRemoteCache(CURL *h, int) {
  if (!fetchHint(h))
    return false;
  return true;
}

// A partly qualified name matches in any namespace, anonymous ones too.
namespace storage {
namespace {
class RemoteBackend {
public:
  bool get(CURL *h) {
    if (curl_easy_perform(h) != CURLE_OK)
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:9: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
      throw std::runtime_error("get");
    return true;
  }
};
} // namespace
bool useBackend(CURL *h) { return RemoteBackend().get(h); }
} // namespace storage

namespace other {
// Same name as the listed telemetry::Metrics::push, another class: reported.
struct Metrics {
  bool push(CURL *h) {
    if (curl_easy_perform(h) != CURLE_OK)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:9: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
      throw std::runtime_error("push");
    return true;
  }
};
} // namespace other
