// RUN: %check_prodready %s prodready-sql-injection %t -- -- -std=c++17
// SQLite: sqlite3_exec and sqlite3_prepare*, the query built with +, +=,
// append, snprintf, a string stream and sqlite3_mprintf("%s"); the notes
// walk from the source through each step to the sink.

#include <sqlite3.h>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

void byConcatenation(sqlite3 *Db) {
  std::string Name = std::getenv("USER_NAME");
  std::string Sql = "SELECT id FROM users WHERE name = '" + Name + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from the environment reaches 'sqlite3_exec': a quote in it can rewrite the query (SQL injection); bind it to a '?' placeholder with sqlite3_bind_text() [prodready-sql-injection]
// CHECK-NOTES: :[[@LINE-5]]:22: note: the untrusted value comes from 'getenv' here
// CHECK-NOTES: :[[@LINE-5]]:21: note: it is joined into the query here

void byAppend(sqlite3 *Db, int Socket) {
  char Name[64] = {0};
  std::fgets(Name, sizeof Name, stdin);
  std::string Sql = "DELETE FROM jobs WHERE owner = '";
  Sql += Name;
  Sql.append("'");
  sqlite3_stmt *Statement = nullptr;
  sqlite3_prepare_v2(Db, Sql.c_str(), -1, &Statement, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: SQL built from standard input reaches 'sqlite3_prepare_v2': a quote in it can rewrite the query (SQL injection); bind it to a '?' placeholder with sqlite3_bind_text() [prodready-sql-injection]
  // CHECK-NOTES: :[[@LINE-7]]:3: note: the untrusted value comes from 'fgets' here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: it is joined into the query here
  sqlite3_finalize(Statement);
}

void byPrintf(sqlite3 *Db) {
  const char *Job = std::getenv("JOB");
  char Sql[256];
  std::snprintf(Sql, sizeof Sql, "UPDATE jobs SET done = 1 WHERE name = '%s'",
                Job);
  sqlite3_exec(Db, Sql, nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: SQL built from the environment reaches 'sqlite3_exec'
  // CHECK-NOTES: :[[@LINE-6]]:21: note: the untrusted value comes from 'getenv' here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: it is joined into the query here
  // sqlite3_mprintf's %s does not quote (its %q and %Q do).
  char *Printed = sqlite3_mprintf("SELECT * FROM jobs WHERE name = '%s'", Job);
  sqlite3_exec(Db, Printed, nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: SQL built from the environment reaches 'sqlite3_exec'
  // CHECK-NOTES: :[[@LINE-12]]:21: note: the untrusted value comes from 'getenv' here
  // CHECK-NOTES: :[[@LINE-4]]:19: note: it is joined into the query here
  sqlite3_free(Printed);
}

void byStream(sqlite3 *Db, int argc, char **argv);
int main(int argc, char **argv) {
  sqlite3 *Db = nullptr;
  sqlite3_open(":memory:", &Db);
  byStream(Db, argc, argv);
  std::ostringstream Sql;
  Sql << "SELECT * FROM users WHERE name = '" << argv[1] << "'";
  sqlite3_prepare16_v2(Db, Sql.str().c_str(), -1, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: SQL built from the command line reaches 'sqlite3_prepare16_v2'
  // CHECK-NOTES: :[[@LINE-3]]:50: note: the untrusted value comes from 'argv' here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: it is joined into the query here
  return 0;
}

// The command line reaches a helper, which builds the query.
void byStream(sqlite3 *Db, int argc, char **argv) {
  std::string Table = argc > 2 ? argv[2] : "jobs";
  std::ostringstream Sql;
  Sql << "DROP TABLE " << Table;
  sqlite3_exec(Db, Sql.str().c_str(), nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-2]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
// CHECK-NOTES: :[[@LINE-18]]:22: note: the untrusted value comes from 'argv' here
// CHECK-NOTES: :[[@LINE-19]]:3: note: it is passed to 'byStream' here
// CHECK-NOTES: :[[@LINE-6]]:3: note: it is joined into the query here
