// RUN: %check_prodready -expect-compile-error %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++17
// Strict mode, so that the analysis runs on every access of the broken code.
// Broken code must not crash the analysis.

#include <vector>

int unknownContainer(UnknownVector &v) { return v[0]; }

int unknownIndex(const std::vector<int> &v) { return v[undeclared_index]; }

int unknownGuard(const std::vector<int> &v) {
  if (undeclared_guard(v))
    return v[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  return 0;
}

int unknownSize(const std::vector<int> &v, Missing n) {
  for (Missing i = 0; i < n; ++i)
    if (v.size() > i)
      return v[i];
  return v.empty() ? 0 : v.front();
}

template <typename Container> int dependent(const Container &c) {
  return c[0] + c.front();
}

// A missing header is a fatal error: the AST ends here, incomplete.
#include "missing_header_for_the_test.h"

int unterminated(const std::vector<int> &v) {
  return v[0
}
