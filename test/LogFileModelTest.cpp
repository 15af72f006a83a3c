// Unit tests of the log-file model (path shapes, what creates an unbounded
// sink), the use analysis behind the spdlog fix (SinkTypeUses) and the
// fix-it text (RotatingLogFix), on small snippets with stand-ins for the
// libraries' declarations.
#include "RotatingLogFix.h"
#include "TestAST.h"
#include "analysis/LogFileModel.h"
#include "analysis/SinkTypeUses.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

constexpr const char *Library = R"cpp(
  namespace std {
  struct string { string(const char *); string operator+(const char *) const; };
  template <class T> struct shared_ptr {
    shared_ptr() = default;
    template <class U> shared_ptr(const shared_ptr<U> &);
    T *operator->() const;
  };
  template <class T, class... A> shared_ptr<T> make_shared(A &&...);
  struct ios_base { enum openmode { app = 1, out = 16 }; };
  template <class C> struct basic_ofstream {
    basic_ofstream();
    basic_ofstream(const char *, ios_base::openmode = ios_base::out);
    basic_ofstream(const string &, ios_base::openmode = ios_base::out);
    void open(const char *, ios_base::openmode = ios_base::out);
  };
  using ofstream = basic_ofstream<char>;
  struct mutex {};
  }
  namespace spdlog {
  struct logger {};
  namespace details { struct null_mutex {}; }
  namespace sinks {
  struct sink { void set_level(int); };
  template <class M> struct base_sink : sink {};
  template <class M> struct basic_file_sink : base_sink<M> {
    basic_file_sink(const std::string &, bool truncate = false);
    const std::string &filename() const;
  };
  using basic_file_sink_mt = basic_file_sink<std::mutex>;
  template <class M> struct daily_file_sink : base_sink<M> {
    daily_file_sink(const std::string &, int, int, bool = false,
                    unsigned short max_files = 0);
  };
  using daily_file_sink_mt = daily_file_sink<std::mutex>;
  }
  using sink_ptr = std::shared_ptr<sinks::sink>;
  std::shared_ptr<logger> basic_logger_mt(const std::string &, const std::string &,
                                          bool truncate = false);
  std::shared_ptr<logger> rotating_logger_mt(const std::string &, const std::string &,
                                             unsigned long, unsigned long);
  }
  extern "C" struct FILE *fopen(const char *, const char *);
)cpp";

class LogFileModelTest : public ::testing::Test {
protected:
  void parse(llvm::StringRef Code) {
    AST = std::make_unique<prodready::test::TestAST>(std::string(Library) +
                                                     Code.str());
    ASSERT_FALSE(AST->hasErrors());
  }

  /// The sink the first expression matching \p Matcher creates.
  template <typename MatcherT>
  std::optional<LogSink> sinkOf(MatcherT Matcher) {
    const auto *E = AST->find<Expr>(Matcher);
    if (!E) {
      ADD_FAILURE() << "no expression";
      return std::nullopt;
    }
    return classifyLogSink(*E, AST->context());
  }

  /// The shape of the initializer of the variable `path` in `test`.
  std::string shapeOfPath() {
    const auto *Path = AST->find<VarDecl>(varDecl(hasName("path")));
    if (!Path || !Path->getInit()) {
      ADD_FAILURE() << "no path";
      return "";
    }
    return pathShape(*Path->getInit(), PathShapeContext{});
  }

  std::unique_ptr<prodready::test::TestAST> AST;
};

TEST_F(LogFileModelTest, PathShapes) {
  parse(R"cpp(void test(const std::string &dir) { std::string path = dir + "/app.log"; })cpp");
  EXPECT_EQ(shapeOfPath(), "*/app.log");
  parse(R"cpp(
    #define DIR "logs/"
    const char *const name = "x.txt";
    void test() { std::string path = std::string(DIR) + name; })cpp");
  EXPECT_EQ(shapeOfPath(), "logs/x.txt");
  parse(R"cpp(void test(int n) { const char *path = n ? "a" : "b"; })cpp");
  EXPECT_EQ(shapeOfPath(), "*");
}

TEST_F(LogFileModelTest, LogPathShapes) {
  EXPECT_TRUE(isLogPathShape("app.log"));
  EXPECT_TRUE(isLogPathShape("*/APP.LOG"));
  EXPECT_TRUE(isLogPathShape("/var/log/*"));
  EXPECT_TRUE(isLogPathShape("logs/x.txt"));
  EXPECT_TRUE(isLogPathShape("C:\\logs\\x.txt"));
  EXPECT_FALSE(isLogPathShape("*"));
  EXPECT_FALSE(isLogPathShape("data.csv"));
  EXPECT_FALSE(isLogPathShape("catalog"));
  EXPECT_FALSE(isLogPathShape("logs"));
  EXPECT_FALSE(isLogPathShape("app.log.1"));
}

TEST_F(LogFileModelTest, SpdlogLoggers) {
  parse(R"cpp(void test() {
    spdlog::basic_logger_mt("a", "a.log", true);
    spdlog::rotating_logger_mt("r", "r.log", 1, 1);
  })cpp");
  std::optional<LogSink> Basic =
      sinkOf(callExpr(callee(functionDecl(hasName("basic_logger_mt")))));
  ASSERT_TRUE(Basic);
  EXPECT_EQ(Basic->Kind, LogSinkKind::SpdlogBasic);
  EXPECT_EQ(Basic->Form, SpdlogForm::LoggerFactory);
  EXPECT_EQ(Basic->Name, "spdlog::basic_logger_mt");
  EXPECT_TRUE(Basic->Truncate);
  EXPECT_FALSE(Basic->TypedAsSink);
  EXPECT_FALSE(
      sinkOf(callExpr(callee(functionDecl(hasName("rotating_logger_mt"))))));
}

TEST_F(LogFileModelTest, SpdlogSinksAndLimits) {
  parse(R"cpp(void test(unsigned short keep) {
    std::make_shared<spdlog::sinks::basic_file_sink_mt>("s.log");
    std::make_shared<spdlog::sinks::daily_file_sink_mt>("d.log", 0, 0);
    std::make_shared<spdlog::sinks::daily_file_sink_mt>("k.log", 0, 0, false, keep);
  })cpp");
  auto MakeShared = [](llvm::StringRef File) {
    return callExpr(callee(functionDecl(hasName("make_shared"))),
                    hasArgument(0, ignoringImplicit(stringLiteral(
                                       hasSize(File.size())))));
  };
  std::optional<LogSink> Sink = sinkOf(MakeShared("s.log"));
  ASSERT_TRUE(Sink);
  EXPECT_EQ(Sink->Name, "spdlog::sinks::basic_file_sink_mt");
  EXPECT_EQ(Sink->Form, SpdlogForm::SmartPointer);
  EXPECT_TRUE(Sink->TypedAsSink);
  EXPECT_TRUE(Sink->NameLoc.isValid());
  std::vector<const CallExpr *> Calls = AST->findAll<CallExpr>(
      callExpr(callee(functionDecl(hasName("make_shared")))));
  ASSERT_EQ(Calls.size(), 3u);
  std::optional<LogSink> Daily = classifyLogSink(*Calls[1], AST->context());
  ASSERT_TRUE(Daily);
  EXPECT_EQ(Daily->Kind, LogSinkKind::SpdlogDaily);
  // A computed max_files: the program chose a limit.
  EXPECT_FALSE(classifyLogSink(*Calls[2], AST->context()));
}

TEST_F(LogFileModelTest, PlainAppends) {
  parse(R"cpp(void test(const std::string &p) {
    std::ofstream a("a.log", std::ios_base::app);
    auto mode = std::ios_base::openmode(std::ios_base::out | std::ios_base::app);
    std::ofstream b(p, mode);
    std::ofstream c("c.log");
    fopen("d.log", "a+");
    fopen("e.log", "w");
  })cpp");
  std::vector<const CXXConstructExpr *> Streams =
      AST->findAll<CXXConstructExpr>(cxxConstructExpr(hasType(
          hasUnqualifiedDesugaredType(recordType(hasDeclaration(
              cxxRecordDecl(hasName("basic_ofstream"))))))));
  ASSERT_EQ(Streams.size(), 3u);
  std::optional<LogSink> A = classifyLogSink(*Streams[0], AST->context());
  ASSERT_TRUE(A);
  EXPECT_EQ(A->Kind, LogSinkKind::PlainFile);
  EXPECT_EQ(A->Name, "std::ofstream");
  EXPECT_TRUE(classifyLogSink(*Streams[1], AST->context()));
  EXPECT_FALSE(classifyLogSink(*Streams[2], AST->context()));
  std::vector<const CallExpr *> Opens = AST->findAll<CallExpr>(
      callExpr(callee(functionDecl(hasName("fopen")))));
  ASSERT_EQ(Opens.size(), 2u);
  EXPECT_TRUE(classifyLogSink(*Opens[0], AST->context()));
  EXPECT_FALSE(classifyLogSink(*Opens[1], AST->context()));
}

TEST_F(LogFileModelTest, UsesThatForgetTheClass) {
  parse(R"cpp(
    void take(spdlog::sink_ptr);
    void keep(std::shared_ptr<spdlog::sinks::basic_file_sink_mt>);
    void forgets() {
      auto s = std::make_shared<spdlog::sinks::basic_file_sink_mt>("f.log");
      s->set_level(1);
      take(s);
      spdlog::sink_ptr base = s;
    }
    void keeps() {
      auto s = std::make_shared<spdlog::sinks::basic_file_sink_mt>("k.log");
      keep(s);
    }
    void member() {
      auto s = std::make_shared<spdlog::sinks::basic_file_sink_mt>("m.log");
      s->filename();
    })cpp");
  auto IsBasic = [](const CXXRecordDecl &R) {
    return R.getName() == "basic_file_sink";
  };
  for (auto [Function, Expected] : {std::pair("forgets", true),
                                    std::pair("keeps", false),
                                    std::pair("member", false)}) {
    const auto *F = AST->find<FunctionDecl>(
        functionDecl(hasName(Function), isDefinition()));
    const auto *Creation = AST->find<CallExpr>(
        callExpr(callee(functionDecl(hasName("make_shared"))),
                 hasAncestor(functionDecl(hasName(Function)))));
    ASSERT_TRUE(F && Creation) << Function;
    EXPECT_EQ(usesForgetClass(*Creation, *F, IsBasic), Expected) << Function;
  }
}

TEST(RotatingLogFixTest, ReadableNumbers) {
  EXPECT_EQ(fixits::readableByteCount(10 * 1024 * 1024), "10 * 1024 * 1024");
  EXPECT_EQ(fixits::readableByteCount(512 * 1024), "512 * 1024");
  EXPECT_EQ(fixits::readableByteCount(1000), "1000");
  EXPECT_EQ(fixits::rotatingCounterpart("basic_logger_st"), "rotating_logger_st");
  EXPECT_EQ(fixits::rotatingCounterpart("basic_file_sink"), "rotating_file_sink");
  EXPECT_EQ(fixits::rotatingCounterpart("FileSink"), "");
}

} // namespace
