// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17

#include <httplib.h>
#include <stdexcept>
#include <string>

std::string direct(httplib::Client &cli) {
  return cli.Get("/config")->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Get' returns an empty 'httplib::Result' when the request fails; using its response unchecked is undefined behaviour [prodready-unchecked-http-status]
}

std::string unchecked(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (res->status != 200)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'res' holds no response when the request failed; using it unchecked is undefined behaviour [prodready-unchecked-http-status]
    return "";
  return res->body; // reported once, above
}

std::string checkedOnOnePath(httplib::Client &cli, bool verbose) {
  auto res = cli.Get("/config");
  if (verbose && !res)
    return "";
  return res->status == 200 ? res->body : "";
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'res' holds no response when the request failed; using it unchecked is undefined behaviour [prodready-unchecked-http-status]
}

std::string noStatus(httplib::Client &cli) {
  auto res = cli.Post("/jobs", "{}", "application/json");
  if (!res)
    throw std::runtime_error("no response");
  return res->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: response body is used without checking 'status'; an error page (404, 500) would be taken as data [prodready-unchecked-http-status]
}

// --- Not reported ---------------------------------------------------------------

std::string checked(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (!res)
    throw std::runtime_error(httplib::to_string(res.error()));
  if (res->status != 200)
    throw std::runtime_error("HTTP " + std::to_string(res->status));
  return res->body;
}

std::string checkedInline(httplib::Client &cli) {
  if (auto res = cli.Get("/config"); res && res->status == 200)
    return res->body;
  return "";
}

std::string checkedNull(httplib::Client &cli) {
  auto res = cli.Get("/config");
  if (res == nullptr || res->status / 100 != 2)
    return "";
  return res->body;
}
