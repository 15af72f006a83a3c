// Unit tests of the network API model, on the real libcurl header and small
// stand-ins for a gRPC stub and a cpp-httplib client.
#include "TestAST.h"
#include "analysis/NetworkModel.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::NetworkCall;
using clang::tidy::prodready::NetworkLibrary;
using clang::tidy::prodready::NetworkModel;
using clang::tidy::prodready::NetworkRole;

namespace {

constexpr const char *Prelude = R"cpp(
  #include <curl/curl.h>
  namespace grpc { class ClientContext { public: void set_deadline(int); };
                   class Status {}; }
  namespace demo { struct Stub {
    grpc::Status Call(grpc::ClientContext *context, int request);
  }; }
  namespace httplib { struct Result {}; class Client {
  public:
    Result Get(const char *path);
    void set_read_timeout(long seconds, long microseconds = 0);
  }; }
  namespace app { bool send_event(int); void backoff(int); }
  #include <unistd.h>
)cpp";

/// The model's view of every call in `test`, in source order.
/// The calls of `Body`, classified. The NetworkCalls point into \p AST,
/// which must outlive them.
std::vector<std::optional<NetworkCall>>
classifyCallsIn(prodready::test::TestAST &AST) {
  EXPECT_FALSE(AST.hasErrors());
  NetworkModel Model({"::app::send_event"}, {"app::backoff"});
  std::vector<std::optional<NetworkCall>> Result;
  for (const CallExpr *Call : AST.findAll<CallExpr>(
           callExpr(hasAncestor(functionDecl(hasName("test"))))))
    Result.push_back(Model.classify(*Call, AST.context()));
  return Result;
}

std::string testFunction(llvm::StringRef Body) {
  return std::string(Prelude) + "void test() {" + Body.str() + "}";
}

/// For the tests that look at roles and names only: the AST is gone when
/// this returns, so the calls' expressions must not be used.
std::vector<std::optional<NetworkCall>> classifyCalls(llvm::StringRef Body) {
  prodready::test::TestAST AST(testFunction(Body));
  return classifyCallsIn(AST);
}

TEST(NetworkModelTest, CurlTransferAndOptions) {
  auto Calls = classifyCalls(R"(
    CURL *h = nullptr;
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 2L);
    curl_easy_setopt(h, CURLOPT_URL, "x");
    curl_easy_perform(h);
    long code; curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);)");
  ASSERT_EQ(Calls.size(), 5u);
  ASSERT_TRUE(Calls[0]);
  EXPECT_EQ(Calls[0]->Library, NetworkLibrary::Curl);
  EXPECT_EQ(Calls[0]->Role, NetworkRole::SetsTimeout);
  ASSERT_TRUE(Calls[1]);
  EXPECT_EQ(Calls[1]->Role, NetworkRole::SetsConnectTimeout);
  EXPECT_FALSE(Calls[2]); // Not an option the checks care about.
  ASSERT_TRUE(Calls[3]);
  EXPECT_EQ(Calls[3]->Role, NetworkRole::Operation);
  EXPECT_EQ(Calls[3]->Name, "curl_easy_perform");
  ASSERT_TRUE(Calls[4]);
  EXPECT_EQ(Calls[4]->Role, NetworkRole::ReadsStatus);
}

TEST(NetworkModelTest, CurlRedirectsAndProtocols) {
  auto Calls = classifyCalls(R"(
    CURL *h = nullptr;
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTPS);)");
  ASSERT_EQ(Calls.size(), 4u);
  ASSERT_TRUE(Calls[0]);
  EXPECT_EQ(Calls[0]->Role, NetworkRole::FollowsRedirects);
  EXPECT_NE(Calls[0]->Value, nullptr);
  for (unsigned I = 1; I < 4; ++I) {
    ASSERT_TRUE(Calls[I]);
    EXPECT_EQ(Calls[I]->Role, NetworkRole::SetsProtocols);
  }
}

TEST(NetworkModelTest, GrpcStubCallsAndDeadlines) {
  // The handles are compared below: the AST must still exist.
  prodready::test::TestAST AST(testFunction(R"(
    grpc::ClientContext ctx; demo::Stub stub;
    ctx.set_deadline(1);
    stub.Call(&ctx, 1);)"));
  auto Calls = classifyCallsIn(AST);
  ASSERT_EQ(Calls.size(), 2u);
  ASSERT_TRUE(Calls[0] && Calls[1]);
  EXPECT_EQ(Calls[0]->Role, NetworkRole::SetsTimeout);
  EXPECT_EQ(Calls[1]->Library, NetworkLibrary::Grpc);
  EXPECT_EQ(Calls[1]->Role, NetworkRole::Operation);
  EXPECT_EQ(Calls[1]->Name, "Call");
  // Both name the same handle: the context.
  EXPECT_EQ(NetworkModel::handleDecl(Calls[0]->Handle),
            NetworkModel::handleDecl(Calls[1]->Handle));
}

TEST(NetworkModelTest, HttplibPosixAndUserFunctions) {
  auto Calls = classifyCalls(R"(
    httplib::Client cli;
    cli.Get("/");
    cli.set_read_timeout(0);
    app::send_event(1);
    app::backoff(1);
    usleep(10);)");
  ASSERT_EQ(Calls.size(), 5u);
  ASSERT_TRUE(Calls[0] && Calls[1] && Calls[2] && Calls[3] && Calls[4]);
  EXPECT_EQ(Calls[0]->Role, NetworkRole::HttpRequest);
  EXPECT_EQ(Calls[1]->Role, NetworkRole::SetsHttplibTimeout);
  EXPECT_EQ(Calls[2]->Library, NetworkLibrary::User);
  EXPECT_EQ(Calls[2]->Role, NetworkRole::Operation);
  EXPECT_EQ(Calls[3]->Role, NetworkRole::Delay);
  EXPECT_EQ(Calls[4]->Role, NetworkRole::Delay);
}

TEST(NetworkModelTest, HandlesThroughPointersAndSmartPointers) {
  prodready::test::TestAST AST(std::string(Prelude) + R"cpp(
    struct Holder { grpc::ClientContext *get(); grpc::ClientContext &operator*(); };
    void test(Holder holder, grpc::ClientContext ctx) {
      (void)&ctx; (void)holder.get(); (void)*holder;
    })cpp");
  const auto *Holder = AST.find<ParmVarDecl>(parmVarDecl(hasName("holder")));
  const auto *Ctx = AST.find<ParmVarDecl>(parmVarDecl(hasName("ctx")));
  auto Uses = AST.findAll<Expr>(
      expr(hasParent(cStyleCastExpr()), hasAncestor(functionDecl(hasName("test")))));
  ASSERT_EQ(Uses.size(), 3u);
  EXPECT_EQ(NetworkModel::handleDecl(Uses[0]), Ctx);
  EXPECT_EQ(NetworkModel::handleDecl(Uses[1]), Holder);
  EXPECT_EQ(NetworkModel::handleDecl(Uses[2]), Holder);
}

} // namespace
