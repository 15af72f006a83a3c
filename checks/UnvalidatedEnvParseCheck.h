//===--- UnvalidatedEnvParseCheck.h - prodready ----------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNVALIDATEDENVPARSECHECK_H
#define PRODREADY_CHECKS_UNVALIDATEDENVPARSECHECK_H

#include "analysis/EnvModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include <memory>

namespace clang::tidy::prodready {

struct ParseFunction;

/// Finds numbers parsed from environment values with conversions that
/// throw uncaught (std::stoi, boost::lexical_cast) or fail silently (atoi,
/// unchecked strtol/sscanf/std::from_chars/istream extraction).
///
/// For the user-facing documentation see:
/// docs/checks/unvalidated-env-parse.md
class UnvalidatedEnvParseCheck : public ClangTidyCheck {
public:
  UnvalidatedEnvParseCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void checkConversion(const CallExpr &Call, const ParseFunction &Parse,
                       ASTContext &Ctx);
  void checkExtraction(const CXXOperatorCallExpr &Op, ASTContext &Ctx);
  /// Why the conversion's result is not validated, or "" if it is.
  std::string findUnvalidatedReason(const CallExpr &Call,
                                    const ParseFunction &Parse,
                                    StringRef ValueOf, ASTContext &Ctx);
  std::optional<FixItHint> buildFix(const CallExpr &Call,
                                    const ParseFunction &Parse,
                                    ASTContext &Ctx);

  const StringRef RawEnvFunctions;
  const std::string FallbackValue;
  const std::string HelperHeader;
  const bool RequireErrnoCheck;
  const std::vector<std::string> EnvFunctions;
  utils::IncludeInserter Inserter;
  /// The model of the TU being checked (summaries are kept until its end).
  std::unique_ptr<EnvModel> Model;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNVALIDATEDENVPARSECHECK_H
