// Unit tests of the flow-sensitive pointer nullness analysis, with a test
// oracle: calls to `source` are sources, keyed by their literal argument.
#include "TestAST.h"
#include "analysis/NullnessAnalysis.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::PointerFact;
using clang::tidy::prodready::PointerNullnessAnalysis;

namespace {

class SourceOracle : public clang::tidy::prodready::NullSourceOracle {
public:
  bool isSource(const CallExpr &Call) override {
    const FunctionDecl *Callee = Call.getDirectCallee();
    return Callee && Callee->getName() == "source";
  }
  std::optional<std::string> sourceKey(const CallExpr &Call) override {
    if (const auto *Literal =
            dyn_cast<StringLiteral>(Call.getArg(0)->IgnoreParenImpCasts()))
      return Literal->getString().str();
    return std::nullopt;
  }
};

constexpr const char *Prelude = R"cpp(
  const char *source(const char *Key);
  void use(const char *P);
  [[noreturn]] void fail();
  bool flag();
)cpp";

/// The fact for the argument of the \p Index-th call to `use` in `test`.
PointerFact factAtUse(llvm::StringRef Body, unsigned Index = 0) {
  prodready::test::TestAST AST(std::string(Prelude) + "void test() {" +
                               Body.str() + "}");
  EXPECT_FALSE(AST.hasErrors());
  const auto *Function = AST.find<FunctionDecl>(
      functionDecl(hasName("test"), isDefinition()));
  auto Uses = AST.findAll<CallExpr>(
      callExpr(callee(functionDecl(hasName("use")))));
  if (!Function || Uses.size() <= Index) {
    ADD_FAILURE() << "no use #" << Index;
    return {};
  }
  SourceOracle Oracle;
  PointerNullnessAnalysis Analysis(*Function, *Function->getBody(),
                                   AST.context(), Oracle);
  return Analysis.evaluateAt(*Uses[Index]->getArg(0), *Uses[Index]);
}

TEST(NullnessAnalysisTest, DirectSourceMayBeNull) {
  PointerFact Fact = factAtUse(R"(use(source("A"));)");
  EXPECT_TRUE(Fact.MayBeNullFromSource);
  EXPECT_NE(Fact.Origin, nullptr);
}

TEST(NullnessAnalysisTest, LocalFromSourceMayBeNull) {
  EXPECT_TRUE(factAtUse(R"(const char *p = source("A"); use(p);)")
                  .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, IfGuardMakesNonNull) {
  PointerFact Fact =
      factAtUse(R"(const char *p = source("A"); if (p) use(p);)");
  EXPECT_FALSE(Fact.MayBeNullFromSource);
  EXPECT_TRUE(Fact.MayBeNonNull);
}

TEST(NullnessAnalysisTest, EarlyReturnAndNoreturnGuard) {
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A");
                            if (!p) return; use(p);)")
                   .MayBeNullFromSource);
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A");
                            if (p == nullptr) fail(); use(p);)")
                   .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, GuardOnOneBranchOnlyJoinsToMaybeNull) {
  EXPECT_TRUE(factAtUse(R"(const char *p = source("A");
                           if (flag() && p) use(p); use(p);)",
                        1)
                  .MayBeNullFromSource);
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A");
                            if (flag() && p) use(p); use(p);)",
                         0)
                   .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, NullBranchIsDefinitelyNull) {
  PointerFact Fact =
      factAtUse(R"(const char *p = source("A"); if (!p) use(p);)");
  EXPECT_TRUE(Fact.MayBeNullFromSource);
  EXPECT_FALSE(Fact.MayBeNonNull);
}

TEST(NullnessAnalysisTest, ConditionalAndShortCircuit) {
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A"); use(p ? p : "");)")
                   .MayBeNullFromSource);
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A"); p && (use(p), 1);)")
                   .MayBeNullFromSource);
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A");
                            if (!p || flag()) return; use(p);)")
                   .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, ReassignmentAndLoops) {
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A"); if (!p) p = "d";
                            use(p);)")
                   .MayBeNullFromSource);
  EXPECT_FALSE(factAtUse(R"(const char *p = nullptr;
                            while (!p) p = source("A"); use(p);)")
                   .MayBeNullFromSource);
  EXPECT_TRUE(factAtUse(R"(const char *p = "x";
                           for (int i = 0; i < 3; ++i) { use(p); p = source("A"); })")
                  .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, ExplicitNullIsNotFromSource) {
  PointerFact Fact = factAtUse(R"(const char *p = nullptr;
                                  if (flag()) p = source("A"); else p = nullptr;
                                  if (p) return; use(p);)");
  EXPECT_TRUE(Fact.MayBeNullFromSource);
  PointerFact Plain = factAtUse(R"(const char *p = nullptr; use(p);)");
  EXPECT_FALSE(Plain.MayBeNullFromSource);
  EXPECT_TRUE(Plain.MayBeNullOtherwise);
}

TEST(NullnessAnalysisTest, SameKeyReReadIsCoveredByItsCheck) {
  EXPECT_FALSE(factAtUse(R"(if (source("A")) use(source("A"));)")
                   .MayBeNullFromSource);
  EXPECT_TRUE(factAtUse(R"(if (source("A")) use(source("B"));)")
                  .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, EscapedLocalsAreNotTracked) {
  // Written through a pointer the analysis cannot follow: no claim.
  EXPECT_FALSE(factAtUse(R"(const char *p = source("A");
                            const char **q = &p; *q = "x"; use(p);)")
                   .MayBeNullFromSource);
}

TEST(NullnessAnalysisTest, UnreachableUseHasNoFact) {
  PointerFact Fact =
      factAtUse(R"(const char *p = source("A"); if (!p) return;
                   if (!p) use(p);)");
  EXPECT_TRUE(Fact.isEmpty());
}

} // namespace
