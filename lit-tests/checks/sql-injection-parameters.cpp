// RUN: %check_prodready %s prodready-sql-injection %t -- -- -std=c++17
// Text from a parameter of a function other code can call (a warning):
// reported where the query puts it between quotes unescaped, once, in the
// function whose parameter it is; identifiers, SQL fragments and wrappers
// that pass the query through are the callers' business.

#include <sqlite3.h>
#include <cstdio>
#include <sstream>
#include <string>

namespace fmt {
// A stand-in for {fmt}: the analysis knows format() by its name.
template <typename... Args>
std::string format(const char *Format, const Args &...Values);
} // namespace fmt

sqlite3 *Db;

// Public functions putting a parameter between quotes.
void findUser(const std::string &Name) {
  std::string Sql = "SELECT id FROM users WHERE name = '" + Name + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from non-constant text (parameter 'Name' of 'findUser') reaches 'sqlite3_exec': it is put between quotes unescaped, and a quote in it rewrites the query (SQL injection); bind it to a '?' placeholder with sqlite3_bind_text() [prodready-sql-injection]
// CHECK-NOTES: :[[@LINE-5]]:34: note: 'Name' is a parameter of 'findUser': its callers decide what it holds
// CHECK-NOTES: :[[@LINE-5]]:21: note: it is joined into the query here

void tagged(const std::string &Table, const std::string &Tag) {
  char Sql[256];
  std::snprintf(Sql, sizeof Sql, "SELECT * FROM %s WHERE tag LIKE '%%%s%%'",
                Table.c_str(), Tag.c_str());
  sqlite3_exec(Db, Sql, nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from non-constant text (parameter 'Tag' of 'tagged') reaches 'sqlite3_exec'
// CHECK-NOTES: :[[@LINE-7]]:58: note: 'Tag' is a parameter of 'tagged': its callers decide what it holds
// CHECK-NOTES: :[[@LINE-6]]:3: note: it is joined into the query here

class Store {
public:
  void rename(const std::string &From, const std::string &To) {
    std::ostringstream Sql;
    Sql << "UPDATE items SET name = '" << To << "' WHERE name = '" << From
        << "'";
    run(Sql.str());
  }
  // CHECK-NOTES: :[[@LINE-2]]:9: warning: SQL built from non-constant text (parameter 'To' of 'rename') reaches 'sqlite3_exec'
  // CHECK-NOTES: :[[@LINE-7]]:59: note: 'To' is a parameter of 'rename': its callers decide what it holds
  // CHECK-NOTES: :[[@LINE-6]]:5: note: it is joined into the query here
  // CHECK-NOTES: :[[@LINE-5]]:5: note: it is passed to 'run' here
  // CHECK-NOTES: :[[@LINE+10]]:22: note: the query reaches 'sqlite3_exec' here

  void label(const std::string &Label) {
    run(fmt::format("UPDATE items SET label = '{}'", Label));
  }
  // CHECK-NOTES: :[[@LINE-2]]:9: warning: SQL built from non-constant text (parameter 'Label' of 'label') reaches 'sqlite3_exec'

private:
  // A private helper passes the query through: its callers built it.
  void run(const std::string &Sql) {
    sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  }
  // CHECK-NOTES: :[[@LINE-10]]:33: note: 'Label' is a parameter of 'label': its callers decide what it holds
  // CHECK-NOTES: :[[@LINE-10]]:9: note: it is joined into the query here
  // CHECK-NOTES: :[[@LINE-11]]:5: note: it is passed to 'run' here
  // CHECK-NOTES: :[[@LINE-5]]:22: note: the query reaches 'sqlite3_exec' here
};

// Reported once, in the function that builds the query, not again in its
// public callers.
void deleteUser(const std::string &Name) {
  findUser(Name);
  std::string Sql = "DELETE FROM users WHERE name = '" + Name + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from non-constant text (parameter 'Name' of 'deleteUser') reaches 'sqlite3_exec'
// CHECK-NOTES: :[[@LINE-6]]:36: note: 'Name' is a parameter of 'deleteUser': its callers decide what it holds
// CHECK-NOTES: :[[@LINE-5]]:21: note: it is joined into the query here

// An internal helper is judged by what its callers pass: a constant from
// jobsOfRoot; a parameter from jobsOf, reported where the helper builds the
// query.
static void byOwner(const std::string &Owner) {
  std::string Sql = "SELECT * FROM jobs WHERE owner = '" + Owner + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from non-constant text (parameter 'User' of 'jobsOf') reaches 'sqlite3_exec'
// CHECK-NOTES: :[[@LINE+4]]:32: note: 'User' is a parameter of 'jobsOf': its callers decide what it holds
// CHECK-NOTES: :[[@LINE+3]]:40: note: it is passed to 'byOwner' here
// CHECK-NOTES: :[[@LINE-6]]:21: note: it is joined into the query here
void jobsOfRoot() { byOwner("root"); }
void jobsOf(const std::string &User) { byOwner(User); }

// A query built by a function that returns it.
std::string selectByName(const std::string &Name) {
  return "SELECT * FROM users WHERE name = '" + Name + "'";
}
void printUser(const std::string &Name) {
  sqlite3_exec(Db, selectByName(Name).c_str(), nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from non-constant text (parameter 'Name' of 'printUser') reaches 'sqlite3_exec'
// CHECK-NOTES: :[[@LINE-4]]:35: note: 'Name' is a parameter of 'printUser': its callers decide what it holds
// CHECK-NOTES: :[[@LINE-7]]:10: note: it is joined into the query here

// Not reported: identifiers and fragments, whose checks projects make where
// they read them; a wrapper that runs the query it is given; numbers.
void createTable(const std::string &Schema, const std::string &Table) {
  std::string Sql = "CREATE TABLE \"" + Schema + "\".\"" + Table + "\" (id int)";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(Db, ("DROP TABLE " + Table).c_str(), nullptr, nullptr, nullptr);
}
void selectWhere(const std::string &Condition) {
  sqlite3_exec(Db, ("SELECT * FROM t WHERE " + Condition).c_str(), nullptr,
               nullptr, nullptr);
}
// In C++, a C string parameter is how literals are passed (a setting's
// name, __FILE__): not reported (in C it is).
void setConfig(const char *Name, const char *Value) {
  std::string Sql = std::string("UPDATE settings SET value = '") + Value +
                    "' WHERE name = '" + Name + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
int execute(const char *Sql) {
  return sqlite3_exec(Db, Sql, nullptr, nullptr, nullptr);
}
void byId(long Id, double Score, bool Active) {
  char Sql[128];
  std::snprintf(Sql, sizeof Sql,
                "UPDATE t SET score = '%f', active = '%d' WHERE id = '%ld'",
                Score, Active, Id);
  execute(Sql);
  execute(("SELECT * FROM t WHERE id = '" + std::to_string(Id) + "'").c_str());
}
