//===--- BoundsAnalysis.h - prodready --------------------------*- C++ -*-===//
//
// A flow-sensitive "must" analysis of what a function knows, at each point,
// about the sizes of its containers and the ranges of its indices: the
// facts that make an element access safe.
//
// Terms. A *slot* is a place that holds a container or an index: a
// variable, `this`, a field below one, or a JSON element below one
// (`resp["choices"][0]`). A *fact* holds on every path to a point:
//   SizeAtLeast(c, T)  c.size() >= T   (T a constant, a variable or the
//                                       size of another container)
//   Below(i, T, k)     i + k < T       (T as above; for a constant T the
//                                       fact is i < T)
//   AtLeast(i, k)      i >= k
//   Exists(e)          the JSON element e exists
//   FoundIn(v, s)      v holds s.find(...) (an index or JSON iterator)
// Conditions add facts on the edges they decide (`!c.empty()`,
// `i < c.size()`, `c.size() >= k`, `j.contains("k")`, `pos != npos`,
// `it != j.end()`, range-for entry), constructions and assignments add
// them (`std::vector<int> v(n)`, `n = v.size()`, `i = 0`), growth keeps or
// strengthens them (`push_back`), and anything that may shrink a container
// or change an index removes the facts that mention it (`clear`,
// `pop_back`, `erase`, reassignment, passing it by non-const reference).
// Facts are intersected where paths meet (sizes keep the smaller bound), so
// an access is safe only if every path establishes it. The domain is finite
// per function (slots and constants of its text), so the worklist
// iteration over clang's CFG terminates.
//
// See docs/design/container-bounds.md.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_BOUNDSANALYSIS_H
#define PRODREADY_CHECKS_ANALYSIS_BOUNDSANALYSIS_H

#include "ContainerModel.h"
#include "clang/AST/ASTContext.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

class TerminatingFunctions;

struct BoundsOptions {
  /// Whether `assert(cond)` establishes `cond` after it (it does in builds
  /// without NDEBUG; a release build has no check left).
  bool TrustAsserts = true;
  /// Functions that return only when their first argument is true (they
  /// abort or throw otherwise), by qualified name.
  std::vector<std::string> GuardFunctions;
  /// Calls after which a path ends (unmarked helpers that exit or throw):
  /// shared by the analyses of one translation unit. Optional.
  TerminatingFunctions *Terminating = nullptr;
};

/// Why an access that is not proven in range is likely to be out of range,
/// beyond the lack of a proof: what the check reports by default.
enum class RiskEvidence {
  None,
  /// The container is empty on some path to the access: declared empty or
  /// cleared, and neither grown nor checked since.
  MaybeEmpty,
  /// The index is a `find` result not compared with `npos` on every path.
  UncheckedFind,
  /// A constant index at or past the size a branch of this function
  /// checked (`if (v.size() < 2) return; ... v[2]`).
  BeyondCheckedSize,
  /// A constant index at or past the size the container has on every path.
  BeyondKnownSize,
};

/// What the analysis concluded about one access.
struct AccessVerdict {
  /// The element is known to exist on every path to the access (or the
  /// access is unreachable, or the function could not be analyzed).
  bool InBounds = false;
  /// The index is a constant, or computed in the function from locals and
  /// constants, so an unchecked access is the function's own doing (not a
  /// parameter or field whose range the caller or class vouches for).
  bool IndexIsLocal = false;
  /// An upper bound of the index is known (perhaps not against this
  /// container), and a lower one.
  bool UpperBounded = false;
  bool NonNegative = false;
  /// For an access not in bounds: evidence it may be out of range.
  RiskEvidence Evidence = RiskEvidence::None;
  /// Where the evidence comes from: the declaration or call that emptied
  /// the container, the `find` call, the size check.
  const Stmt *EvidenceSite = nullptr;
  /// The size checked or known (BeyondCheckedSize, BeyondKnownSize).
  int64_t EvidenceSize = 0;
};

/// What a function knows of an index value at one point, whatever it
/// indexes (for an argument passed to a function that indexes with it).
struct IndexBounds {
  bool UpperBounded = false; ///< Some upper bound holds on every path.
  bool NonNegative = false;  ///< It is >= 0 on every path.
};

class ContainerBoundsAnalysis {
public:
  /// Prepares the analysis of \p Body, the body of \p Func. The CFG is
  /// built on the first query.
  ContainerBoundsAnalysis(const Decl &Func, const Stmt &Body, ASTContext &Ctx,
                          const ContainerModel &Model,
                          const BoundsOptions &Options);
  ~ContainerBoundsAnalysis();

  /// The verdict for \p Access, an access in the body.
  AccessVerdict check(const ElementAccess &Access);

  /// The bounds of \p Index, an integer expression evaluated as part of
  /// \p Site (an element of the CFG, such as a call), before \p Site.
  /// Both are true where the point is unreachable or not analyzed.
  IndexBounds boundsAt(const Expr &Index, const Stmt &Site);

  class Impl;

private:
  std::unique_ptr<Impl> TheImpl;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_BOUNDSANALYSIS_H
