// Unit tests of the function summary framework: bottom-up order over the
// call graph, cycles iterated to a fixpoint, each function summarized
// once, library functions left to the models, and the JSON form.
#include "TestAST.h"
#include "analysis/FunctionSummary.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

/// A toy analysis: a function "delays" if it calls `sleep_ms` or a
/// function that delays, and "passes parameter i on" if it calls `sink`
/// with parameter i or passes it to a function that does. Counts its runs.
class ToyProvider : public SummaryProvider {
public:
  void summarize(const FunctionDecl &Definition, FunctionSummaries &Table,
                 FunctionSummary &Out) override {
    ++Runs[Definition.getNameAsString()];
    Visitor V{Table, Definition, Out};
    V.TraverseStmt(Definition.getBody());
  }
  std::map<std::string, int> Runs;

private:
  struct Visitor : RecursiveASTVisitor<Visitor> {
    Visitor(FunctionSummaries &Table, const FunctionDecl &F,
            FunctionSummary &Out)
        : Table(Table), F(F), Out(Out) {}
    bool VisitCallExpr(CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->getIdentifier())
        return true;
      if (Callee->getName() == "sleep_ms")
        Out.Delays = true;
      const FunctionSummary *S = Table.get(*Callee);
      if (S && S->Delays)
        Out.Delays = true;
      for (unsigned Arg = 0; Arg < Call->getNumArgs(); ++Arg) {
        bool Sinks = Callee->getName() == "sink" ||
                     (S && (S->ParamsToSink & paramBit(Arg)));
        if (!Sinks)
          continue;
        if (const auto *Ref = dyn_cast<DeclRefExpr>(
                Call->getArg(Arg)->IgnoreParenImpCasts()))
          if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
            if (P->getDeclContext() == &F)
              Out.ParamsToSink |= paramBit(P->getFunctionScopeIndex());
      }
      return true;
    }
    FunctionSummaries &Table;
    const FunctionDecl &F;
    FunctionSummary &Out;
  };
};

constexpr const char *Code = R"cpp(
  #include <string>
  void sleep_ms(int);
  void sink(int);
  void backoff(int attempt) { sleep_ms(attempt * 100); }
  void wait_twice(int a) { backoff(a); backoff(a); }
  void no_wait(int a) { (void)a; }
  // even/odd: a cycle; the sink is reached through the other function.
  void odd(int n, int v);
  void even(int n, int v) { if (n) odd(n - 1, v); }
  void odd(int n, int v) { if (n) even(n - 1, v); else sink(v); }
  void self(int n) { if (n) self(n - 1); sleep_ms(1); }
  int lib() { return std::string("x").size(); }
)cpp";

struct Summarized {
  Summarized() : AST(Code), Table(AST.context()) {
    Table.addProvider(Toy);
  }
  const FunctionDecl &function(llvm::StringRef Name) {
    return *AST.find<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition(), isExpansionInMainFile()));
  }
  const FunctionSummary &summary(llvm::StringRef Name) {
    const FunctionSummary *S = Table.get(function(Name));
    EXPECT_NE(S, nullptr) << Name.str();
    static FunctionSummary Empty;
    return S ? *S : Empty;
  }
  prodready::test::TestAST AST;
  ToyProvider Toy;
  FunctionSummaries Table;
};

TEST(FunctionSummaryTest, CalleesAreSummarizedFirstAndOnce) {
  Summarized T;
  EXPECT_TRUE(T.summary("wait_twice").Delays);
  EXPECT_TRUE(T.summary("backoff").Delays);
  EXPECT_FALSE(T.summary("no_wait").Delays);
  EXPECT_EQ(T.Toy.Runs["backoff"], 1);
  EXPECT_EQ(T.Toy.Runs["wait_twice"], 1);
  // Asking again computes nothing.
  T.summary("wait_twice");
  EXPECT_EQ(T.Toy.Runs["wait_twice"], 1);
}

TEST(FunctionSummaryTest, CyclesReachAFixpoint) {
  Summarized T;
  // odd sinks v (parameter 1) directly; even only through odd.
  EXPECT_EQ(T.summary("even").ParamsToSink, paramBit(1));
  EXPECT_EQ(T.summary("odd").ParamsToSink, paramBit(1));
  // Each member ran more than once (the cycle iterated) but boundedly.
  EXPECT_GE(T.Toy.Runs["even"], 2);
  EXPECT_LE(T.Toy.Runs["even"], int(FunctionSummaries::MaxCycleRounds));
  EXPECT_TRUE(T.summary("self").Delays);
}

TEST(FunctionSummaryTest, LibraryFunctionsHaveNoSummary) {
  Summarized T;
  const auto *Size = T.AST.find<CXXMethodDecl>(
      cxxMethodDecl(hasName("size"), ofClass(hasName("basic_string"))));
  ASSERT_NE(Size, nullptr);
  EXPECT_EQ(T.Table.get(*Size), nullptr);
  const auto *Sleep = T.AST.find<FunctionDecl>(functionDecl(hasName("sleep_ms")));
  EXPECT_EQ(T.Table.get(*Sleep), nullptr); // No body.
}

TEST(FunctionSummaryTest, JSONRoundTrip) {
  FunctionSummary S;
  S.ReturnsUntrusted = true;
  S.ReturnedSources = 0x30; // Network and request data.
  S.ParamsToReturn = paramBit(0) | paramBit(63);
  S.SetsTimeoutOn = paramBit(2);
  S.ChecksResponseOf = paramBit(1);
  S.Delays = true;
  IndexUse Use;
  Use.Param = 1;
  Use.NoUpperBound = true;
  Use.AccessLocation = "a.cpp:3:10";
  Use.Container = "table";
  S.IndexUses.push_back(Use);
  llvm::json::Value V = toJSON(S, "c:@F@f#I#", "f", nullptr);
  // Through text, as the driver stores it.
  std::string Text = llvm::formatv("{0}", V).str();
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  ASSERT_TRUE(bool(Parsed));
  std::string Key, Name, Error;
  std::optional<FunctionSummary> Back =
      summaryFromJSON(*Parsed, Key, Name, Error);
  ASSERT_TRUE(Back.has_value()) << Error;
  EXPECT_EQ(Key, "c:@F@f#I#");
  EXPECT_EQ(Name, "f");
  EXPECT_EQ(*Back, S);
}

TEST(FunctionSummaryTest, JSONRejectsOtherVersionsAndBadFields) {
  std::string Key, Name, Error;
  llvm::json::Value Old = llvm::json::Object{{"version", 0}, {"key", "k"}};
  EXPECT_FALSE(summaryFromJSON(Old, Key, Name, Error).has_value());
  EXPECT_NE(Error.find("version"), std::string::npos);
  llvm::json::Value Bad = llvm::json::Object{
      {"version", SummaryFormatVersion}, {"key", "k"},
      {"setsTimeoutOn", llvm::json::Array{70}}};
  EXPECT_FALSE(summaryFromJSON(Bad, Key, Name, Error).has_value());
  EXPECT_NE(Error.find("'k'"), std::string::npos);
  llvm::json::Value NotObject = llvm::json::Array{};
  EXPECT_FALSE(summaryFromJSON(NotObject, Key, Name, Error).has_value());
}

} // namespace
