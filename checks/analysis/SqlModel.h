//===--- SqlModel.h - prodready --------------------------------*- C++ -*-===//
//
// What prodready-sql-injection knows about database APIs, as tables: which
// argument of which call is SQL text (the sinks of SQLite, libpq, the
// MySQL/MariaDB C API and libpqxx), and which calls make a value safe to
// put into SQL text (the libraries' quoting and escaping functions, a
// project's own `quote_*`/`escape_*` helpers, and sqlite3's printf with
// `%q`, `%Q` and `%w`). The untrusted-data analysis (TaintAnalysis.h) does
// the rest: SqlCallModels is this check's CallModelExtension.
//
// Terms. A value is *quoted* when it was made into an SQL literal or
// identifier by code that knows SQL's quoting rules; a number (or text
// printed from one) needs no quoting: it cannot end a string literal.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SQLMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_SQLMODEL_H

#include "TaintModel.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready {

/// The database API a sink belongs to: it decides which placeholder form
/// the message recommends.
enum class SqlLibrary { SQLite, LibPQ, MySQL, Pqxx, Other };

/// The SQL text argument of a call that runs or prepares it.
struct SqlSink {
  const Expr *Argument = nullptr;
  std::string What; ///< `'sqlite3_exec'`, for messages.
  SqlLibrary Library = SqlLibrary::Other;
};

/// The SQL argument of \p E, if it calls a function of SQLite, libpq, the
/// MySQL C API or libpqxx that runs or prepares SQL text: `sqlite3_exec`,
/// `sqlite3_prepare*`, `PQexec`, `PQprepare` (the statement, not its name),
/// `PQexecParams` (the command, not the parameters), `mysql_query`,
/// `mysql_real_query`, `mysql_stmt_prepare`, pqxx `exec*`, `query*`,
/// `stream` and `connection::prepare` (the definition).
std::optional<SqlSink> librarySqlSink(const Expr &E);

/// How the placeholder form of \p Library binds a value, for messages:
/// "a '?' placeholder with sqlite3_bind_text()".
llvm::StringRef placeholderAdvice(SqlLibrary Library);

/// A conversion of a format string: which argument (counted from the
/// first after the format) it prints, its conversion character (`}` for
/// `{}` fields), and where it starts in the format.
struct FormatField {
  unsigned Arg;
  char Conversion;
  size_t Offset;
};

/// The conversions of a printf format (`%s`, `%-*.*d`; with
/// \p SqliteQuoting, sqlite3's `%q`, `%Q`, `%w`, `%z`), or nullopt when it
/// is not understood.
std::optional<llvm::SmallVector<FormatField, 4>>
printfFields(llvm::StringRef Format, bool SqliteQuoting);

/// The fields of a {fmt} / std::format format (`{}`, `{0}`, `{:>8}`), or
/// nullopt when it is not understood (named fields).
std::optional<llvm::SmallVector<FormatField, 4>>
braceFields(llvm::StringRef Format);

/// The pieces that \p Join, where a value was joined into SQL text, puts
/// between single quotes without escaping them: `name` in `"... = '" +
/// name`, `os << "'" << name`, `StrCat("'", name)`, and the arguments of
/// `'%s'` and `'{}'` fields of a printf or {fmt} format. A quote in such a
/// piece ends the literal. Empty when there is none, or when the text
/// before the piece is not in the join (`sql += name`).
llvm::SmallVector<const Expr *, 2> quotedPieces(const Expr &Join);

/// For a printf format: the indices, among the \p NumArgs arguments that
/// follow it, of those whose text reaches the result unquoted (`%s`, `%z`,
/// `%c`). Numbers (`%d`, `%f`, ...) cannot end a literal; with
/// \p SqliteQuoting, `%q`, `%Q` and `%w` quote (sqlite3_mprintf). nullopt
/// when the format is not understood.
std::optional<llvm::SmallVector<unsigned, 4>>
unquotedPrintfArguments(llvm::StringRef Format, unsigned NumArgs,
                        bool SqliteQuoting);

/// True if \p Join formats text its own function was given: a format
/// call whose format string is a parameter (`fmt::format(sql, args...)` in
/// a helper `exec(fmt::format_string<T...> sql, T &&...args)`). The query
/// is then the caller's: the caller wrote the SQL and chose the values.
bool formatsCallerText(const Expr &Join);

/// The calls whose meaning for SQL differs from the shared tables: the
/// quoting functions are sanitizers, the printf family carries only the
/// arguments it does not quote, and the shared path sanitizers
/// (`basename`, `path::filename`) are not (a file name may hold a quote).
class SqlCallModels : public CallModelExtension {
public:
  std::optional<CallModel> classify(const CallExpr &Call) const override;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_SQLMODEL_H
