// Unit tests of the syntactic guard detection helpers.
#include "TestAST.h"
#include "analysis/GuardDetection.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

constexpr const char *Code = R"cpp(
  #include <stdexcept>
  #include <cerrno>
  int parse(const char *);
  struct Result { int ec; int ptr; };
  Result convert();
  void f() {
    try {
      try { parse("inner"); } catch (const std::out_of_range &) {}
    } catch (const std::logic_error &) { parse("handler"); }
    parse("outside");
    try { parse("all"); } catch (...) {}
  }
  int g(char *end) {
    parse("discarded");
    (void)parse("void");
    int stored = parse("stored");
    if (parse("condition")) {}
    int r = convert().ec;
    auto whole = convert();
    errno = 0;
    parse("before-errno");
    if (errno) return whole.ec;
    return stored + r + *end;
  }
)cpp";

const CallExpr *parseCall(prodready::test::TestAST &AST, llvm::StringRef Arg) {
  for (const CallExpr *Call : AST.findAll<CallExpr>(
           callExpr(callee(functionDecl(hasName("parse"))))))
    if (const auto *Literal =
            dyn_cast<StringLiteral>(Call->getArg(0)->IgnoreParenImpCasts()))
      if (Literal->getString() == Arg)
        return Call;
  ADD_FAILURE() << "no parse(\"" << Arg.str() << "\")";
  return nullptr;
}

TEST(GuardDetectionTest, EnclosingHandlers) {
  prodready::test::TestAST AST(Code);
  auto Inner = enclosingHandlers(*parseCall(AST, "inner"), AST.context());
  ASSERT_EQ(Inner.size(), 2u);
  EXPECT_TRUE(handlersCatch(Inner, {"std::out_of_range"}));
  EXPECT_TRUE(handlersCatch(Inner, {"std::invalid_argument", "std::logic_error"}));
  EXPECT_FALSE(handlersCatch(Inner, {"std::bad_cast", "std::exception"}));
  // A handler's own body is not protected by its try.
  EXPECT_TRUE(enclosingHandlers(*parseCall(AST, "handler"), AST.context()).empty());
  EXPECT_TRUE(enclosingHandlers(*parseCall(AST, "outside"), AST.context()).empty());
  EXPECT_TRUE(handlersCatch(
      enclosingHandlers(*parseCall(AST, "all"), AST.context()), {"anything"}));
}

TEST(GuardDetectionTest, ClassifiesResultUse) {
  prodready::test::TestAST AST(Code);
  auto Use = [&](llvm::StringRef Arg) {
    return classifyResultUse(*parseCall(AST, Arg), AST.context()).How;
  };
  EXPECT_EQ(Use("discarded"), ResultUse::Discarded);
  EXPECT_EQ(Use("void"), ResultUse::Discarded);
  EXPECT_EQ(Use("stored"), ResultUse::StoredIn);
  EXPECT_EQ(Use("condition"), ResultUse::Used);
  auto Converts = AST.findAll<CallExpr>(
      callExpr(callee(functionDecl(hasName("convert")))));
  ASSERT_EQ(Converts.size(), 2u);
  ResultUse Member = classifyResultUse(*Converts[0], AST.context());
  EXPECT_EQ(Member.How, ResultUse::MemberRead);
  EXPECT_EQ(Member.Member, "ec");
  ResultUse Whole = classifyResultUse(*Converts[1], AST.context());
  EXPECT_EQ(Whole.How, ResultUse::StoredIn);
  ASSERT_NE(Whole.Var, nullptr);
  EXPECT_EQ(Whole.Var->getName(), "whole");
}

TEST(GuardDetectionTest, ReferencedAfter) {
  prodready::test::TestAST AST(Code);
  const auto *G = AST.find<FunctionDecl>(functionDecl(hasName("g"), isDefinition()));
  const Stmt &Body = *G->getBody();
  const CallExpr *Stored = parseCall(AST, "stored");
  const auto *StoredVar = AST.find<VarDecl>(varDecl(hasName("stored")));
  const auto *Whole = AST.find<VarDecl>(varDecl(hasName("whole")));
  EXPECT_TRUE(isReferencedAfter(*StoredVar, *Stored, Body, AST.context()));
  EXPECT_TRUE(isReferencedAfter(*Whole, *Stored, Body, AST.context(), "ec"));
  EXPECT_FALSE(isReferencedAfter(*Whole, *Stored, Body, AST.context(), "ptr"));
  // Nothing reads `stored` after the return statement's operands.
  const auto *Return = AST.find<ReturnStmt>(
      returnStmt(hasAncestor(functionDecl(hasName("g"))),
                 hasReturnValue(binaryOperator(hasOperatorName("+")))));
  EXPECT_FALSE(isReferencedAfter(*StoredVar, *Return, Body, AST.context()));
  EXPECT_TRUE(isErrnoReadAfter(*parseCall(AST, "before-errno"), Body, AST.context()));
  EXPECT_FALSE(isErrnoReadAfter(*Return, Body, AST.context()));
}

} // namespace
