//===--- UncheckedContainerAccessCheck.h - prodready -----------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDCONTAINERACCESSCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDCONTAINERACCESSCHECK_H

#include "analysis/BoundsAnalysis.h"
#include "analysis/ContainerModel.h"
#include "analysis/IndexSummaries.h"
#include "analysis/TaintAnalysis.h"
#include "analysis/Termination.h"
#include "analysis/UntrustedUnits.h"
#include "UserCodeCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <memory>

namespace clang::tidy::prodready {

/// What unchecked-container-access reports.
enum class ContainerAccessMode {
  /// An access not proven in range when there is evidence of risk: outside
  /// data in the container or the index, a container that may be empty, an
  /// unchecked find() result, a constant index past a size the code
  /// established.
  Evidence,
  /// Every access whose index the function computes and cannot prove in
  /// range, evidence or not.
  Strict,
};

/// Finds element accesses (`c[i]`, `c.front()`, `c.back()`, `*c.begin()`,
/// `j["key"]`, raw arrays indexed by untrusted integers) that nothing shows
/// to be in range on every path.
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-container-access.md
class UncheckedContainerAccessCheck : public UserCodeCheck {
public:
  UncheckedContainerAccessCheck(StringRef Name, ClangTidyContext *Context);
  ~UncheckedContainerAccessCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  /// An access the analysis found unchecked.
  struct Finding {
    ElementAccess Access;
    bool UntrustedIndex = false;
    const Expr *Origin = nullptr; ///< Where the untrusted index came from.
    /// Why it is reported (evidence mode), for the note.
    AccessVerdict Verdict;
    /// The untrusted data the container holds, when that is the evidence.
    const Expr *ContainerOrigin = nullptr;
  };

  /// Whether \p Access (not proven in range) is worth a warning, and why.
  bool shouldReport(const Decl &Unit, const ElementAccess &Access,
                    const AccessVerdict &Verdict, bool VariableIndex,
                    Finding &Out);
  /// True if a failure of \p Access is an exception that a handler of its
  /// function catches (JSON on non-const values fails with one).
  bool failureIsCaught(const Decl &Unit, const ElementAccess &Access);
  void noteEvidence(const Finding &F, ASTContext &Ctx);
  void noteDataPointers(llvm::ArrayRef<const Expr *> Args);

  void noteStatement(const Stmt &S, const Decl *Unit, ASTContext &Ctx);
  void analyzeUnit(const Decl &Unit, ASTContext &Ctx);
  /// Untrusted indices that \p Unit passes to functions indexing with them
  /// (see IndexSummaries.h): reported at the access, with a note per call.
  void analyzeCalls(const Decl &Unit, ContainerBoundsAnalysis &Analysis,
                    ASTContext &Ctx);
  /// The untrusted-data analysis' value of \p E at \p Site in \p Unit.
  TaintValue untrustedValue(const Decl &Unit, const Expr &E, const Expr &Site);
  void report(llvm::ArrayRef<Finding> Chain, ASTContext &Ctx);
  std::string describe(const ElementAccess &Access, bool UntrustedIndex,
                       ASTContext &Ctx) const;
  std::optional<FixItHint> accessFix(const Finding &F, ASTContext &Ctx,
                                     std::optional<FixItHint> &Second) const;

  const StringRef RawContainers;
  const StringRef RawGuardFunctions;
  const StringRef RawSources;
  const bool UntrustedOnly;
  const ContainerAccessMode Mode;
  ContainerModel Containers;
  BoundsOptions Bounds;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<TaintSinkModel> NoSinks;
  UntrustedUnitFinder Untrusted;

  // Per translation unit.
  llvm::MapVector<const Decl *, llvm::SmallVector<ElementAccess, 4>> Accesses;
  /// Calls of the project's functions passing an integer, per unit.
  llvm::MapVector<const Decl *, llvm::SmallVector<const CallExpr *, 4>> Calls;
  std::unique_ptr<IndexSummaryProvider> IndexUses;
  std::unique_ptr<FunctionSummaries> Summaries;
  /// JSON accesses that build a value (`j["a"]["b"] = 1`) or only inspect
  /// one that may be missing (`j["k"].is_string()`) on a non-const value.
  llvm::DenseSet<const Expr *> BenignJsonAccesses;
  std::unique_ptr<TaintEngine> Engine;
  llvm::SetVector<const Decl *> UntrustedUnits;
  bool UntrustedUnitsKnown = false;
  llvm::DenseSet<const Expr *> Reported;
  /// `&c[0]` passed with `c.size()`: a data pointer, not an element read.
  llvm::DenseSet<const Expr *> DataPointerAccesses;
  /// Per function: the source ranges of try blocks that catch what a JSON
  /// access throws (std::exception, nlohmann's exceptions, `...`).
  llvm::DenseMap<const Decl *, llvm::SmallVector<SourceRange, 2>>
      CatchingTryBlocks;
  TerminatingFunctions Terminating;
};

} // namespace clang::tidy::prodready

namespace clang::tidy {
template <> struct OptionEnumMapping<prodready::ContainerAccessMode> {
  static llvm::ArrayRef<std::pair<prodready::ContainerAccessMode, StringRef>>
  getEnumMapping();
};
} // namespace clang::tidy

#endif // PRODREADY_CHECKS_UNCHECKEDCONTAINERACCESSCHECK_H
