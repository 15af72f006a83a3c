// Unit tests of the URL model of prodready-unvalidated-url: the prefix rule
// (does the text before the untrusted part fix the host?), the pieces a
// join puts together, the URL validations recognized in conditions, the
// sinks and the Sinks option.
#include "TestAST.h"
#include "analysis/ASTHelpers.h"
#include "analysis/UrlModel.h"
#include "analysis/UrlPrefix.h"
#include "analysis/UrlValidators.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

TEST(UrlPrefixTest, SchemeAndHostFollowedByASlashFixTheHost) {
  EXPECT_TRUE(prefixFixesHost("https://api.example.com/", false, false));
  EXPECT_TRUE(prefixFixesHost("https://api.example.com/v1/models/", false, false));
  EXPECT_TRUE(prefixFixesHost("https://api.example.com?q=", false, false));
  // A scheme alone, or a host without the '/' that ends it, does not:
  // "@evil.example/" or ".evil.example" would still choose the server.
  EXPECT_FALSE(prefixFixesHost("https://", false, false));
  EXPECT_FALSE(prefixFixesHost("http:", false, false));
  EXPECT_FALSE(prefixFixesHost("http:/", false, false));
  EXPECT_FALSE(prefixFixesHost("https://api.example.com", false, false));
  EXPECT_FALSE(prefixFixesHost("//", false, false));
  EXPECT_FALSE(prefixFixesHost("", false, false));
  EXPECT_FALSE(prefixFixesHost("www.", false, false));
}

TEST(UrlPrefixTest, PortsPathsAndTheProgramsOwnBase) {
  // A number after a host and ':' is a port.
  EXPECT_TRUE(prefixFixesHost("http://localhost:", true, false));
  EXPECT_FALSE(prefixFixesHost("http://localhost:", false, false));
  EXPECT_TRUE(prefixFixesHost("localhost:", true, false));
  // Past a path or query delimiter, with no scheme: not a host.
  EXPECT_TRUE(prefixFixesHost("/v1/models/", false, false));
  EXPECT_TRUE(prefixFixesHost("q=", false, false));
  // A base the program holds, of unknown text.
  std::string Opaque(1, OpaqueMark);
  EXPECT_TRUE(prefixFixesHost(Opaque + "/items/", false, false));
  EXPECT_TRUE(prefixFixesHost("https://" + Opaque + "/", false, false));
  // A host or a gRPC target: only a port may follow a host.
  EXPECT_TRUE(prefixFixesHost("backend.internal:", true, true));
  EXPECT_FALSE(prefixFixesHost("dns:///", false, true));
  EXPECT_FALSE(prefixFixesHost("api.", false, true));
}

/// The text before the first piece that is not text, with OpaqueMark for
/// opaque pieces after it: enough to see what joinPieces read.
std::string describe(llvm::ArrayRef<TextPiece> Pieces) {
  std::string Out;
  for (const TextPiece &Piece : Pieces)
    Out += Piece.Value ? "<" + std::string(Piece.Value->getStmtClassName()) +
                             ">"
                       : "[" + Piece.Text + "]";
  return Out;
}

struct Joined {
  explicit Joined(llvm::StringRef Code)
      : AST(std::string(R"cpp(
          #include <cstdio>
          #include <cstring>
          #include <string>
          const char *input();
        )cpp") + Code.str()) {
    EXPECT_FALSE(AST.hasErrors());
  }
  /// The pieces of the join marked by the call `input()` in function \p F:
  /// the innermost call or operator that contains it and joins.
  std::string pieces(llvm::StringRef F, const Expr &Join) {
    const auto *Function = AST.find<FunctionDecl>(
        functionDecl(hasName(F), isDefinition()));
    llvm::SmallVector<TextPiece, 4> Out;
    if (!joinPieces(Join, Function->getBody(),
                    AST.context().getSourceManager(), Out))
      return "unknown";
    return describe(Out);
  }
  prodready::test::TestAST AST;
};

TEST(UrlPrefixTest, JoinPiecesFollowLiteralsConstantsAndLocals) {
  Joined T(R"cpp(
    const std::string kBase = "https://api.example.com";
    void f() {
      std::string base = kBase + "/v1";
      std::string url = base + "/items/" + input();
    }
    void g() {
      std::string url = "https://";
      url += input();
    }
    void h(char *buf) {
      snprintf(buf, 64, "https://%s/v1/%s", "api.example.com", input());
    }
  )cpp");
  const auto *Url = T.AST.find<VarDecl>(
      varDecl(hasName("url"), hasAncestor(functionDecl(hasName("f")))));
  const auto *Plus =
      dyn_cast<CXXOperatorCallExpr>(stripValueWrappers(Url->getInit()));
  ASSERT_NE(Plus, nullptr);
  EXPECT_EQ(T.pieces("f", *Plus),
            "[https://api.example.com][/v1][/items/]<CallExpr>");
  const auto *Append = T.AST.find<CXXOperatorCallExpr>(
      cxxOperatorCallExpr(hasOverloadedOperatorName("+=")));
  EXPECT_EQ(T.pieces("g", *Append), "[https://]<CallExpr>");
  const auto *Format =
      T.AST.find<CallExpr>(callExpr(callee(functionDecl(hasName("snprintf")))));
  EXPECT_EQ(T.pieces("h", *Format),
            "[https://][api.example.com][/v1/]<CallExpr>");
}

/// The validations of the conditions of `if` statements in \p Code.
struct Conditions {
  explicit Conditions(llvm::StringRef Code)
      : AST(std::string(R"cpp(
          #include <algorithm>
          #include <cstring>
          #include <set>
          #include <string>
          #include <vector>
          bool project_check(const std::string &);
        )cpp") + Code.str()),
        Model(TaintOptions{{}, {"allowed_by_policy"}}) {
    EXPECT_FALSE(AST.hasErrors());
  }
  /// "subject:+" or "subject:-" (the edge where it holds), or "none".
  std::vector<std::string> tests() {
    std::vector<std::string> Out;
    for (const IfStmt *If : AST.findAll<IfStmt>(ifStmt(isExpansionInMainFile()))) {
      std::optional<UrlTest> Test = classifyUrlTest(If->getCond(), Model);
      if (!Test) {
        Out.push_back("none");
        continue;
      }
      llvm::SmallVector<const Expr *, 2> Origins;
      urlOrigins(Test->Subject, nullptr, Origins);
      std::string Name = "?";
      if (!Origins.empty())
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Origins[0]))
          Name = Ref->getDecl()->getNameAsString();
      Out.push_back(Name + (Test->Positive ? ":+" : ":-"));
    }
    return Out;
  }
  prodready::test::TestAST AST;
  TaintModel Model;
};

TEST(UrlValidatorsTest, SchemesHostsAndContainers) {
  Conditions T(R"cpp(
    bool allowed_by_policy(const std::string &);
    void f(std::string url, const char *curl, std::string host,
           std::set<std::string> allowed, std::vector<std::string> list) {
      if (url.rfind("https://", 0) == 0) {}
      if (url.compare(0, 8, "https://") != 0) {}
      if (strncmp(curl, "https://", 8) == 0) {}
      if (host == "api.example.com") {}
      if (host != "api.example.com") {}
      if (strcmp(curl, "api.example.com")) {}
      if (allowed.count(host)) {}
      if (allowed.count(host) == 0) {}
      if (allowed.find(host) != allowed.end()) {}
      if (std::find(list.begin(), list.end(), host) == list.end()) {}
      if (allowed_by_policy(url)) {}
      if (url.substr(0, 8) == "https://") {}
      // Not validations: a path test, a substring search, the first
      // character, an emptiness test.
      if (url.rfind("/", 0) == 0) {}
      if (url.find("evil") != std::string::npos) {}
      if (url.substr(0, 1) == "/") {}
      if (url.empty()) {}
      if (project_check(url)) {}
      if (url.find(':') == 0) {}
      if (url.find("evil") == std::string::npos) {}
    }
  )cpp");
  EXPECT_EQ(T.tests(), (std::vector<std::string>{
                           "url:+", "url:-", "curl:+", "host:+", "host:-",
                           "curl:-", "host:+", "host:-", "host:+", "host:-",
                           "url:+", "url:+", "none", "none", "none", "none",
                           "none", "none", "none"}));
}

TEST(UrlModelTest, SinksOption) {
  std::vector<std::string> Bad;
  std::vector<UserUrlSink> Sinks =
      parseUrlSinks({"net::Http::get:0", "Downloader:1", "fetch", "f:x",
                     ":1", "ns::g"},
                    Bad);
  ASSERT_EQ(Sinks.size(), 2u);
  EXPECT_EQ(Sinks[0].Function, "net::Http::get");
  EXPECT_EQ(Sinks[0].Argument, 0u);
  EXPECT_EQ(Sinks[1].Function, "Downloader");
  EXPECT_EQ(Sinks[1].Argument, 1u);
  EXPECT_EQ(Bad, (std::vector<std::string>{"fetch", "f:x", ":1", "ns::g"}));
}

TEST(UrlModelTest, CurlSinksAndTheCurluHandle) {
  prodready::test::TestAST AST(R"cpp(
    #include <curl/curl.h>
    void f(CURL *h, CURLU *u, const char *url) {
      curl_easy_setopt(h, CURLOPT_URL, url);
      curl_easy_setopt(h, CURLOPT_CURLU, u);
      curl_easy_setopt(h, CURLOPT_USERAGENT, url);
      curl_url_set(u, CURLUPART_URL, url, 0);
      curl_url_set(u, CURLUPART_HOST, url, 0);
      curl_url_set(u, CURLUPART_PATH, url, 0);
    }
  )cpp");
  ASSERT_FALSE(AST.hasErrors());
  UrlSinkModel Sinks({});
  UrlCallModels Models;
  std::vector<std::string> What;
  std::vector<std::string> Effects;
  for (const CallExpr *Call : AST.findAll<CallExpr>(callExpr(
           callee(functionDecl(hasAnyName("curl_easy_setopt", "curl_url_set"))),
           unless(hasAncestor(callExpr()))))) {
    llvm::SmallVector<std::pair<const Expr *, std::string>, 1> Out;
    Sinks.sinkArguments(*Call, Out);
    What.push_back(Out.empty() ? "-" : Out[0].second);
    std::optional<CallModel> M = Models.classify(*Call);
    Effects.push_back(!M ? "shared"
                      : M->Effect == CallEffect::CopyToFirst   ? "copy"
                      : M->Effect == CallEffect::AppendToFirst ? "append"
                                                               : "none");
  }
  EXPECT_EQ(What, (std::vector<std::string>{"'CURLOPT_URL'", "'CURLOPT_CURLU'",
                                            "-", "-", "-", "-"}));
  EXPECT_EQ(Effects, (std::vector<std::string>{"shared", "shared", "shared",
                                               "copy", "append", "none"}));
}

} // namespace
