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

  /// A function of a translation unit that is not linked itself, but
  /// returns what functions of other units return:
  ///
  ///   names.cpp:  std::string readName(int fd) { return rawName(fd); }
  ///
  /// Once rawName's summary is linked, composeForwards() gives readName
  /// the summary the analysis of names.cpp would compute with it, so that
  /// the units calling readName see it in the same round as those calling
  /// rawName instead of one round later (see SummaryForwards.h).
  struct Forward {
    /// A call of a function of another unit whose result it may return.
    struct Call {
      std::string Usr;
      /// The call, as the step of a path through it.
      PathStep Origin;
      /// What the call is given (its object and arguments): parameters,
      /// and earlier calls (bit k for Calls[k]). Unless the callee's
      /// summary says otherwise, its result is made of them.
      ParamSet GivenParams = 0;
      uint16_t GivenCalls = 0;
      bool operator==(const Call &O) const {
        return Usr == O.Usr && Origin == O.Origin &&
               GivenParams == O.GivenParams && GivenCalls == O.GivenCalls;
      }
    };
    /// A return of one of the calls' results (bit k for Calls[k]).
    struct Return {
      PathStep Step;
      uint16_t Calls = 0;
      bool operator==(const Return &O) const {
        return Step == O.Step && Calls == O.Calls;
      }
    };
    std::string Name;
    std::string File;
    /// The parameters it returns other than through the calls.
    ParamSet Params = 0;
    std::vector<Call> Calls;
    std::vector<Return> Returns; ///< In the order of the body.
    bool operator==(const Forward &O) const {
      return Name == O.Name && File == O.File && Params == O.Params &&
             Calls == O.Calls && Returns == O.Returns;
    }
  };
  /// By the USR of the function.
  llvm::StringMap<Forward> Forwards;

  /// Adds the summary of each function of Forwards that returns untrusted
  /// data once the summaries of the functions it calls are known (a
  /// linked program's), unless it has one of its own.
  void composeForwards();

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
