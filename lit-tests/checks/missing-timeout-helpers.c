// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c11
// C helpers that configure the libcurl handle they are given.

#include <curl/curl.h>
#include <stddef.h>

static void set_timeouts(CURL *h) {
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
}

static void set_url(CURL *h, const char *url) {
  curl_easy_setopt(h, CURLOPT_URL, url);
}

static int setup(CURL *h, const char *url, long timeout_ms) {
  if (h == NULL)
    return -1;
  set_url(h, url);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
  return 0;
}

static void maybe_timeout(CURL *h, int batch) {
  if (batch)
    return;
  set_timeouts(h);
}

int fetch_plain(const char *url) {
  CURL *h = curl_easy_init();
  set_url(h, url);
  CURLcode rc = curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? 0 : -1;
}

// Batch jobs get no timeout from the helper.
int fetch_maybe(const char *url, int batch) {
  CURL *h = curl_easy_init();
  set_url(h, url);
  maybe_timeout(h, batch);
  CURLcode rc = curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES: CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? 0 : -1;
}

int fetch_configured(const char *url) {
  CURL *h = curl_easy_init();
  set_url(h, url);
  set_timeouts(h);
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? 0 : -1;
}

// Returns -1 without configuring only when it was given no handle.
int fetch_setup(const char *url) {
  CURL *h = curl_easy_init();
  if (setup(h, url, 2000L) != 0)
    return -1;
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? 0 : -1;
}
