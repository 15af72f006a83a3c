// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c++17
// The notes that explain each finding, in the order clang-tidy prints them
// (a warning, then its notes).

#include <cstdlib>
#include <cstring>
#include <string>

static const char *readSetting(const char *Name) {
  return std::getenv(Name);
}

void notes() {
  const char *Token = std::getenv("TOKEN");
  std::string T = Token;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'Token' may be null ('getenv' returns null when 'TOKEN' is unset); constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: 'Token' is set from 'getenv' here

  std::string S = readSetting("S");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'readSetting' may return null when an environment variable is unset; constructing 'std::string' from it is undefined behaviour
  // CHECK-NOTES: :10:3: note: 'readSetting' returns a possibly null value here

  const char *R = readSetting("R");
  size_t N = strlen(R);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'R' may be null ('readSetting' may return null when an environment variable is unset); passing it to 'strlen' is undefined behaviour
  // CHECK-NOTES: :[[@LINE-3]]:19: note: 'R' is set from 'readSetting' here
  // CHECK-NOTES: :10:3: note: 'readSetting' returns a possibly null value here

  int Port = std::atoi(std::getenv("PORT"));
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'getenv' returns null when 'PORT' is unset; passing it to 'atoi' is undefined behaviour
  // CHECK-NOTES: :[[@LINE-2]]:24: note: use "" when 'PORT' is unset
  (void)N; (void)Port;
}
