// Unit tests of C buffer regions: which region a pointer expression names,
// and how many elements an allocation holds.
#include "TestAST.h"
#include "analysis/MemoryRegion.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

constexpr const char *Code = R"cpp(
  #include <cstdlib>
  void f(int n) {
    char buf[32];
    char *a = buf + 4;
    char *b = &buf[0];
    char *c = 2 + buf;
    int *d = (int *)malloc(10 * sizeof(int));
    int *e = (int *)calloc(n, sizeof(int));
    char *g = (char *)malloc(n);
    int *h = new int[n];
    int *k = (int *)malloc(7);
    long *m = (long *)realloc(d, sizeof(long) * n);
  }
)cpp";

struct Regions {
  Regions() : AST(Code) {}
  const VarDecl &var(llvm::StringRef Name) {
    return *AST.find<VarDecl>(varDecl(hasName(Name)));
  }
  std::optional<AllocationSize> size(llvm::StringRef Name) {
    const VarDecl &V = var(Name);
    return allocationSize(*V.getInit(), V.getType()->getPointeeType(),
                          AST.context());
  }
  prodready::test::TestAST AST;
};

std::string baseName(const RegionPointer &R) {
  const auto *Ref = dyn_cast<DeclRefExpr>(R.Base->IgnoreParenImpCasts());
  return Ref ? Ref->getDecl()->getNameAsString() : "";
}

TEST(MemoryRegionTest, PointerArithmeticKeepsTheRegion) {
  Regions T;
  RegionPointer A = regionPointer(*T.var("a").getInit());
  EXPECT_EQ(baseName(A), "buf");
  EXPECT_TRUE(A.AtOffset);
  RegionPointer B = regionPointer(*T.var("b").getInit());
  EXPECT_EQ(baseName(B), "buf");
  EXPECT_FALSE(B.AtOffset); // &buf[0] is the start.
  RegionPointer C = regionPointer(*T.var("c").getInit());
  EXPECT_EQ(baseName(C), "buf");
  EXPECT_TRUE(C.AtOffset);
}

TEST(MemoryRegionTest, AllocationSizesInElements) {
  Regions T;
  ASSERT_TRUE(T.size("d"));
  EXPECT_EQ(T.size("d")->Count, 10);
  ASSERT_TRUE(T.size("e"));
  EXPECT_FALSE(T.size("e")->Count);
  EXPECT_NE(T.size("e")->CountExpr, nullptr);
  ASSERT_TRUE(T.size("g")); // Bytes of a char buffer.
  EXPECT_NE(T.size("g")->CountExpr, nullptr);
  ASSERT_TRUE(T.size("h"));
  EXPECT_NE(T.size("h")->CountExpr, nullptr);
  EXPECT_FALSE(T.size("k")); // 7 bytes are not a whole number of ints.
  ASSERT_TRUE(T.size("m"));
  EXPECT_NE(T.size("m")->CountExpr, nullptr);
  EXPECT_FALSE(T.size("a")); // Not an allocation.
  EXPECT_TRUE(isAllocation(*T.var("h").getInit()));
  EXPECT_FALSE(isAllocation(*T.var("a").getInit()));
}

} // namespace
