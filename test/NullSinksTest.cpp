// Unit tests of the null-sink model: which expressions must not receive a
// null character pointer, and whether an empty-string fallback is safe.
#include "TestAST.h"
#include "analysis/NullSinks.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

/// "action|safe" for every sink in function `f`, in traversal order.
std::vector<std::string> sinksOf(llvm::StringRef Body,
                                 std::vector<std::string> Extra = {}) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdio>
    #include <cstdlib>
    #include <cstring>
    #include <filesystem>
    #include <iostream>
    #include <string>
    #include <string_view>
    void custom(const char *);
    void f(const char *p, std::string s) {)cpp" + Body.str() + "}");
  EXPECT_FALSE(AST.hasErrors());
  NullSinkModel Model(Extra);
  std::vector<std::string> Result;
  for (const Expr *E : AST.findAll<Expr>(
           expr(hasAncestor(functionDecl(hasName("f"), isDefinition()))))) {
    llvm::SmallVector<NullSink, 2> Sinks;
    Model.collect(*E, Sinks);
    for (const NullSink &Sink : Sinks)
      Result.push_back(Sink.Action + (Sink.TextFallbackIsSafe ? "|safe" : "|note"));
  }
  return Result;
}

using Actions = std::vector<std::string>;

TEST(NullSinksTest, StringConstructionAndOperators) {
  EXPECT_EQ(sinksOf("std::string a = p;"),
            Actions{"constructing 'std::string' from it|safe"});
  EXPECT_EQ(sinksOf("std::string_view v(p);"),
            Actions{"constructing 'std::string_view' from it|safe"});
  EXPECT_EQ(sinksOf("s = p;"), Actions{"assigning it to 'std::string'|safe"});
  EXPECT_EQ(sinksOf("s += p;"), Actions{"appending it to 'std::string'|safe"});
  EXPECT_EQ(sinksOf("(void)(p + s);"),
            Actions{"concatenating it with 'std::string'|safe"});
  EXPECT_EQ(sinksOf("(void)(s == p);"),
            Actions{"comparing it with 'std::string'|safe"});
  EXPECT_EQ(sinksOf("s.append(p);"),
            Actions{"passing it to 'std::string::append'|safe"});
  EXPECT_EQ(sinksOf("std::cout << p;"), Actions{"writing it to a stream|safe"});
}

TEST(NullSinksTest, DereferenceAndCFunctions) {
  EXPECT_EQ(sinksOf("(void)*p;"), Actions{"dereferencing it|safe"});
  EXPECT_EQ(sinksOf("(void)p[0];"), Actions{"indexing it|safe"});
  EXPECT_EQ(sinksOf("(void)strlen(p);"), Actions{"passing it to 'strlen'|safe"});
  EXPECT_EQ(sinksOf("(void)std::strcmp(p, \"x\");"),
            (Actions{"passing it to 'strcmp'|safe", "passing it to 'strcmp'|safe"}));
  EXPECT_EQ(sinksOf("(void)std::atoi(p);"), Actions{"passing it to 'atoi'|note"});
  EXPECT_EQ(sinksOf("(void)std::fopen(p, \"r\");"),
            (Actions{"passing it to 'fopen'|note", "passing it to 'fopen'|note"}));
  EXPECT_EQ(sinksOf("std::filesystem::path d(p);"),
            Actions{"constructing 'std::filesystem::path' from it|note"});
}

TEST(NullSinksTest, NotSinks) {
  EXPECT_EQ(sinksOf("std::string a(p, 0);"), Actions{});
  EXPECT_EQ(sinksOf("std::printf(\"%s\", p);"), Actions{});
  EXPECT_EQ(sinksOf("custom(p);"), Actions{});
  EXPECT_EQ(sinksOf("bool b = p != nullptr; (void)b;"), Actions{});
  EXPECT_EQ(sinksOf("s.find(p, 0, 1);"), Actions{});
}

TEST(NullSinksTest, ExtraFunctionsFromOptions) {
  EXPECT_EQ(sinksOf("custom(p);", {"::custom"}),
            Actions{"passing it to 'custom'|note"});
}

} // namespace
