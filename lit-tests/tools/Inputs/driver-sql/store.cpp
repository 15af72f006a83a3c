#include <sqlite3.h>
#include <cstdlib>
#include <string>

void byName(sqlite3 *Db, const std::string &Name) {
  std::string Sql = "SELECT id FROM users WHERE name = '" + Name + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}

void fromEnvironment(sqlite3 *Db) {
  std::string Sql = std::string("DELETE FROM jobs WHERE owner = '") +
                    std::getenv("USER") + "'";
  sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, nullptr);
}
