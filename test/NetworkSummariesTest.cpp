// Unit tests of the network part of function summaries: helpers that wait,
// configure a handle they are given, or check a status, on the real
// libcurl header and small stand-ins for gRPC and cpp-httplib.
#include "TestAST.h"
#include "analysis/NetworkSummaries.h"
#include "analysis/OutcomeTest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

constexpr const char *Prelude = R"cpp(
  #include <curl/curl.h>
  #include <stdexcept>
  #include <string>
  #include <unistd.h>
  #include <cstdlib>
  #include <cstdio>
  #include <sys/socket.h>
  #include <sys/time.h>
  namespace grpc {
  enum class StatusCode { OK = 0, UNAVAILABLE = 14 };
  class Status { public: bool ok() const; StatusCode error_code() const; };
  class ClientContext { public: void set_deadline(int); };
  }
  namespace httplib {
  struct Response { int status; std::string body; };
  enum class Error { Success = 0, Connection };
  struct Result {
    explicit operator bool() const;
    const Response *operator->() const;
    Error error() const;
  };
  class Client {
  public:
    Result Get(const char *path);
    void set_read_timeout(long seconds, long microseconds = 0);
    void set_connection_timeout(long seconds, long microseconds = 0);
  };
  }
  namespace app { void backoff_listed(int); }
)cpp";

/// A TU with the network summaries of its functions.
struct Summarized {
  explicit Summarized(llvm::StringRef Code)
      : AST(std::string(Prelude) + Code.str()),
        Model({}, {"app::backoff_listed"}), Summaries(Model) {
    EXPECT_FALSE(AST.hasErrors());
  }
  const FunctionSummary &of(llvm::StringRef Name) {
    const auto *F = AST.find<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition(), isExpansionInMainFile()));
    EXPECT_NE(F, nullptr) << Name.str();
    const FunctionSummary *S =
        F ? Summaries.table(AST.context()).get(*F) : nullptr;
    EXPECT_NE(S, nullptr) << Name.str();
    static FunctionSummary Empty;
    return S ? *S : Empty;
  }
  prodready::test::TestAST AST;
  NetworkModel Model;
  NetworkSummaries Summaries;
};

TEST(NetworkSummariesTest, BackoffHelperDelays) {
  Summarized T(R"cpp(
    #include <chrono>
    #include <thread>
    static void backoff(int attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
    }
    static void first_free(int attempt) {
      if (attempt == 0)
        return;
      usleep(1000 * attempt);
    }
    static void listed(int a) { app::backoff_listed(a); }
    static void log_only(int attempt) { (void)attempt; }
    static void sleep_then_die() { sleep(1); std::abort(); }
  )cpp");
  EXPECT_TRUE(T.of("backoff").Delays);
  // A path that waits is enough: the first attempt need not wait.
  EXPECT_TRUE(T.of("first_free").Delays);
  // The option list of the asking check counts.
  EXPECT_TRUE(T.of("listed").Delays);
  EXPECT_FALSE(T.of("log_only").Delays);
  // Waiting before the program ends is not a delay for the caller.
  EXPECT_FALSE(T.of("sleep_then_die").Delays);
}

TEST(NetworkSummariesTest, HelperSetsTimeoutOnItsParameter) {
  Summarized T(R"cpp(
    static void set_timeouts(CURL *h) {
      curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
      curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
    }
    static void set_url(const char *url, CURL *h) {
      curl_easy_setopt(h, CURLOPT_URL, url);
    }
    static void set_sink(CURL *h, std::string *body) {
      curl_easy_setopt(h, CURLOPT_WRITEDATA, body);
    }
    static void zero(CURL *h) { curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L); }
    static void guarded(CURL *h) {
      if (!h)
        return;
      curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    }
    static bool checked(CURL *h, const char *url) {
      if (curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK)
        return false;
      curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
      return true;
    }
    static void deadline(grpc::ClientContext &ctx) { ctx.set_deadline(5); }
    static void http(httplib::Client &cli) { cli.set_read_timeout(5); }
    static void http_zero(httplib::Client &cli) { cli.set_read_timeout(0); }
    static void socket_timeout(int fd, const struct timeval *tv) {
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, sizeof *tv);
    }
    static void restrict_protocols(CURL *h) {
      curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    }
    static void harden(int flags, CURL *h) {
      restrict_protocols(h);
      curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    }
  )cpp");
  EXPECT_EQ(T.of("restrict_protocols").SetsProtocolsOn, paramBit(0));
  EXPECT_EQ(T.of("restrict_protocols").SetsTimeoutOn, 0u);
  EXPECT_EQ(T.of("harden").SetsProtocolsOn, paramBit(1));
  EXPECT_EQ(T.of("set_timeouts").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("set_timeouts").SetsConnectTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("set_url").SetsTimeoutOn, 0u);
  EXPECT_EQ(T.of("set_sink").SetsResponseSinkOn, paramBit(0));
  EXPECT_EQ(T.of("set_sink").SetsTimeoutOn, 0u);
  // CURLOPT_TIMEOUT 0 means "no timeout".
  EXPECT_EQ(T.of("zero").SetsTimeoutOn, 0u);
  // A null handle needs nothing; a failure return is not a normal path.
  EXPECT_EQ(T.of("guarded").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("checked").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("deadline").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("http").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("http_zero").SetsTimeoutOn, 0u);
  EXPECT_EQ(T.of("socket_timeout").SetsTimeoutOn, paramBit(0));
}

TEST(NetworkSummariesTest, TimeoutOnOneBranchOnlyDoesNotCount) {
  Summarized T(R"cpp(
    static void maybe(CURL *h, bool slow) {
      if (slow)
        curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
    }
    static void both(CURL *h, bool slow) {
      if (slow)
        curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
      else
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 500L);
    }
    static void or_throw(CURL *h, long ms) {
      if (ms <= 0)
        throw std::invalid_argument("timeout");
      curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, ms);
    }
  )cpp");
  EXPECT_EQ(T.of("maybe").SetsTimeoutOn, 0u);
  EXPECT_EQ(T.of("both").SetsTimeoutOn, paramBit(0));
  // The path that throws does not return the handle to the caller.
  EXPECT_EQ(T.of("or_throw").SetsTimeoutOn, paramBit(0));
}

TEST(NetworkSummariesTest, HelpersOfHelpers) {
  Summarized T(R"cpp(
    #include <chrono>
    #include <thread>
    static void base_timeout(CURL *h) {
      curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
    }
    static void configure(int verbose, CURL *handle) {
      curl_easy_setopt(handle, CURLOPT_VERBOSE, (long)verbose);
      base_timeout(handle);
    }
    static void configure_twice_removed(CURL *h) { configure(0, h); }
    static void pause_ms(int ms) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
    static void backoff(int attempt) { pause_ms(100 << attempt); }
    static CURLcode fetch(CURL *h) { return curl_easy_perform(h); }
    static CURLcode fetch_twice(CURL *h) { fetch(h); return fetch(h); }
  )cpp");
  EXPECT_EQ(T.of("configure").SetsTimeoutOn, paramBit(1));
  EXPECT_EQ(T.of("configure_twice_removed").SetsTimeoutOn, paramBit(0));
  EXPECT_TRUE(T.of("backoff").Delays);
  EXPECT_TRUE(T.of("fetch").PerformsNetworkIO);
  EXPECT_TRUE(T.of("fetch_twice").PerformsNetworkIO);
  EXPECT_FALSE(T.of("backoff").PerformsNetworkIO);
}

TEST(NetworkSummariesTest, VirtualCalls) {
  Summarized T(R"cpp(
    struct Configurer {
      virtual void configure(CURL *h) {
        curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
      }
      virtual bool ok(CURLcode rc) { return rc == CURLE_OK; }
      bool final_ok(CURLcode rc) { return rc == CURLE_OK; }
    };
    // The named method is the best guess at what runs: good enough to
    // take the handle as configured (the check is then silent)...
    static void through_base(Configurer &c, CURL *h) { c.configure(h); }
    static void use(Configurer &c, CURLcode rc) {
      (void)c.ok(rc);
      (void)c.final_ok(rc);
    }
  )cpp");
  EXPECT_EQ(T.of("through_base").SetsTimeoutOn, paramBit(1));
  // ... not to take a test for an error exit missing-retry would report.
  auto Calls = T.AST.findAll<CXXMemberCallExpr>(cxxMemberCallExpr(
      hasAncestor(functionDecl(hasName("use"))), isExpansionInMainFile()));
  ASSERT_EQ(Calls.size(), 2u);
  const auto *Rc = T.AST.find<ParmVarDecl>(
      parmVarDecl(hasName("rc"), hasAncestor(functionDecl(hasName("use")))));
  OutcomeTest Test(
      T.AST.context(),
      [Rc](const Expr *E) {
        const auto *Ref = dyn_cast<DeclRefExpr>(E);
        return Ref && Ref->getDecl() == Rc;
      },
      &T.Summaries.table(T.AST.context()));
  EXPECT_FALSE(Test.isCheckerCall(Calls[0], /*Verdict=*/true));
  EXPECT_TRUE(Test.isCheckerCall(Calls[1], /*Verdict=*/true));
}

TEST(NetworkSummariesTest, Recursion) {
  Summarized T(R"cpp(
    // Waits through its own recursion only: a cycle's summaries grow to
    // the fixpoint.
    static void wait_down(int n) {
      if (n <= 0) { sleep(1); return; }
      wait_down(n - 1);
    }
    static void apply(CURL *h, int n);
    static void apply_rest(CURL *h, int n) { apply(h, n - 1); }
    static void apply(CURL *h, int n) {
      curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
      if (n > 0)
        apply_rest(h, n);
    }
    // Configures only at the bottom of its recursion. Summaries grow from
    // "does nothing" (the least fixpoint): a path whose only configuration
    // is through the cycle does not count, the conservative answer.
    static void apply_last(CURL *h, int n) {
      if (n > 0) { apply_last(h, n - 1); return; }
      curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    }
    // Never configures: recursion alone proves nothing.
    static void spin(CURL *h, int n) { if (n) spin(h, n - 1); }
  )cpp");
  EXPECT_TRUE(T.of("wait_down").Delays);
  EXPECT_EQ(T.of("apply").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("apply_rest").SetsTimeoutOn, paramBit(0));
  EXPECT_EQ(T.of("apply_last").SetsTimeoutOn, 0u);
  EXPECT_EQ(T.of("spin").SetsTimeoutOn, 0u);
}

TEST(NetworkSummariesTest, StatusCheckers) {
  Summarized T(R"cpp(
    static void check_curl(CURLcode rc) {
      if (rc != CURLE_OK)
        throw std::runtime_error(curl_easy_strerror(rc));
    }
    static void check_http(long status) {
      if (status >= 400)
        std::exit(2);
    }
    static void log_status(long status) {
      if (status != 200)
        fprintf(stderr, "HTTP %ld\n", status);
    }
    static bool ok(const httplib::Result &r) {
      return r && r->status == 200;
    }
    static bool has_response(const httplib::Result &r) { return bool(r); }
    static bool grpc_ok(const grpc::Status &s) {
      if (!s.ok())
        return false;
      return true;
    }
    static bool both_ok(CURLcode rc, const httplib::Result &r) {
      return rc == CURLE_OK && ok(r);
    }
    static void must(const httplib::Result &r) {
      if (!ok(r))
        throw std::runtime_error("request failed");
    }
    static int rc_of(CURLcode rc) { return rc == CURLE_OK ? 0 : -1; }
  )cpp");
  EXPECT_EQ(T.of("check_curl").ChecksStatusOf, paramBit(0));
  EXPECT_EQ(T.of("check_http").ChecksStatusOf, paramBit(0));
  // Logged and carried on: not a check.
  EXPECT_EQ(T.of("log_status").ChecksStatusOf, 0u);
  EXPECT_EQ(T.of("ok").ChecksStatusOf, paramBit(0));
  // A Result needs its status tested too; a response alone is recorded
  // apart.
  EXPECT_EQ(T.of("has_response").ChecksStatusOf, 0u);
  EXPECT_EQ(T.of("has_response").ChecksResponseOf, paramBit(0));
  EXPECT_EQ(T.of("ok").ChecksResponseOf, paramBit(0));
  EXPECT_EQ(T.of("check_curl").ChecksResponseOf, 0u);
  EXPECT_EQ(T.of("grpc_ok").ChecksStatusOf, paramBit(0));
  EXPECT_EQ(T.of("both_ok").ChecksStatusOf, paramBit(0) | paramBit(1));
  EXPECT_EQ(T.of("must").ChecksStatusOf, paramBit(0));
  // Converting the code to another form is not checking it.
  EXPECT_EQ(T.of("rc_of").ChecksStatusOf, 0u);
}

TEST(NetworkSummariesTest, FailureValues) {
  prodready::test::TestAST AST(std::string(Prelude) + R"cpp(
    #include <optional>
    bool f1() { return false; }
    bool t1() { return true; }
    int f2() { return -1; }
    int t2() { return 0; }
    const char *f3() { return nullptr; }
    CURLcode f4() { return CURLE_COULDNT_CONNECT; }
    CURLcode t4() { return CURLE_OK; }
    std::optional<int> f5() { return std::nullopt; }
  )cpp");
  for (const auto *Return :
       AST.findAll<ReturnStmt>(returnStmt(isExpansionInMainFile()))) {
    const auto *F = AST.find<FunctionDecl>(functionDecl(
        isExpansionInMainFile(), hasDescendant(returnStmt(equalsNode(Return)))));
    ASSERT_NE(F, nullptr);
    EXPECT_EQ(isFailureValue(Return->getRetValue(), AST.context()),
              F->getName().starts_with("f"))
        << F->getName().str();
  }
}

} // namespace
