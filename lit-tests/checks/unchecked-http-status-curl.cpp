// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17

#include <curl/curl.h>
#include <stdexcept>
#include <string>

static size_t collect(char *data, size_t size, size_t count, void *out) {
  static_cast<std::string *>(out)->append(data, size * count);
  return size * count;
}

void fireAndForget(CURL *h) {
  curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the CURLcode of 'curl_easy_perform' is ignored; a failed transfer (timeout, refused connection, TLS error) goes unnoticed [prodready-unchecked-http-status]
}

std::string bodyWithoutStatus(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  return body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: response body 'body' is used without checking the HTTP status (CURLINFO_RESPONSE_CODE); an error page would be taken as data [prodready-unchecked-http-status]
}

// The caller, which holds the handle, does not check the status either.
std::string configText(CURL *h) {
  std::string text = bodyWithoutStatus(h);
  return text + "\n";
}

// --- Not reported ---------------------------------------------------------------

void explicitlyIgnored(CURL *h) { (void)curl_easy_perform(h); }

std::string bodyAfterStatus(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200)
    throw std::runtime_error("HTTP " + std::to_string(status));
  return body;
}

bool checkedCode(CURL *h) {
  CURLcode rc = curl_easy_perform(h);
  return rc == CURLE_OK;
}
