// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c++17
// GoogleTest's fatal ASSERT_* return from the test when the variable is
// unset; EXPECT_* go on.

#include <cstdlib>
#include <gtest/gtest.h>
#include <string>

TEST(Environment, AssertTrue) {
  const char *Home = std::getenv("HOME");
  ASSERT_TRUE(Home);
  std::string Path = Home;
}

TEST(Environment, AssertNotNull) {
  const char *Home = std::getenv("HOME");
  ASSERT_NE(Home, nullptr);
  std::string Path = Home;
}

TEST(Environment, ExpectOnly) {
  const char *Home = std::getenv("HOME");
  EXPECT_NE(Home, nullptr);
  std::string Path = Home;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Home' may be null ('getenv' returns null when 'HOME' is unset); constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
}
