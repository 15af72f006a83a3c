// RUN: %check_prodready -check-suffix=FIX -fix-notes %s prodready-hardcoded-secret %t -- \
// RUN:   -config="{CheckOptions: {prodready-hardcoded-secret.EnvironmentFallback: true}}" -- -std=c++17
// Templates are analyzed through their instantiations; a secret in one is
// reported once, with the fix every instantiation agrees on.

#include <string>
// CHECK-FIXES-FIX: #include <cstdlib>

template <typename Client> void authenticate(Client &C) {
  std::string api_token = "ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK";
  // CHECK-MESSAGES-FIX: :[[@LINE-1]]:27: warning: string literal has the format of a GitHub token; {{.*}}
  std::string admin_password = "changeme";
  // CHECK-MESSAGES-FIX: :[[@LINE-1]]:32: warning: 'admin_password' is named as a password and set to a hard-coded string; {{.*}}
  // CHECK-FIXES-FIX: std::string admin_password = [] { const char *value = std::getenv("ADMIN_PASSWORD"); return value ? value : ""; }();
  C.login(api_token, admin_password);
}

template <typename T> struct Holder {
  const char *secret = "0123456789abcdef";
  // CHECK-MESSAGES-FIX: :[[@LINE-1]]:24: warning: 'secret' is named as a secret and set to a hard-coded string; {{.*}}
  // CHECK-FIXES-FIX: const char *secret = [] { const char *value = std::getenv("SECRET"); return value ? value : ""; }();
  T value;
};

struct Http { void login(const std::string &, const std::string &) {} };
struct Grpc { void login(const std::string &, const std::string &) {} };

void run() {
  Http H;
  Grpc G;
  authenticate(H);
  authenticate(G);
  Holder<int> A;
  Holder<double> B;
  (void)A;
  (void)B;
}
