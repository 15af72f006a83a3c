// RUN: %check_prodready -expect-compile-error %s prodready-unvalidated-env-parse %t -- -- -std=c++17
// Broken code must not crash the check.

#include <cstdlib>
#include <string>

int unknownType() {
  Unknown Value = std::stoi(std::getenv("A"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::stoi' throws 'std::invalid_argument' on a malformed value of 'A' that is not caught here; the program terminates [prodready-unvalidated-env-parse]
  return std::atoi(std::getenv("B"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' cannot report errors: a malformed value of 'B' silently becomes 0 [prodready-unvalidated-env-parse]
}

int missingArgs() {
  return std::stoi();
}

long badEnd() {
  return std::strtol(std::getenv("C"), &undeclared, 10);
}

template <typename T> T dependent(const char *Name) {
  return static_cast<T>(std::stoi(std::getenv(Name)));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'std::stoi' throws 'std::invalid_argument' on a malformed value of an environment variable that is not caught here; the program terminates
}

int unterminated() {
  try {
    return std::stoi(std::getenv("D"));
  } catch (UnknownException &) {
    return 0;
  }
