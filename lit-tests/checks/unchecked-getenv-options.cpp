// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-unchecked-getenv %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-getenv.DefaultValue: 'http://localhost:8080'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=NOTES -fix-notes %s prodready-unchecked-getenv %t-notes -- \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=CUSTOM %s prodready-unchecked-getenv %t-custom -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-getenv.EnvFunctions: '::config::lookup', prodready-unchecked-getenv.NonNullFunctions: '::connect_to'}}" \
// RUN:   -- -std=c++17

#include <cstdio>
#include <cstdlib>
#include <string>

namespace config {
// A project's own reader that returns null for missing keys.
const char *lookup(const char *Key);
} // namespace config

void connect_to(const char *Url);

void defaults() {
  std::string Base = std::getenv("API_BASE");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:22: warning: 'getenv' returns null when 'API_BASE' is unset; constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES-DEFAULT: std::string Base = api_base ? api_base : "http://localhost:8080";
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:22: warning: 'getenv' returns null when 'API_BASE' is unset; constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES-NOTES: std::string Base = api_base ? api_base : "";
}

// With --fix-notes, the fix for a path sink is applied too.
void paths() {
  FILE *Log = std::fopen(std::getenv("LOG_FILE"), "a");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:26: warning: 'getenv' returns null when 'LOG_FILE' is unset; passing it to 'fopen' is undefined behaviour
  // CHECK-FIXES-DEFAULT: FILE *Log = std::fopen(std::getenv("LOG_FILE"), "a");
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:26: warning: 'getenv' returns null when 'LOG_FILE' is unset; passing it to 'fopen' is undefined behaviour
  // CHECK-FIXES-NOTES:      const char *log_file = std::getenv("LOG_FILE");
  // CHECK-FIXES-NOTES-NEXT: FILE *Log = std::fopen(log_file ? log_file : "", "a");
  (void)Log;
}

// Custom readers and sinks (only with the CUSTOM options).
void custom() {
  const char *Url = config::lookup("url");
  connect_to(Url);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:14: warning: 'Url' may be null ('lookup' returns null when 'url' is unset); passing it to 'connect_to' is undefined behaviour
  std::string Copy = Url;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:22: warning: 'Url' may be null ('lookup' returns null when 'url' is unset); constructing 'std::string' from it is undefined behaviour
  // CHECK-FIXES-CUSTOM: std::string Copy = Url ? Url : "";
  if (Url)
    connect_to(Url);
}
