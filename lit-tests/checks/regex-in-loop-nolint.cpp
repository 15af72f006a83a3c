// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++17 -isystem %inputs
// The NOLINT comment family silences findings as for every clang-tidy
// check; code in system headers, and macros from them expanded in user
// code, are never reported.

#include <regex>
#include <string>

bool a(const std::string &S) {
  std::regex Re("a"); // NOLINT(prodready-regex-in-loop)
  return std::regex_match(S, Re);
}

bool b(const std::string &S) {
  // NOLINTNEXTLINE(prodready-*)
  std::regex Re("b");
  return std::regex_match(S, Re);
}

// NOLINTBEGIN(prodready-regex-in-loop)
bool c(const std::string &S) {
  std::regex Re("c");
  return std::regex_match(S, Re);
}
// NOLINTEND(prodready-regex-in-loop)

bool d(const std::string &S) {
  std::regex Re("d"); // NOLINT(some-other-check)
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'd'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  return std::regex_match(S, Re);
}

#include "system/regex_macros.h"
bool e(const std::string &S) {
  SYSTEM_DECLARE_REGEX(Re, "e");
  return std::regex_match(S, Re) || system_is_blank(S);
}
