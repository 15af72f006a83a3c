//===--- IndexSummaries.h - prodready --------------------------*- C++ -*-===//
//
// The bounds analysis' part of the function summaries: which parameters a
// function uses as an index (into a container, an array or a C buffer)
// without checking both bounds first, directly or by passing them to a
// function that does. A caller that passes an untrusted value there, with
// no check of its own on the way, reads out of range in the callee:
//
//   int cell(const int *grid, int i) { return grid[i]; }   // IndexUse i
//   int main(int argc, char **argv) { return cell(g, atoi(argv[1])); }
//
// The use records the access and the calls from the summarized function to
// it, so the report lands on the access with a note at each call.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_INDEXSUMMARIES_H
#define PRODREADY_CHECKS_ANALYSIS_INDEXSUMMARIES_H

#include "BoundsAnalysis.h"
#include "FunctionSummary.h"

namespace clang::tidy::prodready {

class IndexSummaryProvider : public SummaryProvider {
public:
  IndexSummaryProvider(const ContainerModel &Model,
                       const BoundsOptions &Options)
      : Model(Model), Options(Options) {}

  void summarize(const FunctionDecl &Definition, FunctionSummaries &Table,
                 FunctionSummary &Out) override;

  /// Uses recorded per function, at most: a function indexing with its
  /// parameters in many places is reported at the first few.
  static constexpr unsigned MaxUses = 8;

private:
  const ContainerModel &Model;
  const BoundsOptions &Options;
};

/// An index use of a callee that an argument of one call reaches, with
/// neither the callee nor the caller (before the call) checking the bound
/// the use lacks.
struct IndexUseThroughCall {
  const IndexUse *Use = nullptr;
  const CallExpr *Call = nullptr;
  const Expr *Argument = nullptr;
};

/// The uses that \p Call meets with an argument \p Wanted accepts (an
/// untrusted one, say). \p Caller is the bounds analysis of the function
/// making the call: its checks before the call count.
void indexUsesThroughCall(
    const CallExpr &Call, FunctionSummaries &Table,
    ContainerBoundsAnalysis &Caller,
    llvm::function_ref<bool(const Expr &Argument)> Wanted,
    llvm::SmallVectorImpl<IndexUseThroughCall> &Out);

/// The parameter of \p F that \p Index is (casts and parentheses looked
/// through), if it is one.
const ParmVarDecl *indexParameter(const Expr &Index, const FunctionDecl &F);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_INDEXSUMMARIES_H
