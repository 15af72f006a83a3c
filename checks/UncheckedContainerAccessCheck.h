//===--- UncheckedContainerAccessCheck.h - prodready -----------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDCONTAINERACCESSCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDCONTAINERACCESSCHECK_H

#include "analysis/BoundsAnalysis.h"
#include "analysis/ContainerModel.h"
#include "analysis/TaintAnalysis.h"
#include "analysis/UntrustedUnits.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <memory>

namespace clang::tidy::prodready {

/// Finds element accesses (`c[i]`, `c.front()`, `c.back()`, `*c.begin()`,
/// `j["key"]`, raw arrays indexed by untrusted integers) that nothing shows
/// to be in range on every path.
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-container-access.md
class UncheckedContainerAccessCheck : public ClangTidyCheck {
public:
  UncheckedContainerAccessCheck(StringRef Name, ClangTidyContext *Context);
  ~UncheckedContainerAccessCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// An access the analysis found unchecked.
  struct Finding {
    ElementAccess Access;
    bool UntrustedIndex = false;
    const Expr *Origin = nullptr; ///< Where the untrusted index came from.
  };

  void noteStatement(const Stmt &S, const Decl *Unit, ASTContext &Ctx);
  void analyzeUnit(const Decl &Unit, llvm::ArrayRef<ElementAccess> Accesses,
                   ASTContext &Ctx);
  /// The untrusted-data analysis' value of \p E at \p Site in \p Unit.
  TaintValue untrustedValue(const Decl &Unit, const Expr &E, const Expr &Site);
  void report(llvm::ArrayRef<Finding> Chain, ASTContext &Ctx);
  std::string describe(const ElementAccess &Access, bool UntrustedIndex,
                       ASTContext &Ctx) const;
  std::optional<FixItHint> accessFix(const ElementAccess &Access,
                                     ASTContext &Ctx,
                                     std::optional<FixItHint> &Second) const;

  const StringRef RawContainers;
  const StringRef RawGuardFunctions;
  const StringRef RawSources;
  const bool UntrustedOnly;
  ContainerModel Containers;
  BoundsOptions Bounds;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<TaintSinkModel> NoSinks;
  UntrustedUnitFinder Untrusted;

  // Per translation unit.
  llvm::MapVector<const Decl *, llvm::SmallVector<ElementAccess, 4>> Accesses;
  /// JSON accesses that build a value (`j["a"]["b"] = 1`) or only inspect
  /// one that may be missing (`j["k"].is_string()`) on a non-const value.
  llvm::DenseSet<const Expr *> BenignJsonAccesses;
  std::unique_ptr<TaintEngine> Engine;
  llvm::SetVector<const Decl *> UntrustedUnits;
  bool UntrustedUnitsKnown = false;
  llvm::DenseSet<const Expr *> Reported;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNCHECKEDCONTAINERACCESSCHECK_H
