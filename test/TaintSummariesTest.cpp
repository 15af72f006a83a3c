// Unit tests of validator summaries: project functions that return true
// only for a safe path sanitize their argument where their result is
// tested, as the same test written inline does.
#include "TestAST.h"
#include "analysis/TaintAnalysis.h"
#include "analysis/TaintSummaries.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

class TestSinks : public TaintSinkModel {
public:
  void sinkArguments(const Expr &E,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &Out) override {
    if (const auto *Call = dyn_cast<CallExpr>(&E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier() && Callee->getName() == "sink")
          Out.emplace_back(Call->getArg(0), "sink");
  }
};

constexpr const char *Prelude = R"cpp(
  #include <cstdlib>
  #include <cstring>
  #include <filesystem>
  #include <string>
  void sink(const char *);
  void sink(const std::string &);
)cpp";

constexpr const char *CPrelude = R"c(
  #include <stdlib.h>
  #include <string.h>
  void sink(const char *);
)c";

struct Analyzed {
  explicit Analyzed(llvm::StringRef Code, std::vector<std::string> Args = {})
      : AST(std::string(Args.empty() ? Prelude : CPrelude) + Code.str(),
            Args),
        Model(TaintOptions{}), Engine(AST.context(), Model, Sinks),
        Validators(AST.context(), Engine) {
    EXPECT_FALSE(AST.hasErrors());
    std::vector<const Decl *> Units;
    for (const auto *F : AST.findAll<FunctionDecl>(
             functionDecl(isDefinition(), isExpansionInMainFile())))
      Units.push_back(F);
    Engine.setUnits(Units);
  }
  const FunctionDecl &function(llvm::StringRef Name) {
    return *AST.find<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition(), isExpansionInMainFile()));
  }
  /// The parameters \p Name validates.
  ParamSet validates(llvm::StringRef Name) {
    FunctionSummary Out;
    ValidatorProvider(Engine).summarize(function(Name), Table, Out);
    return Out.Validates;
  }
  /// The flow fields of \p Name's summary.
  FunctionSummary flows(llvm::StringRef Name) {
    FunctionSummary Out;
    FlowProvider(Engine).summarize(function(Name), Table, Out);
    return Out;
  }
  /// Number of untrusted sink hits in \p Name.
  size_t hits(llvm::StringRef Name) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine.findHits(function(Name), Hits);
    return Hits.size();
  }
  prodready::test::TestAST AST;
  TestSinks Sinks;
  TaintModel Model;
  TaintEngine Engine;
  ValidatorSummaries Validators;
  FunctionSummaries Table{AST.context()};
};

constexpr const char *Validators = R"cpp(
  static bool is_safe(const std::string &name) {
    if (name.find("..") != std::string::npos)
      return false;
    return !name.empty() && name[0] != '/';
  }
  static bool safe_expr(const std::string &name) {
    return name.find("..") == std::string::npos && name[0] != '/';
  }
  static bool only_dots(const std::string &name) {
    return name.find("..") == std::string::npos;
  }
  static bool always(const std::string &name) { return !name.empty(); }
  static bool ignores(const std::string &name) { return true; }
  static bool rewrites(std::string name) {
    name = "fixed";
    return true;
  }
  static bool component_ok(const std::string &dir, const std::string &name) {
    return is_safe(name) && !dir.empty();
  }
)cpp";

TEST(TaintSummariesTest, WhichFunctionsValidate) {
  Analyzed A(Validators);
  EXPECT_EQ(A.validates("is_safe"), paramBit(0));
  EXPECT_EQ(A.validates("safe_expr"), paramBit(0));
  // Rejecting ".." alone leaves absolute paths.
  EXPECT_EQ(A.validates("only_dots"), 0u);
  EXPECT_EQ(A.validates("always"), 0u);
  // Never looks at it.
  EXPECT_EQ(A.validates("ignores"), 0u);
  // It says yes to a value it made up, not to its argument.
  EXPECT_EQ(A.validates("rewrites"), 0u);
  // Through another validator, for the parameter it passes.
  EXPECT_EQ(A.validates("component_ok"), paramBit(1));
}

TEST(TaintSummariesTest, TestedValidatorSanitizesDominatedPaths) {
  Analyzed A(std::string(Validators) + R"cpp(
    void guarded() {
      std::string name = std::getenv("NAME");
      if (!is_safe(name))
        return;
      sink("/data/" + name);
    }
    void guarded_nested() {
      std::string name = std::getenv("NAME");
      if (component_ok("/data", name))
        sink("/data/" + name);
    }
    void wrong_branch() {
      std::string name = std::getenv("NAME");
      if (is_safe(name))
        return;
      sink("/data/" + name);
    }
    void weak_validator() {
      std::string name = std::getenv("NAME");
      if (!only_dots(name))
        return;
      sink("/data/" + name);
    }
    void not_tested() {
      std::string name = std::getenv("NAME");
      is_safe(name);
      sink("/data/" + name);
    }
  )cpp");
  EXPECT_EQ(A.hits("guarded"), 0u);
  EXPECT_EQ(A.hits("guarded_nested"), 0u);
  EXPECT_EQ(A.hits("wrong_branch"), 1u);
  EXPECT_EQ(A.hits("weak_validator"), 1u);
  EXPECT_EQ(A.hits("not_tested"), 1u);
}

TEST(TaintSummariesTest, CanonicalPathInsideTheBase) {
  Analyzed A(R"cpp(
    namespace fs = std::filesystem;
    static bool inside(const fs::path &base, const std::string &name) {
      fs::path full = fs::weakly_canonical(base / name);
      return full.string().rfind(base.string(), 0) == 0;
    }
    // Without canonicalization "a/../../x" passes the prefix test.
    static bool prefix_only(const fs::path &base, const std::string &name) {
      fs::path full = base / name;
      return full.string().rfind(base.string(), 0) == 0;
    }
    // The name also reaches the result some other way.
    static bool leaky(const fs::path &base, const std::string &name) {
      fs::path full = fs::weakly_canonical(base / name);
      if (name.size() > 200)
        return true;
      return full.string().rfind(base.string(), 0) == 0;
    }
    void open_inside() {
      std::string name = std::getenv("NAME");
      if (!inside("/data", name))
        return;
      sink("/data/" + name);
    }
  )cpp");
  // The base is compared with, not vouched for.
  EXPECT_EQ(A.validates("inside"), paramBit(1));
  EXPECT_EQ(A.validates("prefix_only"), 0u);
  EXPECT_EQ(A.validates("leaky"), 0u);
  EXPECT_EQ(A.hits("open_inside"), 0u);
}

TEST(TaintSummariesTest, CValidators) {
  Analyzed A(R"cpp(
    static int safe_name(const char *p) {
      if (strstr(p, ".."))
        return 0;
      if (p[0] == '/')
        return 0;
      return 1;
    }
    static int status_of(const char *p) {
      if (strstr(p, "..") || p[0] == '/')
        return -1;
      return 0;
    }
    void open_it(void) {
      const char *name = getenv("NAME");
      if (!safe_name(name))
        return;
      sink(name);
    }
  )cpp",
             {"-xc", "-std=c11"});
  EXPECT_EQ(A.validates("safe_name"), paramBit(0));
  // 0 means "fine" here: true is the rejection.
  EXPECT_EQ(A.validates("status_of"), 0u);
  EXPECT_EQ(A.hits("open_it"), 0u);
}

TEST(TaintSummariesTest, FlowFieldsComeFromTheEngine) {
  Analyzed A(R"cpp(
    static std::string read_name() { return std::getenv("NAME"); }
    static std::string pick(const std::string &a, int n, const std::string &b) {
      return n ? a : b;
    }
    static void open_second(int n, const std::string &path) { sink(path); }
    static void fill(char *out, const char *fixed) {
      std::strcpy(out, std::getenv("OUT"));
    }
    static void fill_fixed(char *out) { std::strcpy(out, "fixed"); }
    static std::string recurse(const std::string &s, int depth) {
      return depth ? recurse(s + "/", depth - 1) : s;
    }
  )cpp");
  FunctionSummary Read = A.flows("read_name");
  EXPECT_TRUE(Read.ReturnsUntrusted);
  EXPECT_EQ(Read.ParamsToReturn, 0u);
  FunctionSummary Pick = A.flows("pick");
  EXPECT_FALSE(Pick.ReturnsUntrusted);
  EXPECT_EQ(Pick.ParamsToReturn, paramBit(0) | paramBit(2));
  EXPECT_EQ(A.flows("open_second").ParamsToSink, paramBit(1));
  EXPECT_EQ(A.flows("fill").UntrustedOutParams, paramBit(0));
  EXPECT_EQ(A.flows("fill_fixed").UntrustedOutParams, 0u);
  // A call of the function itself joins all its arguments (the engine's
  // conservative rule for recursion): `s` reaches the return, and so does
  // `depth`.
  EXPECT_EQ(A.flows("recurse").ParamsToReturn, paramBit(0) | paramBit(1));
}

} // namespace
