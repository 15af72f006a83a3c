// Unit tests of --diff's choice of translation units: the files a diff
// changed, matched against the files a translation unit reads.
#include "ChangeImpact.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace prodready::driver;

namespace {

class ChangedFilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("prodready-impact", Root));
    ASSERT_FALSE(llvm::sys::fs::create_directories(Root + "/include"));
    write("include/config.h");
    write("src.cpp");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }
  void write(llvm::StringRef Relative) {
    std::error_code Error;
    llvm::raw_fd_ostream Out((Root + "/" + Relative).str(), Error);
    Out << "int x;\n";
  }
  llvm::SmallString<128> Root;
};

TEST_F(ChangedFilesTest, MatchesAbsoluteRelativeAndLinkedSpellings) {
  ChangedFiles Changed({"include/config.h", "deleted.h"}, Root);
  EXPECT_TRUE(Changed.contains((Root + "/include/config.h").str()));
  // As a dependency file names it, relative to the command's directory.
  EXPECT_TRUE(Changed.contains("../include/config.h",
                               (Root + "/build").str()));
  EXPECT_TRUE(Changed.contains((Root + "/include/./config.h").str()));
  // A file the diff deletes matches by its spelling.
  EXPECT_TRUE(Changed.contains((Root + "/deleted.h").str()));
  EXPECT_FALSE(Changed.contains((Root + "/src.cpp").str()));
  EXPECT_FALSE(Changed.contains((Root + "/include/config.hpp").str()));

  // The same header reached through a symbolic link.
  std::string Link = (Root + "/linked").str();
  ASSERT_FALSE(llvm::sys::fs::create_link(Root + "/include", Link));
  EXPECT_TRUE(Changed.contains(Link + "/config.h"));

  EXPECT_TRUE(Changed.containsAny(
      {(Root + "/src.cpp").str(), (Root + "/include/config.h").str()}));
  EXPECT_FALSE(Changed.containsAny({(Root + "/src.cpp").str()}));
  EXPECT_TRUE(ChangedFiles({}, Root).empty());
}

} // namespace
