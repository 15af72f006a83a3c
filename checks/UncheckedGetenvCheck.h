//===--- UncheckedGetenvCheck.h - prodready --------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDGETENVCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDGETENVCHECK_H

#include "analysis/EnvModel.h"
#include "analysis/NullSinks.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace clang::tidy::prodready {

/// Finds getenv-family results used where a null pointer is undefined
/// behaviour (std::string construction, streaming, strlen, ...) without a
/// null check on every path to the use.
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-getenv.md
class UncheckedGetenvCheck : public ClangTidyCheck {
public:
  UncheckedGetenvCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void analyzeContext(const Decl &Context, ASTContext &Ctx);
  void reportSink(const NullSink &Sink, const PointerFact &Fact,
                  bool InsideFunction, ASTContext &Ctx);

  const StringRef RawEnvFunctions;
  const StringRef RawNonNullFunctions;
  const std::string DefaultValue;
  const std::vector<std::string> EnvFunctions;
  const NullSinkModel Sinks;

  /// The model of the TU being checked (summaries are kept until its end).
  std::unique_ptr<EnvModel> Model;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNCHECKEDGETENVCHECK_H
