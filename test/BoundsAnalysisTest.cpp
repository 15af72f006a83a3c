// Unit tests of the container model and the bounds analysis, on a small
// stand-in for std::vector (in an inline namespace, as libc++ declares it)
// and raw arrays.
#include "TestAST.h"
#include "analysis/BoundsAnalysis.h"
#include "analysis/ContainerModel.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::prodready::AccessVerdict;
using clang::tidy::prodready::BoundsOptions;
using clang::tidy::prodready::ContainerBoundsAnalysis;
using clang::tidy::prodready::ContainerKind;
using clang::tidy::prodready::ContainerModel;
using clang::tidy::prodready::DefaultContainerTypes;
using clang::tidy::prodready::ElementAccess;
using clang::tidy::prodready::RiskEvidence;

namespace {

constexpr const char *Prelude = R"cpp(
  typedef unsigned long size_t;
  namespace std { inline namespace __1 {
  template <typename T> struct vector {
    vector();
    explicit vector(size_t n);
    size_t size() const;
    bool empty() const;
    T &operator[](size_t i);
    const T &operator[](size_t i) const;
    T &at(size_t i);
    T &front();
    T &back();
    void push_back(const T &);
    void pop_back();
    void clear();
    void resize(size_t n);
    T *begin();
    T *end();
    void insert(T *pos, T *first, T *last);
  };
  } }
  void fill(std::vector<int> &v);
  extern "C" size_t strlen(const char *);
  extern "C" char *strcpy(char *, const char *);
  void ensure(bool condition);
  bool flag();
  [[noreturn]] void fail();
  #define assert(c) ((c) ? (void)0 : fail())
)cpp";

ContainerModel defaultModel() {
  std::vector<std::string> Names;
  llvm::StringRef Rest = DefaultContainerTypes;
  while (!Rest.empty()) {
    auto [Name, Tail] = Rest.split(';');
    Names.push_back(Name.str());
    Rest = Tail;
  }
  return ContainerModel(Names);
}

/// The verdicts for the element accesses in `test`, in source order.
std::vector<AccessVerdict> verdicts(llvm::StringRef Body,
                                    BoundsOptions Options = {}) {
  prodready::test::TestAST AST(std::string(Prelude) + "void test(" +
                               Body.str() + "}");
  EXPECT_FALSE(AST.hasErrors());
  const auto *Function = AST.find<FunctionDecl>(
      functionDecl(hasName("test"), isDefinition()));
  if (!Function)
    return {};
  ContainerModel Model = defaultModel();
  ContainerBoundsAnalysis Analysis(*Function, *Function->getBody(),
                                   AST.context(), Model, Options);
  std::vector<AccessVerdict> Result;
  for (const Stmt *S : AST.findAll<Stmt>(
           stmt(anyOf(cxxOperatorCallExpr(), arraySubscriptExpr(),
                      cxxMemberCallExpr()),
                hasAncestor(functionDecl(hasName("test"))))))
    if (std::optional<ElementAccess> Access =
            clang::tidy::prodready::matchElementAccess(*S, Model))
      Result.push_back(Analysis.check(*Access));
  return Result;
}

std::vector<bool> inBounds(llvm::StringRef Body, BoundsOptions Options = {}) {
  std::vector<bool> Result;
  for (const AccessVerdict &V : verdicts(Body, std::move(Options)))
    Result.push_back(V.InBounds);
  return Result;
}

using Bools = std::vector<bool>;

TEST(ContainerModelTest, KindsIgnoreInlineNamespaces) {
  prodready::test::TestAST AST(std::string(Prelude) +
                               "std::vector<int> v; int raw[3]; int *p;");
  ContainerModel Model = defaultModel();
  auto TypeOf = [&](const char *Name) {
    return AST.find<VarDecl>(varDecl(hasName(Name)))->getType();
  };
  EXPECT_EQ(Model.kindOf(TypeOf("v")), ContainerKind::Sequence);
  EXPECT_EQ(Model.kindOf(TypeOf("raw")), ContainerKind::FixedArray);
  EXPECT_EQ(Model.kindOf(TypeOf("p")), ContainerKind::None);
  EXPECT_EQ(ContainerModel::displayName(TypeOf("v")), "std::vector");
  EXPECT_EQ(ContainerModel(std::vector<std::string>{"std::deque"})
                .kindOf(TypeOf("v")),
            ContainerKind::None);
}

TEST(BoundsAnalysisTest, UncheckedConstantIndex) {
  std::vector<AccessVerdict> V =
      verdicts("const std::vector<int> &v) { (void)v[0]; ");
  ASSERT_EQ(V.size(), 1u);
  EXPECT_FALSE(V[0].InBounds);
  EXPECT_TRUE(V[0].IndexIsLocal);
}

TEST(BoundsAnalysisTest, EmptinessGuards) {
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (!v.empty()) (void)v[0]; "),
            Bools{true});
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (v.empty()) return; "
                     "(void)v.front(); (void)v.back(); "),
            (Bools{true, true}));
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (v.size() > 1) (void)v[1]; "
                     "if (v.size() >= 3) (void)v[2]; "),
            (Bools{true, true}));
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (v.size() > 1) (void)v[2]; "),
            Bools{false});
}

TEST(BoundsAnalysisTest, GuardOnOnePathOnly) {
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (flag() && v.empty()) "
                     "return; (void)v[0]; "),
            Bools{false});
}

TEST(BoundsAnalysisTest, LoopBoundsAndOffsets) {
  EXPECT_EQ(inBounds("std::vector<int> &v) { for (size_t i = 0; i < "
                     "v.size(); ++i) (void)v[i]; "),
            Bools{true});
  EXPECT_EQ(inBounds("std::vector<int> &v) { for (size_t i = 0; i + 1 < "
                     "v.size(); ++i) (void)(v[i] + v[i + 1]); "),
            (Bools{true, true}));
  EXPECT_EQ(inBounds("std::vector<int> &v) { for (size_t i = 0; i <= "
                     "v.size(); ++i) (void)v[i]; "),
            Bools{false});
  EXPECT_EQ(inBounds("std::vector<int> &v) { for (size_t i = v.size(); i > "
                     "0; --i) (void)v[i - 1]; "),
            Bools{true});
}

TEST(BoundsAnalysisTest, SizesFromConstructionAndGrowth) {
  EXPECT_EQ(inBounds(") { std::vector<int> v(3); (void)v[2]; (void)v[3]; "),
            (Bools{true, false}));
  EXPECT_EQ(inBounds(") { std::vector<int> v; v.push_back(1); (void)v[0]; "),
            Bools{true});
  EXPECT_EQ(inBounds("size_t n) { std::vector<int> v(n); for (size_t i = 0; "
                     "i < n; ++i) (void)v[i]; "),
            Bools{true});
  EXPECT_EQ(inBounds("std::vector<int> &v) { v.resize(4); (void)v[3]; "),
            Bools{true});
}

TEST(BoundsAnalysisTest, InvalidationMakesGuardsStale) {
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (v.empty()) return; "
                     "v.clear(); (void)v[0]; "),
            Bools{false});
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (v.empty()) return; "
                     "fill(v); (void)v[0]; "),
            Bools{false});
  EXPECT_EQ(inBounds("std::vector<int> &v) { size_t i = 0; if (i >= "
                     "v.size()) return; i += 2; (void)v[i]; "),
            Bools{false});
}

TEST(BoundsAnalysisTest, AccessEstablishesTheElement) {
  EXPECT_EQ(inBounds("std::vector<int> &v) { (void)v.at(0); (void)v[0]; "),
            Bools{true});
}

TEST(BoundsAnalysisTest, ParameterIndexIsNotLocal) {
  std::vector<AccessVerdict> V =
      verdicts("std::vector<int> &v, size_t i) { (void)v[i]; ");
  ASSERT_EQ(V.size(), 1u);
  EXPECT_FALSE(V[0].InBounds);
  EXPECT_FALSE(V[0].IndexIsLocal);
}

TEST(BoundsAnalysisTest, BothBoundsOfARawArrayIndex) {
  std::vector<AccessVerdict> Upper =
      verdicts("int i) { int a[4] = {}; if (i < 4) (void)a[i]; ");
  ASSERT_EQ(Upper.size(), 1u);
  EXPECT_TRUE(Upper[0].InBounds);
  EXPECT_FALSE(Upper[0].NonNegative);
  std::vector<AccessVerdict> Both = verdicts(
      "int i) { int a[4] = {}; if (i >= 0 && i < 4) (void)a[i]; ");
  ASSERT_EQ(Both.size(), 1u);
  EXPECT_TRUE(Both[0].InBounds);
  EXPECT_TRUE(Both[0].NonNegative);
}

TEST(BoundsAnalysisTest, LengthOfACString) {
  // In range with both bounds once the length is known not to be 0, until
  // the buffer is written.
  auto Safe = [](llvm::StringRef Body) {
    std::vector<bool> Result;
    for (const AccessVerdict &V : verdicts(Body))
      Result.push_back(V.InBounds && V.NonNegative);
    return Result;
  };
  EXPECT_EQ(Safe("char *src) { char b[8]; strcpy(b, src); "
                 "(void)b[strlen(b) - 1]; (void)b[strlen(b)]; "),
            (Bools{false, true}));
  EXPECT_EQ(Safe("char *src) { char b[8]; strcpy(b, src); "
                 "if (strlen(b) > 0) { (void)b[strlen(b) - 1]; "
                 "b[strlen(b) - 1] = 0; (void)b[strlen(b) - 1]; } "),
            (Bools{true, true, false}));
  EXPECT_EQ(Safe("char *src) { char b[8]; strcpy(b, src); "
                 "size_t n = strlen(b); if (!n) return; (void)b[n - 1]; "
                 "strcpy(b, src); (void)b[n - 1]; (void)b[n + 1]; "),
            (Bools{true, true, false}));
}

TEST(BoundsAnalysisTest, BinarySearchMidpoint) {
  EXPECT_EQ(inBounds("std::vector<int> &v, int key) { size_t lo = 0, hi = "
                     "v.size(); while (lo < hi) { size_t mid = lo + (hi - "
                     "lo) / 2; if (v[mid] < key) lo = mid + 1; else hi = "
                     "mid; } "),
            Bools{true});
}

TEST(BoundsAnalysisTest, AssertsAndGuardFunctionsAreConfigurable) {
  const char *Asserted =
      "std::vector<int> &v) { assert(!v.empty()); (void)v[0]; ";
  EXPECT_EQ(inBounds(Asserted), Bools{true});
  BoundsOptions NoAsserts;
  NoAsserts.TrustAsserts = false;
  EXPECT_EQ(inBounds(Asserted, NoAsserts), Bools{false});

  const char *Ensured =
      "std::vector<int> &v) { ensure(!v.empty()); (void)v[0]; ";
  EXPECT_EQ(inBounds(Ensured), Bools{false});
  BoundsOptions WithGuard;
  WithGuard.GuardFunctions = {"::ensure"};
  EXPECT_EQ(inBounds(Ensured, WithGuard), Bools{true});
}

/// The evidence of risk of each access in `test`, in source order.
std::vector<RiskEvidence> evidence(llvm::StringRef Body) {
  std::vector<RiskEvidence> Result;
  for (const AccessVerdict &V : verdicts(Body))
    Result.push_back(V.InBounds ? RiskEvidence::None : V.Evidence);
  return Result;
}
using Evidence = std::vector<RiskEvidence>;

TEST(BoundsAnalysisTest, EmptyOnSomePathIsEvidence) {
  EXPECT_EQ(evidence(") { std::vector<int> v; (void)v[0]; "),
            Evidence{RiskEvidence::MaybeEmpty});
  EXPECT_EQ(evidence("std::vector<int> &v) { v.clear(); (void)v.back(); "),
            Evidence{RiskEvidence::MaybeEmpty});
  // Filled on one path only: still empty on the other.
  EXPECT_EQ(evidence(") { std::vector<int> v; if (flag()) v.push_back(1); "
                     "(void)v[0]; "),
            Evidence{RiskEvidence::MaybeEmpty});
  // Filled, checked, or handed to a function that may fill it.
  EXPECT_EQ(evidence(") { std::vector<int> v; v.push_back(1); (void)v[0]; "),
            Evidence{RiskEvidence::None});
  EXPECT_EQ(evidence(") { std::vector<int> v; if (flag()) v.push_back(1); "
                     "if (v.empty()) return; (void)v[0]; "),
            Evidence{RiskEvidence::None});
  EXPECT_EQ(evidence(") { std::vector<int> v; fill(v); (void)v.front(); "),
            Evidence{RiskEvidence::None});
  // A loop that adds on every iteration is not taken to run zero times;
  // one that adds under a condition may add nothing.
  EXPECT_EQ(evidence(") { std::vector<int> v; for (int i = 0; i < 3; ++i) "
                     "v.push_back(i); (void)v[0]; "),
            Evidence{RiskEvidence::None});
  EXPECT_EQ(evidence("int n) { std::vector<int> v; for (int i = 0; i < n; "
                     "++i) v.push_back(i); (void)v[0]; "),
            Evidence{RiskEvidence::None});
  EXPECT_EQ(evidence("int n) { std::vector<int> v; for (int i = 0; i < n; "
                     "++i) if (flag()) v.push_back(i); (void)v[0]; "),
            Evidence{RiskEvidence::MaybeEmpty});
  EXPECT_EQ(evidence("std::vector<int> &s) { std::vector<int> v; for (int x "
                     ": s) { v.push_back(x); } (void)v[0]; "),
            Evidence{RiskEvidence::None});
  // Inserting all of a container known to hold an element adds one.
  EXPECT_EQ(evidence("std::vector<int> &s) { if (s.empty()) return; "
                     "std::vector<int> v; v.insert(v.end(), s.begin(), "
                     "s.end()); (void)v[0]; "),
            Evidence{RiskEvidence::None});
}

TEST(BoundsAnalysisTest, ConstantIndexPastAnEstablishedSize) {
  // Past what a branch checked.
  EXPECT_EQ(evidence("std::vector<int> &v) { if (v.size() < 2) return; "
                     "(void)v[1]; (void)v[2]; "),
            (Evidence{RiskEvidence::None, RiskEvidence::BeyondCheckedSize}));
  // Past what the container holds on every path.
  EXPECT_EQ(evidence(") { std::vector<int> v(3); (void)v[2]; (void)v[3]; "),
            (Evidence{RiskEvidence::None, RiskEvidence::BeyondKnownSize}));
  EXPECT_EQ(evidence("std::vector<int> &v) { if (v.size() == 2) (void)v[2]; "),
            Evidence{RiskEvidence::BeyondKnownSize});
  // A parameter of unknown size: no evidence either way.
  EXPECT_EQ(evidence("std::vector<int> &v) { (void)v[2]; "),
            Evidence{RiskEvidence::None});
}

TEST(BoundsAnalysisTest, InfeasiblePathsAreNotJoined) {
  // `v.size() == 2` and `v.size() >= 3` cannot both hold.
  EXPECT_EQ(inBounds("std::vector<int> &v) { if (v.size() != 2) return; "
                     "if (v.size() >= 3) (void)v[5]; "),
            Bools{true});
  // A bound on a variable (`resize(k)`) does not contradict one element:
  // the loop body is reachable, and it fills `p`.
  EXPECT_EQ(evidence("int k) { std::vector<int> a; a.resize(k); "
                     "std::vector<int> p; for (int x : a) p.push_back(x); "
                     "for (int i = 0; i < k; ++i) (void)p[i]; "),
            Evidence{RiskEvidence::None});
}

TEST(BoundsAnalysisTest, EqualSizesAndOpaqueBounds) {
  EXPECT_EQ(inBounds("size_t n) { std::vector<int> a(n), b(n); for (size_t "
                     "i = 0; i < a.size(); ++i) (void)b[i]; "),
            Bools{true});
  EXPECT_EQ(inBounds("std::vector<int> &a, std::vector<int> &b) { if "
                     "(a.size() != b.size()) return; for (size_t i = 0; i < "
                     "a.size(); ++i) (void)b[i]; "),
            Bools{true});
  EXPECT_EQ(inBounds("size_t n) { std::vector<int> d(n - 1); for (size_t t "
                     "= 0; t < n - 1; ++t) (void)d[t]; "),
            Bools{true});
  EXPECT_EQ(inBounds("size_t w, size_t h) { std::vector<int> px(w * h); for "
                     "(size_t i = 0; i < w * h; ++i) (void)px[i]; "),
            Bools{true});
  // The term is forgotten when a variable in it changes.
  EXPECT_EQ(inBounds("size_t w, size_t h) { std::vector<int> px(w * h); "
                     "++w; for (size_t i = 0; i < w * h; ++i) (void)px[i]; "),
            Bools{false});
}

TEST(BoundsAnalysisTest, HelpersThatNeverReturnEndThePath) {
  EXPECT_EQ(inBounds("std::vector<int> &v) { struct H { static void die() { "
                     "fail(); } }; if (v.empty()) H::die(); (void)v[0]; "),
            Bools{true});
  EXPECT_EQ(inBounds("std::vector<int> &v) { struct H { static void warn() "
                     "{ (void)flag(); } }; if (v.empty()) H::warn(); "
                     "(void)v[0]; "),
            Bools{false});
}

} // namespace
