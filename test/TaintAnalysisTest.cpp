// Unit tests of the untrusted-data analysis: propagation inside a function
// and per-function summaries, with a test sink `sink(const char *)` /
// `sink(const std::string &)`.
#include "TestAST.h"
#include "analysis/TaintAnalysis.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

class TestSinks : public TaintSinkModel {
public:
  void sinkArguments(const Expr &E,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &Out) override {
    if (const auto *Call = dyn_cast<CallExpr>(&E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier() && Callee->getName() == "sink")
          Out.emplace_back(Call->getArg(0), "sink");
  }
};

constexpr const char *Prelude = R"cpp(
  #include <cstdio>
  #include <cstdlib>
  #include <cstring>
  #include <filesystem>
  #include <iostream>
  #include <map>
  #include <string>
  #include <vector>
  void sink(const char *);
  void sink(const std::string &);
  void sink(const std::filesystem::path &);
  bool flag();
)cpp";

struct Analyzed {
  explicit Analyzed(llvm::StringRef Code, TaintOptions Options = {})
      : AST(std::string(Prelude) + Code.str()), Model(Options),
        Engine(AST.context(), Model, Sinks) {
    std::vector<const Decl *> Units;
    for (const auto *F : AST.findAll<FunctionDecl>(
             functionDecl(isDefinition(), isExpansionInMainFile())))
      Units.push_back(F);
    Engine.setUnits(Units);
  }
  const FunctionDecl &function(llvm::StringRef Name) {
    return *AST.find<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition(), isExpansionInMainFile()));
  }
  /// Lines of the sinks in \p Name reached by untrusted data.
  std::vector<unsigned> hitLines(llvm::StringRef Name) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine.findHits(function(Name), Hits);
    std::vector<unsigned> Lines;
    const SourceManager &SM = AST.context().getSourceManager();
    for (const TaintHit &Hit : Hits)
      Lines.push_back(SM.getPresumedLineNumber(Hit.Sink->getBeginLoc()) -
                      PreludeLines);
    llvm::sort(Lines);
    return Lines;
  }
  static constexpr unsigned PreludeLines = 13;
  prodready::test::TestAST AST;
  TestSinks Sinks;
  TaintModel Model;
  TaintEngine Engine;
};

TEST(TaintAnalysisTest, PropagatesThroughLocalsStringsAndBuffers) {
  Analyzed A(R"cpp(
int main(int argc, char **argv) {
  std::string s = std::getenv("X");
  std::string joined = "/base/" + s;
  sink(joined);
  char buf[64];
  std::strcpy(buf, "/base/");
  std::strcat(buf, argv[1]);
  sink(buf);
  char fmt[64];
  std::snprintf(fmt, sizeof fmt, "/b/%s", s.c_str());
  sink(fmt);
  sink(std::string("/constant"));
}
)cpp");
  EXPECT_EQ(A.hitLines("main"), (std::vector<unsigned>{5, 9, 12}));
}

TEST(TaintAnalysisTest, FieldsAliasesAndContainers) {
  Analyzed A(R"cpp(
struct Req { std::string name; std::string safe; };
void f() {
  Req r;
  std::getline(std::cin, r.name);
  r.safe = "fixed";
  sink(r.name);
  sink(r.safe);
  std::string target;
  std::string &alias = target;
  alias = r.name;
  sink(target);
  std::vector<std::string> v;
  v.push_back(r.name);
  sink(v[0]);
  std::map<std::string, std::string> m;
  m["k"] = r.name;
  sink(m.at("k"));
}
)cpp");
  EXPECT_EQ(A.hitLines("f"), (std::vector<unsigned>{7, 12, 15, 18}));
}

TEST(TaintAnalysisTest, SanitizersOnlyOnDominatedPaths) {
  Analyzed A(R"cpp(
void f() {
  std::string n;
  std::cin >> n;
  if (n.find("..") == std::string::npos && n[0] != '/')
    sink(n);
  else
    sink(n);
  sink(std::filesystem::path(n).filename());
  if (flag())
    n = "fixed";
  sink(n);
}
)cpp");
  EXPECT_EQ(A.hitLines("f"), (std::vector<unsigned>{8, 12}));
}

TEST(TaintAnalysisTest, SummariesOfParametersAndReturns) {
  Analyzed A(R"cpp(
std::string passOn(const std::string &s) { return s; }
std::string cleanName(const std::string &s) { return std::filesystem::path(s).filename().string(); }
std::string readInput() { std::string s; std::getline(std::cin, s); return s; }
void openSecond(const std::string &a, const std::string &b) { sink(b); }
int main(int argc, char **argv) {
  sink(passOn(argv[1]));
  sink(cleanName(argv[1]));
  sink(readInput());
  openSecond(argv[1], "constant");
  openSecond("constant", argv[1]);
}
)cpp");
  EXPECT_EQ(A.Engine.returnLabels(A.function("passOn")),
            TaintValue::paramLabel(0));
  EXPECT_EQ(A.Engine.returnLabels(A.function("cleanName")), 0u);
  EXPECT_EQ(A.Engine.returnLabels(A.function("readInput")),
            TaintValue::UntrustedLabel);
  EXPECT_EQ(A.Engine.sinkParameterLabels(A.function("openSecond")),
            TaintValue::paramLabel(1));
  // The hit through openSecond() is the sink inside it (line 5), once: the
  // call that passes only a constant to the sink's parameter is clean.
  EXPECT_EQ(A.hitLines("main"), (std::vector<unsigned>{5, 7, 9}));
}

TEST(TaintAnalysisTest, GlobalsAndLambdaCaptures) {
  Analyzed A(R"cpp(
std::string g;
int main(int argc, char **argv) { g = argv[1]; }
void reader() { sink(g); }
void f() {
  std::string local;
  std::getline(std::cin, local);
  auto byRef = [&] { sink(local); };
  auto byCopy = [c = local] { sink(c); };
  byRef();
  byCopy();
}
)cpp");
  EXPECT_EQ(A.hitLines("reader"), (std::vector<unsigned>{4}));
  const auto Lambdas = A.AST.findAll<CXXMethodDecl>(
      cxxMethodDecl(hasParent(cxxRecordDecl(isLambda())), hasName("operator()")));
  ASSERT_EQ(Lambdas.size(), 2u);
  for (const CXXMethodDecl *Call : Lambdas) {
    llvm::SmallVector<TaintHit, 1> Hits;
    A.Engine.findHits(*Call, Hits);
    EXPECT_EQ(Hits.size(), 1u);
  }
}

TEST(TaintAnalysisTest, UserSourcesAndSanitizers) {
  TaintOptions Options;
  Options.Sources = {"::app::field"};
  Options.Sanitizers = {"::app::ok"};
  Analyzed A(R"cpp(
namespace app { std::string field(); bool ok(const std::string &); }
void f() {
  std::string v = app::field();
  sink(v);
  if (app::ok(v))
    sink(v);
}
)cpp",
             Options);
  EXPECT_EQ(A.hitLines("f"), (std::vector<unsigned>{5}));
}

/// A check's own models: `quote` cleans, `basename` no longer does.
class QuoteExtension : public CallModelExtension {
public:
  std::optional<CallModel> classify(const CallExpr &Call) const override {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return std::nullopt;
    CallModel Model;
    if (Callee->getName() == "quote") {
      Model.Effect = CallEffect::Sanitizer;
      return Model;
    }
    // <libgen.h> renames it __xpg_basename.
    if (Callee->getName().ends_with("basename"))
      return Model; // Default: the result derives from the argument.
    return std::nullopt;
  }
};

TEST(TaintAnalysisTest, CheckExtensionsComeBeforeTheSharedTables) {
  const char *Code = R"cpp(
#include <libgen.h>
std::string quote(const std::string &);
void f() {
  std::string v = std::getenv("X");
  sink(quote(v));
  char *base = basename(std::getenv("Y"));
  sink(base);
}
)cpp";
  EXPECT_EQ(Analyzed(Code).hitLines("f"), (std::vector<unsigned>{6}));
  QuoteExtension Extension;
  TaintOptions Options;
  Options.Extension = &Extension;
  EXPECT_EQ(Analyzed(Code, Options).hitLines("f"),
            (std::vector<unsigned>{8}));
}

TEST(TaintAnalysisTest, SourceKindsAndChosenBases) {
  Analyzed A(R"cpp(
int main(int argc, char **argv) {
  std::string fromArgs = argv[1];
  sink(fromArgs);
  sink(std::filesystem::path("out") / fromArgs);
  sink(std::string(std::getenv("DIR")) + "/x");
}
void fromFile(std::istream &in) {
  std::string line;
  std::getline(in, line);
  sink(line);
}
)cpp");
  llvm::SmallVector<TaintHit, 4> Hits;
  A.Engine.findHits(A.function("main"), Hits);
  ASSERT_EQ(Hits.size(), 3u);
  const uint8_t Args = static_cast<uint8_t>(SourceKind::CommandLine);
  EXPECT_EQ(Hits[0].Value.Sources, Args);
  EXPECT_EQ(Hits[0].Value.Join, nullptr);
  EXPECT_FALSE(Hits[0].Value.mayComeFromOthers());
  // Joined under a directory the program chose.
  EXPECT_EQ(Hits[1].Value.Sources, Args);
  EXPECT_NE(Hits[1].Value.Join, nullptr);
  EXPECT_TRUE(Hits[1].Value.UnderChosenBase);
  // The untrusted part is the base.
  EXPECT_EQ(Hits[2].Value.Sources,
            static_cast<uint8_t>(SourceKind::Environment));
  EXPECT_FALSE(Hits[2].Value.UnderChosenBase);

  Hits.clear();
  A.Engine.findHits(A.function("fromFile"), Hits);
  ASSERT_EQ(Hits.size(), 1u);
  EXPECT_EQ(Hits[0].Value.Sources, static_cast<uint8_t>(SourceKind::File));
}

TEST(TaintAnalysisTest, NetworkAndParsedAnswersComeFromOthers) {
  Analyzed A(R"cpp(
#include <sys/socket.h>
void fromSocket(int fd) {
  char name[64];
  recv(fd, name, sizeof name, 0);
  sink(name);
}
)cpp");
  llvm::SmallVector<TaintHit, 4> Hits;
  A.Engine.findHits(A.function("fromSocket"), Hits);
  ASSERT_EQ(Hits.size(), 1u);
  EXPECT_EQ(Hits[0].Value.Sources, static_cast<uint8_t>(SourceKind::Network));
  EXPECT_TRUE(Hits[0].Value.mayComeFromOthers());
}

TEST(TaintAnalysisTest, NumbersKeepTheirLabelsButSpellNoPath) {
  Analyzed A(R"cpp(
int main(int argc, char **argv) {
  int id = std::atoi(argv[1]);
  sink(std::filesystem::path("/srv") / std::to_string(id));
  char buf[32];
  std::snprintf(buf, sizeof buf, "/srv/%d-%s", id, argv[2]);
  sink(buf);
  std::string s = "/srv/";
  s += argv[3][0];
  sink(s);
}
)cpp");
  llvm::SmallVector<TaintHit, 4> Hits;
  A.Engine.findHits(A.function("main"), Hits);
  ASSERT_EQ(Hits.size(), 3u);
  // The number is still untrusted data.
  EXPECT_TRUE(Hits[0].Value.isUntrusted());
  EXPECT_TRUE(Hits[0].Value.Numeric);
  // Joined with text, or a character: text.
  EXPECT_FALSE(Hits[1].Value.Numeric);
  EXPECT_FALSE(Hits[2].Value.Numeric);
}

TEST(TaintAnalysisTest, PathTestsOfCAndFilesystem) {
  Analyzed A(R"cpp(
#include <algorithm>
void f() {
  std::string a, b, c, d;
  std::cin >> a >> b >> c >> d;
  if (std::strchr(a.c_str(), '/'))
    return;
  sink(a);
  if (b.find("..") != std::string::npos)
    return;
  sink("/srv/" + b);
  sink(std::filesystem::path("/srv") / b);
  std::filesystem::path full = std::filesystem::weakly_canonical(c);
  std::filesystem::path rel = full.lexically_relative("/srv");
  if (rel.empty() || *rel.begin() == "..")
    return;
  sink(full);
  std::filesystem::path p = d;
  if (p.is_absolute())
    return;
  for (const auto &part : p)
    if (part == "..")
      return;
  sink(p);
}
)cpp");
  EXPECT_EQ(A.hitLines("f"), (std::vector<unsigned>{12}));
}

} // namespace
