// Unit tests of the socket setup analysis: what a function does to a socket
// before an operation, and the per-parameter summaries of its helpers.
#include "TestAST.h"
#include "analysis/SocketSetup.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::NetworkModel;
using clang::tidy::prodready::SocketSetup;
using clang::tidy::prodready::SocketSetupAnalysis;

namespace {

constexpr const char *Prelude = R"cpp(
  #include <fcntl.h>
  #include <stddef.h>
  #include <poll.h>
  #include <sys/ioctl.h>
  #include <sys/select.h>
  #include <sys/socket.h>
  #include <sys/time.h>
  static void set_timeout(int fd) {
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  static void non_blocking(int fd) { fcntl(fd, F_SETFL, O_NONBLOCK); }
  static int wait_readable(int fd, int ms) {
    pollfd p{fd, POLLIN, 0};
    return poll(&p, 1, ms);
  }
  static void twice(int unused, int fd) { set_timeout(fd); }
  static void loop_a(int fd);
  static void loop_b(int fd) { loop_a(fd); }
  static void loop_a(int fd) { loop_b(fd); }
)cpp";

class SocketSetupTest : public ::testing::Test {
protected:
  /// The setup of `fd` in `test` at the `recv` call.
  SocketSetup setupAtRecv(llvm::StringRef Body) {
    AST = std::make_unique<prodready::test::TestAST>(
        std::string(Prelude) + "void test(char *b) {" + Body.str() + "}");
    EXPECT_FALSE(AST->hasErrors());
    const auto *Test = AST->find<FunctionDecl>(
        functionDecl(hasName("test"), isDefinition()));
    const auto *Fd = AST->find<VarDecl>(
        varDecl(hasName("fd"), hasAncestor(functionDecl(hasName("test")))));
    const auto *Recv = AST->find<CallExpr>(
        callExpr(callee(functionDecl(hasName("recv")))));
    if (!Test || !Fd || !Recv) {
      ADD_FAILURE() << "no test, fd or recv";
      return {};
    }
    return Analysis.setupBefore(*Test->getBody(), *Fd, Recv, AST->context());
  }

  /// The summary of parameter \p Index of the function named \p Name.
  SocketSetup summary(llvm::StringRef Name, unsigned Index) {
    AST = std::make_unique<prodready::test::TestAST>(std::string(Prelude) +
                                                     "void unused() {}");
    const auto *F =
        AST->find<FunctionDecl>(functionDecl(hasName(Name), isDefinition()));
    if (!F) {
      ADD_FAILURE() << "no function " << Name.str();
      return {};
    }
    return Analysis.paramSetup(*F, Index);
  }

  NetworkModel Model{{}, {}};
  SocketSetupAnalysis Analysis{Model};
  std::unique_ptr<prodready::test::TestAST> AST;
};

TEST_F(SocketSetupTest, HelperSummariesPerParameter) {
  SocketSetup Timeout = summary("set_timeout", 0);
  EXPECT_TRUE(Timeout.Timeout);
  EXPECT_FALSE(Timeout.NonBlocking);
  EXPECT_FALSE(Timeout.Created);
  EXPECT_TRUE(summary("non_blocking", 0).NonBlocking);
  SocketSetup Wait = summary("wait_readable", 0);
  EXPECT_TRUE(Wait.BoundedWait); // The amount is the caller's: not -1.
  EXPECT_FALSE(Wait.EndlessWait);
  // Through a second helper, on the right parameter only.
  EXPECT_TRUE(summary("twice", 1).Timeout);
  EXPECT_FALSE(summary("twice", 0).Timeout);
  // Mutual recursion terminates and sets nothing.
  EXPECT_FALSE(summary("loop_a", 0).bounded());
}

TEST_F(SocketSetupTest, SummariesAreCachedPerParameter) {
  SocketSetup First = summary("twice", 1);
  const auto *F =
      AST->find<FunctionDecl>(functionDecl(hasName("twice"), isDefinition()));
  ASSERT_TRUE(F);
  SocketSetup Again = Analysis.paramSetup(*F, 1);
  EXPECT_EQ(First.Timeout, Again.Timeout);
  Analysis.clear();
  EXPECT_TRUE(Analysis.paramSetup(*F, 1).Timeout);
}

TEST_F(SocketSetupTest, CreatedBlockingWithoutTimeout) {
  SocketSetup Setup =
      setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); recv(fd, b, 1, 0);");
  EXPECT_TRUE(Setup.Created);
  EXPECT_FALSE(Setup.bounded());
}

TEST_F(SocketSetupTest, NonBlockingForms) {
  EXPECT_TRUE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM | "
                          "SOCK_NONBLOCK, 0); recv(fd, b, 1, 0);")
                  .NonBlocking);
  EXPECT_TRUE(setupAtRecv("int fd = accept4(3, nullptr, nullptr, "
                          "SOCK_NONBLOCK); recv(fd, b, 1, 0);")
                  .NonBlocking);
  EXPECT_TRUE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); int on = "
                          "1; ioctl(fd, FIONBIO, &on); recv(fd, b, 1, 0);")
                  .NonBlocking);
  EXPECT_FALSE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); int off "
                           "= 0; ioctl(fd, FIONBIO, &off); recv(fd, b, 1, 0);")
                   .NonBlocking);
  EXPECT_FALSE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); "
                           "fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & "
                           "~O_NONBLOCK); recv(fd, b, 1, 0);")
                   .NonBlocking);
  EXPECT_TRUE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); "
                          "non_blocking(fd); recv(fd, b, 1, 0);")
                  .bounded());
}

TEST_F(SocketSetupTest, WaitsWithAndWithoutTimeout) {
  SocketSetup Endless = setupAtRecv(
      "int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0); pollfd p{fd, "
      "POLLIN, 0}; poll(&p, 1, -1); recv(fd, b, 1, 0);");
  EXPECT_TRUE(Endless.EndlessWait);
  EXPECT_FALSE(Endless.bounded());
  SocketSetup NullTimeval = setupAtRecv(
      "int fd = socket(AF_INET, SOCK_STREAM, 0); fd_set r; select(fd + 1, &r, "
      "nullptr, nullptr, nullptr); recv(fd, b, 1, 0);");
  EXPECT_TRUE(NullTimeval.EndlessWait);
  EXPECT_FALSE(NullTimeval.bounded());
  SocketSetup Limited = setupAtRecv(
      "int fd = socket(AF_INET, SOCK_STREAM, 0); timeval tv{1, 0}; fd_set r; "
      "select(fd + 1, &r, nullptr, nullptr, &tv); recv(fd, b, 1, 0);");
  EXPECT_TRUE(Limited.BoundedWait);
  EXPECT_TRUE(Limited.bounded());
  // A wait with a timeout after a blocking read does not bound it, even in
  // the same loop; one without a timeout later in the loop blocks it.
  EXPECT_FALSE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); pollfd "
                           "p{fd, POLLIN, 0}; for (;;) { recv(fd, b, 1, 0); "
                           "poll(&p, 1, 100); }")
                   .bounded());
  EXPECT_TRUE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM | "
                          "SOCK_NONBLOCK, 0); pollfd p{fd, POLLIN, 0}; for "
                          "(;;) { recv(fd, b, 1, 0); poll(&p, 1, -1); }")
                  .EndlessWait);
}

TEST_F(SocketSetupTest, TimeoutsOnTheSocketAndBeforeTheOperation) {
  EXPECT_TRUE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); "
                          "set_timeout(fd); recv(fd, b, 1, 0);")
                  .Timeout);
  EXPECT_TRUE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); "
                          "twice(0, fd); recv(fd, b, 1, 0);")
                  .Timeout);
  EXPECT_FALSE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); int "
                           "other = fd + 1; set_timeout(other); recv(fd, b, "
                           "1, 0);")
                   .Timeout);
  EXPECT_FALSE(setupAtRecv("int fd = socket(AF_INET, SOCK_STREAM, 0); "
                           "recv(fd, b, 1, 0); set_timeout(fd);")
                   .Timeout);
}

TEST(NetworkModelSocketTest, WaitsForever) {
  prodready::test::TestAST AST(std::string(Prelude) + R"cpp(
    void test(int fd, int ms, timeval *tv) {
      pollfd p{fd, POLLIN, 0}; fd_set r; timeval limit{1, 0};
      poll(&p, 1, -1); poll(&p, 1, 0); poll(&p, 1, ms);
      select(fd + 1, &r, nullptr, nullptr, NULL);
      select(fd + 1, &r, nullptr, nullptr, &limit);
      select(fd + 1, &r, nullptr, nullptr, tv);
    })cpp");
  ASSERT_FALSE(AST.hasErrors());
  NetworkModel Model({}, {});
  std::vector<bool> Forever;
  for (const CallExpr *Call : AST.findAll<CallExpr>(callExpr(
           callee(functionDecl(hasAnyName("poll", "select"))),
           hasAncestor(functionDecl(hasName("test"))))))
    if (auto Known = Model.classify(*Call, AST.context()))
      Forever.push_back(NetworkModel::waitsForever(*Known, AST.context()));
  EXPECT_EQ(Forever, (std::vector<bool>{true, false, false, true, false,
                                        false}));
}

} // namespace
