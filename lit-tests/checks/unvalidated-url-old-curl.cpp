// RUN: %check_prodready %s prodready-unvalidated-url %t -- -- -std=c++17 -isystem %inputs/system/old-curl
// RUN: %check_prodready -check-suffix=TWO %s prodready-unvalidated-url %t-two -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-url.AllowedProtocols: 'https,http'}}" \
// RUN:   -- -std=c++17 -isystem %inputs/system/old-curl
// Before libcurl 7.85 there is no CURLOPT_REDIR_PROTOCOLS_STR: the fix
// uses the bitmask option, which the newer headers still accept.

#include <curl/curl.h>

void download(const char *Url) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, Url);
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled on a handle with no 'CURLOPT_REDIR_PROTOCOLS_STR' or 'CURLOPT_PROTOCOLS_STR' restriction
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTPS));
  // CHECK-MESSAGES-TWO: :[[@LINE-3]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
  // CHECK-FIXES-TWO: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTPS | CURLPROTO_HTTP));
  curl_easy_perform(H);
  curl_easy_cleanup(H);
}

// The bitmask restriction counts.
void restricted(const char *Url) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_PROTOCOLS, CURLPROTO_HTTPS);
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_cleanup(H);
}
