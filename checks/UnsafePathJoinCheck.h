//===--- UnsafePathJoinCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNSAFEPATHJOINCHECK_H
#define PRODREADY_CHECKS_UNSAFEPATHJOINCHECK_H

#include "analysis/TaintAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SetVector.h"
#include <memory>

namespace clang::tidy::prodready {

/// Finds untrusted data (argv, environment, stdin, files, sockets, request
/// fields) joined into, or used as, a path that reaches a filesystem
/// operation without a sanitizer on the way (path traversal).
///
/// For the user-facing documentation see:
/// docs/checks/unsafe-path-join.md
class UnsafePathJoinCheck : public ClangTidyCheck {
public:
  UnsafePathJoinCheck(StringRef Name, ClangTidyContext *Context);
  ~UnsafePathJoinCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  class PathSinks;

private:
  void report(const TaintHit &Hit, ASTContext &Ctx);
  std::optional<FixItHint> joinFix(const Expr &Join, ASTContext &Ctx);

  const StringRef RawSources;
  const StringRef RawSinks;
  const StringRef RawSanitizers;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<PathSinks> Sinks;

  /// What the scan saw of a unit: enough to decide whether untrusted data
  /// can be in it at all.
  struct UnitFacts {
    bool HasSource = false;
    llvm::SmallPtrSet<const FunctionDecl *, 4> Callees;
    llvm::SmallPtrSet<const ValueDecl *, 4> Globals;
  };
  void noteStatement(const Stmt &S, UnitFacts &Facts, ASTContext &Ctx);
  llvm::SetVector<const Decl *> unitsWithUntrustedData();

  // Per translation unit.
  std::unique_ptr<TaintEngine> Engine;
  llvm::MapVector<const Decl *, UnitFacts> Facts;
  llvm::DenseSet<std::pair<const Expr *, const Expr *>> Reported;
  llvm::DenseSet<const Expr *> FixedJoins;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNSAFEPATHJOINCHECK_H
