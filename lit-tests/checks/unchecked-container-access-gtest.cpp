// RUN: %check_prodready %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++17
// GoogleTest's fatal assertions (ASSERT_*) guard what follows them; the
// non-fatal EXPECT_* do not (the test goes on after a failure). (No fix-it
// inside a macro argument.)

#include <gtest/gtest.h>
#include <string>
#include <vector>

std::vector<std::string> parse(const std::string &Text);

TEST(Parse, ThreeFields) {
  auto Fields = parse("a,b,c");
  ASSERT_EQ(Fields.size(), 3u);
  EXPECT_EQ(Fields[2], "c");
}

TEST(Parse, NotEmpty) {
  auto Fields = parse("a");
  ASSERT_FALSE(Fields.empty());
  EXPECT_EQ(Fields[0], "a");
}

TEST(Parse, AtLeastTwo) {
  auto Fields = parse("a,b");
  ASSERT_GE(Fields.size(), 2u);
  ASSERT_TRUE(Fields.size() > 1);
  EXPECT_EQ(Fields[1], "b");
}

TEST(Parse, ExpectIsNotAGuard) {
  auto Fields = parse("a,b");
  EXPECT_EQ(Fields.size(), 2u);
  EXPECT_EQ(Fields[1], "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}

TEST(Parse, TooFewChecked) {
  auto Fields = parse("a,b");
  ASSERT_EQ(Fields.size(), 2u);
  EXPECT_EQ(Fields[2], "c");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}
