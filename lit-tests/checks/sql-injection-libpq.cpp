// RUN: %check_prodready %s prodready-sql-injection %t -- -- -std=c++17 -isystem /usr/include/postgresql
// libpq: PQexec, PQsendQuery, PQprepare (the statement, not its name) and
// PQexecParams (the command, not the parameters), fed by a cpp-httplib
// handler; PQescapeLiteral, PQescapeIdentifier and PQescapeStringConn
// quote, and the parameters of PQexecParams are the fix.

#include <httplib.h>
#include <libpq-fe.h>
#include <string>
#include <vector>

void lookup(PGconn *Conn, const httplib::Request &Req) {
  std::string Sql =
      "SELECT * FROM orders WHERE customer = '" + Req.get_param_value("c") + "'";
  PQclear(PQexec(Conn, Sql.c_str()));
}
// CHECK-NOTES: :[[@LINE-2]]:24: warning: SQL built from request data reaches 'PQexec': a quote in it can rewrite the query (SQL injection); bind it to a '$1' placeholder with PQexecParams() [prodready-sql-injection]
// CHECK-NOTES: :[[@LINE-4]]:51: note: the untrusted value comes from 'get_param_value' here
// CHECK-NOTES: :[[@LINE-5]]:7: note: it is joined into the query here

void forms(PGconn *Conn, const httplib::Request &Req) {
  std::string Where = " WHERE name = '" + Req.body + "'";
  PQsendQuery(Conn, ("DELETE FROM t" + Where).c_str());
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: SQL built from request data reaches 'PQsendQuery'
  // CHECK-NOTES: :[[@LINE-3]]:43: note: the untrusted value comes from request field 'body' here
  // CHECK-NOTES: :[[@LINE-4]]:23: note: it is joined into the query here
  std::string Statement = "SELECT * FROM t WHERE a = " + Req.body;
  PQprepare(Conn, Req.body.c_str(), Statement.c_str(), 0, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:37: warning: SQL built from request data reaches 'PQprepare'
  // CHECK-NOTES: :[[@LINE-3]]:58: note: the untrusted value comes from request field 'body' here
  // CHECK-NOTES: :[[@LINE-4]]:27: note: it is joined into the query here
  const char *Values[] = {Req.body.c_str()};
  PQexecParams(Conn, Statement.c_str(), 1, nullptr, Values, nullptr, nullptr,
               0);
  // CHECK-NOTES: :[[@LINE-2]]:22: warning: SQL built from request data reaches 'PQexecParams'
  // CHECK-NOTES: :[[@LINE-9]]:58: note: the untrusted value comes from request field 'body' here
  // CHECK-NOTES: :[[@LINE-10]]:27: note: it is joined into the query here
}

// The fix: the value as a parameter, or quoted by libpq.
void safe(PGconn *Conn, const httplib::Request &Req) {
  const char *Values[] = {Req.body.c_str()};
  PQexecParams(Conn, "SELECT * FROM t WHERE a = $1", 1, nullptr, Values,
               nullptr, nullptr, 0);
  PQsendQueryParams(Conn, "DELETE FROM t WHERE a = $1", 1, nullptr, Values,
                    nullptr, nullptr, 0);
  char *Literal = PQescapeLiteral(Conn, Req.body.c_str(), Req.body.size());
  PQexec(Conn, (std::string("SELECT * FROM t WHERE a = ") + Literal).c_str());
  PQfreemem(Literal);
  char *Column = PQescapeIdentifier(Conn, Req.body.c_str(), Req.body.size());
  PQexec(Conn, (std::string("SELECT ") + Column + " FROM t").c_str());
  PQfreemem(Column);
  std::vector<char> Escaped(2 * Req.body.size() + 1);
  int Error = 0;
  PQescapeStringConn(Conn, Escaped.data(), Req.body.c_str(), Req.body.size(),
                     &Error);
  std::string Sql = "SELECT * FROM t WHERE a = '";
  Sql += Escaped.data();
  Sql += "'";
  PQexec(Conn, Sql.c_str());
  // The name of a prepared statement is not SQL.
  PQprepare(Conn, Req.body.c_str(), "SELECT 1", 0, nullptr);
}
