// RUN: %check_prodready %s prodready-sql-injection %t -- \
// RUN:   -config="{CheckOptions: {prodready-sql-injection.Sinks: 'db::Conn::exec:0;runScript:1;db::Statement::Statement:1', prodready-sql-injection.Sources: '::app::readField', prodready-sql-injection.Sanitizers: 'app::clean;app::isIdentifier'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-sql-injection %t-default -- -- -std=c++17
// RUN: %check_prodready -check-suffix=ERRORS-ONLY %s prodready-sql-injection %t-errors -- \
// RUN:   -config="{CheckOptions: {prodready-sql-injection.Sinks: 'db::Conn::exec:0', prodready-sql-injection.ReportNonConstant: false}}" \
// RUN:   -- -std=c++17
// A bad Sinks entry is a configuration error that names it.
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-sql-injection' \
// RUN:   -config="{CheckOptions: {prodready-sql-injection.Sinks: 'db::Conn::exec;runScript:x;:2;db::Conn::exec:0'}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION-DAG: warning: invalid entry 'db::Conn::exec' in option 'Sinks' of check 'prodready-sql-injection': expected a function name and the index of its SQL argument, such as 'db::Conn::exec:0'; the entry is ignored [clang-tidy-config]
// BAD-OPTION-DAG: warning: invalid entry 'runScript:x' in option 'Sinks'
// BAD-OPTION-DAG: warning: invalid entry ':2' in option 'Sinks'

#include <string>

namespace db {
class Conn {
public:
  void exec(const std::string &Sql);
};
class Statement {
public:
  Statement(Conn &C, const std::string &Sql);
};
} // namespace db
void runScript(db::Conn &Conn, const std::string &Sql);
namespace app {
std::string readField(const char *Name);
std::string clean(const std::string &Value);
bool isIdentifier(const std::string &Value);
} // namespace app

// The project's own database layer, declared as sinks: its functions are
// in another file, so without the option the queries built here are not
// seen to reach a database.
void handler(db::Conn &Conn) {
  std::string Name = app::readField("name");
  Conn.exec("SELECT * FROM users WHERE name = '" + Name + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: SQL built from untrusted data reaches 'db::Conn::exec': a quote in it can rewrite the query (SQL injection); bind it to a placeholder [prodready-sql-injection]
  runScript(Conn, "DELETE FROM users WHERE name = '" + Name + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: SQL built from untrusted data reaches 'runScript'
  db::Statement Select(Conn, "SELECT * FROM users WHERE name = '" + Name + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: SQL built from untrusted data reaches 'db::Statement::Statement'
  // Sanitizers: a value, and a predicate on the paths it guards.
  Conn.exec("SELECT * FROM users WHERE name = '" + app::clean(Name) + "'");
  if (app::isIdentifier(Name))
    Conn.exec("SELECT " + Name + " FROM users");
  else
    Conn.exec("SELECT " + Name + " FROM users");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQL built from untrusted data reaches 'db::Conn::exec'
}

void byName(db::Conn &Conn, const std::string &Name) {
  Conn.exec("SELECT * FROM users WHERE name = '" + Name + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: SQL built from non-constant text (parameter 'Name' of 'byName') reaches 'db::Conn::exec': it is put between quotes unescaped, and a quote in it rewrites the query (SQL injection); bind it to a placeholder [prodready-sql-injection]
  db::Statement Select(Conn, "SELECT * FROM users WHERE name = '" + Name + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: SQL built from non-constant text (parameter 'Name' of 'byName') reaches 'db::Statement::Statement'
}

// Without the options (DEFAULT), nothing here is a sink, a source or a
// sanitizer; with ReportNonConstant: false (ERRORS-ONLY), parameters are
// not reported, and readField is not a source: neither run has a warning.

// NOLINT works as for every check.
void suppressed(db::Conn &Conn, const std::string &Name) {
  Conn.exec("SELECT * FROM t WHERE a = '" + Name + "'"); // NOLINT(prodready-sql-injection)
  // NOLINTNEXTLINE(prodready-sql-injection)
  Conn.exec("SELECT * FROM t WHERE b = '" + Name + "'");
}
