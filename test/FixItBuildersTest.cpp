// Unit tests of the shared fix-it builders, applied in memory.
#include "FixItBuilders.h"
#include "TestAST.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready::fixits;

namespace {

/// \p Code with \p Hint applied.
std::string apply(prodready::test::TestAST &AST, const FixItHint &Hint) {
  const SourceManager &SM = AST.context().getSourceManager();
  std::string Code = SM.getBufferData(SM.getMainFileID()).str();
  CharSourceRange Range = Hint.RemoveRange;
  if (Range.isTokenRange())
    Range = CharSourceRange::getCharRange(
        Range.getBegin(), Lexer::getLocForEndOfToken(Range.getEnd(), 0, SM,
                                                     AST.context().getLangOpts()));
  unsigned Begin = SM.getFileOffset(Range.getBegin());
  unsigned End = SM.getFileOffset(Range.getEnd());
  return Code.replace(Begin, End - Begin, Hint.CodeToInsert);
}

TEST(FixItBuildersTest, QuotesStringLiterals) {
  EXPECT_EQ(quoteStringLiteral(""), "\"\"");
  EXPECT_EQ(quoteStringLiteral("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(quoteStringLiteral("line\n\x01"), "\"line\\n\\001\"");
  EXPECT_EQ(quoteStringLiteral("w", /*Wide=*/true), "L\"w\"");
}

TEST(FixItBuildersTest, NullFallbackForVariables) {
  prodready::test::TestAST AST(R"cpp(
    #include <iostream>
    #include <string>
    void f(const char *p) { std::string s = p; std::cout << p; }
  )cpp");
  auto Refs = AST.findAll<DeclRefExpr>(
      declRefExpr(to(parmVarDecl(hasName("p")))));
  ASSERT_EQ(Refs.size(), 2u);
  std::optional<FixItHint> Init =
      makeNullFallback(*Refs[0], "\"\"", true, AST.context());
  ASSERT_TRUE(Init);
  EXPECT_NE(apply(AST, *Init).find("std::string s = p ? p : \"\";"),
            std::string::npos);
  // An operand of << needs parentheses: ?: binds looser.
  std::optional<FixItHint> Stream =
      makeNullFallback(*Refs[1], "\"x\"", true, AST.context());
  ASSERT_TRUE(Stream);
  EXPECT_NE(apply(AST, *Stream).find("std::cout << (p ? p : \"x\");"),
            std::string::npos);
}

TEST(FixItBuildersTest, NullFallbackForCalls) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    #include <string>
    #define ENV(x) std::getenv(x)
    void f(const char *name) {
      std::string a = std::getenv("A");
      std::string b = std::getenv(name);
      std::string c = ENV("C");
    }
  )cpp");
  auto Calls = AST.findAll<CallExpr>(callExpr(callee(functionDecl(hasName("getenv")))));
  ASSERT_EQ(Calls.size(), 3u);
  std::optional<FixItHint> Literal =
      makeNullFallback(*Calls[0], "\"\"", true, AST.context());
  ASSERT_TRUE(Literal);
  EXPECT_EQ(Literal->CodeToInsert,
            "[] { auto *value = std::getenv(\"A\"); return value ? value : \"\"; }()");
  std::optional<FixItHint> Captures =
      makeNullFallback(*Calls[1], "\"\"", true, AST.context());
  ASSERT_TRUE(Captures);
  EXPECT_EQ(Captures->CodeToInsert.substr(0, 3), "[&]");
  // A capture is impossible outside a function; macros are left alone.
  EXPECT_FALSE(makeNullFallback(*Calls[1], "\"\"", false, AST.context()));
  EXPECT_FALSE(makeNullFallback(*Calls[2], "\"\"", true, AST.context()));
}

TEST(FixItBuildersTest, NoFallbackBeforeCxx11) {
  prodready::test::TestAST AST("void f(const char *p) { const char *q = p; }",
                               {"-std=c++03"});
  const auto *Ref = AST.find<DeclRefExpr>(declRefExpr(to(parmVarDecl())));
  ASSERT_NE(Ref, nullptr);
  EXPECT_FALSE(makeNullFallback(*Ref, "\"\"", true, AST.context()));
}

TEST(FixItBuildersTest, CheckedParseCall) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    int f() { return std::atoi( std::getenv("PORT") ); }
  )cpp");
  const auto *Call = AST.find<CallExpr>(callExpr(callee(functionDecl(hasName("atoi")))));
  ASSERT_NE(Call, nullptr);
  std::optional<FixItHint> Fix = makeCheckedParseCall(
      *Call, *Call->getArg(0), "prodready::parse_number_or", "int", "8080",
      AST.context());
  ASSERT_TRUE(Fix);
  EXPECT_NE(apply(AST, *Fix).find(
                "return prodready::parse_number_or<int>(std::getenv(\"PORT\"), 8080);"),
            std::string::npos);
}

TEST(FixItBuildersTest, FreshNamesAvoidLocalsMembersGlobalsKeywordsMacros) {
  prodready::test::TestAST AST(R"cpp(
    #define re_macro 1
    int global_count;
    struct S { int member; int get() const { return member; } };
    int helper(int);
    int f(int param, const S &s) {
      int local = helper(param);
      return local + s.member + global_count;
    }
  )cpp");
  ASSERT_FALSE(AST.hasErrors());
  auto Found = match(functionDecl(hasName("f")).bind("f"), AST.context());
  const auto *F = Found[0].getNodeAs<FunctionDecl>("f");
  llvm::StringSet<> Used = namesUsedIn(*F);
  for (llvm::StringRef Name : {"f", "param", "local", "helper", "member"})
    EXPECT_TRUE(Used.contains(Name)) << Name.str();
  EXPECT_FALSE(isFreshName("local", Used, AST.context()));
  EXPECT_FALSE(isFreshName("member", Used, AST.context()));
  EXPECT_FALSE(isFreshName("global_count", Used, AST.context()));
  EXPECT_FALSE(isFreshName("re_macro", Used, AST.context()));
  EXPECT_FALSE(isFreshName("return", Used, AST.context()));
  EXPECT_TRUE(isFreshName("re", Used, AST.context()));
}

} // namespace
