//===--- LogFileModel.h - prodready ----------------------------*- C++ -*-===//
//
// What the code says about a log file, one expression at a time: the table
// behind prodready-unbounded-log-file.
//
// Terms:
// - a *log sink* is where a program creates a file it logs to: a spdlog
//   file logger or sink, a Boost.Log file sink or backend, or a plain file
//   opened for append (`std::ofstream`/`std::fstream` with `std::ios::app`,
//   `fopen(…, "a")`, `freopen(…, "a", stderr)`);
// - a sink is *bounded* when the library limits it where it is created:
//   spdlog's rotating sinks, daily and hourly sinks with `max_files`,
//   Boost.Log's `rotation_size`/`max_size`/`max_files` keywords. Those are
//   not sinks of this model at all, or carry Bounded = true;
// - a *path shape* is the constant part of a file name, with `*` for what
//   the code computes: `logs/*`, `*/server.log`. A plain file is a log file
//   when its shape ends in `.log` or has a `log`/`logs` directory;
// - *limit evidence* is a call that shows the program watches or rotates a
//   file: a size query (`std::filesystem::file_size`, `stat`, `ftell`,
//   `tellp`) or a rotation (`rename`, `resize_file`, `truncate`).
//
// Whether an unbounded plain file is long-lived or written in a loop, and
// whether limit evidence covers it, is the per-TU analysis's question
// (LogFileAnalysis.h); this file only classifies.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_LOGFILEMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_LOGFILEMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready {

enum class LogSinkKind {
  SpdlogBasic,  ///< basic_logger_*, basic_file_sink: never rotated.
  SpdlogDaily,  ///< daily_logger_*, daily_file_sink without max_files.
  SpdlogHourly, ///< hourly_logger_*, hourly_file_sink without max_files.
  BoostFileLog, ///< boost::log::add_file_log without a size keyword.
  BoostBackend, ///< sinks::text_file_backend without a size keyword.
  PlainFile,    ///< ofstream/fstream with app, fopen "a", freopen "a".
};

/// How a spdlog sink is created, which decides what its fix rewrites.
enum class SpdlogForm {
  LoggerFactory, ///< spdlog::basic_logger_mt(name, file, ...)
  CreateCall,    ///< spdlog::create<basic_file_sink_mt>(name, file, ...)
  SmartPointer,  ///< std::make_shared<basic_file_sink_mt>(file, ...)
  Construction,  ///< basic_file_sink_mt s(file); new ...; a temporary.
};

/// One place where the program creates a log file.
struct LogSink {
  LogSinkKind Kind = LogSinkKind::PlainFile;
  /// The call or construction.
  const Expr *Site = nullptr;
  /// What the diagnostic names: 'spdlog::basic_logger_mt', 'fopen'.
  std::string Name;
  /// The expression of the file name (null when none is written).
  const Expr *Path = nullptr;

  // spdlog: the arguments of the sink's constructor start at
  // Args[SinkArgsBegin] (after the logger name of factories).
  SpdlogForm Form = SpdlogForm::Construction;
  unsigned SinkArgsBegin = 0;
  /// The `truncate` argument as written, or null.
  const Expr *Truncate = nullptr;
  /// Where the name of the basic logger or sink class is spelled (the
  /// token a fix renames), invalid when it is not spelled (an alias).
  SourceLocation NameLoc;
  /// Whether the expression's type names the sink class, so that a fix
  /// that changes the class must check the uses of the value.
  bool TypedAsSink = false;

  // Plain files.
  /// The stream or FILE* expression being opened by `.open()` (the holder
  /// of the other forms comes from their context), or null.
  const Expr *OpenedObject = nullptr;
  /// freopen's standard stream ("stderr"), empty otherwise.
  std::string Redirected;
};

/// The sink \p E creates, if it creates an unbounded one; a plain file only
/// when it is opened for append (any path: the path is judged later).
/// \p SpelledType is the type as written around a construction (a
/// variable's declared type, a `new`, a functional cast), when the caller
/// knows it.
std::optional<LogSink> classifyLogSink(const Expr &E, ASTContext &Ctx,
                                       TypeLoc SpelledType = TypeLoc());

/// True for a call that asks for the size of a file or of what a stream
/// wrote (`std::filesystem::file_size`, `stat`, `ftell`, `tellp`).
bool isFileSizeQuery(const CallExpr &Call);

/// True for a call that rotates or shrinks a file (`rename`,
/// `std::filesystem::rename`, `resize_file`, `truncate`, `ftruncate`).
bool isFileRotation(const CallExpr &Call);

/// True for a Boost.Log call that bounds its sink after creation: a
/// backend's `set_rotation_size`, or `set_file_collector` with a collector
/// limited by `max_size`/`max_files`/`min_free_space` (or one built where
/// the check cannot see).
bool isBoostLogLimit(const CallExpr &Call);

/// True for a call or construction given the signal `SIGHUP` (spelled so):
/// `signal(SIGHUP, h)`, `sigaction(SIGHUP, …)`, `signals.add(SIGHUP)`. A
/// program that handles the hangup signal follows logrotate's convention
/// of reopening its logs on it.
bool mentionsHangupSignal(const Expr &E, const ASTContext &Ctx);

/// The stream or FILE* variable/field \p E writes to, if it is a write:
/// `s << x` (the innermost left operand), `s.write(…)`, `s->put(…)`,
/// `fprintf(f, …)`, `fputs(…, f)`, `fwrite(…, f)`.
const ValueDecl *writtenStream(const Expr &E);

/// The variable or field an expression names (`log_`, `this->log_`, `*p`,
/// `std::move(p)`), or null.
const ValueDecl *namedHolder(const Expr *E);

/// Resolves what the path-shape reader cannot see by itself: the shapes a
/// parameter gets from the calls of its function in the TU, the shape a
/// function of the TU returns. Empty when unknown.
struct PathShapeContext {
  llvm::function_ref<std::string(const ParmVarDecl &, unsigned Depth)>
      Parameter;
  llvm::function_ref<std::string(const FunctionDecl &, unsigned Depth)>
      Returned;
};

/// The shape of the file name \p Path: the literal text it is built from,
/// with '*' for each part the code computes (`logs/*`, `*.log`); "*" when
/// nothing of it is constant.
std::string pathShape(const Expr &Path, const PathShapeContext &Context,
                      unsigned Depth = 0);

/// True if the shape names a log file: its last component ends in `.log`,
/// or a directory in it is `log` or `logs` (case-insensitive).
bool isLogPathShape(llvm::StringRef Shape);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_LOGFILEMODEL_H
