// Unit tests of templates in the user-code scanner: a template is visited
// through its instantiations when it has any, through its pattern when it
// has none; and of the merging of the diagnostics its instantiations make.
#include "TestAST.h"
#include "analysis/InstantiationDiagnostics.h"
#include "analysis/TemplateInstances.h"
#include "analysis/UserCodeScanner.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::HeldDiagnostic;
using clang::tidy::prodready::HeldReport;
using clang::tidy::prodready::InstantiationDiagnostics;
using clang::tidy::prodready::mergeInstantiationReports;
using clang::tidy::prodready::TemplateInstances;

namespace {

/// "<argument of f>:<unit>:<P|I>" for each call of `f(<int>)` the scanner
/// visits: P for a unit that is a pattern (or ordinary code), I for an
/// instantiation.
std::vector<std::string> visitedCalls(prodready::test::TestAST &AST,
                                      TemplateInstances &Templates) {
  std::vector<std::string> Seen;
  const SourceManager &SM = AST.context().getSourceManager();
  for (const Decl *D : AST.context().getTranslationUnitDecl()->decls()) {
    if (SM.isInSystemHeader(D->getLocation()))
      continue;
    clang::tidy::prodready::scanUserCalls(
        *D, AST.context(),
        [&](const CallExpr &Call, const Decl *Unit) {
          const auto *Callee = Call.getDirectCallee();
          if (!Callee || !Callee->getIdentifier() || Callee->getName() != "f")
            return;
          const auto *Arg = cast<IntegerLiteral>(Call.getArg(0));
          const auto *Function = dyn_cast_or_null<FunctionDecl>(Unit);
          std::string Name = "-";
          if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Unit);
              Method && Method->getParent()->isLambda())
            Name = "lambda";
          else if (const auto *Named = dyn_cast_or_null<NamedDecl>(Unit))
            Name = Named->getNameAsString();
          bool Instance = Function && Function->isTemplateInstantiation();
          Seen.push_back(std::to_string(Arg->getValue().getZExtValue()) + ":" +
                         Name + ":" + (Instance ? "I" : "P"));
        },
        &Templates);
  }
  return Seen;
}

TEST(TemplateInstancesTest, InstantiatedTemplatesAreVisitedThroughTheirInstances) {
  prodready::test::TestAST AST(R"cpp(
    int f(int);
    template <class T> int twice(T) { return f(1); }
    template <class T> int never(T) { return f(2); }
    int use = twice(1) + twice(2L);
    template <class T> struct Box {
      int in() { return f(3); }
      int out();
      int unused() { return f(4); }
      int field = f(5);
    };
    template <class T> int Box<T>::out() { return f(6); }
    int useBox() { Box<int> a; Box<char> b; return a.in() + b.out(); }
  )cpp");
  TemplateInstances Templates;
  std::vector<std::string> Seen = visitedCalls(AST, Templates);
  // twice: two instances; never: its pattern. Box<T>::in and out: one
  // instance each (members are instantiated when used); unused: its
  // pattern; a field initializer: the class template's pattern, once.
  EXPECT_EQ(Seen, (std::vector<std::string>{"1:twice:I", "1:twice:I",
                                            "2:never:P", "4:unused:P",
                                            "5:field:P", "3:in:I", "6:out:I"}));
}

TEST(TemplateInstancesTest, InstancesOfSystemHeaderTemplatesAreSkipped) {
  prodready::test::TestAST AST(R"cpp(
    #include <map>
    #include <string>
    #include <vector>
    template <class T> int mine(const std::vector<T> &v) { return v.size(); }
    int use() {
      std::vector<std::string> names{"a"};
      std::map<int, std::vector<int>> table;
      table[1].push_back(2);
      return mine(table[1]) + names.front().size();
    }
  )cpp");
  TemplateInstances Templates;
  const SourceManager &SM = AST.context().getSourceManager();
  std::set<std::string> Units;
  for (const Decl *D : AST.context().getTranslationUnitDecl()->decls())
    if (!SM.isInSystemHeader(D->getLocation()))
      clang::tidy::prodready::scanUserCode(
          *D, AST.context(),
          [&](const Stmt &, const Decl *Unit) {
            if (const auto *Named = dyn_cast_or_null<NamedDecl>(Unit)) {
              EXPECT_FALSE(SM.isInSystemHeader(Named->getLocation()))
                  << Named->getQualifiedNameAsString();
              Units.insert(Named->getNameAsString());
            }
          },
          &Templates);
  EXPECT_EQ(Units, (std::set<std::string>{"mine", "use"}));
}

TEST(TemplateInstancesTest, GenericLambdasAreVisitedThroughTheirInstances) {
  prodready::test::TestAST AST(R"cpp(
    int f(int);
    int use() {
      auto generic = [](auto x) { return f(1) + x; };
      auto unused = [](auto x) { return f(2) + x; };
      auto plain = [](int x) { return f(3) + x; };
      return generic(1) + generic(2L) + plain(3);
    }
    template <class T> int outer(T) {
      auto inner = [](auto y) { return f(4) + y; };
      return inner(1);
    }
    int useOuter = outer(1) + outer('c');
  )cpp");
  TemplateInstances Templates;
  std::vector<std::string> Seen = visitedCalls(AST, Templates);
  EXPECT_EQ(Seen, (std::vector<std::string>{"1:lambda:I", "1:lambda:I",
                                            "2:lambda:P", "3:lambda:P",
                                            "4:lambda:I", "4:lambda:I"}));
  const SourceManager &SM = AST.context().getSourceManager();
  auto CallAt = [&](unsigned Arg) {
    for (const CallExpr *Call : AST.findAll<CallExpr>(
             callExpr(callee(functionDecl(hasName("f"))),
                      hasArgument(0, integerLiteral(equals(Arg))))))
      return Call->getBeginLoc();
    return SourceLocation();
  };
  EXPECT_EQ(Templates.instantiationsAt(CallAt(1), SM), 2u);
  EXPECT_EQ(Templates.instantiationsAt(CallAt(2), SM), 0u);
  EXPECT_EQ(Templates.instantiationsAt(CallAt(3), SM), 0u);
  // One instance of the inner lambda per instance of outer.
  EXPECT_EQ(Templates.instantiationsAt(CallAt(4), SM), 2u);
}

TEST(TemplateInstancesTest, CountsInstancesOfTheInnermostTemplate) {
  prodready::test::TestAST AST(R"cpp(
    int f(int);
    template <class T> struct Outer {
      template <class U> int member(U) { return f(1); }
      int plain() { return f(2); }
    };
    int use() {
      Outer<int> a; Outer<long> b;
      return a.member(1) + a.member('c') + b.member(1) + a.plain();
    }
    int ordinary() { return f(3); }
  )cpp");
  TemplateInstances Templates;
  visitedCalls(AST, Templates);
  const SourceManager &SM = AST.context().getSourceManager();
  auto CallAt = [&](unsigned Arg) {
    return AST
        .find<CallExpr>(callExpr(callee(functionDecl(hasName("f"))),
                                 hasArgument(0, integerLiteral(equals(Arg)))))
        ->getBeginLoc();
  };
  EXPECT_EQ(Templates.instantiationsAt(CallAt(1), SM), 3u);
  EXPECT_EQ(Templates.instantiationsAt(CallAt(2), SM), 1u);
  EXPECT_EQ(Templates.instantiationsAt(CallAt(3), SM), 0u);
}

/// Records the units of the calls of `f` a scanning check is shown.
class RecordingCheck : public MatchFinder::MatchCallback {
public:
  void run(const MatchFinder::MatchResult &Result) override {
    clang::tidy::prodready::scanMatchedUserCode(
        Result,
        [&](const CallExpr &Call, const Decl *Unit) {
          const auto *Callee = Call.getDirectCallee();
          const auto *Function = dyn_cast_or_null<FunctionDecl>(Unit);
          if (Callee && Callee->getIdentifier() && Callee->getName() == "f" &&
              Function)
            Units.push_back(Function->getNameAsString() +
                            (Function->isTemplateInstantiation() ? ":I" : ":P"));
        },
        &Templates);
  }
  std::vector<std::string> Units;
  TemplateInstances Templates;
};

TEST(TemplateInstancesTest, EditorModeSkipsAnOutOfLinePatternThatIsInstantiated) {
  // In clangd each top-level declaration is a match of its own: the
  // out-of-line definition is one, its instantiation is in the class
  // template's.
  prodready::test::TestAST AST(R"cpp(
    int f(int);
    template <class T> struct Box { int out(); };
    template <class T> int Box<T>::out() { return f(1); }
    int use() { Box<int> a; return a.out(); }
  )cpp");
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
  EXPECT_EQ(Check.Units, (std::vector<std::string>{"out:I"}));
}

TEST(TemplateInstancesTest, EachInstanceIsVisitedOnceInEitherMode) {
  // An explicit instantiation is a top-level declaration too; implicit ones
  // are top-level declarations for the editor's matcher.
  constexpr const char *Code = R"cpp(
    int f(int);
    template <class T> int twice(T) { return f(1); }
    template int twice<long>(long);
    int use = twice(1);
    struct S { int n(); };
    int S::n() { return f(2); }
    template <class T> struct Box { int in() { return f(3); } };
    template struct Box<char>;
    int useBox() { Box<int> a; return a.in(); }
  )cpp";
  for (bool Editor : {false, true}) {
    prodready::test::TestAST AST(Code);
    if (Editor) {
      std::vector<Decl *> MainFileDecls;
      const SourceManager &SM = AST.context().getSourceManager();
      for (Decl *D : AST.context().getTranslationUnitDecl()->decls())
        if (SM.isInMainFile(D->getLocation()))
          MainFileDecls.push_back(D);
      AST.context().setTraversalScope(MainFileDecls);
    }
    RecordingCheck Check;
    MatchFinder Finder;
    clang::tidy::prodready::addUserCodeMatcher(Finder, Check, Editor);
    Finder.matchAST(AST.context());
    llvm::sort(Check.Units);
    EXPECT_EQ(Check.Units, (std::vector<std::string>{"in:I", "in:I", "n:P",
                                                     "twice:I", "twice:I"}))
        << (Editor ? "editor" : "command line");
  }
}

TEST(TemplateInstancesTest, HeldDiagnosticsAreFormattedWithTheirArguments) {
  prodready::test::TestAST AST(R"cpp(
    template <class T> int g(T t) { return t; }
  )cpp");
  const auto *Return = AST.find<ReturnStmt>(returnStmt());
  const auto *Function = AST.find<FunctionDecl>(functionDecl(hasName("g")));
  InstantiationDiagnostics Held;
  {
    auto Builder = Held.hold(AST.context(), Return->getBeginLoc(),
                             "%0 returns %1 (%2)", DiagnosticIDs::Warning);
    Builder << Function << Function->getReturnType() << 3
            << FixItHint::CreateInsertion(Return->getBeginLoc(), "x");
  }
  Held.hold(AST.context(), Function->getLocation(), "declared here",
            DiagnosticIDs::Note);
  TemplateInstances None;
  std::vector<HeldReport> Reports =
      Held.take(None, AST.context().getSourceManager());
  ASSERT_EQ(Reports.size(), 1u);
  EXPECT_EQ(Reports[0].Warning.Message, "'g' returns 'int' (3)");
  EXPECT_EQ(Reports[0].Warning.Fixes.size(), 1u);
  ASSERT_EQ(Reports[0].Notes.size(), 1u);
  EXPECT_EQ(Reports[0].Notes[0].Message, "declared here");
  EXPECT_TRUE(Held.empty());
}

/// Reports as the instantiations of a template make them: at a location
/// with raw encoding 100, fixes at 110 (inside the template) and at 1 (an
/// #include at the top of the file, outside).
HeldReport report(llvm::StringRef Edit, bool WithInclude = false,
                  bool FixOnNote = false) {
  auto At = [](unsigned Raw) { return SourceLocation::getFromRawEncoding(Raw); };
  HeldReport R;
  R.Warning.Loc = At(100);
  R.Warning.Message = "warning";
  R.Key = {100, "%0"};
  if (!Edit.empty()) {
    FixItHint Fix = FixItHint::CreateInsertion(At(110), Edit);
    if (FixOnNote) {
      HeldDiagnostic Note;
      Note.Level = DiagnosticIDs::Note;
      Note.Loc = At(100);
      Note.Message = "use it";
      Note.Fixes.push_back(Fix);
      R.Notes.push_back(Note);
    } else {
      R.Warning.Fixes.push_back(Fix);
    }
  }
  if (WithInclude)
    R.Warning.Fixes.push_back(
        FixItHint::CreateInsertion(At(1), "#include <x>\n"));
  HeldDiagnostic Evidence;
  Evidence.Level = DiagnosticIDs::Note;
  Evidence.Loc = At(90);
  Evidence.Message = "evidence";
  R.Notes.push_back(Evidence);
  return R;
}

bool inTemplate(SourceLocation Loc) { return Loc.getRawEncoding() >= 50; }

TEST(TemplateInstancesTest, AFixIsKeptWhenEveryInstanceMadeIt) {
  HeldReport Merged = mergeInstantiationReports(
      {report(".at("), report(".at("), report(".at(")}, 3, inTemplate);
  ASSERT_EQ(Merged.Warning.Fixes.size(), 1u);
  EXPECT_EQ(Merged.Warning.Fixes[0].CodeToInsert, ".at(");
  EXPECT_EQ(Merged.Notes.size(), 1u);
}

TEST(TemplateInstancesTest, AFixIsDroppedWhenInstancesDisagree) {
  HeldReport Merged = mergeInstantiationReports(
      {report(".at("), report("->at(")}, 2, inTemplate);
  EXPECT_TRUE(Merged.Warning.Fixes.empty());
  HeldReport NoFix =
      mergeInstantiationReports({report(".at("), report("")}, 2, inTemplate);
  EXPECT_TRUE(NoFix.Warning.Fixes.empty());
  // The evidence note stays.
  EXPECT_EQ(NoFix.Notes.size(), 1u);
}

TEST(TemplateInstancesTest, AFixIsDroppedWhenAnInstanceDidNotReport) {
  HeldReport Merged =
      mergeInstantiationReports({report(".at("), report(".at(")}, 3, inTemplate);
  EXPECT_TRUE(Merged.Warning.Fixes.empty());
}

TEST(TemplateInstancesTest, ANoteThatCarriesADroppedFixIsDropped) {
  HeldReport Merged = mergeInstantiationReports(
      {report(".at(", false, /*FixOnNote=*/true),
       report("->at(", false, /*FixOnNote=*/true)},
      2, inTemplate);
  ASSERT_EQ(Merged.Notes.size(), 1u);
  EXPECT_EQ(Merged.Notes[0].Message, "evidence");
}

TEST(TemplateInstancesTest, EditsOutsideTheTemplateAreKeptFromAnyInstance) {
  // The check offered the #include with its first fix of the file, which
  // was the second instance's.
  HeldReport Merged = mergeInstantiationReports(
      {report(".at("), report(".at(", /*WithInclude=*/true)}, 2, inTemplate);
  ASSERT_EQ(Merged.Warning.Fixes.size(), 2u);
  EXPECT_EQ(Merged.Warning.Fixes[1].CodeToInsert, "#include <x>\n");
  // Kept even without the fix: a later fix of the file relies on it.
  HeldReport Dropped = mergeInstantiationReports(
      {report(".at(", true), report("->at(")}, 2, inTemplate);
  ASSERT_EQ(Dropped.Warning.Fixes.size(), 1u);
  EXPECT_EQ(Dropped.Warning.Fixes[0].CodeToInsert, "#include <x>\n");
}

} // namespace
