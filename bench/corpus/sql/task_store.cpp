// A task store on SQLite, written the way services write them: prepared
// statements and bound values mostly, a query builder for filters, a few
// queries built by hand. Benchmark corpus (bench/run.py): dense in
// database calls, not meant to be run.

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace store {

struct Task {
  long Id = 0;
  std::string Owner;
  std::string Title;
  std::string State;
  int Priority = 0;
};

enum class Order { ByPriority, ByTitle, ById };

const char *orderColumn(Order O) {
  switch (O) {
  case Order::ByPriority:
    return "priority DESC";
  case Order::ByTitle:
    return "title";
  case Order::ById:
    return "id";
  }
  return "id";
}

class Statement {
public:
  Statement(sqlite3 *Db, const char *Sql) {
    if (sqlite3_prepare_v2(Db, Sql, -1, &Handle, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(Db));
  }
  ~Statement() { sqlite3_finalize(Handle); }
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;

  void bind(int Index, const std::string &Text) {
    sqlite3_bind_text(Handle, Index, Text.c_str(), -1, SQLITE_TRANSIENT);
  }
  void bind(int Index, long Value) { sqlite3_bind_int64(Handle, Index, Value); }
  bool step() { return sqlite3_step(Handle) == SQLITE_ROW; }
  std::string text(int Column) {
    const unsigned char *Text = sqlite3_column_text(Handle, Column);
    return Text ? reinterpret_cast<const char *>(Text) : "";
  }
  long integer(int Column) { return sqlite3_column_int64(Handle, Column); }

private:
  sqlite3_stmt *Handle = nullptr;
};

class TaskStore {
public:
  explicit TaskStore(const std::string &Path) {
    if (sqlite3_open(Path.c_str(), &Db) != SQLITE_OK)
      throw std::runtime_error("cannot open " + Path);
    exec("CREATE TABLE IF NOT EXISTS tasks (id INTEGER PRIMARY KEY, owner "
         "TEXT, title TEXT, state TEXT, priority INTEGER)");
    exec("CREATE INDEX IF NOT EXISTS tasks_owner ON tasks(owner)");
  }
  ~TaskStore() { sqlite3_close(Db); }

  long add(const Task &T) {
    Statement S(Db, "INSERT INTO tasks (owner, title, state, priority) "
                    "VALUES (?, ?, ?, ?)");
    S.bind(1, T.Owner);
    S.bind(2, T.Title);
    S.bind(3, T.State);
    S.bind(4, static_cast<long>(T.Priority));
    S.step();
    return sqlite3_last_insert_rowid(Db);
  }

  std::optional<Task> find(long Id) {
    Statement S(Db, "SELECT id, owner, title, state, priority FROM tasks "
                    "WHERE id = ?");
    S.bind(1, Id);
    if (!S.step())
      return std::nullopt;
    return read(S);
  }

  std::vector<Task> byOwner(const std::string &Owner, Order O) {
    // The order is one of a few constants: no need for a parameter.
    std::string Sql = std::string("SELECT id, owner, title, state, priority "
                                  "FROM tasks WHERE owner = ? ORDER BY ") +
                      orderColumn(O);
    Statement S(Db, Sql.c_str());
    S.bind(1, Owner);
    std::vector<Task> Tasks;
    while (S.step())
      Tasks.push_back(read(S));
    return Tasks;
  }

  std::vector<Task> search(const std::map<std::string, std::string> &Filter,
                           int Limit) {
    // Column names from a fixed list, values bound.
    static const char *const Columns[] = {"owner", "title", "state"};
    std::string Sql = "SELECT id, owner, title, state, priority FROM tasks";
    std::vector<std::string> Values;
    const char *Glue = " WHERE ";
    for (const char *Column : Columns) {
      auto It = Filter.find(Column);
      if (It == Filter.end())
        continue;
      Sql += Glue;
      Sql += Column;
      Sql += " = ?";
      Values.push_back(It->second);
      Glue = " AND ";
    }
    Sql += " LIMIT " + std::to_string(Limit);
    Statement S(Db, Sql.c_str());
    for (size_t I = 0; I < Values.size(); ++I)
      S.bind(static_cast<int>(I + 1), Values[I]);
    std::vector<Task> Tasks;
    while (S.step())
      Tasks.push_back(read(S));
    return Tasks;
  }

  void setState(long Id, const std::string &State) {
    char *Sql = sqlite3_mprintf("UPDATE tasks SET state = %Q WHERE id = %ld",
                                State.c_str(), Id);
    exec(Sql);
    sqlite3_free(Sql);
  }

  void rename(long Id, const std::string &Title) {
    // Built by hand: a quote in the title breaks it.
    std::ostringstream Sql;
    Sql << "UPDATE tasks SET title = '" << Title << "' WHERE id = " << Id;
    exec(Sql.str());
  }

  int countByState(const std::string &State) {
    char Sql[256];
    std::snprintf(Sql, sizeof Sql,
                  "SELECT count(*) FROM tasks WHERE state = '%s'",
                  State.c_str());
    Statement S(Db, Sql);
    return S.step() ? static_cast<int>(S.integer(0)) : 0;
  }

  void purge(int Days) {
    exec("DELETE FROM tasks WHERE state = 'done' AND julianday('now') - "
         "julianday(updated) > " +
         std::to_string(Days));
  }

  void archive(const std::string &Table) {
    // An identifier from the program's configuration.
    exec("CREATE TABLE IF NOT EXISTS " + Table + " AS SELECT * FROM tasks "
         "WHERE 0");
    exec("INSERT INTO " + Table + " SELECT * FROM tasks WHERE state = 'done'");
  }

private:
  void exec(const std::string &Sql) {
    char *Error = nullptr;
    if (sqlite3_exec(Db, Sql.c_str(), nullptr, nullptr, &Error) != SQLITE_OK) {
      std::string Message = Error ? Error : "unknown error";
      sqlite3_free(Error);
      throw std::runtime_error(Message);
    }
  }

  static Task read(Statement &S) {
    Task T;
    T.Id = S.integer(0);
    T.Owner = S.text(1);
    T.Title = S.text(2);
    T.State = S.text(3);
    T.Priority = static_cast<int>(S.integer(4));
    return T;
  }

  sqlite3 *Db = nullptr;
};

} // namespace store

int main(int argc, char **argv) {
  if (argc < 3) {
    std::cerr << "usage: task-store DB OWNER [TITLE]\n";
    return 2;
  }
  const char *Path = std::getenv("TASK_DB");
  store::TaskStore Store(Path ? Path : argv[1]);
  store::Task T;
  T.Owner = argv[2];
  T.Title = argc > 3 ? argv[3] : "untitled";
  T.State = "open";
  long Id = Store.add(T);
  Store.setState(Id, "started");
  Store.rename(Id, argc > 4 ? argv[4] : T.Title);
  for (const store::Task &Each : Store.byOwner(argv[2], store::Order::ByTitle))
    std::cout << Each.Id << ' ' << Each.Title << '\n';
  std::cout << Store.countByState(argc > 5 ? argv[5] : "open") << '\n';
  Store.purge(std::atoi(argc > 6 ? argv[6] : "30"));
  return 0;
}
