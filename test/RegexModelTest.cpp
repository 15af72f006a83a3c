// Unit tests of the regex model (what compiles a regex, which patterns are
// constant), loop invariance, the site finder (scopes, stored regexes) and
// the static-local fix builders, on real <regex> and Boost.Regex ASTs.
#include "analysis/RegexModel.h"
#include "StaticLocal.h"
#include "TestAST.h"
#include "analysis/LoopInvariance.h"
#include "analysis/RegexSites.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

constexpr const char *Prelude = R"cpp(
  #include <algorithm>
  #include <boost/regex.hpp>
  #include <regex>
  #include <string>
  #include <vector>
  constexpr const char *kConst = "c+";
  const std::string kString = "s+";
  std::string Mutable = "m+";
)cpp";

std::unique_ptr<prodready::test::TestAST> parse(llvm::StringRef Code) {
  auto AST = std::make_unique<prodready::test::TestAST>(std::string(Prelude) +
                                                        Code.str());
  EXPECT_FALSE(AST->hasErrors());
  return AST;
}

const FunctionDecl *function(prodready::test::TestAST &AST,
                             llvm::StringRef Name) {
  return AST.find<FunctionDecl>(functionDecl(hasName(Name), isDefinition()));
}

/// The compiles RegexModel finds in function \p Name, in source order.
std::vector<RegexCompile> compilesIn(prodready::test::TestAST &AST,
                                     RegexModel &Model, llvm::StringRef Name) {
  std::vector<RegexCompile> Found;
  for (const Expr *E :
       AST.findAll<Expr>(expr(anyOf(cxxConstructExpr(), callExpr()),
                              hasAncestor(functionDecl(hasName(Name))))))
    if (std::optional<RegexCompile> Compile = Model.compileOf(*E))
      Found.push_back(*Compile);
  return Found;
}

TEST(RegexModelTest, FindsCompilesAndNamesTheirTypes) {
  auto AST = parse(R"cpp(
    void f(const std::regex &Given, std::wstring W) {
      std::regex A("a");                       // construction
      std::wregex B(W);                        // construction, wide
      std::regex C(Given);                     // a copy: nothing compiled
      std::regex D;                            // default: nothing compiled
      D.assign("d", std::regex::icase);        // reassignment
      D = "e";                                 // reassignment
      D = Given;                               // a copy
      boost::regex E("e");
      E.set_expression("f");
    }
  )cpp");
  RegexModel Model;
  std::vector<RegexCompile> Found = compilesIn(*AST, Model, "f");
  ASSERT_EQ(Found.size(), 6u);
  EXPECT_EQ(Found[0].TypeName, "std::regex");
  EXPECT_EQ(Found[0].Form, RegexCompile::Construction);
  EXPECT_EQ(Found[1].TypeName, "std::wregex");
  EXPECT_EQ(Found[2].Form, RegexCompile::Reassignment);
  EXPECT_EQ(Found[2].Operation, "assign");
  EXPECT_EQ(Found[2].Arguments.size(), 2u);
  EXPECT_EQ(Found[3].Operation, "operator=");
  EXPECT_EQ(Found[4].TypeName, "boost::regex");
  EXPECT_EQ(Found[4].Library, RegexLibrary::Boost);
  EXPECT_EQ(Found[5].Operation, "set_expression");
}

TEST(RegexModelTest, ClassifiesPatterns) {
  auto AST = parse(R"cpp(
    void f(const std::string &Param, bool Flag) {
      std::string Unmodified = "u+";
      std::string Modified = "v+";
      Modified += Param;
      const std::string Local = "l+";
      std::regex A("lit", std::regex::icase | std::regex::optimize);
      std::regex B(kConst);
      std::regex C(kString + "x" + std::string(kConst));
      std::regex D(Unmodified);
      std::regex E(Local);
      std::regex F(Param);
      std::regex G(Mutable);
      std::regex H(Modified);
      std::regex I("i", Flag ? std::regex::icase : std::regex::ECMAScript);
    }
  )cpp");
  RegexModel Model;
  std::vector<RegexCompile> Found = compilesIn(*AST, Model, "f");
  ASSERT_EQ(Found.size(), 9u);
  auto Facts = [&](unsigned I) {
    return classifyPattern(Found[I].Arguments, AST->context());
  };
  for (unsigned I : {0u, 1u, 2u})
    EXPECT_TRUE(Facts(I).Constant && !Facts(I).ReadsLocal) << I;
  EXPECT_TRUE(Facts(3).Constant);
  ASSERT_TRUE(Facts(3).ReadsLocal);
  EXPECT_EQ(Facts(3).ReadsLocal->getName(), "Unmodified");
  EXPECT_TRUE(Facts(4).Constant);
  EXPECT_EQ(Facts(4).ReadsLocal->getName(), "Local");
  for (unsigned I : {5u, 6u, 7u, 8u})
    EXPECT_FALSE(Facts(I).Constant) << I;
}

TEST(RegexModelTest, LoopInvariance) {
  auto AST = parse(R"cpp(
    struct S {
      std::string Field;
      int g(const std::vector<std::string> &Lines, const std::string &P,
            char *Buffer) const {
        int N = 0;
        std::string Grows;
        for (const std::string &L : Lines) {
          Grows += L;
          N += std::regex_search(L, std::regex(P + "x"));
          N += std::regex_search(L, std::regex(Field));
          N += std::regex_search(L, std::regex(L));
          N += std::regex_search(L, std::regex(Grows));
          N += std::regex_search(L, std::regex(Buffer));
          N += std::regex_search(L, std::regex(Mutable));
        }
        return N;
      }
    };
  )cpp");
  RegexModel Model;
  std::vector<RegexCompile> Found = compilesIn(*AST, Model, "g");
  ASSERT_EQ(Found.size(), 6u);
  const auto *Loop = AST->find<CXXForRangeStmt>(
      cxxForRangeStmt(hasAncestor(functionDecl(hasName("g")))));
  ASSERT_TRUE(Loop);
  const FunctionDecl *G = function(*AST, "g");
  auto Invariance = [&](unsigned I) {
    return loopInvariance(Found[I].Arguments, *Loop, nullptr, G,
                          AST->context());
  };
  LoopInvariance First = Invariance(0);
  EXPECT_TRUE(First.Invariant);
  ASSERT_EQ(First.Reads.size(), 1u);
  EXPECT_EQ(First.Reads[0]->getName(), "P");
  EXPECT_TRUE(Invariance(1).Invariant); // a field, in a const method
  for (unsigned I : {2u, 3u, 4u, 5u})
    EXPECT_FALSE(Invariance(I).Invariant) << I;
}

TEST(RegexModelTest, PlacesSitesInTheirScopes) {
  auto AST = parse(R"cpp(
    std::regex build() { std::regex R("r"); return R; }
    long f(const std::vector<std::string> &V) {
      std::regex A("a");
      static const std::regex B("b");
      long N = 0;
      for (const auto &S : V)
        N += std::regex_match(S, std::regex("c"));
      N += std::count_if(V.begin(), V.end(), [](const std::string &S) {
        return std::regex_search(S, std::regex("d"));
      });
      auto Later = [](const std::string &S) { return std::regex_search(S, std::regex("e")); };
      N += [] { return std::regex_match("f", std::regex("f")); }();
      N += sizeof(std::regex("g"));
      do { N += std::regex_match("h", A); } while (false);
      return N + Later("e");
    }
  )cpp");
  RegexModel Model;
  RegexSiteFinder Finder(Model);
  const FunctionDecl *F = function(*AST, "f");
  Finder.find(*F->getBody(), F, AST->context());
  const std::vector<RegexSite> &Sites = Finder.sites();
  ASSERT_EQ(Sites.size(), 5u);
  EXPECT_EQ(Sites[0].Kind, RegexSite::Variable);
  EXPECT_EQ(Sites[0].Scope, RegexScope::Function);
  EXPECT_FALSE(Sites[0].InLambda);
  EXPECT_EQ(Sites[1].Kind, RegexSite::Temporary);
  EXPECT_EQ(Sites[1].Scope, RegexScope::Loop);
  EXPECT_TRUE(isa<CXXForRangeStmt>(Sites[1].Repeater));
  EXPECT_EQ(Sites[2].Scope, RegexScope::AlgorithmCallback);
  EXPECT_EQ(Sites[2].AlgorithmName, "std::count_if");
  EXPECT_EQ(Sites[3].Scope, RegexScope::Lambda);
  // Called in place: runs where it is written, but is in a lambda.
  EXPECT_EQ(Sites[4].Scope, RegexScope::Function);
  EXPECT_TRUE(Sites[4].InLambda);
  EXPECT_FALSE(Finder.usesOf(*Sites[0].Var).Stored);

  const FunctionDecl *Build = function(*AST, "build");
  Finder.find(*Build->getBody(), Build, AST->context());
  ASSERT_EQ(Finder.sites().size(), 1u);
  EXPECT_TRUE(Finder.usesOf(*Finder.sites()[0].Var).Stored);
}

/// \p Code with \p Hints applied (sorted by offset, non-overlapping).
std::string apply(prodready::test::TestAST &AST,
                  llvm::ArrayRef<FixItHint> Hints) {
  const SourceManager &SM = AST.context().getSourceManager();
  std::string Code = SM.getBufferData(SM.getMainFileID()).str();
  std::vector<std::tuple<unsigned, unsigned, std::string>> Edits;
  for (const FixItHint &Hint : Hints) {
    CharSourceRange Range = Hint.RemoveRange;
    if (Range.isTokenRange())
      Range = CharSourceRange::getCharRange(
          Range.getBegin(),
          Lexer::getLocForEndOfToken(Range.getEnd(), 0, SM,
                                     AST.context().getLangOpts()));
    unsigned Begin = SM.getFileOffset(Range.getBegin());
    unsigned End =
        Range.getEnd().isValid() ? SM.getFileOffset(Range.getEnd()) : Begin;
    Edits.emplace_back(Begin, End, Hint.CodeToInsert);
  }
  llvm::sort(Edits, [](const auto &A, const auto &B) {
    return std::get<0>(A) > std::get<0>(B);
  });
  for (const auto &[Begin, End, Text] : Edits)
    Code.replace(Begin, End - Begin, Text);
  return Code;
}

TEST(RegexModelTest, StaticLocalFixes) {
  auto AST = parse(R"cpp(
    #define DECL(N) std::regex N("m")
    bool f(const std::string &S) {
      std::regex A("a");
      const std::regex B("b");
      std::regex C("c"), D("d");
      DECL(M);
      return std::regex_match(S, std::regex("t")) && std::regex_match(S, A);
    }
  )cpp");
  auto InF = hasAncestor(functionDecl(hasName("f")));
  auto Decl = [&](llvm::StringRef Name) {
    const auto *Var = AST->find<VarDecl>(varDecl(hasName(Name), InF));
    const auto *Stmt =
        AST->find<DeclStmt>(declStmt(has(varDecl(hasName(Name))), InF));
    return fixits::makeStaticConstLocal(*Var, *Stmt, AST->context());
  };
  std::optional<FixItHint> A = Decl("A");
  ASSERT_TRUE(A);
  EXPECT_NE(apply(*AST, {*A}).find("static const std::regex A(\"a\");"),
            std::string::npos);
  std::optional<FixItHint> B = Decl("B");
  ASSERT_TRUE(B);
  EXPECT_NE(apply(*AST, {*B}).find("static const std::regex B(\"b\");"),
            std::string::npos);
  EXPECT_FALSE(Decl("C")); // two declarators
  EXPECT_FALSE(Decl("M")); // a macro

  const auto *Temporary =
      AST->find<MaterializeTemporaryExpr>(materializeTemporaryExpr(
          has(ignoringImplicit(cxxFunctionalCastExpr())), InF));
  ASSERT_TRUE(Temporary);
  const FunctionDecl *F = function(*AST, "f");
  auto Hoist = fixits::hoistToStaticLocal(*Temporary, "re", *F->getBody(),
                                          AST->context());
  ASSERT_TRUE(Hoist);
  std::string Fixed = apply(*AST, *Hoist);
  EXPECT_NE(Fixed.find("static const auto re = std::regex(\"t\");\n      "
                       "return std::regex_match(S, re) &&"),
            std::string::npos)
      << Fixed;
}

} // namespace
