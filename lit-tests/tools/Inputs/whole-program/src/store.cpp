#include <sqlite3.h>
#include <string>

std::string readName(int fd);

void lookup(sqlite3 *db, int fd) {
  std::string sql = "SELECT * FROM users WHERE name = '" + readName(fd) + "'";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}
