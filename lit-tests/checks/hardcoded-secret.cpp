// RUN: %check_prodready %s prodready-hardcoded-secret %t -- -- -std=c++20
// A string literal that a name says is a secret: variables, constants,
// fields, members, parameters, defaults, returns, keys and macros. Names
// that only describe a secret, and values that are not secrets, are silent.

#include <map>
#include <string>
#include <utility>

// --- Variables and constants -------------------------------------------------

const char *db_password = "hunter2";
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'db_password' is named as a password and set to a hard-coded string; anyone who can read the source or the binary can use it, and rotating it needs a new build [prodready-hardcoded-secret]
static const std::string kApiKey = "3f9a1c7e5b2d4f60";
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'kApiKey' is named as an API key and set to a hard-coded string; anyone who can read the source or the binary can use it, and rotating it needs a new build [prodready-hardcoded-secret]
constexpr char kClientSecret[] = "wJalrXUtnFEMIK7MDENG";
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'kClientSecret' is named as a secret and set to a hard-coded string; anyone who can read the source or the binary can use it, and rotating it needs a new build [prodready-hardcoded-secret]
// Well-known default passwords are secrets too.
const char *ADMIN_PASSWORD = "changeme";
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'ADMIN_PASSWORD' is named as a password and set to a hard-coded string; {{.*}}
std::string mqtt_pass = "admin";
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'mqtt_pass' is named as a password and set to a hard-coded string; {{.*}}
const char *password = "password";
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'password' is named as a password and set to a hard-coded string; {{.*}}
// A token counts with a qualifier, or when its value looks generated.
const char *accessToken = "tok-2024-prod";
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'accessToken' is named as a token and set to a hard-coded string; {{.*}}
std::string token = "9f86d081884c7d659a2feaa0c55ad015";
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'token' is named as a token and set to a hard-coded string; {{.*}}

void locals() {
  std::string signing_key{"k3y-for-signing"};
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'signing_key' is named as a key and set to a hard-coded string; {{.*}}
  static const char *m_sPassword = "Tr0ub4dor&3";
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'm_sPassword' is named as a password and set to a hard-coded string; {{.*}}
  std::string pw;
  pw = "s3cr3t!";
  // The name `pw` says password too.
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'pw' is named as a password and set to a hard-coded string; {{.*}}
  const char *passwd = nullptr;
  passwd = "letmein";
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'passwd' is named as a password and set to a hard-coded string; {{.*}}
  (void)passwd;
}

// --- Fields, members, constructors -------------------------------------------

struct Credentials {
  std::string user = "app";
  std::string password = "hunter2";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'password' is named as a password and set to a hard-coded string; {{.*}}
  std::string password_prompt = "Password: ";
};

struct DbConfig {
  const char *host;
  const char *user;
  const char *password;
};
DbConfig positional = {"db", "app", "hunter2"};
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'password' is named as a password and set to a hard-coded string; {{.*}}
DbConfig designated{.host = "db", .user = "app", .password = "Tr0ub4dor"};
// CHECK-MESSAGES: :[[@LINE-1]]:62: warning: 'password' is named as a password and set to a hard-coded string; {{.*}}

class Client {
public:
  Client() : api_key_("a1b2c3d4e5f6a7b8") {}
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'api_key_' is named as an API key and set to a hard-coded string; {{.*}}
  void rotate() { this->api_key_ = "0f1e2d3c4b5a6978"; }
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'api_key_' is named as an API key and set to a hard-coded string; {{.*}}

private:
  std::string api_key_;
};

// --- Parameters, defaults, returns -------------------------------------------

bool login(const std::string &user, const std::string &password);
void connect(const char *host, const char *password = "hunter2");
// CHECK-MESSAGES: :[[@LINE-1]]:55: warning: parameter 'password' is named as a password and defaults to a hard-coded string; {{.*}}

bool calls() {
  connect("db");
  return login("app", "s3cr3t!");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: parameter 'password' of 'login' is named as a password and given a hard-coded string; {{.*}}
}

std::string GetAuthToken() { return "1f0e3dad99908345f7439f8ffabdffc4"; }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'GetAuthToken' is named as a token and returns a hard-coded string; {{.*}}
// A serializer's field name, not a password.
struct UserFields {
  static const char *password() { return "password"; }
};

// --- Keys of tables ------------------------------------------------------------

std::map<std::string, std::string> settings = {
    {"user", "app"},
    {"password", "hunter2"},
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: key 'password' names a password and is given a hard-coded string; {{.*}}
    {"passwd", "password"},   // an alias
    {"accesstoken", "access"}, // a plain word: a translation, not a password
};

extern "C" int setenv(const char *name, const char *value, int overwrite);
void environment() {
  setenv("PGPASSWORD", "s3cr3t!", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: key 'PGPASSWORD' names a password and is given a hard-coded string; {{.*}}
  setenv("PGPASSFILE", "/etc/app/pgpass", 1);
}

void keys(std::map<std::string, std::string> &Config) {
  Config["api_key"] = "5d41402abc4b2a76";
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: key 'api_key' names an API key and is given a hard-coded string; {{.*}}
  Config["password_file"] = "/etc/app/password";
}

// --- Macros ------------------------------------------------------------------

#define MQTT_PASSWORD "hunter2"
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: macro 'MQTT_PASSWORD' is named as a password and expands to a hard-coded string; {{.*}}
// Reported once, where it is written, however often it is used.
std::string first = MQTT_PASSWORD;
std::string second = MQTT_PASSWORD;
#define PASSWORD_ENV "APP_PASSWORD"

// --- Names that describe a secret without holding one --------------------------

const char *password_prompt = "hunter2";
const char *token_type = "Bearer";
const char *secret_name = "prod/db/password";
const char *password_env_var = "DB_PASSWORD";
const char *kTokenHeader = "X-Auth-Token";
const int max_password_length = 64;
const char *token_url = "https://auth.example.org/token";
const char *key_path = "/etc/app/key.pem";
const char *password_file = "secret.txt";
const char *password_field = "pass";
const char *secret_label = "Secret";
const char *token_regex = "[A-Za-z0-9]{32}";
const char *auth_method = "plain";
const char *password_hash = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
const char *public_key = "9f86d081884c7d659a2feaa0c55ad015";
const char *first_pass = "optimize";
std::string map_key = "a1b2c3d4e5f6a7b8";

// --- Values that are not secrets ---------------------------------------------

const char *api_token = "";                     // empty
const char *admin_password = "********";        // a mask
const char *db_secret = "<your secret here>";   // a placeholder
const char *proxy_password = "${PROXY_PASSWORD}";
const char *smtp_password = "%s";
const char *vault_secret = "REDACTED";
const char *kApiToken = "API_TOKEN";            // an environment variable's name
const char *kPassword = "password";             // a key spelled like the constant
const char *user_password = "Password";         // a label
const char *client_secret = "client_secret";    // a field name
const char *root_password = "Enter the root password:";
const char *auth = "basic";                     // an authentication scheme
const char *next_token = "identifier";          // a lexer's token
const char *encryption_key = "aes-256-cbc";     // which algorithm
const char *signing_key = "HS256";
const char *private_key = "id_rsa";             // which key file
const char *session_key = "PHPSESSID";          // a cookie's name
const char *tls_key_password = "/run/secrets/tls";
