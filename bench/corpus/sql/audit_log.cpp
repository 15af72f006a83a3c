// An audit log on PostgreSQL (libpq), fed by a socket: parameters and
// escaping for the most part, one query built from what arrived. Benchmark
// corpus (bench/run.py): dense in database calls, not meant to be run.

#include <libpq-fe.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <vector>

namespace audit {

struct ResultDeleter {
  void operator()(PGresult *R) const { PQclear(R); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class Log {
public:
  explicit Log(const char *Conninfo) : Conn(PQconnectdb(Conninfo)) {
    if (PQstatus(Conn) != CONNECTION_OK)
      throw std::runtime_error(PQerrorMessage(Conn));
    check(Result(PQexec(Conn, "CREATE TABLE IF NOT EXISTS audit (at "
                              "timestamptz DEFAULT now(), actor text, "
                              "action text, detail text)")));
    check(Result(PQprepare(Conn, "insert_audit",
                           "INSERT INTO audit (actor, action, detail) "
                           "VALUES ($1, $2, $3)",
                           3, nullptr)));
  }
  ~Log() { PQfinish(Conn); }

  void record(const std::string &Actor, const std::string &Action,
              const std::string &Detail) {
    const char *Values[] = {Actor.c_str(), Action.c_str(), Detail.c_str()};
    check(Result(PQexecPrepared(Conn, "insert_audit", 3, Values, nullptr,
                                nullptr, 0)));
  }

  std::vector<std::string> actions(const std::string &Actor, int Limit) {
    const char *Values[] = {Actor.c_str()};
    std::string Sql = "SELECT action FROM audit WHERE actor = $1 ORDER BY at "
                      "DESC LIMIT " +
                      std::to_string(Limit);
    Result R(PQexecParams(Conn, Sql.c_str(), 1, nullptr, Values, nullptr,
                          nullptr, 0));
    check(R);
    std::vector<std::string> Out;
    for (int I = 0; I < PQntuples(R.get()); ++I)
      Out.emplace_back(PQgetvalue(R.get(), I, 0));
    return Out;
  }

  void forget(const std::string &Actor) {
    char *Literal = PQescapeLiteral(Conn, Actor.c_str(), Actor.size());
    std::string Sql = std::string("DELETE FROM audit WHERE actor = ") + Literal;
    PQfreemem(Literal);
    check(Result(PQexec(Conn, Sql.c_str())));
  }

  void rotate(const std::string &Suffix) {
    char *Name = PQescapeIdentifier(Conn, ("audit_" + Suffix).c_str(),
                                    Suffix.size() + 6);
    std::string Sql = std::string("ALTER TABLE audit RENAME TO ") + Name;
    PQfreemem(Name);
    check(Result(PQexec(Conn, Sql.c_str())));
  }

  // Reads "actor action" lines from a socket and records them.
  void serve(int Socket) {
    char Line[512];
    ssize_t N = recv(Socket, Line, sizeof Line - 1, 0);
    if (N <= 0)
      return;
    Line[N] = '\0';
    char *Space = std::strchr(Line, ' ');
    if (!Space)
      return;
    *Space = '\0';
    record(Line, Space + 1, "socket");
    // Built by hand from what arrived: a quote in it rewrites the query.
    std::string Sql =
        std::string("SELECT count(*) FROM audit WHERE actor = '") + Line + "'";
    Result R(PQexec(Conn, Sql.c_str()));
    check(R);
    std::string Reply = PQgetvalue(R.get(), 0, 0);
    send(Socket, Reply.c_str(), Reply.size(), 0);
  }

private:
  void check(const Result &R) {
    ExecStatusType Status = PQresultStatus(R.get());
    if (Status != PGRES_COMMAND_OK && Status != PGRES_TUPLES_OK)
      throw std::runtime_error(PQerrorMessage(Conn));
  }

  PGconn *Conn;
};

} // namespace audit
