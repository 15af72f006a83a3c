// Unit tests of whole-program summaries: a translation unit's summaries by
// USR (functions with external linkage only, calls it cannot resolve), the
// file format, the join of several definitions, and the call models a
// check gets for functions defined elsewhere.
#include "TestAST.h"
#include "analysis/ProgramSummaries.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

const FunctionDecl *function(prodready::test::TestAST &AST,
                             llvm::StringRef Name) {
  auto Found = match(functionDecl(hasName(Name)).bind("f"), AST.context());
  return Found.empty() ? nullptr : Found[0].getNodeAs<FunctionDecl>("f");
}

TEST(ProgramSummariesTest, ExternalFunctionsAndUnresolvedCalls) {
  prodready::test::TestAST AST(R"cpp(
    #include <cstdlib>
    #include <string>
    std::string apiBase() { return std::getenv("API_BASE"); }
    static std::string hidden() { return std::getenv("HIDDEN"); }
    namespace { std::string alsoHidden() { return std::getenv("X"); } }
    std::string pass(const std::string &s) { return s; }
    void plain(int x) { (void)x; }
    std::string elsewhere(int fd);
    std::string use(int fd) { return elsewhere(fd) + hidden() + alsoHidden(); }
    // What the checks analyze besides function bodies: initializers and
    // template instantiations.
    std::string configured();
    std::string global = configured();
    int fromTemplate(int);
    template <class T> int twice(T t) { return fromTemplate(t) * 2; }
    int usesTemplate() { return twice(1); }
  )cpp");
  ASSERT_FALSE(AST.hasErrors());
  ProgramSummaries Unit = summarizeTranslationUnit(AST.context(), nullptr);
  const auto *Base = Unit.find(usrOf(*function(AST, "apiBase")));
  ASSERT_NE(Base, nullptr);
  EXPECT_TRUE(Base->Summary.ReturnsUntrusted);
  EXPECT_EQ(Base->Summary.ReturnedSources,
            static_cast<uint8_t>(SourceKind::Environment));
  EXPECT_EQ(Base->Name, "apiBase");
  // Returning a parameter is what the default model of a call assumes:
  // nothing to link.
  EXPECT_EQ(Unit.find(usrOf(*function(AST, "pass"))), nullptr);
  // Internal linkage: no other unit can call them; a function that does
  // nothing a summary says: left out.
  EXPECT_EQ(Unit.find(usrOf(*function(AST, "hidden"))), nullptr);
  EXPECT_EQ(Unit.find(usrOf(*function(AST, "alsoHidden"))), nullptr);
  EXPECT_EQ(Unit.find(usrOf(*function(AST, "plain"))), nullptr);
  EXPECT_EQ(Unit.Calls,
            (std::set<std::string>{usrOf(*function(AST, "elsewhere")),
                                   usrOf(*function(AST, "configured")),
                                   usrOf(*function(AST, "fromTemplate"))}));
}

TEST(ProgramSummariesTest, FileRoundTripAndJoin) {
  ProgramSummaries Program;
  FunctionSummary Reads;
  Reads.ReturnsUntrusted = true;
  Reads.ReturnedSources = static_cast<uint8_t>(SourceKind::Network);
  Reads.Validates = paramBit(0) | paramBit(1);
  Program.add("c:@F@f#I#", {Reads, "f"});
  // Another definition of the same function (inline in a header).
  FunctionSummary Other;
  Other.ReturnedSources = static_cast<uint8_t>(SourceKind::File);
  Other.Validates = paramBit(1);
  Program.add("c:@F@f#I#", {Other, "f"});
  Program.Calls.insert("c:@F@g#");
  std::string Error;
  std::unique_ptr<ProgramSummaries> Back =
      ProgramSummaries::parse(Program.serialize(), Error);
  ASSERT_NE(Back, nullptr) << Error;
  const auto *F = Back->find("c:@F@f#I#");
  ASSERT_NE(F, nullptr);
  EXPECT_TRUE(F->Summary.ReturnsUntrusted);
  EXPECT_EQ(F->Summary.ReturnedSources,
            static_cast<uint8_t>(SourceKind::Network) |
                static_cast<uint8_t>(SourceKind::File));
  // Validated only by what every definition validates.
  EXPECT_EQ(F->Summary.Validates, paramBit(1));
  EXPECT_EQ(Back->Calls, std::set<std::string>{"c:@F@g#"});

  EXPECT_EQ(ProgramSummaries::parse("[]", Error), nullptr);
  EXPECT_NE(Error.find("'functions'"), std::string::npos) << Error;
  EXPECT_EQ(ProgramSummaries::parse("{", Error), nullptr);
  EXPECT_NE(Error.find("not JSON"), std::string::npos) << Error;
  EXPECT_EQ(ProgramSummaries::load("/no/such/summaries.json", Error), nullptr);
  EXPECT_NE(Error.find("/no/such/summaries.json"), std::string::npos);
}

TEST(ProgramSummariesTest, MergeSaysWhetherASummaryChanged) {
  ProgramSummaries Program, Round;
  FunctionSummary Pass;
  Pass.UntrustedOutParams = paramBit(0);
  Round.add("c:@F@p#", {Pass, "p"});
  EXPECT_TRUE(Program.merge(Round));
  EXPECT_FALSE(Program.merge(Round));
  FunctionSummary More = Pass;
  More.ReturnsUntrusted = true;
  ProgramSummaries Next;
  Next.add("c:@F@p#", {More, "p"});
  EXPECT_TRUE(Program.merge(Next));
}

TEST(ProgramSummariesTest, CallModelsForFunctionsWithoutABodyHere) {
  prodready::test::TestAST Other(R"cpp(
    #include <string>
    #include <sys/socket.h>
    std::string readName(int fd) {
      char buf[64];
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      return n > 0 ? std::string(buf, n) : std::string();
    }
    bool isSafe(const std::string &name) {
      return name.find("..") == std::string::npos &&
             name.find('/') == std::string::npos;
    }
    void fill(int fd, char *out) { recv(fd, out, 16, 0); }
  )cpp");
  ASSERT_FALSE(Other.hasErrors());
  auto Linked = std::make_shared<ProgramSummaries>(
      summarizeTranslationUnit(Other.context(), nullptr));

  prodready::test::TestAST AST(R"cpp(
    #include <string>
    std::string readName(int fd);
    bool isSafe(const std::string &name);
    void fill(int fd, char *out);
    int local() { return 1; }
    void use(int fd, char *out) {
      std::string n = readName(fd);
      bool ok = isSafe(n);
      fill(fd, out);
      local();
    }
  )cpp");
  ASSERT_FALSE(AST.hasErrors());
  auto Call = [&](llvm::StringRef Name) {
    auto Found = match(
        findAll(callExpr(callee(functionDecl(hasName(Name)))).bind("c")),
        AST.context());
    return Found[0].getNodeAs<CallExpr>("c");
  };
  ProgramCallModels Paths(Linked, /*PathValidators=*/true);
  ProgramCallModels Sql(Linked, /*PathValidators=*/false);
  std::optional<CallModel> Read = Paths.classify(*Call("readName"));
  ASSERT_TRUE(Read.has_value());
  EXPECT_EQ(Read->Effect, CallEffect::SourceResult);
  EXPECT_EQ(static_cast<uint8_t>(Read->Kind),
            static_cast<uint8_t>(SourceKind::Network));
  std::optional<CallModel> Fill = Sql.classify(*Call("fill"));
  ASSERT_TRUE(Fill.has_value());
  EXPECT_EQ(Fill->Effect, CallEffect::SourceOutArgs);
  EXPECT_EQ(Fill->OutArgs, (llvm::SmallVector<unsigned, 4>{1}));
  // A path validator vouches for a path only.
  std::optional<CallModel> Safe = Paths.classify(*Call("isSafe"));
  ASSERT_TRUE(Safe.has_value());
  EXPECT_EQ(Safe->Effect, CallEffect::SanitizerPredicate);
  EXPECT_FALSE(Sql.classify(*Call("isSafe")).has_value());
  // A function with a body here is analyzed here.
  EXPECT_FALSE(Paths.classify(*Call("local")).has_value());

  // The steps the data takes in the other unit, for the callers' notes:
  // its source, then the return.
  const ProgramSummaries::Entry *Reader =
      Linked->find(usrOf(*function(Other, "readName")));
  ASSERT_NE(Reader, nullptr);
  ASSERT_EQ(Reader->Path.size(), 2u);
  EXPECT_EQ(Reader->Path[0].Line, 6u);
  EXPECT_EQ(Reader->Path[0].Message,
            "the untrusted value comes from 'recv' here");
  EXPECT_EQ(Reader->Path[1].Line, 7u);
  EXPECT_EQ(Reader->Path[1].Message, "'readName' returns it here");
  EXPECT_EQ(Reader->Path[0].File, Reader->File);
  std::string Error;
  std::unique_ptr<ProgramSummaries> Back =
      ProgramSummaries::parse(Linked->serialize(), Error);
  ASSERT_NE(Back, nullptr) << Error;
  EXPECT_EQ(Back->find(usrOf(*function(Other, "readName")))->Path,
            Reader->Path);
}

bool setModified(const std::string &Path,
                 std::chrono::system_clock::time_point When) {
  llvm::Expected<llvm::sys::fs::file_t> File =
      llvm::sys::fs::openNativeFileForWrite(
          Path, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_None);
  if (!File) {
    llvm::consumeError(File.takeError());
    return false;
  }
  bool Set = !llvm::sys::fs::setLastAccessAndModificationTime(
      *File, llvm::sys::toTimePoint(std::chrono::system_clock::to_time_t(When)));
  llvm::sys::fs::closeFile(*File);
  return Set;
}

TEST(ProgramSummariesTest, SummaryOfAFileChangedSinceTheRunIsNotUsed) {
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(
      llvm::sys::fs::createUniqueDirectory("prodready-stale", Directory));
  std::string Source = (Directory + "/names.cpp").str();
  std::string File = (Directory + "/summaries.json").str();
  auto Write = [](const std::string &Path, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    Out << Text;
  };
  Write(Source, "// readName is defined here\n");
  ProgramSummaries Program;
  FunctionSummary Reads;
  Reads.ReturnsUntrusted = true;
  prodready::test::TestAST AST(R"cpp(
    #include <string>
    std::string readName(int fd);
    void use(int fd) { std::string n = readName(fd); }
  )cpp");
  ASSERT_FALSE(AST.hasErrors());
  Program.add(usrOf(*function(AST, "readName")), {Reads, "readName", Source});
  Write(File, Program.serialize());
  auto Call = match(
      findAll(callExpr(callee(functionDecl(hasName("readName")))).bind("c")),
      AST.context())[0].getNodeAs<CallExpr>("c");

  // The run wrote the file after the sources: the summary is used.
  auto Past = std::chrono::system_clock::now() - std::chrono::hours(1);
  ASSERT_TRUE(setModified(Source, Past));
  std::string Error;
  std::shared_ptr<const ProgramSummaries> Loaded =
      ProgramSummaries::load(File, Error);
  ASSERT_NE(Loaded, nullptr) << Error;
  EXPECT_TRUE(ProgramCallModels(Loaded, false).classify(*Call).has_value());

  // names.cpp edited since: what readName does may have changed. Only
  // the editor cares; the driver wrote the file during its own run.
  auto Future = std::chrono::system_clock::now() + std::chrono::hours(1);
  ASSERT_TRUE(setModified(Source, Future));
  EXPECT_TRUE(ProgramCallModels(Loaded, false).classify(*Call).has_value());
  setIgnoreStaleSummaries(true);
  EXPECT_FALSE(ProgramCallModels(Loaded, false).classify(*Call).has_value());
  // A defining file that is gone: stale too.
  ASSERT_TRUE(setModified(Source, Past));
  EXPECT_TRUE(ProgramCallModels(Loaded, false).classify(*Call).has_value());
  llvm::sys::fs::remove(Source);
  EXPECT_FALSE(ProgramCallModels(Loaded, false).classify(*Call).has_value());
  setIgnoreStaleSummaries(false);
  llvm::sys::fs::remove_directories(Directory);
}

} // namespace
