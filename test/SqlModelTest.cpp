// Unit tests of the SQL model (analysis/SqlModel.h) and of what the taint
// engine does with it: format strings, the pieces a join quotes, the sinks
// and sanitizers of the libraries, and parameter hits. The snippets
// declare the library functions they need instead of including headers.
#include "TestAST.h"
#include "analysis/SqlModel.h"
#include "analysis/TaintAnalysis.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::prodready;

namespace {

std::vector<unsigned> args(const std::optional<llvm::SmallVector<unsigned, 4>>
                               &Indices) {
  return Indices ? std::vector<unsigned>(Indices->begin(), Indices->end())
                 : std::vector<unsigned>{999};
}

TEST(SqlModelTest, PrintfArgumentsPrintedUnquoted) {
  // %q, %Q and %w quote for sqlite3; numbers cannot end a literal.
  EXPECT_EQ(args(unquotedPrintfArguments("a = %Q AND b = '%q' AND c = %s", 3,
                                         true)),
            std::vector<unsigned>{2});
  EXPECT_EQ(args(unquotedPrintfArguments("%-*.*s %lld %c %z %%", 6, true)),
            (std::vector<unsigned>{2, 4, 5}));
  // In C's printf, q and z are length modifiers and %q is not a quote.
  EXPECT_EQ(args(unquotedPrintfArguments("%zu %s", 2, false)),
            std::vector<unsigned>{1});
  EXPECT_FALSE(unquotedPrintfArguments("%Q", 1, false));
  // Not understood, or more conversions than arguments.
  EXPECT_FALSE(unquotedPrintfArguments("%", 0, true));
  EXPECT_FALSE(unquotedPrintfArguments("%s %s", 1, true));
}

TEST(SqlModelTest, BraceFields) {
  auto Fields = braceFields("{} {{literal}} {1:>8} {}");
  ASSERT_TRUE(Fields);
  ASSERT_EQ(Fields->size(), 3u);
  EXPECT_EQ((*Fields)[0].Arg, 0u);
  EXPECT_EQ((*Fields)[1].Arg, 1u);
  EXPECT_EQ((*Fields)[1].Offset, 15u);
  EXPECT_EQ((*Fields)[2].Arg, 1u);
  EXPECT_FALSE(braceFields("{name}"));
}

constexpr const char *Prelude = R"cpp(
  #include <cstdio>
  #include <string>
  #include <sstream>
  extern "C" {
  struct sqlite3;
  int sqlite3_exec(sqlite3 *, const char *, void *, void *, char **);
  char *sqlite3_mprintf(const char *, ...);
  char *PQescapeLiteral(void *, const char *, unsigned long);
  }
  namespace fmt {
  template <typename... A> std::string format(const char *, const A &...);
  }
  std::string stringtf(const char *Format, ...);
  std::string quoteIdentifier(const std::string &Name);
  sqlite3 *Db;
)cpp";

struct Analyzed : TaintSinkModel {
  explicit Analyzed(llvm::StringRef Code)
      : AST(std::string(Prelude) + Code.str()), Model(Options()),
        Engine(AST.context(), Model, *this) {
    std::vector<const Decl *> Units;
    for (const auto *F : AST.findAll<FunctionDecl>(
             functionDecl(isDefinition(), isExpansionInMainFile())))
      Units.push_back(F);
    Engine.setUnits(Units);
  }
  TaintOptions Options() {
    TaintOptions O;
    O.Extension = &Calls;
    O.Tests = ConditionTests::None;
    return O;
  }
  void sinkArguments(const Expr &E,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &Out) override {
    if (std::optional<SqlSink> Sink = librarySqlSink(E))
      Out.emplace_back(Sink->Argument, Sink->What);
  }
  const FunctionDecl &function(llvm::StringRef Name) {
    return *AST.find<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition(), isExpansionInMainFile()));
  }
  /// The parameter labels of the hits in \p Name, and whether each was
  /// joined: "L1+" is parameter 0, joined.
  std::vector<std::string> parameterHits(llvm::StringRef Name) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine.findParameterHits(function(Name), Hits);
    std::vector<std::string> Out;
    for (const TaintHit &Hit : Hits)
      Out.push_back("L" + std::to_string(Hit.Value.Labels) +
                    (Hit.Value.Built ? "+" : "") +
                    (Hit.Value.Numeric ? "#" : ""));
    return Out;
  }
  /// The pieces the first join in \p Name quotes, as source text.
  std::vector<std::string> quoted(llvm::StringRef Name) {
    llvm::SmallVector<TaintHit, 4> Hits;
    Engine.findParameterHits(function(Name), Hits);
    std::vector<std::string> Out;
    if (Hits.empty() || !Hits[0].Value.Built)
      return Out;
    const SourceManager &SM = AST.context().getSourceManager();
    for (const Expr *Piece : quotedPieces(*Hits[0].Value.Built))
      Out.push_back(Lexer::getSourceText(
                        CharSourceRange::getTokenRange(Piece->getSourceRange()),
                        SM, AST.context().getLangOpts())
                        .str());
    return Out;
  }
  prodready::test::TestAST AST;
  SqlCallModels Calls;
  TaintModel Model;
  TaintEngine Engine;
};

TEST(SqlModelTest, ParameterHitsKeepWhetherAndWhereTheyWereJoined) {
  Analyzed A(R"cpp(
void whole(const char *Sql) { sqlite3_exec(Db, Sql, 0, 0, 0); }
void joined(const std::string &Name) {
  sqlite3_exec(Db, ("SELECT '" + Name + "'").c_str(), 0, 0, 0);
}
void number(int Id) {
  sqlite3_exec(Db, ("SELECT " + std::to_string(Id)).c_str(), 0, 0, 0);
}
std::string build(const std::string &Name) { return "SELECT '" + Name + "'"; }
void returned(const std::string &Name) {
  sqlite3_exec(Db, build(Name).c_str(), 0, 0, 0);
}
void quotedBySqlite(const char *Name, const char *Table) {
  sqlite3_exec(Db, sqlite3_mprintf("SELECT * FROM %s WHERE a = %Q", Table, Name),
               0, 0, 0);
}
void quotedByLibpq(const char *Name) {
  char *Literal = PQescapeLiteral(0, Name, 3);
  sqlite3_exec(Db, (std::string("SELECT ") + Literal).c_str(), 0, 0, 0);
}
void quotedByHelper(const std::string &Name) {
  sqlite3_exec(Db, ("SELECT " + quoteIdentifier(Name)).c_str(), 0, 0, 0);
}
void printfLike(const char *Name) {
  sqlite3_exec(Db, stringtf("SELECT '%s' %d", Name, 3).c_str(), 0, 0, 0);
}
void pathTested(const std::string &Name) {
  if (Name.find('/') != std::string::npos || Name.find("..") != std::string::npos)
    return;
  sqlite3_exec(Db, ("SELECT '" + Name + "'").c_str(), 0, 0, 0);
}
)cpp");
  EXPECT_EQ(A.parameterHits("whole"), std::vector<std::string>{"L2"});
  EXPECT_EQ(A.parameterHits("joined"), std::vector<std::string>{"L2+"});
  EXPECT_EQ(A.parameterHits("number"), std::vector<std::string>{"L2+#"});
  EXPECT_EQ(A.parameterHits("returned"), std::vector<std::string>{"L2+"});
  // Only the %s argument (Table, parameter 1) is carried.
  EXPECT_EQ(A.parameterHits("quotedBySqlite"),
            std::vector<std::string>{"L4+"});
  EXPECT_TRUE(A.parameterHits("quotedByLibpq").empty());
  EXPECT_TRUE(A.parameterHits("quotedByHelper").empty());
  EXPECT_EQ(A.parameterHits("printfLike"), std::vector<std::string>{"L2+"});
  // With ConditionTests::None, a name free of '/' and '..' is not clean.
  EXPECT_EQ(A.parameterHits("pathTested"), std::vector<std::string>{"L2+"});
}

TEST(SqlModelTest, QuotedPiecesOfAJoin) {
  Analyzed A(R"cpp(
void plus(const std::string &Name) {
  sqlite3_exec(Db, ("SELECT * FROM t WHERE a = '" + Name + "'").c_str(), 0, 0, 0);
}
void bare(const std::string &Table) {
  sqlite3_exec(Db, ("SELECT * FROM " + Table).c_str(), 0, 0, 0);
}
void stream(const std::string &Name) {
  std::ostringstream Os;
  Os << "SELECT * FROM t WHERE a LIKE '%" << Name << "%'";
  sqlite3_exec(Db, Os.str().c_str(), 0, 0, 0);
}
void printfStyle(const char *Table, const char *Name) {
  char Buf[64];
  snprintf(Buf, sizeof Buf, "SELECT * FROM %s WHERE a = '%s'", Table, Name);
  sqlite3_exec(Db, Buf, 0, 0, 0);
}
void braces(const std::string &Table, const std::string &Name) {
  sqlite3_exec(Db, fmt::format("SELECT * FROM {} WHERE a = '{}'", Table, Name).c_str(), 0, 0, 0);
}
void appended(const std::string &Name) {
  std::string Sql = "SELECT * FROM t WHERE a = '";
  Sql += Name;
  sqlite3_exec(Db, Sql.c_str(), 0, 0, 0);
}
)cpp");
  EXPECT_EQ(A.quoted("plus"), std::vector<std::string>{"Name"});
  EXPECT_TRUE(A.quoted("bare").empty());
  EXPECT_EQ(A.quoted("stream"), std::vector<std::string>{"Name"});
  EXPECT_EQ(A.quoted("printfStyle"), std::vector<std::string>{"Name"});
  EXPECT_EQ(A.quoted("braces"), std::vector<std::string>{"Name"});
  // The text before the piece is not in the join.
  EXPECT_TRUE(A.quoted("appended").empty());
}

TEST(SqlModelTest, LibrarySinks) {
  prodready::test::TestAST AST(R"cpp(
  extern "C" {
  struct pg_conn;
  void *PQexec(pg_conn *, const char *);
  void *PQprepare(pg_conn *, const char *, const char *, int, const void *);
  void *PQexecPrepared(pg_conn *, const char *, int, const char *const *,
                       const int *, const int *, int);
  }
  void f(pg_conn *C) {
    PQexec(C, "a");
    PQprepare(C, "name", "b", 0, 0);
    PQexecPrepared(C, "name", 0, 0, 0, 0, 0);
  }
  )cpp");
  auto Calls = AST.findAll<CallExpr>(callExpr(isExpansionInMainFile()));
  ASSERT_EQ(Calls.size(), 3u);
  std::optional<SqlSink> Exec = librarySqlSink(*Calls[0]);
  ASSERT_TRUE(Exec);
  EXPECT_EQ(Exec->Argument, Calls[0]->getArg(1));
  EXPECT_EQ(Exec->What, "'PQexec'");
  EXPECT_EQ(Exec->Library, SqlLibrary::LibPQ);
  std::optional<SqlSink> Prepare = librarySqlSink(*Calls[1]);
  ASSERT_TRUE(Prepare);
  EXPECT_EQ(Prepare->Argument, Calls[1]->getArg(2));
  // Running a prepared statement by name is not running SQL text.
  EXPECT_FALSE(librarySqlSink(*Calls[2]));
  EXPECT_EQ(placeholderAdvice(SqlLibrary::LibPQ),
            "a '$1' placeholder with PQexecParams()");
}

} // namespace
