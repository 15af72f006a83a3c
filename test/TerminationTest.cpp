// Unit tests of the terminating-call oracle: which calls never return.
#include "analysis/Termination.h"
#include "TestAST.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::TerminatingFunctions;

namespace {

constexpr const char *Prelude = R"cpp(
  extern "C" [[noreturn]] void exit(int);
  extern "C" int puts(const char *);
  struct Error { const char *What; };
  bool flag();
  void external();
)cpp";

/// Whether the function named \p Name of \p Code always terminates.
bool terminates(llvm::StringRef Code, llvm::StringRef Name) {
  prodready::test::TestAST AST(std::string(Prelude) + Code.str());
  EXPECT_FALSE(AST.hasErrors());
  const auto *Function =
      AST.find<FunctionDecl>(functionDecl(hasName(Name), isDefinition()));
  if (!Function) {
    ADD_FAILURE() << "no function " << Name.str();
    return false;
  }
  TerminatingFunctions Oracle;
  return Oracle.alwaysTerminates(*Function);
}

TEST(TerminationTest, UnmarkedHelpersThatExitOrThrowOnEveryPath) {
  EXPECT_TRUE(
      terminates("void usage() { puts(\"usage\"); exit(2); }", "usage"));
  EXPECT_TRUE(
      terminates("void fail(const char *W) { throw Error{W}; }", "fail"));
  EXPECT_TRUE(terminates(
      "void die(int C) { if (C) { puts(\"x\"); exit(C); } throw Error{}; }",
      "die"));
  // Through another helper.
  EXPECT_TRUE(terminates("void usage() { exit(2); }\n"
                         "void bad(const char *A) { puts(A); usage(); }",
                         "bad"));
  // A loop that never ends never returns either.
  EXPECT_TRUE(terminates("void serve() { for (;;) external(); }", "serve"));
}

TEST(TerminationTest, FunctionsThatMayReturn) {
  EXPECT_FALSE(terminates("void warn() { puts(\"x\"); }", "warn"));
  EXPECT_FALSE(terminates("void maybe() { if (flag()) exit(1); }", "maybe"));
  // A throw caught in the function itself.
  EXPECT_FALSE(terminates(
      "void guarded() { try { throw Error{}; } catch (const Error &) {} }",
      "guarded"));
  EXPECT_FALSE(terminates("int value() { return 1; }", "value"));
  // Declared only: nothing is known.
  EXPECT_FALSE(terminates("void external2();\nvoid f() { external2(); }", "f"));
  // Recursion without an exit returns as far as we know.
  EXPECT_FALSE(terminates("void r(int N) { if (N) r(N - 1); }", "r"));
}

TEST(TerminationTest, VirtualCallsAreNotAssumedToTerminate) {
  prodready::test::TestAST AST(std::string(Prelude) + R"cpp(
    struct Base { virtual void fatal() { exit(1); } };
    struct Final final { void fatal() { exit(1); } };
    void viaVirtual(Base &B) { B.fatal(); }
    void viaQualified(Base &B) { B.Base::fatal(); }
    void viaFinal(Final &F) { F.fatal(); }
  )cpp");
  ASSERT_FALSE(AST.hasErrors());
  TerminatingFunctions Oracle;
  auto CallIn = [&](llvm::StringRef Function) {
    return AST.find<CallExpr>(
        callExpr(hasAncestor(functionDecl(hasName(Function)))));
  };
  EXPECT_FALSE(Oracle.isTerminatingStmt(*CallIn("viaVirtual")));
  EXPECT_TRUE(Oracle.isTerminatingStmt(*CallIn("viaQualified")));
  EXPECT_TRUE(Oracle.isTerminatingStmt(*CallIn("viaFinal")));
}

} // namespace
