//===--- HttpStatusUse.h - prodready ---------------------------*- C++ -*-===//
//
// What code does with an HTTP result: whether a status it read is a check
// or only a log line, whether a response body only leaves the function (to
// be checked by its caller), which cpp-httplib tests show a response
// arrived. Used by prodready-unchecked-http-status.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_HTTPSTATUSUSE_H
#define PRODREADY_CHECKS_ANALYSIS_HTTPSTATUSUSE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::prodready {

/// Whether a status read into a local (`curl_easy_getinfo(h,
/// CURLINFO_RESPONSE_CODE, &status)`) is checked. It is when some use
/// decides on it or hands it on: a condition (if, while, for, switch, ?:),
/// a comparison or `!`, a return, a store outside the function (a field, a
/// global, through a pointer), a throw, or an argument of a project
/// function that checks it (or that cannot be seen through). Printing or
/// logging it (printf, std::cout <<, spdlog, fmt, a project function that
/// only prints it) is not a check.
class HttpStatusUses {
public:
  explicit HttpStatusUses(ASTContext &Ctx) : Ctx(Ctx) {}

  /// True if \p Status, a variable of \p Function, is checked in it.
  bool isChecked(const VarDecl &Status, const FunctionDecl &Function);

  /// True if \p Value (an expression of \p Function) is returned as it is:
  /// `return var;`, `return std::move(var);`, `return fetch(h);`.
  bool isReturned(const Expr &Value, const FunctionDecl &Function);

private:
  bool isChecked(const VarDecl &Status, const FunctionDecl &Function,
                 unsigned Depth);
  bool useIsCheck(const Stmt &Use, ParentMap &Parents,
                  const FunctionDecl &Function, unsigned Depth);
  bool argumentIsChecked(const CallExpr &Call, const Stmt &Argument,
                         unsigned Depth);
  ParentMap &parentsOf(const FunctionDecl &Function);

  ASTContext &Ctx;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ParentMap>> Parents;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool>
      CheckedParameters;
};

/// For a condition atom that compares a cpp-httplib Result's `error()`
/// with `httplib::Error::Success`: the Result, when the condition being
/// \p Truth means the request succeeded (a response arrived).
const Expr *httplibSuccessTest(const Expr *Cond, bool Truth);

/// The calls of \p Callee in \p Body (lambdas included).
void findCallsTo(const FunctionDecl &Callee, const Stmt &Body,
                 llvm::SmallVectorImpl<const CallExpr *> &Out);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_HTTPSTATUSUSE_H
