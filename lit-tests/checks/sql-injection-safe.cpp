// RUN: %check_prodready %s prodready-sql-injection %t -- -- -std=c++17
// Near misses: untrusted data that cannot change the query, or was quoted
// first. Only the last function has findings: a file name is not quoted
// SQL, and a whole query the operator typed is left alone while one from
// the network is not.

#include <sqlite3.h>
#include <libgen.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <sys/socket.h>

namespace fmt {
template <typename... Args>
std::string format(const char *Format, const Args &...Values);
} // namespace fmt

enum class Color { Red, Green };
const char *colorName(Color C) { return C == Color::Red ? "red" : "green"; }

// The project's own quoting helpers are known by their names.
std::string quoteLiteral(const std::string &Value);
std::string sql_escape(const char *Value);
void escapeInPlace(std::string &Value);

constexpr const char *ByName = "SELECT * FROM users WHERE name = ?";
const std::string Columns = "id, name, email";
static const char *const Tables[] = {"users", "orders"};

void constants(sqlite3 *Db, int argc, char **argv) {
  // Only literals and constants.
  sqlite3_exec(Db, "SELECT 1", nullptr, nullptr, nullptr);
  std::string Sql = std::string("SELECT ") + Columns + " FROM " + Tables[1];
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_stmt *Statement = nullptr;
  sqlite3_prepare_v2(Db, ByName, -1, &Statement, nullptr);
  // The fix: the value bound to a placeholder.
  sqlite3_bind_text(Statement, 1, argv[1], -1, SQLITE_TRANSIENT);
  sqlite3_step(Statement);
  sqlite3_finalize(Statement);
}

void numbers(sqlite3 *Db, char **argv) {
  long Id = std::strtol(argv[1], nullptr, 10);
  double Limit = std::atof(std::getenv("LIMIT"));
  bool Active = argv[2][0] == 'y';
  Color Favourite = static_cast<Color>(std::atoi(argv[3]));
  std::string Sql = "SELECT * FROM users WHERE id = " + std::to_string(Id) +
                    " AND score < " + std::to_string(Limit);
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  char Buffer[256];
  std::snprintf(Buffer, sizeof Buffer,
                "UPDATE users SET active = %d, color = '%s' WHERE id = %ld",
                Active, colorName(Favourite), Id);
  sqlite3_exec(Db, Buffer, nullptr, nullptr, nullptr);
  std::ostringstream Stream;
  Stream << "DELETE FROM users WHERE id = " << Id;
  sqlite3_exec(Db, Stream.str().c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(Db, fmt::format("SELECT {} FROM t", Id).c_str(), nullptr,
               nullptr, nullptr);
}

void quoted(sqlite3 *Db, char **argv) {
  const char *Name = std::getenv("USER_NAME");
  // sqlite3's quoting conversions.
  char *A = sqlite3_mprintf("SELECT * FROM t WHERE a = %Q", Name);
  char *B = sqlite3_mprintf("SELECT * FROM t WHERE a = '%q'", Name);
  char *C = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE id = %d", Name, 3);
  sqlite3_exec(Db, A, nullptr, nullptr, nullptr);
  sqlite3_exec(Db, B, nullptr, nullptr, nullptr);
  sqlite3_exec(Db, C, nullptr, nullptr, nullptr);
  char Buffer[128];
  sqlite3_snprintf(sizeof Buffer, Buffer, "DELETE FROM t WHERE a = %Q", Name);
  sqlite3_exec(Db, Buffer, nullptr, nullptr, nullptr);
  // The project's helpers.
  std::string Sql = "SELECT * FROM t WHERE a = " + quoteLiteral(Name);
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  Sql = "SELECT * FROM t WHERE a = '" + sql_escape(argv[1]) + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  std::string Value = argv[2];
  escapeInPlace(Value);
  sqlite3_exec(Db, ("SELECT * FROM t WHERE a = '" + Value + "'").c_str(),
               nullptr, nullptr, nullptr);
  sqlite3_free(A);
  sqlite3_free(B);
  sqlite3_free(C);
}

// Constant fragments in members, quoting helpers for values and names.
class Jobs {
public:
  explicit Jobs(sqlite3 *Db) : Db(Db) {}
  void byState(const std::string &State) {
    std::string Sql = Select + " WHERE state = '" + sql_escape(State.c_str()) +
                      "' ORDER BY " + Order;
    sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  }
  void fromTable(const std::string &Table, Color C) {
    std::string Sql = "SELECT * FROM " + quoteLiteral(Table) +
                      " WHERE color = '" + colorName(C) + "'";
    sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  }

private:
  sqlite3 *Db;
  const std::string Select = "SELECT id, state FROM jobs";
  static constexpr const char *Order = "id";
};

void reported(sqlite3 *Db, int Socket, char **argv) {
  // basename() and filename() make a path component, which may hold a
  // quote: they do not quote SQL.
  std::string Sql = std::string("INSERT INTO files VALUES ('") +
                    basename(argv[1]) + "')";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
  std::filesystem::path Path(argv[2]);
  Sql = "INSERT INTO files VALUES ('" + Path.filename().string() + "')";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
  // A path test says nothing of quotes.
  std::string Name = argv[3];
  if (Name.find('/') != std::string::npos || Name.find("..") != std::string::npos)
    return;
  sqlite3_exec(Db, ("SELECT * FROM t WHERE a = '" + Name + "'").c_str(),
               nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
  // sqlite3_mprintf's %s does not quote, even beside a %Q.
  char *Mixed = sqlite3_mprintf("SELECT * FROM %s WHERE a = %Q", argv[4], argv[5]);
  sqlite3_exec(Db, Mixed, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
  sqlite3_free(Mixed);
  // The whole query: the operator's own (an SQL console) is not reported,
  // one from the network is.
  sqlite3_exec(Db, argv[6], nullptr, nullptr, nullptr);
  char Query[512];
  if (recv(Socket, Query, sizeof Query - 1, 0) > 0)
    sqlite3_exec(Db, Query, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: data from the network is run as SQL by 'sqlite3_exec': whoever sends it can run any statement (SQL injection) [prodready-sql-injection]
}

int main(int argc, char **argv) {
  sqlite3 *Db = nullptr;
  sqlite3_open(":memory:", &Db);
  constants(Db, argc, argv);
  numbers(Db, argv);
  quoted(Db, argv);
  reported(Db, 0, argv);
  sqlite3_close(Db);
}
