// RUN: %check_prodready -expect-compile-error %s prodready-regex-in-loop %t -- -- -std=c++17
// RUN: %check_prodready -expect-compile-error -check-suffix=MISSING %s prodready-regex-in-loop %t-missing -- -- -std=c++17 -DMISSING_HEADER
// Code that does not compile must not crash the check; what can still be
// analyzed is. A missing header is a fatal error: nothing is reported.

#include <regex>
#include <string>
#include <vector>
#ifdef MISSING_HEADER
#include "does_not_exist.h"
#endif

bool unknownType(const std::string &S) {
  UnknownRegex Bad("x");
  std::regex Re("^ok$");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'unknownType'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  return std::regex_match(S, Re) && Bad.match(S);
}

bool undeclaredPattern(const std::string &S) {
  std::regex Re(kMissingPattern);
  return std::regex_match(S, Re);
}

int brokenLoop(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const auto &Line : Lines {
    std::regex Re("a");
    N += std::regex_search(Line, Re);
  }
  return N;
}

void badArguments(const std::string &S) {
  std::regex Re("a", 1, 2, 3);
  std::regex_search(S, std::regex());
  std::regex_search(S, std::regex("b", undeclared_flag));
  Re.assign();
  Re.assign(missing_function());
}

template <class T> void brokenTemplate(T Value) {
  for (auto X : Value)
    std::regex_search(X, std::regex(X + ));
}

auto brokenLambda = [](const std::string &S) {
  return std::regex_match(S, std::regex("c") +;
};
