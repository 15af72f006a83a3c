// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17
// A function that performs the transfer and returns the body leaves the
// status to its caller when the caller holds the handle: reported when a
// caller in this file uses the body without checking it either, silent
// when every caller checks, or when the callers are elsewhere.

#include <cstdio>
#include <curl/curl.h>
#include <stdexcept>
#include <string>

namespace {

std::string download(CURL *h, const std::string &url) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  return body;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: response body 'body' is used without checking the HTTP status (CURLINFO_RESPONSE_CODE); an error page would be taken as data [prodready-unchecked-http-status]
  // CHECK-NOTES: :[[@LINE+13]]:22: note: 'download' returns it here, to a caller that does not check the status either
}

std::string checkedByCaller(CURL *h) {
  std::string page = download(h, "https://example.org/a");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200)
    return "";
  return page;
}

void saveUnchecked(CURL *h, std::FILE *out) {
  std::string page = download(h, "https://example.org/b");
  std::fputs(page.c_str(), out);
}

// Every caller checks: silent.
std::string fetchChecked(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  return body;
}

std::string firstCaller(CURL *h) {
  std::string text = fetchChecked(h);
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  return code == 200 ? text : std::string();
}

// Returned on: the caller's caller decides.
std::string passesOn(CURL *h) { return fetchChecked(h); }

} // namespace

// No caller in this file: the callers elsewhere may check.
std::string fetchForOthers(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  return body;
}

// The handle is the function's own: no caller can read the status.
std::string fetchWithOwnHandle(const std::string &url) {
  CURL *h = curl_easy_init();
  std::string body;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  if (rc != CURLE_OK)
    throw std::runtime_error("transfer failed");
  return body;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: response body 'body' is used without checking the HTTP status
}
