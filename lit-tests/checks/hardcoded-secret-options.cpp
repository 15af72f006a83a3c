// Tests and examples are where fake secrets live: by default a file under a
// `tests` directory is not checked.
// RUN: %check_prodready -check-suffix=IGNORED %s prodready-hardcoded-secret %t/tests/secrets -- -- -std=c++17
// RUN: %check_prodready -check-suffix=ALL %s prodready-hardcoded-secret %t/tests/all -- \
// RUN:   -config="{CheckOptions: {prodready-hardcoded-secret.IgnorePaths: ''}}" -- -std=c++17
// RUN: %check_prodready -check-suffix=VALUES %s prodready-hardcoded-secret %t/values -- \
// RUN:   -config="{CheckOptions: {prodready-hardcoded-secret.IgnoreValues: '^(hunter|dev-)'}}" -- -std=c++17
// RUN: %check_prodready -check-suffix=FIX -fix-notes %s prodready-hardcoded-secret %t/fix -- \
// RUN:   -config="{CheckOptions: {prodready-hardcoded-secret.EnvironmentFallback: true}}" -- -std=c++17
// A bad regular expression is a configuration error that names the option.
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-hardcoded-secret' \
// RUN:   -config="{CheckOptions: {prodready-hardcoded-secret.IgnorePaths: '(tests', prodready-hardcoded-secret.IgnoreValues: '[a-'}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION-DAG: warning: invalid regular expression '(tests' for option 'IgnorePaths' of check 'prodready-hardcoded-secret': parentheses not balanced [clang-tidy-config]
// BAD-OPTION-DAG: warning: invalid regular expression '[a-' for option 'IgnoreValues' of check 'prodready-hardcoded-secret': invalid character range [clang-tidy-config]

#include <string>
// The include the fixes need is added once.
// CHECK-FIXES-FIX: #include <cstdlib>

// With EnvironmentFallback, a note offers reading the secret from an
// environment variable named after what holds it; --fix-notes applies it.
std::string db_password = "hunter2";
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:27: warning: 'db_password' is named as a password {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:27: warning: 'db_password' is named as a password {{.*}}
// CHECK-FIXES-FIX: std::string db_password = [] { const char *value = std::getenv("DB_PASSWORD"); return value ? value : ""; }();
const char *const kApiKey = "dev-3f9a1c7e5b2d4f60";
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:29: warning: 'kApiKey' is named as an API key {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:29: warning: 'kApiKey' is named as an API key {{.*}}
// CHECK-FIXES-FIX: const char *const kApiKey = [] { const char *value = std::getenv("API_KEY"); return value ? value : ""; }();

struct Service {
  Service() : token_("4f2a9c1e7b3d5a60") {}
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:22: warning: 'token_' is named as a token {{.*}}
  // CHECK-MESSAGES-VALUES: :[[@LINE-2]]:22: warning: 'token_' is named as a token {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:22: warning: 'token_' is named as a token {{.*}}
  // CHECK-FIXES-FIX: Service() : token_([] { const char *value = std::getenv("TOKEN"); return value ? value : ""; }()) {}
  std::string client_secret = "s3cr3t-for-client";
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:31: warning: 'client_secret' is named as a secret {{.*}}
  // CHECK-MESSAGES-VALUES: :[[@LINE-2]]:31: warning: 'client_secret' is named as a secret {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:31: warning: 'client_secret' is named as a secret {{.*}}
  // CHECK-FIXES-FIX: std::string client_secret = [] { const char *value = std::getenv("CLIENT_SECRET"); return value ? value : ""; }();
  std::string token_;
};

void connect(const char *host, const char *password = "Tr0ub4dor");
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:55: warning: parameter 'password' is named as a password {{.*}}
// CHECK-MESSAGES-VALUES: :[[@LINE-2]]:55: warning: parameter 'password' is named as a password {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:55: warning: parameter 'password' is named as a password {{.*}}
// CHECK-FIXES-FIX: void connect(const char *host, const char *password = [] { const char *value = std::getenv("PASSWORD"); return value ? value : ""; }());

void assign(std::string &smtp_password) {
  smtp_password = "letmein";
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:19: warning: 'smtp_password' is named as a password {{.*}}
  // CHECK-MESSAGES-VALUES: :[[@LINE-2]]:19: warning: 'smtp_password' is named as a password {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:19: warning: 'smtp_password' is named as a password {{.*}}
  // CHECK-FIXES-FIX: smtp_password = [] { const char *value = std::getenv("SMTP_PASSWORD"); return value ? value : ""; }();
}

// No rewrite compiles: constants must stay constant, an array cannot be
// initialized from a pointer, a macro is shared by its uses.
constexpr const char *kAdminPassword = "changeme";
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:40: warning: 'kAdminPassword' is named as a password {{.*}}
// CHECK-MESSAGES-VALUES: :[[@LINE-2]]:40: warning: 'kAdminPassword' is named as a password {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:40: warning: 'kAdminPassword' is named as a password {{.*}}
// CHECK-FIXES-FIX: constexpr const char *kAdminPassword = "changeme";
char root_password[] = "toor1234";
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:24: warning: 'root_password' is named as a password {{.*}}
// CHECK-MESSAGES-VALUES: :[[@LINE-2]]:24: warning: 'root_password' is named as a password {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:24: warning: 'root_password' is named as a password {{.*}}
// CHECK-FIXES-FIX: char root_password[] = "toor1234";
#define BROKER_PASSWORD "mosquitto1"
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:25: warning: macro 'BROKER_PASSWORD' is named as a password {{.*}}
// CHECK-MESSAGES-VALUES: :[[@LINE-2]]:25: warning: macro 'BROKER_PASSWORD' is named as a password {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:25: warning: macro 'BROKER_PASSWORD' is named as a password {{.*}}
const char *broker_password = BROKER_PASSWORD;
// CHECK-FIXES-FIX: const char *broker_password = BROKER_PASSWORD;
constexpr int passwordLength() {
  const char *pwd = "x9!kQ2#m";
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:21: warning: 'pwd' is named as a password {{.*}}
  // CHECK-MESSAGES-VALUES: :[[@LINE-2]]:21: warning: 'pwd' is named as a password {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:21: warning: 'pwd' is named as a password {{.*}}
  // CHECK-FIXES-FIX: const char *pwd = "x9!kQ2#m";
  return pwd[0];
}
