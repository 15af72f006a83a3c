//===--- MissingRetryCheck.h - prodready -----------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_MISSINGRETRYCHECK_H
#define PRODREADY_CHECKS_MISSINGRETRYCHECK_H

#include "CheckOptions.h"
#include "analysis/NetworkModel.h"
#include "analysis/RetryAnalysis.h"
#include "UserCodeCheck.h"

namespace clang::tidy::prodready {

/// Finds network calls whose failure goes straight to an error exit with no
/// retry (not in a loop, not in a function or lambda passed to a retry
/// wrapper), and retry loops with no delay between attempts. The analysis
/// is analysis/RetryAnalysis.h; this class reads the options and reports.
///
/// For the user-facing documentation see:
/// docs/checks/missing-retry.md
class MissingRetryCheck : public UserCodeCheck {
public:
  MissingRetryCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  const StringRef RawRetryWrappers;
  const StringRef RawBackoffFunctions;
  const StringRef RawNetworkFunctions;
  const StringRef RawBestEffortFunctions;
  FunctionNameList BestEffortFunctions;
  NetworkModel Network;
  RetryAnalysis Retries;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_MISSINGRETRYCHECK_H
