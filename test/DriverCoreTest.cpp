// Unit tests of the driver's clang-independent core: fingerprints, unified
// diff parsing, shard partitioning, baselines, reports and their readers,
// plugin-flag removal, fix application and the result cache.
#include "Baseline.h"
#include "Fingerprint.h"
#include "HelperHeaders.h"
#include "PathFilter.h"
#include "Shard.h"
#include "UnifiedDiff.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
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
  PathJoin.Level = Severity::Error;
  Replacement Edit;
  Edit.File = "src/main.cpp";
  Edit.StartLine = Edit.EndLine = 31;
  Edit.StartColumn = 31;
  Edit.EndColumn = 35;
  Edit.Offset = 900;
  Edit.Length = 4;
  Edit.Text = "std::filesystem::path(name).filename()";
  PathJoin.Fix.push_back(Edit);
  Note From;
  From.File = "src/main.cpp";
  From.Line = 12;
  From.Column = 20;
  From.Message = "the value comes from 'argv' here";
  From.LineText = "  std::string name = argv[1];";
  PathJoin.Notes.push_back(From);
  Finding Other = finding("src/util.cpp", 4, "int x = y;", "bugprone-foo",
                          "something else");
  ReportInput Report;
  Report.Findings = {PathJoin, Other};
  Report.Fingerprints = fingerprints(Report.Findings);
  Report.Digests["src/main.cpp"] = std::string(64, 'a');
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

TEST(CheckMetadataTest, SeverityOfAFindingByItsKind) {
  // prodready-sql-injection reports untrusted data as an error and a
  // parameter's text as a warning, both clang-tidy warnings.
  EXPECT_EQ(findingSeverity("prodready-sql-injection",
                            "SQL built from the environment reaches 'PQexec'"),
            Severity::Error);
  EXPECT_EQ(findingSeverity("prodready-sql-injection",
                            "SQL built from non-constant text (parameter "
                            "'name' of 'find') reaches 'PQexec'"),
            Severity::Warning);
  EXPECT_EQ(checkInfo("prodready-sql-injection").Cwes,
            std::vector<std::string>{"CWE-89"});
  // Other checks keep their default, whatever the message.
  EXPECT_EQ(findingSeverity("prodready-missing-retry",
                            "SQL built from non-constant text"),
            Severity::Warning);
  EXPECT_EQ(findingSeverity("prodready-unsafe-path-join", "path built from"),
            Severity::Error);
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

TEST(ReportTest, SarifCodeFlowOfAnIndexFindingIsItsUntrustedData) {
  // An index finding's notes on where the untrusted index comes from are
  // its flow; the note on the rest of the chain is not a step of it.
  ReportInput Report;
  Finding Untrusted;
  Untrusted.Check = "prodready-unchecked-container-access";
  Untrusted.File = "handlers.cpp";
  Untrusted.Line = 21;
  Untrusted.Column = 28;
  Untrusted.Message = "untrusted index into 'std::vector' is not checked";
  Untrusted.Notes = {
      {"reply.cpp", 25, 15, "the untrusted value comes from 'recv' here", ""},
      {"handlers.cpp", 21, 29, "the untrusted index comes from here", ""},
      {"handlers.cpp", 22, 3,
       "the next access in this chain is not checked either", ""}};
  // An access after a clear: a note on the evidence, no data flow.
  Finding Emptied = Untrusted;
  Emptied.Message = "'front()' on a 'std::vector' that may be empty";
  Emptied.Notes = {{"handlers.cpp", 19, 3,
                    "the container is empty after this, and no element is "
                    "added on every path to the access",
                    ""}};
  Report.Findings = {Untrusted, Emptied};
  Report.Fingerprints = {"a", "b"};
  nlohmann::json Results =
      nlohmann::json::parse(writeSarif(Report))["runs"][0]["results"];
  const nlohmann::json &Steps =
      Results[0]["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(Steps.size(), 3u);
  EXPECT_EQ(Steps[0]["location"]["physicalLocation"]["artifactLocation"]
                 ["uri"],
            "reply.cpp");
  EXPECT_EQ(Steps[1]["location"]["message"]["text"],
            "the untrusted index comes from here");
  EXPECT_EQ(Steps[2]["location"]["physicalLocation"]["region"]["startLine"],
            21);
  EXPECT_FALSE(Results[1].contains("codeFlows"));
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

#include "FixApplier.h"
#include "PluginFlags.h"
#include "ResultCache.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace {

TEST(ReportTest, JsonAndSarifReadBackToTheSameReport) {
  ReportInput Report = sampleReport();
  for (const std::string &Text : {writeJson(Report), writeSarif(Report)}) {
    auto Read = readReport(Text, "r");
    ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
    const ReportInput &Back = Read->first;
    ASSERT_EQ(Back.Findings.size(), 2u);
    EXPECT_EQ(Back.Fingerprints, Report.Fingerprints);
    EXPECT_EQ(Back.Digests, Report.Digests);
    const Finding &F = Back.Findings[0];
    EXPECT_EQ(F.Level, Severity::Error);
    EXPECT_EQ(F.LineText, Report.Findings[0].LineText);
    ASSERT_EQ(F.Fix.size(), 1u);
    EXPECT_EQ(F.Fix[0], Report.Findings[0].Fix[0]);
    // SARIF carries an edit as a binary region (offset and length) only.
    EXPECT_EQ(F.Fix[0].EndColumn,
              Read->second == ReportFormat::Json ? 35u : 0u);
    ASSERT_EQ(F.Notes.size(), 1u);
    EXPECT_EQ(F.Notes[0].Message, "the value comes from 'argv' here");
    EXPECT_EQ(F.Notes[0].Line, 12u);
    EXPECT_EQ(F.Notes[0].LineText, "  std::string name = argv[1];");
    // Written again, it is the same text.
    EXPECT_EQ(Read->second == ReportFormat::Json ? writeJson(Back)
                                                 : writeSarif(Back),
              Text);
  }
}

TEST(ReportTest, ReadersRejectOtherDocuments) {
  auto Expect = [](llvm::StringRef Text, llvm::StringRef Message) {
    auto Read = readReport(Text, "r.json");
    ASSERT_FALSE(bool(Read));
    EXPECT_EQ(llvm::toString(Read.takeError()), Message);
  };
  Expect("{", "r.json: not valid JSON");
  Expect("{\"tool\": \"other\"}", "r.json: not a prodready JSON or SARIF report");
  auto Read = readReport("{\"tool\": \"prodready\", \"findings\": [{}]}", "r.json");
  ASSERT_FALSE(bool(Read));
  EXPECT_TRUE(llvm::StringRef(llvm::toString(Read.takeError()))
                  .starts_with("r.json: malformed report ("));
}

// Found by driver/fuzz/fuzz_report.cpp: a line or column that is a float
// too large for an unsigned was converted anyway (undefined behaviour, which
// UBSan reports). Numbers that are not non-negative integers in range are a
// malformed report.
TEST(ReportTest, ReadersRejectNumbersThatAreNotLinesOrColumns) {
  for (const char *Column : {"1.6e103", "1.5", "-1", "4294967296"}) {
    std::string Text = std::string("{\"tool\": \"prodready\", \"version\": \"1\", "
                                   "\"findings\": [{\"check\": \"c\", "
                                   "\"severity\": \"warning\", \"file\": \"a.cpp\", "
                                   "\"line\": 1, \"column\": ") +
                       Column + ", \"message\": \"m\"}]}";
    auto Read = readReport(Text, "r.json");
    ASSERT_FALSE(bool(Read)) << Column;
    EXPECT_EQ(llvm::toString(Read.takeError()),
              "r.json: malformed report ([json.exception.type_error.302] "
              "'column' must be an integer from 0 to 4294967295)")
        << Column;
  }
}

TEST(ReportTest, MergeSortsAndDropsFindingsSeveralShardsReported) {
  Finding Header = finding("include/a.h", 3, "return getenv(\"X\");");
  Finding Late = finding("src/z.cpp", 9, "f();");
  Finding Early = finding("src/b.cpp", 1, "g();");
  ReportInput One, Two;
  One.Findings = {Late, Header};
  Two.Findings = {Header, Early};
  ReportInput Merged = mergeReports({One, Two});
  ASSERT_EQ(Merged.Findings.size(), 3u);
  EXPECT_EQ(Merged.Findings[0].File, "include/a.h");
  EXPECT_EQ(Merged.Findings[1].File, "src/b.cpp");
  EXPECT_EQ(Merged.Findings[2].File, "src/z.cpp");
  ReportInput Unsharded;
  Unsharded.Findings = {Early, Header, Late, Header};
  canonicalize(Unsharded);
  EXPECT_EQ(writeJson(Merged), writeJson(Unsharded));
}

TEST(ReportTest, TextHasTheLineAndACaretUnderTheColumn) {
  Finding F = finding("src/a.cpp", 12, "\tint v = xs[i];");
  F.Column = 10;
  F.Level = Severity::Error;
  ReportInput Report;
  Report.Findings = {F};
  EXPECT_EQ(writeText(Report),
            "src/a.cpp:12:10: error: path built from untrusted data "
            "[prodready-unsafe-path-join]\n"
            "   12 | \tint v = xs[i];\n"
            "      | \t        ^\n");
}

TEST(ReportTest, TextShowsNotesAfterTheirWarning) {
  std::string Text = writeText(sampleReport());
  EXPECT_NE(Text.find("[prodready-unsafe-path-join]\n"
                      "   31 | std::ofstream out(dir / name);\n"
                      "      |                         ^\n"
                      "src/main.cpp:12:20: note: the value comes from 'argv' here\n"
                      "   12 |   std::string name = argv[1];\n"
                      "      |                    ^\n"),
            std::string::npos)
      << Text;
}

TEST(ReportTest, SummaryCountsAndSlowestFiles) {
  ReportInput Report = sampleReport();
  RunSummary Run;
  Run.FilesAnalyzed = 3;
  Run.FilesFromCache = 1;
  Run.Seconds = 2.25;
  Run.FileSeconds = {{"src/a.cpp", 0.5}, {"src/b.cpp", 1.5}};
  EXPECT_EQ(writeSummary(Report, Run),
            "prodready: 2 findings in 3 files (1 from the cache), 2.2 s\n"
            "  by check: bugprone-foo 1, prodready-unsafe-path-join 1\n"
            "  by severity: error 1, warning 1\n"
            "  by CWE: CWE-22 1, CWE-23 1, CWE-36 1\n"
            "  slowest files: src/b.cpp 1.5 s, src/a.cpp 0.5 s\n");
}

TEST(PluginFlagsTest, RemovesEveryFormThatLoadsCode) {
  std::vector<std::string> Args = {
      "clang++", "-fplugin=/p/a.so", "-O2", "-Xclang", "-load", "-Xclang",
      "/p/b.so", "-fpass-plugin=/p/c.so", "-Xclang=-add-plugin",
      "-Xclang=printer", "-fplugin-arg-a-x", "--config=/p/evil.cfg",
      "--config", "/p/other.cfg", "-Xclang", "-fno-color-diagnostics",
      "-load", "/p/d.so", "-c", "a.cpp"};
  std::vector<std::string> Removed = stripPluginFlags(Args);
  EXPECT_EQ(Args, (std::vector<std::string>{"clang++", "-O2", "-Xclang",
                                            "-fno-color-diagnostics", "-c",
                                            "a.cpp"}));
  EXPECT_EQ(Removed,
            (std::vector<std::string>{
                "-fplugin=/p/a.so", "-Xclang -load /p/b.so",
                "-fpass-plugin=/p/c.so", "-Xclang -add-plugin printer",
                "-fplugin-arg-a-x", "--config=/p/evil.cfg",
                "--config /p/other.cfg", "-load /p/d.so"}));
}

TEST(PluginFlagsTest, LeavesOrdinaryCommandsAlone) {
  std::vector<std::string> Args = {"clang++", "-Ifplugin", "-DPLUGIN=1",
                                   "-Xclang", "-ast-dump", "a.cpp"};
  std::vector<std::string> Before = Args;
  EXPECT_TRUE(stripPluginFlags(Args).empty());
  EXPECT_EQ(Args, Before);
}

Replacement edit(std::string File, unsigned Offset, unsigned Length,
                 std::string Text) {
  Replacement R;
  R.File = std::move(File);
  R.Offset = Offset;
  R.Length = Length;
  R.Text = std::move(Text);
  return R;
}

/// A directory with files, for the fix tests.
class FixApplierTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("prodready-fix", Root));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  void write(llvm::StringRef Name, llvm::StringRef Content) {
    std::error_code Error;
    llvm::raw_fd_ostream Out(path(Name), Error);
    ASSERT_FALSE(Error);
    Out << Content;
    Digests[Name.str()] = sha256Hex(Content);
  }
  std::string read(llvm::StringRef Name) {
    auto Buffer = llvm::MemoryBuffer::getFile(path(Name));
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }
  std::string path(llvm::StringRef Name) {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, Name);
    return std::string(Path);
  }
  Finding withFix(std::string File, unsigned Line,
                  std::vector<Replacement> Edits) {
    Finding F = finding(File, Line, "");
    F.Fix = std::move(Edits);
    return F;
  }

  llvm::SmallString<128> Root;
  FileDigests Digests;
};

TEST_F(FixApplierTest, AppliesEditsAndIdenticalEditsOnce) {
  write("a.cpp", "int x = v[0];\nint y = w[1];\n");
  // Two findings both insert the same line at the top (an #include).
  std::vector<Finding> Findings = {
      withFix("a.cpp", 1,
              {edit("a.cpp", 0, 0, "#include <x>\n"),
               edit("a.cpp", 9, 1, ".at("), edit("a.cpp", 11, 1, ")")}),
      withFix("a.cpp", 2,
              {edit("a.cpp", 0, 0, "#include <x>\n"),
               edit("a.cpp", 23, 1, ".at("), edit("a.cpp", 25, 1, ")")})};
  FixOutcome Outcome = applyFixes(Findings, Digests, Root);
  EXPECT_EQ(Outcome.Applied, (std::vector<bool>{true, true}));
  EXPECT_TRUE(Outcome.Refusals.empty());
  EXPECT_EQ(read("a.cpp"),
            "#include <x>\nint x = v.at(0);\nint y = w.at(1);\n");
}

TEST_F(FixApplierTest, ADeviceIsNotReadNorFixed) {
  // A crafted report naming /dev/zero must not make `prodready fix` read
  // forever (found by driver/fuzz's reasoning, not by a user).
  std::vector<Finding> Findings = {
      withFix("/dev/zero", 1, {edit("/dev/zero", 0, 0, "x")})};
  Digests["/dev/zero"] = "0";
  FixOutcome Outcome = applyFixes(Findings, Digests, Root);
  EXPECT_EQ(Outcome.Applied, (std::vector<bool>{false}));
  ASSERT_EQ(Outcome.Refusals.size(), 1u);
  EXPECT_EQ(Outcome.Refusals[0], "/dev/zero: not fixed: not a regular file");
}

TEST_F(FixApplierTest, OverlappingFixIsRefusedWholeAndNamed) {
  write("a.cpp", "call(a, b);\n");
  std::vector<Finding> Findings = {
      withFix("a.cpp", 1, {edit("a.cpp", 5, 1, "A")}),
      // Overlaps the first; its other edit must not be applied either.
      withFix("a.cpp", 1, {edit("a.cpp", 0, 0, "// x\n"), edit("a.cpp", 5, 4, "ab")}),
      // Two different insertions at one offset have no single order.
      withFix("a.cpp", 1, {edit("a.cpp", 10, 0, " /*1*/")}),
      withFix("a.cpp", 1, {edit("a.cpp", 10, 0, " /*2*/")})};
  Findings[1].Check = "prodready-second";
  Findings[3].Check = "prodready-fourth";
  FixOutcome Outcome = applyFixes(Findings, Digests, Root);
  EXPECT_EQ(Outcome.Applied, (std::vector<bool>{true, false, true, false}));
  EXPECT_EQ(read("a.cpp"), "call(A, b) /*1*/;\n");
  ASSERT_EQ(Outcome.Refusals.size(), 2u);
  EXPECT_EQ(Outcome.Refusals[0],
            "prodready-fourth at a.cpp:1:3: fix not applied: it overlaps the "
            "fix of prodready-unsafe-path-join at a.cpp:1:3");
  EXPECT_EQ(Outcome.Refusals[1],
            "prodready-second at a.cpp:1:3: fix not applied: it overlaps the "
            "fix of prodready-unsafe-path-join at a.cpp:1:3");
}

TEST_F(FixApplierTest, ChangedFileIsNotTouchedOthersAre) {
  write("a.cpp", "v[0];\n");
  write("b.cpp", "w[0];\n");
  std::vector<Finding> Findings = {
      withFix("a.cpp", 1, {edit("a.cpp", 1, 1, ".at("), edit("a.cpp", 3, 1, ")")}),
      withFix("b.cpp", 1, {edit("b.cpp", 1, 1, ".at("), edit("b.cpp", 3, 1, ")")})};
  FileDigests Analyzed = Digests;
  write("a.cpp", "v[0]; // edited\n");
  FixOutcome Outcome = applyFixes(Findings, Analyzed, Root);
  EXPECT_EQ(Outcome.Applied, (std::vector<bool>{false, true}));
  EXPECT_EQ(read("a.cpp"), "v[0]; // edited\n");
  EXPECT_EQ(read("b.cpp"), "w.at(0);\n");
  EXPECT_EQ(Outcome.Refusals,
            std::vector<std::string>{
                "a.cpp: not fixed: it changed since it was analyzed"});
  EXPECT_EQ(Outcome.FilesWritten, std::vector<std::string>{"b.cpp"});
}

TEST_F(FixApplierTest, WritesKeepPermissionsAndLeaveNoTemporaryFile) {
  write("a.sh", "x[0]\n");
  llvm::sys::fs::setPermissions(path("a.sh"), llvm::sys::fs::perms(0750));
  FixOutcome Outcome = applyFixes(
      {withFix("a.sh", 1, {edit("a.sh", 1, 3, ".at(0)")})}, Digests, Root);
  EXPECT_EQ(Outcome.appliedCount(), 1u);
  EXPECT_EQ(read("a.sh"), "x.at(0)\n");
  auto Permissions = llvm::sys::fs::getPermissions(path("a.sh"));
  ASSERT_TRUE(bool(Permissions));
  EXPECT_EQ(static_cast<unsigned>(*Permissions) & 0777, 0750u);
  std::error_code Error;
  unsigned Entries = 0;
  for (llvm::sys::fs::directory_iterator It(Root, Error), End;
       It != End && !Error; It.increment(Error))
    ++Entries;
  EXPECT_EQ(Entries, 1u);
}

TEST(ResultCacheTest, HitUntilADependencyChanges) {
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("prodready-cache", Directory));
  llvm::SmallString<128> Header(Directory);
  llvm::sys::path::append(Header, "a.h");
  auto WriteHeader = [&](llvm::StringRef Text) {
    std::error_code Error;
    llvm::raw_fd_ostream Out(Header, Error);
    Out << Text;
  };
  WriteHeader("int x;\n");
  std::string Key = ResultCache::key({"tool", "clang++ -c a.cpp"});
  EXPECT_NE(Key, ResultCache::key({"tool", "clang++ -c b.cpp"}));
  EXPECT_NE(ResultCache::key({"ab", "c"}), ResultCache::key({"a", "bc"}));

  auto Cache = ResultCache::open((Directory + "/entries").str());
  ASSERT_TRUE(bool(Cache)) << llvm::toString(Cache.takeError());
  EXPECT_FALSE((*Cache)->lookup(Key));
  (*Cache)->store(Key, sampleReport(),
                  {{std::string(Header), ResultCache::contentHash("int x;\n")}});
  std::optional<CachedResult> Hit = (*Cache)->lookup(Key);
  ASSERT_TRUE(Hit.has_value());
  EXPECT_EQ(writeJson(Hit->Report), writeJson(sampleReport()));
  EXPECT_EQ(Hit->Summaries, "");
  // --whole-program needs the unit's summaries: an entry without them is
  // a miss, and the entry stored with them is a hit that returns them.
  EXPECT_FALSE((*Cache)->lookup(Key, /*NeedsSummaries=*/true));
  (*Cache)->store(Key, sampleReport(),
                  {{std::string(Header), ResultCache::contentHash("int x;\n")}},
                  "{\"functions\": []}");
  Hit = (*Cache)->lookup(Key, /*NeedsSummaries=*/true);
  ASSERT_TRUE(Hit.has_value());
  EXPECT_EQ(Hit->Summaries, "{\"functions\": []}");

  // A new run (hashes are memoized per run) after the header changed.
  WriteHeader("int x; // NOLINT\n");
  auto NextRun = ResultCache::open((Directory + "/entries").str());
  ASSERT_TRUE(bool(NextRun));
  EXPECT_FALSE((*NextRun)->lookup(Key));
  // The stale entry still names the file that made it stale (--diff).
  EXPECT_EQ((*NextRun)->changedDependencies(Key),
            std::vector<std::string>{std::string(Header)});
  EXPECT_FALSE((*NextRun)->changedDependencies("no-such-key"));
  llvm::sys::fs::remove_directories(Directory);
}

TEST(ResultCacheTest, AnEntryNamingADeviceIsAMiss) {
  // A damaged or crafted entry whose dependency is /dev/zero is stale, at
  // once: it is not read until memory runs out.
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("prodready-cache", Directory));
  auto Cache = ResultCache::open(Directory);
  ASSERT_TRUE(bool(Cache));
  std::string Key = ResultCache::key({"device"});
  (*Cache)->store(Key, sampleReport(), {{"/dev/zero", "0"}});
  EXPECT_FALSE((*Cache)->lookup(Key));
  EXPECT_EQ((*Cache)->changedDependencies(Key),
            std::vector<std::string>{"/dev/zero"});
  llvm::sys::fs::remove_directories(Directory);
}

TEST(ResultCacheTest, LaterRoundEntryListsOnlyWhatItsBaseDoesNot) {
  // A whole-program round after the first stores, besides the digest of
  // the unit's previous dependencies (its base), only the files it read
  // besides them: another unit's file that a note shows.
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("prodready-cache", Directory));
  auto Write = [&](llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<128> Path(Directory);
    llvm::sys::path::append(Path, Name);
    std::error_code Error;
    llvm::raw_fd_ostream Out(Path, Error);
    Out << Text;
    return std::string(Path);
  };
  std::string Own = Write("unit.cpp", "int f();\n");
  std::string Other = Write("other.cpp", "int f() { return 1; }\n");
  std::vector<Dependency> Base = {
      {Own, ResultCache::contentHash("int f();\n")}};
  std::vector<Dependency> All = Base;
  All.push_back({Other, ResultCache::contentHash("int f() { return 1; }\n")});
  std::string Key = ResultCache::key({"tool", "round 2"});
  {
    auto Cache = ResultCache::open((Directory + "/entries").str());
    ASSERT_TRUE(bool(Cache));
    (*Cache)->store(Key, sampleReport(), All, "{\"functions\": []}", &Base);
    // Without its base, or with another one, the entry cannot be judged.
    EXPECT_FALSE((*Cache)->lookup(Key, true));
    std::vector<Dependency> OtherBase = {{Own, "0"}};
    EXPECT_FALSE(
        (*Cache)->lookup(Key, true, ResultCache::dependencyDigest(OtherBase)));
    std::optional<CachedResult> Hit =
        (*Cache)->lookup(Key, true, ResultCache::dependencyDigest(Base));
    ASSERT_TRUE(Hit.has_value());
    EXPECT_EQ(Hit->Summaries, "{\"functions\": []}");
    // It lists only the files its base does not have.
    ASSERT_EQ(Hit->Dependencies.size(), 1u);
    EXPECT_EQ(Hit->Dependencies[0].first, Other);
  }
  // Its own file changed: a miss, however current the base is.
  Write("other.cpp", "int f() { return 2; }\n");
  auto NextRun = ResultCache::open((Directory + "/entries").str());
  ASSERT_TRUE(bool(NextRun));
  EXPECT_FALSE(
      (*NextRun)->lookup(Key, true, ResultCache::dependencyDigest(Base)));
  llvm::sys::fs::remove_directories(Directory);
}

TEST(ResultCacheTest, DigestOfDependenciesIgnoresTheirOrder) {
  std::vector<Dependency> Listed = {
      {"/b.h", "2"}, {"/a.h", "1"}, {"/c.h", "3"}};
  std::vector<Dependency> Sorted = {
      {"/a.h", "1"}, {"/b.h", "2"}, {"/c.h", "3"}};
  EXPECT_EQ(ResultCache::dependencyDigest(Listed),
            ResultCache::dependencyDigest(Sorted));
  Sorted[1].second = "changed";
  EXPECT_NE(ResultCache::dependencyDigest(Listed),
            ResultCache::dependencyDigest(Sorted));
}

TEST(ResultCacheTest, LinkedSummariesAreWrittenOnlyWhenLinkedFromOtherInputs) {
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(
      llvm::sys::fs::createUniqueDirectory("prodready-cache", Directory));
  auto Cache = ResultCache::open(Directory);
  ASSERT_TRUE(bool(Cache));
  unsigned Serialized = 0;
  auto Summaries = [&] {
    ++Serialized;
    return std::string("{\"calls\": [], \"functions\": []}");
  };
  auto Read = [&] {
    auto Buffer = llvm::MemoryBuffer::getFile((*Cache)->summariesPath());
    return Buffer ? (*Buffer)->getBuffer().str() : std::string("missing");
  };
  ASSERT_FALSE(bool((*Cache)->storeLinkedSummaries("d1", Summaries)));
  EXPECT_EQ(Read(),
            "{\"linkedFrom\": \"d1\",\"calls\": [], \"functions\": []}");
  // The same inputs: neither serialized nor written.
  ASSERT_FALSE(bool((*Cache)->storeLinkedSummaries("d1", Summaries)));
  EXPECT_EQ(Serialized, 1u);
  // Other inputs, or unknown ones: written again.
  ASSERT_FALSE(bool((*Cache)->storeLinkedSummaries("d2", Summaries)));
  EXPECT_EQ(Read(),
            "{\"linkedFrom\": \"d2\",\"calls\": [], \"functions\": []}");
  ASSERT_FALSE(bool((*Cache)->storeLinkedSummaries("", Summaries)));
  EXPECT_EQ(Read(), "{\"calls\": [], \"functions\": []}");
  ASSERT_FALSE(bool((*Cache)->storeLinkedSummaries("", Summaries)));
  EXPECT_EQ(Serialized, 4u);
  llvm::sys::fs::remove_directories(Directory);
}

TEST(ReportTest, RunObjectRoundTripsAndShardsAddUp) {
  ReportInput Shard = sampleReport();
  Shard.Run = RunStats{10, 2, 5, 3, false, 1.25};
  std::string Json = writeJson(Shard);
  EXPECT_NE(Json.find("\"run\": {"), std::string::npos) << Json;
  auto Read = readReport(Json, "shard.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  ASSERT_TRUE(Read->first.Run.has_value());
  EXPECT_EQ(Read->first.Run->Units, 10u);
  EXPECT_EQ(Read->first.Run->Skipped, 3u);
  EXPECT_DOUBLE_EQ(Read->first.Run->Seconds, 1.3); // One decimal.

  ReportInput Other = sampleReport();
  Other.Run = RunStats{4, 4, 0, 0, false, 2.0};
  ReportInput NoRun = sampleReport(); // A per-TU report (the cache's).
  EXPECT_EQ(writeJson(NoRun).find("\"run\""), std::string::npos);
  ReportInput Merged = mergeReports({Shard, Other, NoRun});
  ASSERT_TRUE(Merged.Run.has_value());
  EXPECT_EQ(Merged.Run->Units, 14u);
  EXPECT_EQ(Merged.Run->Analyzed, 6u);
  EXPECT_EQ(Merged.Run->Cached, 5u);
  EXPECT_EQ(Merged.Run->Skipped, 3u);
  // Shards run side by side: the merged run took as long as the slowest.
  EXPECT_DOUBLE_EQ(Merged.Run->Seconds, 2.0);
}

TEST(ReportTest, WholeProgramShardUnitsRoundTripAndAreChecked) {
  ReportInput Shard = sampleReport();
  ASSERT_FALSE(Shard.Findings.empty());
  Shard.WholeProgram = WholeProgramShard{
      "1/2",
      "checks=-*,prodready-*",
      {{"src/a.cpp", R"({"calls":["c:@F@f#"],"functions":[]})", {0}},
       {"src/b.cpp", R"({"calls":[],"functions":[]})", {}}}};
  auto Read = readReport(writeJson(Shard), "shard.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  ASSERT_TRUE(Read->first.WholeProgram.has_value());
  const WholeProgramShard &Back = *Read->first.WholeProgram;
  EXPECT_EQ(Back.Shard, "1/2");
  EXPECT_EQ(Back.Settings, "checks=-*,prodready-*");
  ASSERT_EQ(Back.Units.size(), 2u);
  EXPECT_EQ(Back.Units[0].File, "src/a.cpp");
  EXPECT_EQ(Back.Units[0].Summaries, R"({"calls":["c:@F@f#"],"functions":[]})");
  EXPECT_EQ(Back.Units[0].Findings, std::vector<size_t>{0});
  // A shard without units still says it is one; other reports do not.
  Shard.WholeProgram->Units.clear();
  Read = readReport(writeJson(Shard), "empty-shard.json");
  ASSERT_TRUE(bool(Read));
  EXPECT_TRUE(Read->first.WholeProgram.has_value());
  EXPECT_FALSE(mergeReports({Read->first}).WholeProgram.has_value());
  // An index past the findings is a malformed report, not a crash later.
  Shard.WholeProgram->Units = {{"src/a.cpp", "{}", {99}}};
  auto Bad = readReport(writeJson(Shard), "bad.json");
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("bad.json: malformed report"),
            std::string::npos);
}

TEST(ReportTest, SettledFindingsAreThoseOfUnitsNotAnalyzedAgain) {
  ReportInput Shard;
  for (const char *File : {"a.cpp", "b.cpp", "shared.h", "c.cpp"})
    Shard.Findings.push_back(finding(File, 1, "x"));
  // a.cpp is analyzed again; b.cpp is not; both include shared.h; c.cpp's
  // finding is claimed by no unit (kept).
  Shard.WholeProgram = WholeProgramShard{
      "1/1", "", {{"a.cpp", "{}", {0, 2}}, {"b.cpp", "{}", {1, 2}}}};
  std::vector<Finding> Kept = settledFindings(Shard, {true, false});
  std::vector<std::string> Files;
  for (const Finding &F : Kept)
    Files.push_back(F.File);
  EXPECT_EQ(Files, (std::vector<std::string>{"b.cpp", "shared.h", "c.cpp"}));
  // Both analyzed again: the header's finding is theirs to bring back.
  Shard.Findings.clear();
  for (const char *File : {"a.cpp", "b.cpp", "shared.h", "c.cpp"})
    Shard.Findings.push_back(finding(File, 1, "x"));
  EXPECT_EQ(settledFindings(Shard, {true, true}).size(), 1u);
}

TEST(ReportTest, SummarySaysWhatTheDiffLeftOut) {
  RunSummary Run;
  Run.FilesAnalyzed = 212;
  Run.FilesSkipped = 209;
  Run.Seconds = 1;
  std::string Text = writeSummary(ReportInput(), Run);
  EXPECT_NE(Text.find("  analyzed 3 of 212 translation units, 209 skipped "
                      "(not affected by the diff)\n"),
            std::string::npos)
      << Text;
  Run.FilesSkipped = 0;
  EXPECT_EQ(writeSummary(ReportInput(), Run).find("skipped"),
            std::string::npos);
}

TEST(UnifiedDiffTest, HunkWithoutFileHeaderIsAnError) {
  auto Parsed = ChangedLines::parse("@@ -1 +1 @@\n+x\n");
  ASSERT_FALSE(bool(Parsed));
  EXPECT_EQ(llvm::toString(Parsed.takeError()),
            "hunk at line 1 of the diff has no '+++' file header before it");
}

} // namespace

TEST(PathFilterTest, ExcludesWhatAnyPatternMatchesAnywhere) {
  llvm::Expected<PathFilter> Filter =
      PathFilter::create({"^third_party/", "json\\.hpp$"}, "--exclude");
  ASSERT_TRUE(static_cast<bool>(Filter)) << llvm::toString(Filter.takeError());
  EXPECT_TRUE(Filter->excludes("third_party/lib/a.h"));
  EXPECT_FALSE(Filter->excludes("src/third_party/a.h")); // Anchored.
  EXPECT_TRUE(Filter->excludes("src/vendor/json.hpp"));
  EXPECT_FALSE(Filter->excludes("src/json.hpp.in"));
  EXPECT_FALSE(Filter->excludes("src/main.cpp"));
  EXPECT_TRUE(PathFilter().empty());
}

TEST(PathFilterTest, InvalidPatternsNameTheirOrigin) {
  llvm::Expected<PathFilter> Filter =
      PathFilter::create({"ok/", "bad("}, ".prodready.yaml");
  ASSERT_FALSE(static_cast<bool>(Filter));
  EXPECT_EQ(llvm::toString(Filter.takeError()),
            ".prodready.yaml: invalid exclude pattern 'bad(': parentheses not "
            "balanced");
  llvm::Expected<PathFilter> Empty = PathFilter::create({""}, "--exclude");
  ASSERT_FALSE(static_cast<bool>(Empty));
  EXPECT_EQ(llvm::toString(Empty.takeError()),
            "--exclude: invalid exclude pattern '': empty pattern");
}

TEST(PathFilterTest, ProjectConfigurationFile) {
  auto Patterns = parseProjectConfigExcludes(
      "# vendored\nexclude:\n  - '^third_party/'\n  - 'src/miniz\\.c$'\n",
      ".prodready.yaml");
  ASSERT_TRUE(static_cast<bool>(Patterns))
      << llvm::toString(Patterns.takeError());
  EXPECT_EQ(*Patterns,
            (std::vector<std::string>{"^third_party/", "src/miniz\\.c$"}));
  auto Empty = parseProjectConfigExcludes("\n", ".prodready.yaml");
  ASSERT_TRUE(static_cast<bool>(Empty));
  EXPECT_TRUE(Empty->empty());
  auto Misspelled =
      parseProjectConfigExcludes("exlude:\n  - x\n", "p/.prodready.yaml");
  ASSERT_FALSE(static_cast<bool>(Misspelled));
  EXPECT_EQ(llvm::toString(Misspelled.takeError()),
            "cannot parse 'p/.prodready.yaml': 1:1: unknown key 'exlude'");
  auto NotAList =
      parseProjectConfigExcludes("exclude: [a\n", "p/.prodready.yaml");
  EXPECT_FALSE(static_cast<bool>(NotAList));
  llvm::consumeError(NotAList.takeError());
}

TEST(HelperHeadersTest, OptionValuesNameAProjectPathOrNothing) {
  EXPECT_EQ(helperHeaderPath(""),
            std::optional<std::string>("third_party/prodready/env.h"));
  EXPECT_EQ(helperHeaderPath(" lib/./env.h "),
            std::optional<std::string>("lib/env.h"));
  // An include spelling names a header the project provides itself.
  EXPECT_EQ(helperHeaderPath("<prodready/env.h>"), std::nullopt);
  EXPECT_EQ(helperHeaderPath("\"env.h\""), std::nullopt);
  // Never outside the root.
  EXPECT_EQ(helperHeaderPath("/usr/include/env.h"), std::nullopt);
  EXPECT_EQ(helperHeaderPath("../env.h"), std::nullopt);
  EXPECT_EQ(helperHeaderPath("lib/../../env.h"), std::nullopt);
}

TEST(HelperHeadersTest, APlanNeverWritesOverTheProjectsOwnFile) {
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("helper-headers", Root));
  Finding Parse;
  Parse.Check = HelperHeaderCheck.str();
  Parse.File = "src/config.cpp";
  Replacement Edit;
  Edit.File = Parse.File;
  Edit.Text = "prodready::parse_number_or(...)";
  Parse.Fix.push_back(Edit);
  Finding Other = Parse;
  Other.Check = "prodready-unchecked-getenv";
  auto Default = [](const std::string &) { return std::string(); };

  // Nothing there: the header is planned for the fix that includes it.
  HelperHeaderPlan Fresh = planHelperHeaders({Parse, Other}, Root, Default);
  ASSERT_EQ(Fresh.ToWrite.count("third_party/prodready/env.h"), 1u);
  EXPECT_EQ(Fresh.ToWrite["third_party/prodready/env.h"],
            std::vector<size_t>{0});
  EXPECT_TRUE(Fresh.Refusals.empty());

  // The project's own file at that path: kept, and the fix skipped.
  llvm::SmallString<128> Dir(Root);
  llvm::sys::path::append(Dir, "third_party", "prodready");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir));
  llvm::SmallString<128> Header(Dir);
  llvm::sys::path::append(Header, "env.h");
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Header, EC);
    ASSERT_FALSE(EC);
    Out << "// the project's own env.h\n";
  }
  HelperHeaderPlan Taken = planHelperHeaders({Parse, Other}, Root, Default);
  EXPECT_TRUE(Taken.ToWrite.empty());
  ASSERT_EQ(Taken.Refusals.size(), 1u);
  EXPECT_TRUE(Taken.Findings[0].Fix.empty());
  EXPECT_EQ(Taken.Findings[1].Fix.size(), 1u);

  // Its own header from an earlier run: nothing to write, nothing refused.
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Header, EC);
    ASSERT_FALSE(EC);
    Out << envHelperHeaderContent();
  }
  HelperHeaderPlan Again = planHelperHeaders({Parse}, Root, Default);
  EXPECT_TRUE(Again.ToWrite.empty());
  EXPECT_TRUE(Again.Refusals.empty());
  EXPECT_EQ(Again.Findings[0].Fix.size(), 1u);
  llvm::sys::fs::remove_directories(Root);
}
