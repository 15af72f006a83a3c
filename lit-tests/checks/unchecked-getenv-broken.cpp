// RUN: %check_prodready -expect-compile-error %s prodready-unchecked-getenv %t -- -- -std=c++17
// RUN: %check_prodready -expect-compile-error -check-suffix=MISSING %s prodready-unchecked-getenv %t-missing -- -- -std=c++17 -DMISSING_HEADER
// Code that does not compile must not crash the check; what can still be
// analyzed is. A missing header is a fatal error: nothing is reported, and
// nothing crashes.

#include <cstdlib>
#include <string>
#ifdef MISSING_HEADER
#include "does_not_exist.h"
#endif

std::string fromMissingType() {
  UnknownType Value = std::getenv("A");
  const char *P = std::getenv("B");
  std::string S = P;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'P' may be null ('getenv' returns null when 'B' is unset); constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  return S + undeclared_function(P);
}

void invalidDeclaration(int = std::getenv("C"));

const char *brokenHelper(const char *Name) {
  return std::getenv(Name) +;
}

void usesBrokenHelper() {
  std::string S = brokenHelper("D");
  missing_call(std::getenv("E"));
}

template <typename T> void dependent(T Name) {
  std::string S = std::getenv(Name);
}

struct Incomplete;
void incomplete(Incomplete &I) {
  std::string S = I.member(std::getenv("F"));
}

void unbalanced() {
  const char *Q = std::getenv("G");
  if (Q {
    std::string S = Q;
}
