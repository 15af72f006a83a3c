// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c++17 -isystem %inputs
// The NOLINT comment family silences findings as for every
// clang-tidy check; code in system headers and macros from them is never
// reported.

#include <cstdlib>
#include <string>

std::string a = std::getenv("A"); // NOLINT(prodready-unchecked-getenv)
// NOLINTNEXTLINE(prodready-*)
std::string b = std::getenv("B");
// NOLINTBEGIN(prodready-unchecked-getenv)
std::string c = std::getenv("C");
// NOLINTEND(prodready-unchecked-getenv)
std::string d = std::getenv("D"); // NOLINT(some-other-check)
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'getenv' returns null when 'D' is unset; constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]

// Macros from system headers are never reported, even expanded in user
// code, and neither is code inside system headers.
#include "system/env_macros.h"
std::string e = SYSTEM_HOME_DIR;
