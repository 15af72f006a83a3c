// Unit tests of what counts as checking an HTTP status: deciding on it or
// handing it on is a check, printing or logging it is not.
#include "TestAST.h"
#include "analysis/HttpStatusUse.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::HttpStatusUses;

namespace {

constexpr const char *Prelude = R"cpp(
  #include <cstdio>
  #include <iostream>
  #include <string>
  long read();
  void read_into(long *status);
  void external(long status);
  static void print_it(long s) { std::printf("%ld\n", s); }
  static void require_ok(long s) { if (s >= 400) throw s; }
  static void print_twice(long s) { print_it(s); print_it(s); }
  struct Reply { long status; };
)cpp";

/// Whether `status` is checked in the function `test`.
bool checked(llvm::StringRef Body) {
  prodready::test::TestAST AST(std::string(Prelude) + "void test(" +
                               Body.str() + "}");
  EXPECT_FALSE(AST.hasErrors());
  const auto *Function =
      AST.find<FunctionDecl>(functionDecl(hasName("test"), isDefinition()));
  const auto *Status = AST.find<VarDecl>(
      varDecl(hasName("status"), hasAncestor(functionDecl(hasName("test")))));
  if (!Function || !Status)
    return false;
  HttpStatusUses Uses(AST.context());
  return Uses.isChecked(*Status, *Function);
}

TEST(HttpStatusUseTest, PrintingIsNoCheck) {
  // Written by a library (as curl_easy_getinfo does): not a check.
  EXPECT_FALSE(checked(") { long status = 0; "
                       "std::sscanf(\"200\", \"%ld\", &status); "));
  EXPECT_FALSE(checked(") { long status = read(); "
                       "std::printf(\"%ld\", status); "));
  EXPECT_FALSE(checked(") { long status = read(); "
                       "std::cerr << \"HTTP \" << status << '\\n'; "));
  EXPECT_FALSE(checked(") { long status = read(); "
                       "std::string m = \"HTTP \" + std::to_string(status); "
                       "std::puts(m.c_str()); "));
  EXPECT_FALSE(checked(") { long status = read(); print_twice(status); "));
  EXPECT_FALSE(checked(") { long status = read(); (void)status; "));
}

TEST(HttpStatusUseTest, DecidingOrHandingOnIsACheck) {
  EXPECT_TRUE(checked(") { long status = read(); if (status != 200) return; "));
  EXPECT_TRUE(checked(") { long status = read(); switch (status) {} "));
  EXPECT_TRUE(checked(") { long status = read(); bool ok = status < 400; "
                      "if (!ok) return; "));
  EXPECT_TRUE(checked(") { long status = read(); require_ok(status); "));
  EXPECT_TRUE(checked(") { long status = read(); external(status); "));
  // A function of another file may decide on it.
  EXPECT_TRUE(checked(") { long status = 0; read_into(&status); "));
  EXPECT_TRUE(checked("Reply &r) { long status = read(); r.status = status; "));
  EXPECT_TRUE(checked("long *out) { long status = read(); *out = status; "));
  EXPECT_TRUE(checked(") { long status = read(); "
                      "int x = status ? 1 : 2; (void)x; "));
}

} // namespace
