//===--- ProgramSummaries.h - prodready ------------------------*- C++ -*-===//
//
// Whole-program mode: the function summaries of every translation unit of
// a program, linked by each function's USR, so that a translation unit's
// analysis knows what a function defined in another one does. The driver
// (`prodready check --whole-program`) writes them; the checks read the
// file that their `WholeProgramSummaries` option names, and model a call
// of a function without a body here by its summary, the way the shared
// tables model a library call:
//
//   config.cpp:  std::string outputDir() { return std::getenv("OUT"); }
//   export.cpp:  std::string outputDir();   // declared only
//                std::ofstream out(outputDir() + "/" + name);
//
// `outputDir()` returns data from the environment in export.cpp too. What
// is followed: untrusted results (ReturnsUntrusted, with the kind of
// source), parameters returned (ParamsToReturn) and path validators
// (Validates). Format: docs/design/regions-and-summaries.md.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_PROGRAMSUMMARIES_H
#define PRODREADY_CHECKS_ANALYSIS_PROGRAMSUMMARIES_H

#include "FunctionSummary.h"
#include "TaintModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include <optional>
#include <memory>
#include <set>
#include <string>

namespace clang::tidy::prodready {

/// The name of a function across translation units ("" if it has none).
std::string usrOf(const Decl &D);

/// The summaries file the checks read when their `WholeProgramSummaries`
/// option is not set, and only if it exists: prodready-clangd's
/// `--whole-program-summaries` flag sets it, so that the editor uses the
/// file the last `prodready check --whole-program --cache DIR` left.
void setDefaultSummariesFile(std::string Path);
std::string defaultSummariesFile();

/// Whether a summary whose file changed after the summaries file was
/// written is ignored (see ProgramCallModels). Only prodready-clangd sets
/// it: the driver writes the file during its run, and an edit or a clock
/// skew there must not change what it finds.
void setIgnoreStaleSummaries(bool Ignore);
bool ignoresStaleSummaries();

/// One step of the way untrusted data takes through functions of other
/// translation units: a note of a finding in a unit that calls them.
struct PathStep {
  std::string File; ///< Absolute.
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message;
  bool operator==(const PathStep &O) const {
    return File == O.File && Line == O.Line && Column == O.Column &&
           Message == O.Message;
  }
};

class ProgramSummaries {
public:
  struct Entry {
    FunctionSummary Summary;
    std::string Name; ///< Qualified, for messages.
    std::string File; ///< Where it is defined (absolute), for notes.
    /// With ReturnsUntrusted: from the source (in this function, or in the
    /// functions of other units it got the data from) to its return.
    std::vector<PathStep> Path;
  };

  /// Reads the file \p Path (kept per path while it is unchanged, so that
  /// every check of every translation unit shares one copy).
  static std::shared_ptr<const ProgramSummaries> load(llvm::StringRef Path,
                                                      std::string &Error);
  /// Reads the text of a summaries file (or of one translation unit's
  /// summaries: the same format).
  static std::unique_ptr<ProgramSummaries> parse(llvm::StringRef Text,
                                                 std::string &Error);
  /// The text of the summaries: compact for the files and cache entries
  /// that only programs read (less to scan on every warm run), \p Indented
  /// for the one a person may open.
  std::string serialize(bool Indented = false) const;

  /// Adds \p Usr's summary: a function defined in several translation
  /// units (inline in a header) gets what any definition does, and
  /// validates only what all of them validate.
  void add(llvm::StringRef Usr, const Entry &E);
  /// Adds every function of \p Other; true if a summary changed.
  bool merge(const ProgramSummaries &Other);
  const Entry *find(llvm::StringRef Usr) const;
  /// Replaces each file named (a definition's, a path step's) by \p Map's
  /// result: a shard's report names files relative to its project root,
  /// so that the merge, in another directory or on another machine, reads
  /// them under its own.
  void mapFiles(llvm::function_ref<std::string(llvm::StringRef)> Map);
  /// The summaries of the functions of \p Usrs that this has: what a unit
  /// calling them read of the program (the driver's cache keys on it).
  ProgramSummaries restrictedTo(const std::set<std::string> &Usrs) const;
  size_t size() const { return Functions.size(); }
  const llvm::StringMap<Entry> &functions() const { return Functions; }

  /// The USRs of functions a translation unit calls without a body of
  /// its own (what its analysis depends on in other units).
  std::set<std::string> Calls;

  /// When load() read the file: a summary whose function's file changed
  /// later is stale (see ProgramCallModels).
  std::optional<llvm::sys::TimePoint<>> WrittenAt;

private:
  llvm::StringMap<Entry> Functions;
};

/// The summaries of the functions with external linkage that \p Ctx's main
/// file defines, computed with \p Known for the calls to other units, and
/// the functions it calls that it does not define.
ProgramSummaries summarizeTranslationUnit(ASTContext &Ctx,
                                          const ProgramSummaries *Known);

/// The call models of calls of functions defined elsewhere, from their
/// summaries. \p PathValidators: whether a validator summary (its path
/// tests) vouches for its argument, which holds for path sinks only.
///
/// In the editor (setIgnoreStaleSummaries), a summary is not used when the
/// file that defines its function, or a file of its path, was modified
/// after the summaries file was written, or is gone: the function may have
/// changed since the last whole-program run, and an outdated summary would
/// make findings appear or vanish wrongly.
class ProgramCallModels : public CallModelExtension,
                          public ExternalSummaries {
public:
  ProgramCallModels(std::shared_ptr<const ProgramSummaries> Summaries,
                    bool PathValidators)
      : Summaries(std::move(Summaries)), PathValidators(PathValidators) {}
  std::optional<CallModel> classify(const CallExpr &Call) const override;
  /// The summary a call \p E (an origin of untrusted data) was modelled by,
  /// or null: for the notes that show the steps in other units.
  const ProgramSummaries::Entry *linkedCallee(const Expr &E) const;
  /// The linked summary of \p F (its network facts, for the network
  /// checks' tables), unless it has a body here or is stale.
  const FunctionSummary *find(const FunctionDecl &F) const override;

private:
  /// The summary of \p Callee, unless its body is here or it is stale.
  const ProgramSummaries::Entry *current(const FunctionDecl &Callee) const;
  bool isStale(const ProgramSummaries::Entry &E) const;
  bool isStaleFile(const std::string &File) const;

  std::shared_ptr<const ProgramSummaries> Summaries;
  bool PathValidators;
  bool CheckStale = ignoresStaleSummaries();
  /// Per defining file: stale or not (one stat per file per unit).
  mutable llvm::StringMap<bool> StaleFiles;
  /// Per declaration: its summary (a USR per function, not per call).
  mutable llvm::DenseMap<const Decl *, const ProgramSummaries::Entry *>
      ByDecl;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_PROGRAMSUMMARIES_H
