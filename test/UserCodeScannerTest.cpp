// Unit tests of the user-code scanner: which calls it visits, and the unit
// it attributes each to. Templates: TemplateInstancesTest.cpp.
#include "TestAST.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace {

TEST(UserCodeScannerTest, VisitsUserCallsWithTheirUnits) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    int f(int);
    int g = f(1);
    struct S { int m = f(2); int n(); };
    int S::n() { auto l = [] { return f(3); }; return f(4) + l(); }
    template <typename T> int t(T x) { return f(5); }
    int use = t(0);
    extern "C" { int c() { return f(6); } }
  )cpp");
  std::vector<std::string> Seen;
  for (const Decl *D : AST.context().getTranslationUnitDecl()->decls()) {
    if (AST.context().getSourceManager().isInSystemHeader(D->getLocation()))
      continue;
    clang::tidy::prodready::scanUserCalls(
        *D, AST.context(), [&](const CallExpr &Call, const Decl *Unit) {
          const auto *Callee = Call.getDirectCallee();
          if (!Callee || Callee->getName() != "f")
            return;
          const auto *Arg = cast<IntegerLiteral>(Call.getArg(0));
          std::string Name = "-";
          if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Unit);
              Method && Method->getParent()->isLambda())
            Name = "lambda";
          else if (const auto *Named = dyn_cast_or_null<NamedDecl>(Unit))
            Name = Named->getNameAsString();
          Seen.push_back(std::to_string(Arg->getValue().getZExtValue()) + ":" +
                         Name);
        });
  }
  // t's one instantiation, t<int>, not its pattern (see TemplatesTest).
  EXPECT_EQ(Seen, (std::vector<std::string>{"1:g", "2:m", "3:lambda", "4:n",
                                            "5:t", "6:c"}));
}

TEST(UserCodeScannerTest, SkipsSystemHeaders) {
  prodready::test::TestAST AST("#include <string>\nint x;");
  unsigned Calls = 0;
  for (const Decl *D : AST.context().getTranslationUnitDecl()->decls())
    clang::tidy::prodready::scanUserCalls(
        *D, AST.context(), [&](const CallExpr &, const Decl *) { ++Calls; });
  EXPECT_EQ(Calls, 0u);
}

/// Records the callees of the calls a scanning check is shown.
class RecordingCheck : public MatchFinder::MatchCallback {
public:
  void run(const MatchFinder::MatchResult &Result) override {
    clang::tidy::prodready::scanMatchedUserCode(
        Result, [&](const CallExpr &Call, const Decl *) {
          if (const auto *Callee = Call.getDirectCallee())
            Callees.push_back(Callee->getNameAsString());
        });
  }
  std::vector<std::string> Callees;
};

constexpr const char *TwoCalls = R"cpp(
  #include <cstdlib>
  int a() { return std::atoi("1"); }
  namespace n { int b() { return std::abs(-1); } }
)cpp";

TEST(UserCodeScannerTest, CommandLineModeScansTheWholeTranslationUnit) {
  prodready::test::TestAST AST(TwoCalls);
  RecordingCheck Check;
  MatchFinder Finder;
  clang::tidy::prodready::addUserCodeMatcher(Finder, Check,
                                             /*IsEditorHost=*/false);
  Finder.matchAST(AST.context());
  EXPECT_EQ(Check.Callees, (std::vector<std::string>{"atoi", "abs"}));
}

TEST(UserCodeScannerTest, EditorModeWorksUnderClangdTraversalScope) {
  prodready::test::TestAST AST(TwoCalls);
  // clangd restricts traversal to the main file's top-level declarations.
  std::vector<Decl *> MainFileDecls;
  const SourceManager &SM = AST.context().getSourceManager();
  for (Decl *D : AST.context().getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(D->getLocation()))
      MainFileDecls.push_back(D);
  AST.context().setTraversalScope(MainFileDecls);
  RecordingCheck Check;
  MatchFinder Finder;
  clang::tidy::prodready::addUserCodeMatcher(Finder, Check,
                                             /*IsEditorHost=*/true);
  Finder.matchAST(AST.context());
  EXPECT_EQ(Check.Callees, (std::vector<std::string>{"atoi", "abs"}));
}

} // namespace
