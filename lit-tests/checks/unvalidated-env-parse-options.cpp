// RUN: %check_prodready -check-suffix=FALLBACK %s prodready-unvalidated-env-parse %t -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-env-parse.FallbackValue: 'kDefaultPort', prodready-unvalidated-env-parse.HelperHeader: 'third_party/prodready/env.h'}}" \
// RUN:   -- -std=c++17 -I%runtime_include -I%inputs
// RUN: %check_prodready -check-suffix=NOERRNO %s prodready-unvalidated-env-parse %t-noerrno -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-env-parse.RequireErrnoCheck: false}}" \
// RUN:   -- -std=c++17 -I%runtime_include -I%inputs
// RUN: %check_prodready -check-suffix=CXX14 %s prodready-unvalidated-env-parse %t-cxx14 -- \
// RUN:   -- -std=c++14 -I%runtime_include -I%inputs
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unvalidated-env-parse' \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-env-parse.FallbackValue: '1; system(\"rm\")'}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION: warning: invalid value '1; system("rm")' for option 'FallbackValue' of check 'prodready-unvalidated-env-parse': expected a number or a constant name; fix-its are disabled [clang-tidy-config]

// CHECK-FIXES-FALLBACK: #include "third_party/prodready/env.h"
#include <cerrno>
#include <cstdlib>
#include <string>

constexpr int kDefaultPort = 8080;

int port() {
  return std::atoi(std::getenv("PORT"));
  // CHECK-MESSAGES-FALLBACK: :[[@LINE-1]]:10: warning: 'atoi' cannot report errors: a malformed value of 'PORT' silently becomes 0 [prodready-unvalidated-env-parse]
  // CHECK-FIXES-FALLBACK: return prodready::parse_number_or<int>(std::getenv("PORT"), kDefaultPort);
  // CHECK-MESSAGES-NOERRNO: :[[@LINE-3]]:10: warning: 'atoi' cannot report errors: a malformed value of 'PORT' silently becomes 0 [prodready-unvalidated-env-parse]
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:10: warning: 'atoi' cannot report errors: a malformed value of 'PORT' silently becomes 0 [prodready-unvalidated-env-parse]
  // C++14 has no std::from_chars, so no fix there:
  // CHECK-FIXES-CXX14: return std::atoi(std::getenv("PORT"));
}

long timeout() {
  const char *Text = std::getenv("TIMEOUT");
  char *End = nullptr;
  long Value = std::strtol(Text, &End, 10);
  // CHECK-MESSAGES-FALLBACK: :[[@LINE-1]]:16: warning: 'errno' is not checked after 'strtol': an out-of-range value of 'TIMEOUT' is silently clamped
  // CHECK-MESSAGES-CXX14: :[[@LINE-2]]:16: warning: 'errno' is not checked after 'strtol': an out-of-range value of 'TIMEOUT' is silently clamped
  if (End == Text || *End != '\0')
    return 30;
  return Value;
}
