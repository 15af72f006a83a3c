// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17
// A status read with CURLINFO_RESPONSE_CODE is a check when the code
// decides on it (a condition, a switch, a comparison), returns it, stores
// it for someone else or gives it to a helper that decides; printing or
// logging it is not.

#include <cstdio>
#include <curl/curl.h>
#include <iostream>
#include <spdlog/spdlog.h>
#include <stdexcept>
#include <string>

static size_t append(char *data, size_t size, size_t count, void *out) {
  static_cast<std::string *>(out)->append(data, size * count);
  return size * count;
}

static void prepare(CURL *h, std::string &body) {
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append);
}

std::string printed(CURL *h) {
  std::string body;
  prepare(h, body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  std::printf("GET -> %ld\n", status);
  std::cerr << "status " << status << '\n';
  spdlog::info("HTTP {} ({} bytes)", status, body.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: response body 'body' is used without checking the HTTP status (CURLINFO_RESPONSE_CODE); an error page would be taken as data [prodready-unchecked-http-status]
  return body;
}

static void logStatus(const char *what, long code) {
  std::fprintf(stderr, "%s: HTTP %ld\n", what, code);
}

std::string loggedByHelper(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  if (curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK)
    throw std::runtime_error("no status");
  logStatus("download", status);
  std::string message = "HTTP " + std::to_string(status);
  std::puts(message.c_str());
  std::string copy = body;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: response body 'body' is used without checking the HTTP status
  return copy;
}

// --- Checks: silent ---------------------------------------------------------

std::string switched(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  switch (status) {
  case 200:
    break;
  case 404:
    return "";
  default:
    throw std::runtime_error("HTTP " + std::to_string(status));
  }
  std::printf("%zu bytes\n", body.size());
  return body;
}

struct Download {
  std::string Body;
  long Status = 0;
};

Download returnedWithBody(CURL *h) {
  Download d;
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  d.Status = status;
  d.Body = body;
  return d;
}

std::string outParameter(CURL *h, long *statusOut) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  *statusOut = status;
  std::printf("%zu bytes\n", body.size());
  return body;
}

bool isSuccess(long code) { return code >= 200 && code < 300; }
static void requireSuccess(long code) {
  if (!isSuccess(code))
    throw std::runtime_error("HTTP " + std::to_string(code));
}

std::string checkedByHelper(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  requireSuccess(status);
  std::printf("%zu bytes\n", body.size());
  return body;
}

std::string conditional(CURL *h) {
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(h) != CURLE_OK)
    throw std::runtime_error("transfer failed");
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  long copy = status;
  return copy / 100 == 2 ? body : std::string();
}
