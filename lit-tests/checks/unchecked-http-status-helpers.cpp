// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17
// Helpers that check a status, or give a libcurl handle its body sink,
// count as what their summaries say. A status that is only logged is not
// checked.

#include <cstdio>
#include <curl/curl.h>
#include <httplib.h>
#include <stdexcept>
#include <string>

static size_t collect(char *data, size_t size, size_t count, void *out) {
  static_cast<std::string *>(out)->append(data, size * count);
  return size * count;
}

static void setSink(CURL *h, std::string *body) {
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, body);
}

static void checkCurl(CURLcode rc) {
  if (rc != CURLE_OK)
    throw std::runtime_error(curl_easy_strerror(rc));
}

static void checkHttp(long status) {
  if (status < 200 || status >= 300)
    throw std::runtime_error("HTTP " + std::to_string(status));
}

static void logHttp(long status) { std::fprintf(stderr, "HTTP %ld\n", status); }

static bool answered(const httplib::Result &res) {
  return res && res->status == 200;
}

static void mustAnswer(const httplib::Result &res) {
  if (!answered(res))
    throw std::runtime_error("request failed");
}

static bool arrived(const httplib::Result &res) { return res != nullptr; }

// --- libcurl ----------------------------------------------------------------------

std::string bodyViaHelper(CURL *h) {
  std::string body;
  setSink(h, &body);
  checkCurl(curl_easy_perform(h));
  std::printf("%s", body.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: response body 'body' is used without checking the HTTP status (CURLINFO_RESPONSE_CODE); an error page would be taken as data [prodready-unchecked-http-status]
  return body;
}

std::string statusLogged(CURL *h) {
  std::string body;
  setSink(h, &body);
  checkCurl(curl_easy_perform(h));
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  logHttp(status);
  std::printf("%s", body.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: response body 'body' is used without checking the HTTP status (CURLINFO_RESPONSE_CODE); an error page would be taken as data [prodready-unchecked-http-status]
  return body;
}

std::string statusChecked(CURL *h) {
  std::string body;
  setSink(h, &body);
  checkCurl(curl_easy_perform(h));
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  checkHttp(status);
  return body;
}

// --- cpp-httplib ------------------------------------------------------------------

std::string verdictTested(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (!answered(res))
    return "";
  return res->body;
}

std::string checkerCalled(httplib::Client &cli) {
  auto res = cli.Get("/config");
  mustAnswer(res);
  return res->body;
}

std::string verdictIgnored(httplib::Client &cli) {
  auto res = cli.Get("/config");
  answered(res);
  return res->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'res' holds no response when the request failed; using it unchecked is undefined behaviour [prodready-unchecked-http-status]
}

std::string verdictOnOtherBranch(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (answered(res))
    std::fprintf(stderr, "ok\n");
  return res->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'res' holds no response when the request failed; using it unchecked is undefined behaviour [prodready-unchecked-http-status]
}

// A helper that tests only that a response arrived vouches for the
// response, not for its status.
std::string arrivalOnly(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (!arrived(res))
    return "";
  return res->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: response body is used without checking 'status'; an error page (404, 500) would be taken as data [prodready-unchecked-http-status]
}

std::string arrivalAndStatus(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (!arrived(res) || res->status != 200)
    return "";
  return res->body;
}
