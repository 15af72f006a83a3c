// RUN: %check_prodready %s prodready-hardcoded-secret %t -- -- -std=c11 \
// RUN:   -I/usr/include/mariadb
// RUN: %check_prodready -check-suffix=FIX -fix-notes %s prodready-hardcoded-secret %t-fix -- \
// RUN:   -config="{CheckOptions: {prodready-hardcoded-secret.EnvironmentFallback: true}}" \
// RUN:   -- -std=c11 -I/usr/include/mariadb
// C: macros, designated initializers, libcurl through its type-checking
// macro, MariaDB, OpenSSL keys. The environment fallback reads the
// variable twice (C has no lambdas), and only in functions (a static
// needs a constant).

#include <curl/curl.h>
#include <mysql.h>
#include <openssl/evp.h>
#include <string.h>

// CHECK-FIXES-FIX: #include <stdlib.h>

#define MQTT_PASSWORD "Br0ker!2024"
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: macro 'MQTT_PASSWORD' is named as a password and expands to a hard-coded string; anyone who can read the source or the binary can use it, and rotating it needs a new build [prodready-hardcoded-secret]
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:23: warning: macro 'MQTT_PASSWORD' {{.*}}
#define PASSWORD_PROMPT "Password: "
#define TOKEN_SEPARATOR ","
// The name of a form field, spelled with another password noun (coturn's
// admin page): a key, not a password.
#define HR_PASSWORD1 "pwd1"

struct bridge {
  const char *address;
  const char *remote_username;
  const char *remote_password;
};

static struct bridge Bridge = {
    .address = "broker.internal",
    .remote_username = "bridge",
    .remote_password = "Tr0ub4dor",
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'remote_password' is named as a password and set to a hard-coded string; {{.*}}
    // CHECK-MESSAGES-FIX: :[[@LINE-2]]:24: warning: 'remote_password' {{.*}}
};

// A C global needs a constant: no fix.
static const char *api_key = "a1b2c3d4e5f6a7b8";
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'api_key' is named as an API key and set to a hard-coded string; {{.*}}
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:30: warning: 'api_key' {{.*}}
// CHECK-FIXES-FIX: static const char *api_key = "a1b2c3d4e5f6a7b8";

void connect_all(CURL *curl, MYSQL *db, EVP_CIPHER_CTX *ctx,
                 const unsigned char *iv) {
  curl_easy_setopt(curl, CURLOPT_USERPWD, "deploy:hunter22");
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: hard-coded password set with 'CURLOPT_USERPWD'; {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:43: warning: hard-coded password set with 'CURLOPT_USERPWD'; {{.*}}
  curl_easy_setopt(curl, CURLOPT_USERNAME, "deploy");
  mysql_real_connect(db, "db", "app", "s3cr3t!", "shop", 0, NULL, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: hard-coded password passed to 'mysql_real_connect'; {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:39: warning: hard-coded password passed to 'mysql_real_connect'; {{.*}}

  unsigned char key[] = "0123456789abcdef";
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: hard-coded key passed to 'EVP_EncryptInit_ex'; {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:25: warning: hard-coded key passed to 'EVP_EncryptInit_ex'; {{.*}}
  EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, key, iv);

  const char *password = "letmein1";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'password' is named as a password and set to a hard-coded string; {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:26: warning: 'password' {{.*}}
  // CHECK-FIXES-FIX: const char *password = getenv("PASSWORD") ? getenv("PASSWORD") : "";
  char *mqtt_pass = "hunter22";
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'mqtt_pass' is named as a password and set to a hard-coded string; {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:21: warning: 'mqtt_pass' {{.*}}
  // CHECK-FIXES-FIX: char *mqtt_pass = getenv("MQTT_PASS") ? getenv("MQTT_PASS") : "";
  static const char *cached_token = "9f86d081884c7d659a2feaa0c55ad015";
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'cached_token' is named as a token and set to a hard-coded string; {{.*}}
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:37: warning: 'cached_token' {{.*}}
  // CHECK-FIXES-FIX: static const char *cached_token = "9f86d081884c7d659a2feaa0c55ad015";
  (void)password;
  (void)mqtt_pass;
  (void)cached_token;
  (void)Bridge;
  (void)api_key;

  // Silent: a password read from the user, a buffer, a prompt.
  char buffer[64];
  const char *pw = buffer;
  strcpy(buffer, PASSWORD_PROMPT);
  char *sep = TOKEN_SEPARATOR;
  (void)pw;
  (void)sep;
}
