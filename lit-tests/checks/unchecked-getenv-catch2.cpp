// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c++17
// Catch2's REQUIRE stops the test case when the variable is unset: what
// follows may use the value. CHECK reports and goes on: no guard.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

std::string examplesDir() {
  const char *Dir = std::getenv("EXAMPLE_FILES");
  REQUIRE(Dir);
  return Dir;
}

std::string examplesDirNotNull() {
  const char *Dir = std::getenv("EXAMPLE_FILES");
  REQUIRE(Dir != nullptr);
  return Dir;
}

std::string examplesDirChecked() {
  const char *Dir = std::getenv("EXAMPLE_FILES");
  CHECK(Dir);
  return Dir;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Dir' may be null ('getenv' returns null when 'EXAMPLE_FILES' is unset); constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
}

std::string examplesDirRequiredFalse() {
  const char *Dir = std::getenv("EXAMPLE_FILES");
  REQUIRE_FALSE(Dir == nullptr);
  return Dir;
}
