// RUN: %check_prodready -expect-compile-error %s prodready-sql-injection %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <sqlite3.h>
#include <string>

void unknownTypes(sqlite3 *Db, int argc, char **argv) {
  UnknownQuery Q = std::string("SELECT '") + argv[1] + "'";
  sqlite3_exec(Db, Q.c_str(), nullptr, nullptr, nullptr);
  std::string Sql = std::string("SELECT '") + argv[1] + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
}

void missingCallee(sqlite3 *Db, const std::string &Name) {
  sqlite3_exec(Db, undeclared_quote(Name).c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(Db, sqlite3_mprintf("SELECT '%s' %", Name.c_str()), nullptr,
               nullptr, nullptr);
  sqlite3_exec(Db, sqlite3_mprintf(nullptr, Name.c_str()), nullptr, nullptr,
               nullptr);
  sqlite3_exec(Db);
}

std::string recursive(const std::string &S) { return recursive("'" + S); }

int main(int argc, char **argv) {
  sqlite3 *Db = nullptr;
  unknownTypes(Db, argc, argv);
  missingCallee(Db, argv[1]);
  sqlite3_exec(Db, recursive(argv[1]).c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQL built from the command line reaches 'sqlite3_exec'
  for (;;
}
