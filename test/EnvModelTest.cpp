// Unit tests of the environment model: readers, helper summaries, and the
// derivation of text from the environment.
#include "TestAST.h"
#include "analysis/EnvModel.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::DefaultEnvFunctions;
using clang::tidy::prodready::EnvModel;

namespace {

std::vector<std::string> defaultReaders() {
  llvm::SmallVector<llvm::StringRef> Parts;
  llvm::StringRef(DefaultEnvFunctions).split(Parts, ';');
  return {Parts.begin(), Parts.end()};
}

TEST(EnvModelTest, RecognizesReadersByQualifiedName) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    namespace app { const char *getenv(const char *); }
    namespace cfg { const char *lookup(const char *); }
    void f() { std::getenv("A"); ::getenv("B"); app::getenv("C"); cfg::lookup("D"); }
  )cpp");
  auto Calls = AST.findAll<CallExpr>(
      callExpr(hasAncestor(functionDecl(hasName("f")))));
  ASSERT_EQ(Calls.size(), 4u);
  EnvModel Defaults(AST.context(), defaultReaders());
  EXPECT_NE(Defaults.asEnvRead(Calls[0]), nullptr);
  EXPECT_NE(Defaults.asEnvRead(Calls[1]), nullptr);
  EXPECT_EQ(Defaults.asEnvRead(Calls[2]), nullptr); // app::getenv
  EXPECT_EQ(Defaults.asEnvRead(Calls[3]), nullptr);
  EnvModel Custom(AST.context(), {"::cfg::lookup"});
  EXPECT_NE(Custom.asEnvRead(Calls[3]), nullptr);
  EXPECT_EQ(EnvModel::variableName(*Calls[0]), llvm::StringRef("A"));
}

TEST(EnvModelTest, HelperSummaries) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    const char *raw(const char *n) { return std::getenv(n); }
    const char *orNull(const char *n) {
      const char *v = std::getenv(n);
      if (!v) return nullptr;
      return v;
    }
    const char *orDefault(const char *n) {
      const char *v = std::getenv(n);
      return v ? v : "default";
    }
    const char *recursive(int d) { return d ? recursive(d - 1) : "x"; }
    const char *notEnv(const char *p) { return p; }
  )cpp");
  EnvModel Model(AST.context(), defaultReaders());
  auto Summary = [&](const char *Name) {
    const auto *F = AST.find<FunctionDecl>(functionDecl(hasName(Name)));
    return Model.nullableEnvReturn(*F);
  };
  EXPECT_NE(Summary("raw"), nullptr);
  EXPECT_NE(Summary("orNull"), nullptr);
  EXPECT_EQ(Summary("orDefault"), nullptr);
  EXPECT_EQ(Summary("recursive"), nullptr);
  EXPECT_EQ(Summary("notEnv"), nullptr);
}

TEST(EnvModelTest, DerivesTextThroughLocalsStringsStreamsAndHelpers) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    #include <sstream>
    #include <string>
    std::string text(const char *n) { const char *v = std::getenv(n); return v ? v : ""; }
    static const char *const Global = std::getenv("G");
    void sink(const char *);
    void sink(const std::string &);
    void sink(std::istream &);
    void f(const char *param) {
      const char *p = std::getenv("P");
      std::string s = p ? p : "0";
      std::string t;
      t += s;
      std::stringstream ss;
      ss << t;
      sink(p); sink(s.c_str()); sink(t); sink(ss); sink(text("H")); sink(Global);
      sink(param); sink("literal"); sink(std::string("x"));
    }
  )cpp");
  EnvModel Model(AST.context(), defaultReaders());
  auto Calls = AST.findAll<CallExpr>(
      callExpr(callee(functionDecl(hasName("sink")))));
  ASSERT_EQ(Calls.size(), 9u);
  std::vector<std::string> Origins;
  for (const CallExpr *Call : Calls) {
    const CallExpr *Origin = Model.envOrigin(*Call->getArg(0));
    std::optional<llvm::StringRef> Name =
        Origin ? EnvModel::variableName(*Origin) : std::nullopt;
    Origins.push_back(Origin ? (Name ? Name->str() : "?") : "-");
  }
  EXPECT_EQ(Origins, (std::vector<std::string>{"P", "P", "P", "P", "?", "G",
                                                "-", "-", "-"}));
}

} // namespace
