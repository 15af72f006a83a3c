// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17
// cpp-httplib: comparing res.error() with httplib::Error::Success tests
// that a response arrived, as `if (res)` does; a switch on res->status
// tests the status.

#include <httplib.h>
#include <stdexcept>
#include <string>

std::string errorRejected(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (res.error() != httplib::Error::Success)
    throw std::runtime_error(httplib::to_string(res.error()));
  if (res->status != 200)
    return "";
  return res->body;
}

std::string successBranch(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (httplib::Error::Success == res.error() && res->status == 200)
    return res->body;
  return "";
}

std::string switchOnStatus(httplib::Client &cli) {
  httplib::Result res = cli.Get("/config");
  if (!res)
    return "";
  switch (res->status) {
  case 200:
    return res->body;
  case 404:
    return "{}";
  default:
    throw std::runtime_error("HTTP " + std::to_string(res->status));
  }
}

// --- Reported ---------------------------------------------------------------

// The error is compared, but on the wrong branch.
std::string errorInverted(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (res.error() == httplib::Error::Success)
    return "";
  return res->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'res' holds no response when the request failed; using it unchecked is undefined behaviour [prodready-unchecked-http-status]
}

// Another error than Success says nothing of a response.
std::string otherError(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (res.error() == httplib::Error::Connection)
    throw std::runtime_error("unreachable");
  return res->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'res' holds no response when the request failed
}

// The result is checked, its status is not: a switch on something else.
std::string switchOnLength(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (res.error() != httplib::Error::Success)
    return "";
  switch (res->body.size()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: response body is used without checking 'status'; an error page (404, 500) would be taken as data [prodready-unchecked-http-status]
  case 0:
    return "{}";
  default:
    return res->body;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: response body is used without checking 'status'
  }
}
