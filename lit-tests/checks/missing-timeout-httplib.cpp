// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17

#include <chrono>
#include <cstdlib>
#include <httplib.h>
#include <string>

std::string zeroTimeouts() {
  httplib::Client cli("http://example.com");
  cli.set_connection_timeout(0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_connection_timeout' with a zero or negative timeout makes every request fail at once; it does not mean "no limit" [prodready-missing-timeout]
  cli.set_read_timeout(std::chrono::seconds(0));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_read_timeout' with a zero or negative timeout makes every request fail at once; it does not mean "no limit" [prodready-missing-timeout]
  cli.set_write_timeout(-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_write_timeout' with a zero or negative timeout makes every request fail at once; it does not mean "no limit" [prodready-missing-timeout]
  auto res = cli.Get("/");
  return res ? res->body : "";
}

std::string timeoutFromEnvironment() {
  httplib::Client cli("http://example.com");
  cli.set_read_timeout(std::atoi(std::getenv("READ_TIMEOUT")));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_read_timeout' takes its timeout from untrusted input; a zero, negative or huge value defeats it, so check its range first [prodready-missing-timeout]
  auto res = cli.Get("/");
  return res ? res->body : "";
}

// --- Not reported ---------------------------------------------------------------

std::string validatedTimeout() {
  httplib::Client cli("http://example.com");
  int seconds = std::atoi(std::getenv("READ_TIMEOUT"));
  if (seconds <= 0 || seconds > 60)
    seconds = 10;
  cli.set_read_timeout(seconds);
  auto res = cli.Get("/");
  return res ? res->body : "";
}

std::string sensibleTimeouts() {
  httplib::Client cli("http://example.com");
  cli.set_connection_timeout(2, 0);
  cli.set_read_timeout(std::chrono::seconds(10));
  cli.set_write_timeout(5);
  auto res = cli.Get("/");
  return res ? res->body : "";
}

std::string defaultTimeouts() {
  // cpp-httplib's defaults are finite.
  httplib::Client cli("http://example.com");
  auto res = cli.Get("/");
  return res ? res->body : "";
}

void configured(httplib::Client &cli, time_t seconds) {
  cli.set_read_timeout(seconds);
}
