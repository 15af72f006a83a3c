//===--- UnsafePathJoinCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNSAFEPATHJOINCHECK_H
#define PRODREADY_CHECKS_UNSAFEPATHJOINCHECK_H

#include "analysis/TaintAnalysis.h"
#include "analysis/UntrustedUnits.h"
#include "UserCodeCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::prodready {

/// What unsafe-path-join does with data the operator controls (the command
/// line, the environment, standard input, configuration files).
enum class OperatorInputPolicy {
  /// Reported like any untrusted data.
  Report,
  /// Reported only when joined as a component under a base directory the
  /// program chose: a CLI opening the file its user named is its job.
  ComponentsOnly,
  /// Never reported.
  Ignore,
};

/// Finds untrusted data (argv, environment, stdin, files, sockets, request
/// fields) joined into, or used as, a path that reaches a filesystem
/// operation without a sanitizer on the way (path traversal).
///
/// For the user-facing documentation see:
/// docs/checks/unsafe-path-join.md
class UnsafePathJoinCheck : public UserCodeCheck {
public:
  UnsafePathJoinCheck(StringRef Name, ClangTidyContext *Context);
  ~UnsafePathJoinCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

  class PathSinks;

private:
  bool shouldReport(const TaintHit &Hit) const;
  void report(const TaintHit &Hit, ASTContext &Ctx);
  std::optional<FixItHint> joinFix(const Expr &Join, ASTContext &Ctx);

  const StringRef RawSources;
  const StringRef RawSinks;
  const StringRef RawSanitizers;
  const OperatorInputPolicy OperatorInputs;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<PathSinks> Sinks;

  // Per translation unit.
  std::unique_ptr<TaintEngine> Engine;
  UntrustedUnitFinder Untrusted;
  llvm::DenseSet<std::pair<const Expr *, const Expr *>> Reported;
  llvm::DenseSet<const Expr *> FixedJoins;
};

} // namespace clang::tidy::prodready

namespace clang::tidy {
template <> struct OptionEnumMapping<prodready::OperatorInputPolicy> {
  static llvm::ArrayRef<std::pair<prodready::OperatorInputPolicy, StringRef>>
  getEnumMapping();
};
} // namespace clang::tidy

#endif // PRODREADY_CHECKS_UNSAFEPATHJOINCHECK_H
