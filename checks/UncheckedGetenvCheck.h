//===--- UncheckedGetenvCheck.h - prodready --------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDGETENVCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDGETENVCHECK_H

#include "analysis/EnvModel.h"
#include "analysis/NullSinks.h"
#include "UserCodeCheck.h"
#include <memory>
#include <set>

namespace clang::tidy::prodready {

/// Finds getenv-family results used where a null pointer is undefined
/// behaviour (std::string construction, streaming, strlen, ...) without a
/// null check on every path to the use.
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-getenv.md
class UncheckedGetenvCheck : public UserCodeCheck {
public:
  UncheckedGetenvCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  void analyzeContext(const Decl &Context, ASTContext &Ctx);
  /// \p Unit is the function (or initializer) analyzed, \p FunctionBody
  /// its body if it is a function.
  void reportSink(const NullSink &Sink, const PointerFact &Fact,
                  const Decl &Unit, const Stmt *FunctionBody,
                  ASTContext &Ctx);
  /// The edits that make \p Pointer fall back to \p Fallback when null.
  llvm::SmallVector<FixItHint, 2> buildFix(const Expr &Pointer,
                                           llvm::StringRef Fallback,
                                           const Decl &Unit,
                                           const Stmt *FunctionBody,
                                           ASTContext &Ctx);
  /// A name for the local that holds \p Origin's value ("api_base" for
  /// getenv("API_BASE")) that nothing in \p Unit or the file uses, or "".
  std::string localNameFor(const CallExpr &Origin, const Decl &Unit,
                           const Stmt &FunctionBody, ASTContext &Ctx);

  const StringRef RawEnvFunctions;
  const StringRef RawNonNullFunctions;
  const std::string DefaultValue;
  const std::vector<std::string> EnvFunctions;
  const NullSinkModel Sinks;

  /// The model of the TU being checked (summaries are kept until its end).
  std::unique_ptr<EnvModel> Model;
  /// Locals the fixes of this TU declared, per function body: two fixes in
  /// one function must not declare the same name.
  std::set<std::pair<const Stmt *, std::string>> DeclaredNames;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNCHECKEDGETENVCHECK_H
