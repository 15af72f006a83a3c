//===--- EnvModel.h - prodready --------------------------------*- C++ -*-===//
//
// The environment model: which calls read the process environment, which
// functions of the translation unit hand such a value back to their callers,
// and where a value (a pointer, a std::string, a string stream) came from.
//
// Two questions are asked of it:
//  * "may this pointer be a null environment value here?" - answered with
//    the flow-sensitive PointerNullnessAnalysis, for which the model is the
//    oracle (prodready-unchecked-getenv);
//  * "is this text derived from the environment?" - a flow-insensitive,
//    may-derive question over locals, helpers and globals of the same TU
//    (prodready-unvalidated-env-parse).
// Summaries of helper functions are computed on demand and memoized, so only
// functions reachable from code that reads the environment are analyzed.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_ENVMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_ENVMODEL_H

#include "NullnessAnalysis.h"
#include "Termination.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

/// The getenv family, as qualified names (`::std::getenv` also matches the
/// global `getenv` it re-declares).
inline constexpr llvm::StringLiteral DefaultEnvFunctions =
    "::getenv;::std::getenv;::secure_getenv;::_wgetenv;::std::_wgetenv";

class EnvModel : public NullSourceOracle {
public:
  /// \p EnvFunctions are qualified names (leading `::` optional) of
  /// functions that return an environment value or null.
  EnvModel(ASTContext &Ctx, llvm::ArrayRef<std::string> EnvFunctions);
  ~EnvModel() override;

  /// True if \p Function is one of the configured environment readers.
  bool isEnvReadFunction(const FunctionDecl &Function) const;
  /// \p Call, if it directly reads the environment.
  const CallExpr *asEnvRead(const Expr *E) const;

  // NullSourceOracle: an environment read, or a call to a helper of this TU
  // that may return a null environment value.
  bool isSource(const CallExpr &Call) override;
  std::optional<std::string> sourceKey(const CallExpr &Call) override;
  bool isTerminatingCall(const CallExpr &Call) override {
    return Terminating.isTerminatingStmt(Call);
  }

  /// For a function of this TU that may return a null environment value,
  /// the return statement that does; nullptr otherwise.
  const ReturnStmt *nullableEnvReturn(const FunctionDecl &Function);

  /// The environment read that the value of \p E derives from (through
  /// locals, copies into strings and streams, `c_str()`, helpers of this TU
  /// and globals initialized from it), or nullptr.
  const CallExpr *envOrigin(const Expr &E);

  /// The nullness analysis of \p Body, the code of \p Context: a function
  /// body, or the initializer of a global or a field (cached).
  PointerNullnessAnalysis &nullnessFor(const Decl &Context, const Stmt &Body);

  /// The variable name a read asks for, when it is a string literal.
  static std::optional<llvm::StringRef> variableName(const CallExpr &Read);

  ASTContext &getASTContext() const { return Ctx; }

private:
  /// Calls that never return, for the nullness analyses' paths.
  TerminatingFunctions Terminating;
  const CallExpr *derivedReturn(const FunctionDecl &Function);
  const CallExpr *varOrigin(const VarDecl &Var);
  void computeLocalOrigins(const FunctionDecl &Function);
  bool isAnalyzableHelper(const FunctionDecl &Function) const;

  ASTContext &Ctx;
  llvm::StringSet<> EnvFunctionNames;
  llvm::StringSet<> EnvFunctionIdentifiers;

  enum class Summary { InProgress, Done };
  llvm::DenseMap<const FunctionDecl *, std::pair<Summary, const ReturnStmt *>>
      NullableReturns;
  llvm::DenseMap<const FunctionDecl *, std::pair<Summary, const CallExpr *>>
      DerivedReturns;
  llvm::DenseMap<const FunctionDecl *, Summary> LocalOriginsComputed;
  llvm::DenseMap<const VarDecl *, const CallExpr *> LocalOrigins;
  llvm::DenseMap<const Decl *, std::unique_ptr<PointerNullnessAnalysis>>
      Analyses;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_ENVMODEL_H
