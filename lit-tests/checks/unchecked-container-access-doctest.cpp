// RUN: %check_prodready %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++17
// doctest's REQUIRE stops the test case when its condition fails: what
// follows holds it. CHECK reports and goes on: no guard. (No fix-it inside
// a macro argument.)

#include <doctest/doctest.h>
#include <string>
#include <vector>

std::vector<std::string> parse(const std::string &Text);

TEST_CASE("three fields") {
  auto Fields = parse("a,b,c");
  REQUIRE(Fields.size() == 3);
  CHECK(Fields[2] == "c");
}

TEST_CASE("not empty") {
  auto Fields = parse("a");
  REQUIRE(!Fields.empty());
  REQUIRE_FALSE(Fields.size() < 2);
  CHECK(Fields[1] == "a");
}

TEST_CASE("a check is not a guard") {
  auto Fields = parse("a,b");
  CHECK(Fields.size() == 2);
  CHECK(Fields[1] == "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}
