// RUN: %check_prodready -expect-compile-error %s prodready-missing-timeout %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <curl/curl.h>

void unknownHandle(const char *url) {
  UnknownHandle h = make_unknown();
  curl_easy_perform(h);
}

void unknownHelper(const char *url) {
  CURL *h = undeclared_factory();
  curl_easy_perform(h);
}

void knownHandle() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h, extra_argument);
}

void recursiveHelper(CURL *h);
CURL *makeRecursive() { CURL *h = makeRecursive(); recursiveHelper(h); return h; }
void recursiveHelper(CURL *h) { recursiveHelper(h); }
void useRecursive() {
  CURL *h = makeRecursive();
  curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
}

void unterminated() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h
}
