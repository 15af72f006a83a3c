#include <libpq-fe.h>
#include <cstdlib>
#include <string>

// An order lookup whose customer comes from the environment.
void lookup(PGconn *conn) {
  const char *customer = std::getenv("CUSTOMER");
  if (!customer)
    return;
  std::string sql = "SELECT * FROM orders WHERE customer = '" + std::string(customer) + "'";
  PQclear(PQexec(conn, sql.c_str()));
}

// A public function putting its parameter between quotes.
void cancel(PGconn *conn, const std::string &id) {
  PQclear(PQexec(conn, ("UPDATE orders SET state = 'cancelled' WHERE id = '" + id + "'").c_str()));
}
