// RUN: %check_prodready -check-suffix=AMOUNT %s prodready-missing-timeout %t -- \
// RUN:   -config="{CheckOptions: {prodready-missing-timeout.DefaultTimeoutMs: 5000}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=CONNECT %s prodready-missing-timeout %t-connect -- \
// RUN:   -config="{CheckOptions: {prodready-missing-timeout.RequireConnectTimeout: true}}" \
// RUN:   -- -std=c++17
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-missing-timeout' \
// RUN:   -config="{CheckOptions: {prodready-missing-timeout.DefaultTimeoutMs: -3}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION: warning: invalid value '-3' for option 'DefaultTimeoutMs' of check 'prodready-missing-timeout': expected a positive number of milliseconds; using 30000 [clang-tidy-config]

#include <curl/curl.h>

void noTimeout(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  // CHECK-MESSAGES-AMOUNT: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES-AMOUNT: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
  // CHECK-FIXES-AMOUNT-NEXT: curl_easy_perform(h);
  // CHECK-MESSAGES-CONNECT: :[[@LINE-4]]:3: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
  // CHECK-FIXES-CONNECT: curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES-CONNECT-NEXT: curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 30000L);
  // CHECK-FIXES-CONNECT-NEXT: curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void totalTimeoutOnly(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
  curl_easy_perform(h);
  // CHECK-MESSAGES-CONNECT: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on a handle without CURLOPT_CONNECTTIMEOUT or CURLOPT_CONNECTTIMEOUT_MS can wait minutes for an unreachable host [prodready-missing-timeout]
  // CHECK-FIXES-CONNECT: curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 30000L);
  // CHECK-FIXES-CONNECT-NEXT: curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void bothTimeouts(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
