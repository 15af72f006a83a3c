//===--- TaintSummaries.h - prodready --------------------------*- C++ -*-===//
//
// Validators: project functions that return true only when a path they are
// given is safe, so that a test of their result sanitizes it the way a
// test written inline does (FunctionSummary::Validates).
//
//   static bool is_safe(const std::string &name) {
//     if (name.find("..") != std::string::npos)
//       return false;
//     return !name.empty() && name[0] != '/';
//   }
//   if (!is_safe(name)) return;      // name is clean below
//   std::ofstream out(dir / name);
//
// A parameter is validated when the function returns bool (int in C), does
// not assign the parameter, and at every return that is not a constant
// false the taint analysis, assuming the returned value is true, finds the
// parameter cleaned: its `..` and absolute forms rejected (the same
// predicates the analysis recognizes inline: find(".."), strstr(p, ".."),
// p[0] == '/', is_absolute(), ...), or vouched for by a listed sanitizer
// or another validator. A parameter is validated too when all it does is
// flow into a canonical path (`fs::path full = fs::weakly_canonical(base /
// name);`, `realpath(name, resolved)`) that is found inside the base at
// every such return (`full.string().rfind(base.string(), 0) == 0`): the
// argument then names a file inside the base. One that checks only `..`,
// or a prefix of a path that was not canonicalized, is not a validator.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TAINTSUMMARIES_H
#define PRODREADY_CHECKS_ANALYSIS_TAINTSUMMARIES_H

#include "FunctionSummary.h"
#include "TaintAnalysis.h"

namespace clang::tidy::prodready {

/// Fills FunctionSummary::Validates with the taint analysis of \p Engine.
class ValidatorProvider : public SummaryProvider {
public:
  explicit ValidatorProvider(TaintEngine &Engine) : Engine(Engine) {}
  void summarize(const FunctionDecl &Definition, FunctionSummaries &Table,
                 FunctionSummary &Out) override;

private:
  /// True if \p Param (index \p Index) flows only into a canonical path
  /// that every return of true finds inside its base.
  bool validatedThroughCanonical(const FunctionDecl &Definition,
                                 unsigned Index,
                                 llvm::ArrayRef<const ReturnStmt *> Returns);
  /// True if \p Var holds no data of parameter \p Index wherever
  /// \p Definition returns something other than false.
  bool cleanAtTrueReturns(const FunctionDecl &Definition, const VarDecl &Var,
                          unsigned Index,
                          llvm::ArrayRef<const ReturnStmt *> Returns);

  TaintEngine &Engine;
};

/// Fills the flow fields of FunctionSummary (ReturnsUntrusted,
/// ParamsToReturn, ParamsToSink, UntrustedOutParams) from \p Engine's own
/// per-function analyses, so that they can be serialized and linked across
/// translation units like the other analyses' fields. The engine already
/// iterates recursion to its fixpoint; this only translates its labels
/// (bit 1+i for parameter i) into parameter sets.
class FlowProvider : public SummaryProvider {
public:
  explicit FlowProvider(TaintEngine &Engine) : Engine(Engine) {}
  void summarize(const FunctionDecl &Definition, FunctionSummaries &Table,
                 FunctionSummary &Out) override;

private:
  TaintEngine &Engine;
};

/// The validators of one engine's translation unit.
class ValidatorSummaries {
public:
  ValidatorSummaries(ASTContext &Ctx, TaintEngine &Engine)
      : Provider(Engine), Table(Ctx) {
    Table.addProvider(Provider);
  }
  /// The argument \p Call vouches for when it returns true, or null.
  const Expr *validatedArgument(const CallExpr &Call);

private:
  ValidatorProvider Provider;
  FunctionSummaries Table;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TAINTSUMMARIES_H
