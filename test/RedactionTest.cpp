// Unit tests of the driver's redaction of the lines a report quotes for a
// check whose findings are secrets (driver/core/Redaction.h).
#include "Redaction.h"
#include "CheckMetadata.h"
#include "gtest/gtest.h"

using namespace prodready::driver;

namespace {

TEST(RedactionTest, MasksStringLiteralsByteForByte) {
  EXPECT_EQ(redactStringLiterals(
                R"(curl_easy_setopt(h, CURLOPT_USERPWD, "app:hunter2");)"),
            R"(curl_easy_setopt(h, CURLOPT_USERPWD, "***********");)");
  EXPECT_EQ(redactStringLiterals(R"(const char *p = "a\"b", *q = u8"xy";)"),
            R"(const char *p = "****", *q = u8"**";)");
  EXPECT_EQ(redactStringLiterals(R"(auto k = R"k(-----BEGIN)k"; // "c")"),
            R"(auto k = R"k(**********)k"; // "c")");
}

TEST(RedactionTest, KeepsCodeCharactersAndComments) {
  EXPECT_EQ(redactStringLiterals("int n = 1'000; char c = '\"'; f(n);"),
            "int n = 1'000; char c = '\"'; f(n);");
  EXPECT_EQ(redactStringLiterals("x = 1; /* \"kept\" */ y = \"gone\";"),
            "x = 1; /* \"kept\" */ y = \"****\";");
}

TEST(RedactionTest, OpenLiteralsAreMaskedToTheEnd) {
  EXPECT_EQ(redactStringLiterals("key = R\"(-----BEGIN RSA"),
            "key = R\"(**************");
  EXPECT_EQ(redactStringLiterals("s = \"abc"), "s = \"***");
}

TEST(RedactionTest, OnlyForChecksWhoseFindingsAreSecrets) {
  Finding Secret;
  Secret.Check = "prodready-hardcoded-secret";
  Secret.LineText = "pw = \"hunter2\";";
  Note N;
  N.LineText = "#define PW \"hunter2\"";
  Secret.Notes.push_back(N);
  redactSnippetsIfSecret(Secret);
  EXPECT_EQ(Secret.LineText, "pw = \"*******\";");
  EXPECT_EQ(Secret.Notes[0].LineText, "#define PW \"*******\"");

  Finding Other;
  Other.Check = "prodready-unchecked-getenv";
  Other.LineText = "s = \"kept\";";
  redactSnippetsIfSecret(Other);
  EXPECT_EQ(Other.LineText, "s = \"kept\";");
}

} // namespace
