// Tests of fixits/include/prodready/env.h, the helper that
// prodready-unvalidated-env-parse fix-its insert into user code.
#include "prodready/env.h"
#include "gtest/gtest.h"
#include <climits>
#include <string>
#include <vector>

namespace {

std::vector<std::string> &reported() {
  static std::vector<std::string> Texts;
  return Texts;
}
void recordError(std::string_view Text) { reported().emplace_back(Text); }

class EnvHeaderTest : public ::testing::Test {
protected:
  void SetUp() override {
    reported().clear();
    Previous = prodready::set_parse_error_handler(&recordError);
  }
  void TearDown() override { prodready::set_parse_error_handler(Previous); }
  prodready::parse_error_handler Previous = nullptr;
};

TEST_F(EnvHeaderTest, ParsesWellFormedIntegers) {
  EXPECT_EQ(prodready::parse_number<int>("42"), 42);
  EXPECT_EQ(prodready::parse_number<int>("-17"), -17);
  EXPECT_EQ(prodready::parse_number<int>("+8"), 8);
  EXPECT_EQ(prodready::parse_number<int>("  1024\n"), 1024);
  EXPECT_EQ(prodready::parse_number<long long>("9223372036854775807"),
            LLONG_MAX);
}

TEST_F(EnvHeaderTest, RejectsMalformedIntegers) {
  EXPECT_EQ(prodready::parse_number<int>("not_a_number"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<int>("42abc"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<int>(""), std::nullopt);
  EXPECT_EQ(prodready::parse_number<int>("   "), std::nullopt);
  EXPECT_EQ(prodready::parse_number<int>("+-1"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<int>("1.5"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<int>(static_cast<const char *>(nullptr)),
            std::nullopt);
}

TEST_F(EnvHeaderTest, RejectsOutOfRangeAndNegativeUnsigned) {
  EXPECT_EQ(prodready::parse_number<int>("99999999999"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<unsigned>("-1"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<unsigned char>("256"), std::nullopt);
}

TEST_F(EnvHeaderTest, ParsesFloatingPoint) {
  EXPECT_DOUBLE_EQ(*prodready::parse_number<double>("0.7"), 0.7);
  EXPECT_FLOAT_EQ(*prodready::parse_number<float>(" 1e3 "), 1000.0f);
  EXPECT_EQ(prodready::parse_number<double>("0.7x"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<double>("1e999"), std::nullopt);
  EXPECT_EQ(prodready::parse_number<float>("1e300"), std::nullopt);
}

TEST_F(EnvHeaderTest, FallbackForMissingIsSilent) {
  EXPECT_EQ(prodready::parse_number_or<int>(static_cast<const char *>(nullptr), 7), 7);
  EXPECT_TRUE(reported().empty());
}

TEST_F(EnvHeaderTest, FallbackForMalformedIsReported) {
  EXPECT_DOUBLE_EQ(prodready::parse_number_or<double>("warm", 0.5), 0.5);
  ASSERT_EQ(reported().size(), 1u);
  EXPECT_EQ(reported()[0], "warm");
}

TEST_F(EnvHeaderTest, KeepsWellFormedValueAndAcceptsStrings) {
  std::string Text = "512";
  EXPECT_EQ(prodready::parse_number_or<int>(Text, 0), 512);
  EXPECT_EQ(prodready::parse_number_or<int>(std::string_view("64"), 0), 64);
  char Mutable[] = "3";
  EXPECT_EQ(prodready::parse_number_or<long>(Mutable, 0L), 3L);
  EXPECT_TRUE(reported().empty());
}

TEST_F(EnvHeaderTest, NullHandlerSilencesReports) {
  prodready::set_parse_error_handler(nullptr);
  EXPECT_EQ(prodready::parse_number_or<int>("x", 1), 1);
  EXPECT_TRUE(reported().empty());
}

} // namespace
