//===--- LogFileAnalysis.h - prodready -------------------------*- C++ -*-===//
//
// Which log files of a translation unit grow without bound, on evidence.
//
// A spdlog or Boost.Log file sink without limits (LogFileModel.h) is a
// logger's sink: long-lived by design, it is a finding unless the TU calls
// one of the user's rotation functions, handles SIGHUP (logrotate's
// convention: the program reopens its logs on a hangup, so an external
// rotation is in place), or bounds the Boost.Log sink after creating it
// (`set_rotation_size`, a limited file collector).
//
// A plain file opened for append is a finding only with evidence that it
// grows for as long as the program runs:
// - its path is a log file's (the path shape, LogFileModel.h), followed
//   through locals, the calls of the TU that pass a parameter, default
//   arguments and the functions of the TU that return it;
// - and it is kept in a long-lived object (a field, a global, a static,
//   or a local moved into one), or written in an open-ended loop
//   (`while (running)`, `for (;;)`: not a counted loop or one that reads
//   its input, whose output is bounded by its data), or it is stderr or
//   stdout redirected by freopen;
// - and nothing in the unit that opens it (for a field: in any method of
//   its class; for a global: anywhere in the TU) asks for a file's size or
//   rotates a file, and no rotation function of the user is called.
// A one-shot append (a CLI's `--log file`, a helper that opens, writes a
// line and closes) is not reported: each run adds a bounded amount.
//
// The facts are collected statement by statement as the user-code scanner
// visits them; findings are judged when asked for, once the facts they
// depend on are in (the whole TU on the command line; in the editor, at
// the end of the TU, since it is matched one declaration at a time).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_LOGFILEANALYSIS_H
#define PRODREADY_CHECKS_ANALYSIS_LOGFILEANALYSIS_H

#include "LogFileModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <vector>

namespace clang::tidy::prodready {

/// Why a plain file is judged to grow without bound.
enum class LogFileLifetime {
  Library, ///< A spdlog or Boost.Log sink: a logger's, long-lived.
  Object,  ///< A stream or FILE* kept in a field.
  Program, ///< ... in a global or a static.
  Loop,    ///< A local stream written in an open-ended loop.
  Process, ///< stderr/stdout redirected by freopen.
};

struct LogFileFinding {
  LogSink Sink;
  /// The function (or initialized global/field) that creates the sink.
  const Decl *Unit = nullptr;
  LogFileLifetime Lifetime = LogFileLifetime::Library;
  /// Plain files: the path shape (`logs/*`).
  std::string Shape;
  /// The variable or field that holds the stream, FILE* or sink (for a
  /// plain file moved into a field, the field), when one does.
  const ValueDecl *Holder = nullptr;
  /// A write inside the open-ended loop (Lifetime::Loop).
  const Stmt *LoopWrite = nullptr;
};

class LogFileAnalysis {
public:
  /// \p IsRotationFunction: whether a function is one of the user's that
  /// rotate logs; a TU that calls one is taken to rotate its logs itself.
  explicit LogFileAnalysis(
      std::function<bool(const FunctionDecl &)> IsRotationFunction)
      : IsRotationFunction(std::move(IsRotationFunction)) {}

  /// Notes what \p S (visited by the user-code scanner in \p Unit) says.
  void noteStatement(const Stmt &S, const Decl *Unit, ASTContext &Ctx);

  /// The findings among the sinks noted since the last call, judged on
  /// every fact noted so far, in source order.
  std::vector<LogFileFinding> takeFindings(ASTContext &Ctx);

  void clear();

private:
  struct Candidate {
    LogSink Sink;
    const Decl *Unit;
    const ValueDecl *Holder;
  };
  struct Write {
    const Stmt *S;
    const Decl *Unit;
  };

  void noteUnit(const Decl &Unit);
  void noteHolders(const Stmt &S);
  void noteCall(const Expr &E, const Decl *Unit, ASTContext &Ctx);
  void noteLimitedHolders(const CallExpr &Call);
  void noteLoop(const Stmt &S, const Decl *Unit, ASTContext &Ctx);
  void noteSink(const Expr &E, const Decl *Unit, ASTContext &Ctx);

  std::optional<LogFileFinding> judge(const Candidate &C, ASTContext &Ctx);
  std::optional<LogFileFinding> judgePlain(const Candidate &C,
                                           ASTContext &Ctx);
  /// The lifetime of \p Holder (opened in \p Unit), and for a local the
  /// write in a loop that makes it grow; std::nullopt for a short-lived one.
  std::optional<LogFileLifetime> lifetimeOf(const ValueDecl &Holder,
                                            const Decl &Unit,
                                            const Stmt *&LoopWrite,
                                            const SourceManager &SM) const;
  bool hasLimitEvidence(const LogFileFinding &F) const;
  std::string shapeOf(const Expr &Path);
  std::string parameterShape(const ParmVarDecl &Parm, unsigned Depth);
  std::string returnedShape(const FunctionDecl &F, unsigned Depth);

  std::function<bool(const FunctionDecl &)> IsRotationFunction;

  std::vector<Candidate> Candidates;
  llvm::DenseSet<const Expr *> Seen;
  /// The variable or field an opening expression is stored in.
  llvm::DenseMap<const Expr *, const ValueDecl *> HolderOf;
  /// The type written around a construction (`T v(…)`, `new T(…)`).
  llvm::DenseMap<const Expr *, TypeLoc> SpelledTypes;
  llvm::DenseSet<const Decl *> UnitsNoted;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<Write, 4>> Writes;
  llvm::DenseMap<const Decl *, llvm::SmallVector<const Stmt *, 2>> Loops;
  /// A local stream moved or copied into a field or global.
  llvm::DenseMap<const ValueDecl *, const ValueDecl *> Escapes;
  llvm::DenseSet<const Decl *> UnitsWithFileLimits;
  /// Streams and paths whose size some call asks for.
  llvm::DenseSet<const ValueDecl *> LimitedHolders;
  llvm::DenseSet<const Decl *> UnitsWithBoostLimits;
  bool CallsRotationFunction = false;
  /// The TU handles SIGHUP: logrotate's convention to reopen logs.
  bool HandlesHangup = false;
  /// Calls and constructions of the TU's functions, by callee, and the
  /// values the TU's functions return: where path shapes come from.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const Expr *, 2>>
      CallsOf;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const Expr *, 1>>
      ReturnsOf;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_LOGFILEANALYSIS_H
