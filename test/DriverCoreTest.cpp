// Unit tests of the driver's clang-independent core: fingerprints, unified
// diff parsing, shard partitioning, baselines.
#include "Baseline.h"
#include "Fingerprint.h"
#include "Shard.h"
#include "UnifiedDiff.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"
#include <set>

using namespace prodready::driver;

namespace {

Finding finding(std::string File, unsigned Line, std::string Text,
                std::string Check = "prodready-unsafe-path-join",
                std::string Message = "path built from untrusted data") {
  Finding F;
  F.Check = std::move(Check);
  F.File = std::move(File);
  F.Line = Line;
  F.Column = 3;
  F.Message = std::move(Message);
  F.LineText = std::move(Text);
  return F;
}

TEST(FingerprintTest, SurvivesLineShiftsAndReformatting) {
  auto Before = fingerprints({finding("src/a.cpp", 10, "  open(dir / name);")});
  auto After =
      fingerprints({finding("src/a.cpp", 42, "open( dir/name ) ;")});
  ASSERT_EQ(Before.size(), 1u);
  EXPECT_EQ(Before[0].size(), 16u);
  EXPECT_EQ(Before, After);
}

TEST(FingerprintTest, DistinguishesCheckFileMessageAndText) {
  std::vector<Finding> Findings = {
      finding("a.cpp", 1, "f(x);"),
      finding("b.cpp", 1, "f(x);"),
      finding("a.cpp", 1, "f(y);"),
      finding("a.cpp", 1, "f(x);", "prodready-missing-timeout"),
      finding("a.cpp", 1, "f(x);", "prodready-unsafe-path-join", "other"),
  };
  auto Prints = fingerprints(Findings);
  EXPECT_EQ(std::set<std::string>(Prints.begin(), Prints.end()).size(), 5u);
}

TEST(FingerprintTest, IdenticalLinesAreRankedInSourceOrder) {
  // Reported in any order, the first occurrence in the file keeps the same
  // fingerprint.
  auto Forward = fingerprints(
      {finding("a.cpp", 3, "use(v[0]);"), finding("a.cpp", 9, "use(v[0]);")});
  auto Backward = fingerprints(
      {finding("a.cpp", 9, "use(v[0]);"), finding("a.cpp", 3, "use(v[0]);")});
  EXPECT_NE(Forward[0], Forward[1]);
  EXPECT_EQ(Forward[0], Backward[1]);
  EXPECT_EQ(Forward[1], Backward[0]);
}

constexpr const char *GitDiff = R"(diff --git a/src/main.cpp b/src/main.cpp
index 1111111..2222222 100644
--- a/src/main.cpp
+++ b/src/main.cpp
@@ -10,6 +10,8 @@ int main() {
   int a = 1;
-  int b = 2;
+  int b = 3;
+  int c = 4;
   return a;
 }
@@ -40,0 +43,2 @@ void tail() {
+  extra();
+  more();
diff --git a/old.cpp b/old.cpp
deleted file mode 100644
--- a/old.cpp
+++ /dev/null
@@ -1,2 +0,0 @@
-gone();
-gone();
diff --git a/new file.cpp b/new file.cpp
new file mode 100644
--- /dev/null
+++ "b/new file.cpp"
@@ -0,0 +1 @@
+fresh();
\ No newline at end of file
)";

TEST(UnifiedDiffTest, AddedAndChangedLinesOfTheNewSide) {
  llvm::Expected<ChangedLines> Lines = ChangedLines::parse(GitDiff);
  ASSERT_TRUE(static_cast<bool>(Lines)) << llvm::toString(Lines.takeError());
  EXPECT_FALSE(Lines->contains("src/main.cpp", 10)); // context
  EXPECT_TRUE(Lines->contains("src/main.cpp", 11));  // changed
  EXPECT_TRUE(Lines->contains("src/main.cpp", 12));  // added
  EXPECT_FALSE(Lines->contains("src/main.cpp", 13));
  EXPECT_TRUE(Lines->contains("src/main.cpp", 43));
  EXPECT_TRUE(Lines->contains("src/main.cpp", 44));
  EXPECT_FALSE(Lines->contains("src/main.cpp", 45));
  EXPECT_TRUE(Lines->contains("new file.cpp", 1));
  EXPECT_FALSE(Lines->contains("old.cpp", 1));
  EXPECT_EQ(Lines->files(),
            (std::vector<std::string>{"new file.cpp", "src/main.cpp"}));
}

TEST(UnifiedDiffTest, MalformedHunkHeaderIsAnError) {
  llvm::Expected<ChangedLines> Lines =
      ChangedLines::parse("--- a/x.cpp\n+++ b/x.cpp\n@@ -1,2 +oops @@\n+x\n");
  ASSERT_FALSE(static_cast<bool>(Lines));
  EXPECT_EQ(llvm::toString(Lines.takeError()),
            "malformed hunk header at line 3 of the diff: '@@ -1,2 +oops @@'");
}

TEST(ShardTest, ParsesAndRejectsSpecs) {
  llvm::Expected<ShardSpec> Spec = parseShardSpec("2/4");
  ASSERT_TRUE(static_cast<bool>(Spec));
  EXPECT_EQ(Spec->Index, 2u);
  EXPECT_EQ(Spec->Count, 4u);
  for (const char *Bad : {"0/4", "5/4", "1/0", "x/2", "2", ""}) {
    llvm::Expected<ShardSpec> Invalid = parseShardSpec(Bad);
    ASSERT_FALSE(static_cast<bool>(Invalid)) << Bad;
    EXPECT_EQ(llvm::toString(Invalid.takeError()),
              std::string("invalid shard '") + Bad +
                  "': expected K/N with 1 <= K <= N, e.g. 2/4");
  }
}

TEST(ShardTest, ShardsPartitionThePathsDeterministically) {
  std::vector<std::string> Paths;
  for (int I = 0; I < 200; ++I)
    Paths.push_back("src/file" + std::to_string(I) + ".cpp");
  std::multiset<std::string> Union;
  for (unsigned K = 1; K <= 3; ++K) {
    std::vector<std::string> Shard = selectShard(Paths, {K, 3});
    EXPECT_FALSE(Shard.empty());
    EXPECT_EQ(Shard, selectShard(Paths, {K, 3})); // Deterministic.
    Union.insert(Shard.begin(), Shard.end());
  }
  EXPECT_EQ(Union, std::multiset<std::string>(Paths.begin(), Paths.end()));
  // A file's shard does not depend on the other files.
  unsigned Own = shardOf("src/file7.cpp", 3);
  EXPECT_EQ(selectShard({"src/file7.cpp"}, {Own, 3}),
            std::vector<std::string>{"src/file7.cpp"});
  EXPECT_TRUE(llvm::is_contained(selectShard(Paths, {Own, 3}),
                                 std::string("src/file7.cpp")));
}

TEST(BaselineTest, RoundTrip) {
  std::vector<Finding> Findings = {finding("b.cpp", 2, "g();"),
                                   finding("a.cpp", 1, "f();")};
  std::vector<std::string> Prints = fingerprints(Findings);
  std::string Text = Baseline::serialize(Findings, Prints);
  // Sorted by file for review.
  EXPECT_LT(Text.find("a.cpp"), Text.find("b.cpp"));
  llvm::Expected<Baseline> Parsed = Baseline::parse(Text, "baseline.json");
  ASSERT_TRUE(static_cast<bool>(Parsed)) << llvm::toString(Parsed.takeError());
  EXPECT_EQ(Parsed->size(), 2u);
  EXPECT_TRUE(Parsed->contains(Prints[0]));
  EXPECT_TRUE(Parsed->contains(Prints[1]));
  EXPECT_FALSE(Parsed->contains("0000000000000000"));
}

TEST(BaselineTest, MalformedBaselinesAreErrors) {
  auto Error = [](const char *Text) {
    llvm::Expected<Baseline> Parsed = Baseline::parse(Text, "b.json");
    return Parsed ? std::string("parsed") : llvm::toString(Parsed.takeError());
  };
  EXPECT_EQ(Error("{"), "b.json: not valid JSON");
  EXPECT_EQ(Error("[]"),
            "b.json: not a prodready baseline (no \"tool\": \"prodready\")");
  EXPECT_EQ(Error(R"({"tool":"prodready","version":7,"findings":[]})"),
            "b.json: unsupported baseline version (expected 1)");
  EXPECT_EQ(Error(R"({"tool":"prodready","version":1,"findings":{}})"),
            "b.json: \"findings\" must be an array");
  EXPECT_EQ(Error(R"({"tool":"prodready","version":1,"findings":[{"x":1}]})"),
            "b.json: finding 0 has no \"fingerprint\" string");
}

} // namespace

// --- Report writers --------------------------------------------------------------

#include "CheckMetadata.h"
#include "Report.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>

namespace {

ReportInput sampleReport() {
  Finding PathJoin = finding("src/main.cpp", 31, "std::ofstream out(dir / name);");
  PathJoin.Column = 25;
  PathJoin.Fix.push_back(
      {"src/main.cpp", 31, 31, 31, 35, "std::filesystem::path(name).filename()"});
  Finding Other = finding("src/util.cpp", 4, "int x = y;", "bugprone-foo",
                          "something else");
  ReportInput Report;
  Report.Findings = {PathJoin, Other};
  Report.Fingerprints = fingerprints(Report.Findings);
  Report.ToolVersion = "0.test";
  return Report;
}

TEST(ReportTest, JsonCarriesSeverityCweFingerprintAndFix) {
  ReportInput Report = sampleReport();
  nlohmann::json Json = nlohmann::json::parse(writeJson(Report));
  ASSERT_EQ(Json["findings"].size(), 2u);
  const nlohmann::json &First = Json["findings"][0];
  EXPECT_EQ(First["check"], "prodready-unsafe-path-join");
  EXPECT_EQ(First["severity"], "error");
  EXPECT_EQ(First["cwe"], nlohmann::json({"CWE-22", "CWE-23", "CWE-36"}));
  EXPECT_EQ(First["line"], 31);
  EXPECT_EQ(First["column"], 25);
  EXPECT_EQ(First["fingerprint"], Report.Fingerprints[0]);
  EXPECT_EQ(First["fix"][0]["text"], "std::filesystem::path(name).filename()");
  EXPECT_EQ(Json["findings"][1]["severity"], "warning");
  EXPECT_FALSE(Json["findings"][1].contains("fix"));
}

TEST(ReportTest, SarifHasRulesWithCweTagsFixesAndFingerprints) {
  ReportInput Report = sampleReport();
  nlohmann::json Sarif = nlohmann::json::parse(writeSarif(Report));
  EXPECT_EQ(Sarif["version"], "2.1.0");
  const nlohmann::json &Run = Sarif["runs"][0];
  const nlohmann::json &Rules = Run["tool"]["driver"]["rules"];
  // Every prodready check, plus the other check that occurred.
  EXPECT_EQ(Rules.size(), prodreadyChecks().size() + 1);
  const nlohmann::json &Result = Run["results"][0];
  const nlohmann::json &Rule = Rules[Result["ruleIndex"].get<size_t>()];
  EXPECT_EQ(Rule["id"], "prodready-unsafe-path-join");
  EXPECT_EQ(Rule["properties"]["tags"][2], "external/cwe/cwe-22");
  EXPECT_EQ(Result["level"], "error");
  EXPECT_EQ(Result["partialFingerprints"]["prodready/v1"],
            Report.Fingerprints[0]);
  EXPECT_EQ(Result["fixes"][0]["artifactChanges"][0]["replacements"][0]
                  ["insertedContent"]["text"],
            "std::filesystem::path(name).filename()");
  EXPECT_EQ(Run["results"][1]["ruleId"], "bugprone-foo");
}

TEST(ReportTest, SarifValidatesAgainstTheSchema) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("prodready", "sarif", Path));
  {
    std::error_code Error;
    llvm::raw_fd_ostream Out(Path, Error);
    ASSERT_FALSE(Error);
    Out << writeSarif(sampleReport());
  }
  // Debian's python3-jsonschema, as CI has it (scripts/setup.sh).
  llvm::StringRef Validate =
      "import json, sys, jsonschema; "
      "jsonschema.validate(json.load(open(sys.argv[1])), "
      "json.load(open(sys.argv[2])))";
  std::string Message;
  int Status = llvm::sys::ExecuteAndWait(
      "/usr/bin/python3",
      {"/usr/bin/python3", "-c", Validate, Path, PRODREADY_SARIF_SCHEMA},
      std::nullopt, {}, 0, 0, &Message);
  llvm::sys::fs::remove(Path);
  EXPECT_EQ(Status, 0) << Message;
}

TEST(ReportTest, CodeClimateIssues) {
  nlohmann::json Issues =
      nlohmann::json::parse(writeCodeClimate(sampleReport()));
  ASSERT_EQ(Issues.size(), 2u);
  EXPECT_EQ(Issues[0]["check_name"], "prodready-unsafe-path-join");
  EXPECT_EQ(Issues[0]["severity"], "critical");
  EXPECT_EQ(Issues[0]["location"]["path"], "src/main.cpp");
  EXPECT_EQ(Issues[0]["location"]["lines"]["begin"], 31);
  EXPECT_EQ(Issues[1]["severity"], "major");
}

} // namespace
