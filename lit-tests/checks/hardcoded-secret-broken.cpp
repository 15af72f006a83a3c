// RUN: %check_prodready -expect-compile-error %s prodready-hardcoded-secret %t -- -- -std=c++17
// RUN: %check_prodready -expect-compile-error -check-suffix=MISSING %s prodready-hardcoded-secret %t-missing -- -- -std=c++17 -DMISSING_HEADER
// Code that does not compile must not crash the check; what can still be
// analyzed is, also after a fatal error (a missing header).

#include <string>
#ifdef MISSING_HEADER
#include "does_not_exist.h"
#endif

UnknownType db_password = "hunter2";
const char *api_key = "a1b2c3d4e5f6a7b8";
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'api_key' is named as an API key and set to a hard-coded string; {{.*}}
// CHECK-MESSAGES-MISSING: :[[@LINE-2]]:23: warning: 'api_key' is named as an API key and set to a hard-coded string; {{.*}}

void calls() {
  undeclared_login("app", "hunter2");
  std::string password = undeclared_function("Tr0ub4dor");
  curl_easy_setopt(nullptr, CURLOPT_USERPWD, "app:hunter2");
  EVP_EncryptInit_ex(nullptr, nullptr, nullptr, key, nullptr);
  std::string token = "9f86d081884c7d659a2feaa0c55ad015" +;
}

struct Broken {
  std::string secret = ;
  Broken() : missing_("x") {}
};

// Template literal operators have no string argument.
template <char...> int operator""_n();
int n = 123_n;
