// Unit tests of forwards (SummaryForwards.h): a unit records the functions
// that return what functions of other units return, linking composes their
// summaries, and the composed summary is the one the unit's own analysis
// computes once it is given the summaries of the functions it calls.
#include "TestAST.h"
#include "analysis/ProgramSummaries.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

/// The USR of the function \p Name of \p AST.
std::string usrOfFunction(prodready::test::TestAST &AST, llvm::StringRef Name) {
  const auto *F = AST.find<FunctionDecl>(functionDecl(hasName(Name)));
  return F ? usrOf(*F) : "";
}

/// net.cpp: a function that returns what it read from a socket.
std::shared_ptr<ProgramSummaries> socketReader() {
  prodready::test::TestAST Net(R"cpp(
    #include <string>
    #include <sys/socket.h>
    std::string rawName(int fd) {
      char buf[64];
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      return n > 0 ? std::string(buf, n) : std::string();
    }
  )cpp");
  EXPECT_FALSE(Net.hasErrors());
  return std::make_shared<ProgramSummaries>(
      summarizeTranslationUnit(Net.context(), nullptr));
}

constexpr llvm::StringLiteral Names = R"cpp(
  #include <string>
  std::string rawName(int fd);
  std::string decorate(const std::string &s);
  std::string readName(int fd) { return rawName(fd); }
  std::string prefixed(const std::string &p, int fd) {
    std::string n = rawName(fd);
    if (n.empty())
      return p;
    return p + n;
  }
  std::string decorated(int fd) { return decorate(rawName(fd)); }
  std::string ignored(int fd) { rawName(fd); return "x"; }
  std::string local(const std::string &s) { return s + "!"; }
  void nothing(int fd) { rawName(fd); }
)cpp";

TEST(SummaryForwardsTest, AUnitRecordsWhatItReturnsOfOtherUnits) {
  prodready::test::TestAST AST(Names);
  ASSERT_FALSE(AST.hasErrors());
  ProgramSummaries Unit = summarizeTranslationUnit(AST.context(), nullptr);
  // Nothing untrusted here: nothing linked yet.
  EXPECT_EQ(Unit.size(), 0u);
  std::string Raw = usrOfFunction(AST, "rawName");
  const auto &Read = Unit.Forwards.lookup(usrOfFunction(AST, "readName"));
  ASSERT_EQ(Read.Calls.size(), 1u);
  EXPECT_EQ(Read.Calls[0].Usr, Raw);
  EXPECT_EQ(Read.Calls[0].Origin.Line, 5u); // The text starts with a newline.
  EXPECT_EQ(Read.Calls[0].Origin.Message,
            "the untrusted value comes from 'rawName' here");
  // The default model would make the result of fd: recorded as what the
  // call is given, not as a parameter returned.
  EXPECT_EQ(Read.Calls[0].GivenParams, paramBit(0));
  EXPECT_EQ(Read.Params, 0u);
  ASSERT_EQ(Read.Returns.size(), 1u);
  EXPECT_EQ(Read.Returns[0].Calls, 1u);
  EXPECT_EQ(Read.Returns[0].Step.Message, "'readName' returns it here");

  // One return of the parameter alone, one of both.
  const auto &Prefixed = Unit.Forwards.lookup(usrOfFunction(AST, "prefixed"));
  EXPECT_EQ(Prefixed.Params, paramBit(0));
  ASSERT_EQ(Prefixed.Returns.size(), 1u);
  EXPECT_EQ(Prefixed.Returns[0].Step.Line, 10u);

  // decorate() is given rawName's result: the result of the outer call
  // is made of the inner one unless decorate's summary says otherwise.
  const auto &Decorated = Unit.Forwards.lookup(usrOfFunction(AST, "decorated"));
  ASSERT_EQ(Decorated.Calls.size(), 2u);
  EXPECT_EQ(Decorated.Calls[1].GivenCalls, 1u);

  for (llvm::StringRef Name : {"ignored", "local", "nothing"})
    EXPECT_FALSE(Unit.Forwards.count(usrOfFunction(AST, Name))) << Name.str();

  // Serialized with the unit's summaries (its cache entry, a shard's
  // report), and read back the same.
  std::string Error;
  std::unique_ptr<ProgramSummaries> Back =
      ProgramSummaries::parse(Unit.serialize(), Error);
  ASSERT_NE(Back, nullptr) << Error;
  EXPECT_EQ(Back->Forwards.size(), Unit.Forwards.size());
  for (const auto &Entry : Unit.Forwards)
    EXPECT_TRUE(Back->Forwards.lookup(Entry.getKey()) == Entry.getValue());
  // A call mask naming a call that does not exist is malformed.
  EXPECT_EQ(ProgramSummaries::parse(
                R"({"functions": [], "forwards": [{"usr": "c:@F@f#", )"
                R"("calls": [], "returns": [{"step": {}, "calls": 1}]}]})",
                Error),
            nullptr);
  EXPECT_NE(Error.find("forwards"), std::string::npos) << Error;
}

TEST(SummaryForwardsTest, LinkingComposesWhatTheUnitWouldCompute) {
  prodready::test::TestAST AST(Names);
  ASSERT_FALSE(AST.hasErrors());
  std::shared_ptr<ProgramSummaries> Linked = socketReader();
  ProgramSummaries First = summarizeTranslationUnit(AST.context(), nullptr);
  Linked->merge(First);
  Linked->composeForwards();

  // What names.cpp's analysis computes once rawName's summary is linked:
  // the composition must agree, or linking would take another round.
  ProgramSummaries Again =
      summarizeTranslationUnit(AST.context(), Linked.get());
  for (llvm::StringRef Name : {"readName", "prefixed", "decorated"}) {
    std::string Usr = usrOfFunction(AST, Name);
    const ProgramSummaries::Entry *Composed = Linked->find(Usr);
    const ProgramSummaries::Entry *Computed = Again.find(Usr);
    ASSERT_NE(Composed, nullptr) << Name.str();
    ASSERT_NE(Computed, nullptr) << Name.str();
    EXPECT_TRUE(Composed->Summary == Computed->Summary) << Name.str();
    EXPECT_EQ(Composed->Path, Computed->Path) << Name.str();
    EXPECT_EQ(Composed->File, Computed->File) << Name.str();
  }
  const ProgramSummaries::Entry *Read =
      Linked->find(usrOfFunction(AST, "readName"));
  EXPECT_EQ(Read->Summary.ReturnedSources,
            static_cast<uint8_t>(SourceKind::Network));
  EXPECT_EQ(Read->Summary.ParamsToReturn, 0u);
  ASSERT_GE(Read->Path.size(), 3u);
  EXPECT_EQ(Read->Path.back().Message, "'readName' returns it here");
  EXPECT_EQ(
      Linked->find(usrOfFunction(AST, "prefixed"))->Summary.ParamsToReturn,
      paramBit(0));
  EXPECT_EQ(Linked->find(usrOfFunction(AST, "ignored")), nullptr);
}

TEST(SummaryForwardsTest, ChainsComposeInOneLinkAndNothingIsInvented) {
  prodready::test::TestAST Names(R"cpp(
    #include <string>
    std::string rawName(int fd);
    std::string readName(int fd) { return rawName(fd); }
  )cpp");
  prodready::test::TestAST Export(R"cpp(
    #include <string>
    std::string readName(int fd);
    std::string fileName(int fd) { return readName(fd) + ".txt"; }
  )cpp");
  ASSERT_FALSE(Names.hasErrors());
  ASSERT_FALSE(Export.hasErrors());
  ProgramSummaries NamesUnit =
      summarizeTranslationUnit(Names.context(), nullptr);
  ProgramSummaries ExportUnit =
      summarizeTranslationUnit(Export.context(), nullptr);

  // Without a function that returns untrusted data, forwards compose to
  // nothing: no summary to link, no unit to analyze again.
  ProgramSummaries Alone;
  Alone.merge(NamesUnit);
  Alone.merge(ExportUnit);
  Alone.composeForwards();
  EXPECT_EQ(Alone.size(), 0u);

  // fileName forwards readName, which forwards rawName: both composed.
  std::shared_ptr<ProgramSummaries> Linked = socketReader();
  Linked->merge(NamesUnit);
  Linked->merge(ExportUnit);
  Linked->composeForwards();
  const ProgramSummaries::Entry *FileName =
      Linked->find(usrOfFunction(Export, "fileName"));
  ASSERT_NE(FileName, nullptr);
  EXPECT_TRUE(FileName->Summary.ReturnsUntrusted);
  ASSERT_GE(FileName->Path.size(), 5u);
  EXPECT_EQ(FileName->Path[FileName->Path.size() - 3].Message,
            "'readName' returns it here");
  EXPECT_EQ(FileName->Path.back().Message, "'fileName' returns it here");

  // A summary of its own (a unit that computed it) is not replaced.
  ProgramSummaries Own;
  FunctionSummary Validates;
  Validates.Validates = paramBit(0);
  std::string Usr = usrOfFunction(Names, "readName");
  Own.add(Usr, {Validates, "readName", "", {}});
  Own.merge(*socketReader());
  Own.merge(NamesUnit);
  Own.composeForwards();
  EXPECT_FALSE(Own.find(Usr)->Summary.ReturnsUntrusted);
}

} // namespace
