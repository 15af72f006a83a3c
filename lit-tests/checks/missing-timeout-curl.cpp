// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17

#include <curl/curl.h>
#include <string>

static size_t collect(char *data, size_t size, size_t count, void *out) {
  static_cast<std::string *>(out)->append(data, size * count);
  return size * count;
}

// --- Reported -----------------------------------------------------------------

std::string fetch(const std::string &url) {
  std::string body;
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return rc == CURLE_OK ? body : "";
}

bool ping(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (curl_easy_perform(h) != CURLE_OK) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: if (curl_easy_perform(h) != CURLE_OK) {
    curl_easy_cleanup(h);
    return false;
  }
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 1000L); // too late
  curl_easy_cleanup(h);
  return true;
}

CURL *makePlainHandle() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  return h;
}

void fromPlainHelper(const char *url) {
  CURL *h = makePlainHandle();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: curl_easy_perform(h);
  curl_easy_cleanup(h);
}

class Downloader {
public:
  Downloader() : curl_(curl_easy_init()) {}
  ~Downloader() { curl_easy_cleanup(curl_); }
  CURLcode get(const char *url) {
    curl_easy_setopt(curl_, CURLOPT_URL, url);
    return curl_easy_perform(curl_);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
    // CHECK-FIXES: curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, 30000L);
    // CHECK-FIXES: return curl_easy_perform(curl_);
  }

private:
  CURL *curl_;
};

// --- Not reported ---------------------------------------------------------------

bool withTimeout(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  bool ok = curl_easy_perform(h) == CURLE_OK;
  curl_easy_cleanup(h);
  return ok;
}

CURL *makeHandle() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
  return h;
}

bool fromHelper(const char *url) {
  CURL *h = makeHandle();
  curl_easy_setopt(h, CURLOPT_URL, url);
  return curl_easy_perform(h) == CURLE_OK;
}

void configure(CURL *h, long ms) { curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, ms); }

bool configuredByHelper(const char *url) {
  CURL *h = curl_easy_init();
  configure(h, 3000);
  curl_easy_setopt(h, CURLOPT_URL, url);
  return curl_easy_perform(h) == CURLE_OK;
}

// The caller configures a handle it passes in.
CURLcode performOn(CURL *h) { return curl_easy_perform(h); }

class Client {
public:
  Client() : curl_(curl_easy_init()) {
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, 10000L);
  }
  CURLcode get(const char *url) {
    curl_easy_setopt(curl_, CURLOPT_URL, url);
    return curl_easy_perform(curl_);
  }

private:
  CURL *curl_;
};
