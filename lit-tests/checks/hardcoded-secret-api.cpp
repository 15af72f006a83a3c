// RUN: %check_prodready %s prodready-hardcoded-secret %t -- -- -std=c++17 \
// RUN:   -I/usr/include/mariadb -I/usr/include/postgresql -Wno-deprecated-declarations
// Literals passed to the credential parameters of known APIs, with the
// real headers: libcurl, MariaDB/MySQL, libpq, libpqxx, cpp-httplib and
// OpenSSL. Null or empty credentials, placeholders, and keys that are
// filled at run time are silent.

#include <curl/curl.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <openssl/aes.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <pqxx/pqxx>
#include <cstring>
#include <string>

// --- libcurl -------------------------------------------------------------------

void curl(CURL *Handle, const char *FromConfig) {
  curl_easy_setopt(Handle, CURLOPT_USERPWD, "deploy:Tr0ub4dor&3");
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: hard-coded password set with 'CURLOPT_USERPWD'; anyone who can read the source or the binary can use it, and rotating it needs a new build [prodready-hardcoded-secret]
  curl_easy_setopt(Handle, CURLOPT_PASSWORD, "hunter2");
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: hard-coded password set with 'CURLOPT_PASSWORD'; {{.*}}
  curl_easy_setopt(Handle, CURLOPT_PROXYPASSWORD, "proxy-pass");
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: hard-coded password set with 'CURLOPT_PROXYPASSWORD'; {{.*}}
  curl_easy_setopt(Handle, CURLOPT_XOAUTH2_BEARER, "ya29.a0AfH6SMBx");
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: hard-coded token set with 'CURLOPT_XOAUTH2_BEARER'; {{.*}}
  curl_easy_setopt(Handle, CURLOPT_KEYPASSWD, "my key pass phrase");
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: hard-coded password set with 'CURLOPT_KEYPASSWD'; {{.*}}
  struct curl_slist *Headers = nullptr;
  Headers = curl_slist_append(Headers,
                              "Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543");
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: string literal has the format of an 'Authorization' header with a bearer token; {{.*}}

  // Silent: a user name only, an anonymous login, the value from elsewhere,
  // a header whose token is added at run time, options that are no secret.
  curl_easy_setopt(Handle, CURLOPT_USERPWD, "anonymous");
  curl_easy_setopt(Handle, CURLOPT_USERPWD, "anonymous:");
  curl_easy_setopt(Handle, CURLOPT_PASSWORD, FromConfig);
  curl_easy_setopt(Handle, CURLOPT_PASSWORD, "");
  curl_easy_setopt(Handle, CURLOPT_URL, "https://api.example.org/v1");
  curl_easy_setopt(Handle, CURLOPT_USERNAME, "deploy");
  std::string Bearer = std::string("Authorization: Bearer ") + FromConfig;
  Headers = curl_slist_append(Headers, Bearer.c_str());
  Headers = curl_slist_append(Headers, "Authorization: Bearer ");
  curl_slist_free_all(Headers);
}

// --- Databases -----------------------------------------------------------------

void databases(MYSQL *My, const char *Password) {
  mysql_real_connect(My, "db", "app", "s3cr3t!", "shop", 3306, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: hard-coded password passed to 'mysql_real_connect'; {{.*}}
  mysql_real_connect(My, "db", "app", Password, "shop", 3306, nullptr, 0);
  mysql_real_connect(My, "db", "app", nullptr, "shop", 3306, nullptr, 0);

  PGconn *A = PQsetdbLogin("db", "5432", nullptr, nullptr, "shop", "app", "s3cr3t!");
  // CHECK-MESSAGES: :[[@LINE-1]]:75: warning: hard-coded password passed to 'PQsetdbLogin'; {{.*}}
  PGconn *B = PQconnectdb("host=db dbname=shop user=app password=s3cr3t!");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: hard-coded password in the connection string passed to 'PQconnectdb'; {{.*}}
  // Without a password libpq reads ~/.pgpass or PGPASSWORD: the right way.
  PGconn *C = PQconnectdb("host=db dbname=shop user=app");
  PGconn *D = PQconnectdb("host=db dbname=shop user=app password=");
  PQfinish(A);
  PQfinish(B);
  PQfinish(C);
  PQfinish(D);

  pqxx::connection E{"host=db dbname=shop user=app password=s3cr3t!"};
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: hard-coded password in the connection string passed to 'pqxx::connection'; {{.*}}
  pqxx::connection F{"postgresql://app@db/shop"};
}

// --- cpp-httplib -----------------------------------------------------------------

void http(httplib::Client &Client, const std::string &Token) {
  Client.set_bearer_token_auth("8f14e45fceea167a5a36dedd4bea2543");
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: hard-coded token passed to 'set_bearer_token_auth'; {{.*}}
  Client.set_basic_auth("deploy", "hunter2");
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: hard-coded password passed to 'set_basic_auth'; {{.*}}
  httplib::Headers WithToken = {
      {"Authorization", "Bearer 8f14e45fceea167a5a36dedd4bea2543"}};
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: string literal has the format of an 'Authorization' header with a bearer token; {{.*}}
  Client.Get("/v1/models", WithToken);

  Client.set_bearer_token_auth(Token);
  httplib::Headers FromRequest = {{"Authorization", "Bearer " + Token}};
  Client.Get("/v1/models", FromRequest);
}

// --- OpenSSL keys ----------------------------------------------------------------

static const unsigned char kHmacKey[] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae,
                                         0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88};
// CHECK-MESSAGES: :[[@LINE-2]]:41: warning: hard-coded key passed to 'HMAC'; {{.*}}

void crypto(EVP_CIPHER_CTX *Ctx, const unsigned char *Data, size_t Size,
            const unsigned char *Iv) {
  unsigned char Digest[EVP_MAX_MD_SIZE];
  unsigned int DigestSize = 0;
  HMAC(EVP_sha256(), kHmacKey, sizeof kHmacKey, Data, Size, Digest,
       &DigestSize);
  HMAC(EVP_sha256(), "webhook-signing-secret", 22, Data, Size, Digest,
       &DigestSize);
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: hard-coded key passed to 'HMAC'; {{.*}}

  // A C-style key reaching the cipher through a local pointer.
  unsigned char Key[] = "0123456789abcdef0123456789abcdef";
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: hard-coded key passed to 'EVP_EncryptInit_ex'; {{.*}}
  const unsigned char *KeyBytes = Key;
  EVP_EncryptInit_ex(Ctx, EVP_aes_256_cbc(), nullptr, KeyBytes, Iv);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: note: used as the key of 'EVP_EncryptInit_ex' here
  EVP_DecryptInit_ex(Ctx, EVP_aes_128_cbc(), nullptr,
                     reinterpret_cast<const unsigned char *>("YELLOW SUBMARINE"), Iv);
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: hard-coded key passed to 'EVP_DecryptInit_ex'; {{.*}}
  AES_KEY Schedule;
  AES_set_encrypt_key(reinterpret_cast<const unsigned char *>("0123456789abcdef"), 128,
                      &Schedule);
  // CHECK-MESSAGES: :[[@LINE-2]]:63: warning: hard-coded key passed to 'AES_set_encrypt_key'; {{.*}}

  // Silent: a random key, a key read at run time, a null key (set later),
  // a zeroed buffer, a key the function writes before use.
  unsigned char Random[32];
  RAND_bytes(Random, sizeof Random);
  EVP_EncryptInit_ex(Ctx, EVP_aes_256_cbc(), nullptr, Random, Iv);
  EVP_EncryptInit_ex(Ctx, EVP_aes_256_cbc(), nullptr, nullptr, nullptr);
  unsigned char Zero[32] = {0};
  EVP_CipherInit_ex(Ctx, EVP_aes_256_cbc(), nullptr, Zero, Iv, 1);
  unsigned char Filled[] = "................................";
  std::memcpy(Filled, Data, 32);
  EVP_CipherInit_ex(Ctx, EVP_aes_256_cbc(), nullptr, Filled, Iv, 1);
  unsigned char Derived[] = "0123456789abcdef0123456789abcdef";
  Derived[0] ^= Data[0];
  EVP_CipherInit_ex(Ctx, EVP_aes_256_cbc(), nullptr, Derived, Iv, 0);
}
