//===--- FunctionSummary.h - prodready -------------------------*- C++ -*-===//
//
// What a function of the project does that its callers' analyses need to
// know, without looking at its body again: which parameters reach its
// return value or a sink, which it uses as an index without bounds, which
// handle parameters it configures, whether it waits, whether it validates
// a parameter. A caller's analysis applies the summary at each call, the
// way clang's own analyses apply a library model.
//
// Summaries are computed once per function, on demand, bottom-up over the
// translation unit's call graph (clang::CallGraph): a function's callees
// are summarized before it, and the functions of a cycle (recursion) are
// recomputed together until none of their summaries changes. Every field
// only grows while a cycle iterates (each is a union of facts found on some
// path), so the iteration terminates; it is also capped.
//
// Each analysis contributes its own fields through a SummaryProvider, so
// this file knows no analysis. Summaries are plain data and serialize to
// JSON (with a format version) for the driver's whole-program mode.
//
// See docs/design/regions-and-summaries.md.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_FUNCTIONSUMMARY_H
#define PRODREADY_CHECKS_ANALYSIS_FUNCTIONSUMMARY_H

#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CallGraph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

/// A set of parameters, bit i for parameter i (the implicit object of a
/// method is not a parameter). Parameters past the 64th are not tracked.
using ParamSet = uint64_t;
inline ParamSet paramBit(unsigned Index) {
  return Index < 64 ? ParamSet(1) << Index : 0;
}

/// A parameter used as an index (or pointer offset) in the function, or in
/// a function it passes the parameter to, without a check of one of its
/// bounds on the way.
struct IndexUse {
  unsigned Param = 0;
  bool NoUpperBound = false; ///< Not checked against the size.
  bool NoLowerBound = false; ///< Signed and not checked against 0.
  /// Where the element is accessed (file:line:col when read back from a
  /// serialized summary; the AST node while in the TU that computed it).
  const Expr *Access = nullptr;
  std::string AccessLocation;
  std::string Container; ///< The indexed container or buffer, for messages.
  /// The calls from this function to the one with the access, outermost
  /// first (empty when the access is in this function).
  llvm::SmallVector<const CallExpr *, 2> Calls;

  bool operator==(const IndexUse &O) const {
    return Param == O.Param && NoUpperBound == O.NoUpperBound &&
           NoLowerBound == O.NoLowerBound && Access == O.Access &&
           AccessLocation == O.AccessLocation;
  }
};

struct FunctionSummary {
  // Untrusted data.
  /// Returns untrusted data it read itself (a source in its body or in a
  /// callee).
  bool ReturnsUntrusted = false;
  /// The SourceKind bits of what it returns (with ReturnsUntrusted): who
  /// controls the data decides how a check judges it.
  uint8_t ReturnedSources = 0;
  /// Parameters whose data reaches the return value.
  ParamSet ParamsToReturn = 0;
  /// Parameters whose data reaches a sink of the asking check unsanitized.
  ParamSet ParamsToSink = 0;
  /// Pointer or reference parameters through which it writes untrusted
  /// data (`void read_name(int fd, char *out)` filling `out` from `recv`).
  ParamSet UntrustedOutParams = 0;
  /// Parameters it returns true for only when they are safe (a path with no
  /// `..`, a URL on an allowed host): a test of its result sanitizes them.
  ParamSet Validates = 0;

  // Bounds.
  std::vector<IndexUse> IndexUses;

  // Network.
  /// Waits (sleeps, a timer) on some path that returns: a backoff helper
  /// (one that skips the first attempt is still one).
  bool Delays = false;
  /// Performs blocking network I/O.
  bool PerformsNetworkIO = false;
  /// Handle parameters given a total timeout or deadline (on every path
  /// that returns normally: see NetworkSummaries.h).
  ParamSet SetsTimeoutOn = 0;
  /// Handle parameters given a connect timeout.
  ParamSet SetsConnectTimeoutOn = 0;
  /// libcurl handle parameters given a protocol restriction
  /// (CURLOPT_PROTOCOLS_STR, CURLOPT_REDIR_PROTOCOLS_STR, ...).
  ParamSet SetsProtocolsOn = 0;
  /// libcurl handle parameters given a response body sink (WRITEDATA).
  ParamSet SetsResponseSinkOn = 0;
  /// Result or status parameters it checks, returning a failure or throwing
  /// when they say the operation failed.
  ParamSet ChecksStatusOf = 0;
  /// httplib::Result parameters it checks hold a response (the request did
  /// not fail to connect), on the same terms; their HTTP status may be
  /// left unchecked. Contains the Results of ChecksStatusOf.
  ParamSet ChecksResponseOf = 0;

  bool operator==(const FunctionSummary &O) const;
  bool operator!=(const FunctionSummary &O) const { return !(*this == O); }
  /// True if the summary says nothing (all callers can skip it).
  bool empty() const { return *this == FunctionSummary(); }
};

/// The serialized form: \p Key names the function across translation units
/// (its USR), \p Name is for messages.
llvm::json::Value toJSON(const FunctionSummary &S, llvm::StringRef Key,
                         llvm::StringRef Name, const SourceManager *SM);
/// Reads back what toJSON wrote; nullopt (and \p Error set) on a malformed
/// value or another format version.
std::optional<FunctionSummary> summaryFromJSON(const llvm::json::Value &V,
                                               std::string &Key,
                                               std::string &Name,
                                               std::string &Error);
/// The version written in every serialized summary.
constexpr int SummaryFormatVersion = 2;

class FunctionSummaries;

/// Summaries of functions without a body in the translation unit: those of
/// other units, linked by the driver's whole-program mode
/// (ProgramSummaries.h).
class ExternalSummaries {
public:
  virtual ~ExternalSummaries();
  /// The summary of \p F, declared here and defined elsewhere, or null.
  virtual const FunctionSummary *find(const FunctionDecl &F) const = 0;
};

/// One analysis' part of the summaries.
class SummaryProvider {
public:
  virtual ~SummaryProvider();
  /// Recomputes this provider's fields of \p Out for \p Definition. The
  /// summaries of its callees are available through \p Table (final, or the
  /// current approximation inside a cycle). Must be monotone: with larger
  /// callee summaries, the fields it sets do not shrink.
  virtual void summarize(const FunctionDecl &Definition,
                         FunctionSummaries &Table, FunctionSummary &Out) = 0;
};

/// The summaries of a translation unit's functions, computed on demand.
class FunctionSummaries {
public:
  explicit FunctionSummaries(ASTContext &Ctx);
  ~FunctionSummaries();

  /// Adds an analysis; summaries computed before are forgotten.
  void addProvider(SummaryProvider &Provider);
  /// Where get() finds the summaries of functions defined in other
  /// translation units (null: none; they stay unknown).
  void setExternal(const ExternalSummaries *Linked) { External = Linked; }

  /// The summary of \p F (any declaration of it), computing it and those of
  /// the functions it may call first. Null for a function without a body
  /// in user code (a library function: the models describe it; a function
  /// of another unit, unless setExternal() knows it) or one the call graph
  /// leaves out (dependent templates).
  const FunctionSummary *get(const FunctionDecl &F);

  /// Calls \p Visit with each summary computed so far (canonical
  /// declarations), e.g. to serialize them.
  template <typename VisitT> void forEachComputed(VisitT Visit) const {
    for (const auto &[F, S] : Summaries)
      if (Done.count(F))
        Visit(*F, *S);
  }

  /// Forgets every summary (the values a provider depends on changed).
  void clear();

  /// Cap on the rounds of a cycle's iteration: recursion through many
  /// functions is rare, and a summary past the cap is kept as is.
  static constexpr unsigned MaxCycleRounds = 8;

private:
  void addReachable(const FunctionDecl &Definition);
  void summarizeCycle(llvm::ArrayRef<CallGraphNode *> Cycle);
  static const FunctionDecl *definitionOf(const CallGraphNode &Node);
  FunctionSummary &slot(const FunctionDecl *Key);
  bool isUserCode(const FunctionDecl &Definition) const;

  ASTContext &Ctx;
  std::vector<SummaryProvider *> Providers;
  const ExternalSummaries *External = nullptr;
  CallGraph Graph;
  llvm::DenseSet<const FunctionDecl *> InGraph;
  /// Stable addresses: get() hands out pointers while the map grows.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  llvm::DenseSet<const FunctionDecl *> Done;
  /// Members of the cycle being summarized: a query for one reads its
  /// current approximation instead of starting over.
  llvm::DenseSet<const FunctionDecl *> Active;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_FUNCTIONSUMMARY_H
