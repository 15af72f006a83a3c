// RUN: %check_prodready %s prodready-hardcoded-secret %t -- -- -std=c++17 -isystem %inputs
// The NOLINT comment family silences findings as for every clang-tidy
// check; code in system headers and macros from them is never reported.

#include <string>

const char *db_password = "hunter2"; // NOLINT(prodready-hardcoded-secret)
// NOLINTNEXTLINE(prodready-*)
const char *api_key = "a1b2c3d4e5f6a7b8";
// NOLINTBEGIN(prodready-hardcoded-secret)
const char *client_secret = "s3cr3t-client";
#define SMTP_PASSWORD "letmein1"
// NOLINTEND(prodready-hardcoded-secret)
const char *mqtt_password = "Tr0ub4dor"; // NOLINT(some-other-check)
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'mqtt_password' is named as a password and set to a hard-coded string; {{.*}}

// A macro is silenced where it is written, not where it is used.
std::string smtp = SMTP_PASSWORD;

#include "system/secret_macros.h"
std::string vendor = VENDOR_TOKEN;
std::string demo_password = VENDOR_DEMO_PASSWORD;
