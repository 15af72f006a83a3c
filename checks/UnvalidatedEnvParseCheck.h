//===--- UnvalidatedEnvParseCheck.h - prodready ----------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNVALIDATEDENVPARSECHECK_H
#define PRODREADY_CHECKS_UNVALIDATEDENVPARSECHECK_H

#include "analysis/EnvModel.h"
#include "UserCodeCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <set>

namespace clang::tidy::prodready {

struct ParseFunction;

/// Finds numbers parsed from environment values with conversions that
/// throw uncaught (std::stoi, boost::lexical_cast) or fail silently (atoi,
/// unchecked strtol/sscanf/std::from_chars/istream extraction).
///
/// For the user-facing documentation see:
/// docs/checks/unvalidated-env-parse.md
class UnvalidatedEnvParseCheck : public UserCodeCheck {
public:
  UnvalidatedEnvParseCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  void checkConversion(const CallExpr &Call, const ParseFunction &Parse,
                       ASTContext &Ctx);
  void checkExtraction(const CXXOperatorCallExpr &Op, ASTContext &Ctx);
  /// Why the conversion's result is not validated, or "" if it is.
  std::string findUnvalidatedReason(const CallExpr &Call,
                                    const ParseFunction &Parse,
                                    StringRef ValueOf, ASTContext &Ctx);
  /// The type the conversion yields, if a checked parse can replace it.
  std::optional<std::string> fixableType(const CallExpr &Call,
                                         const ParseFunction &Parse,
                                         ASTContext &Ctx);
  /// The edits of the fix: the call rewritten, the #include of the helper
  /// header, or (without one) the self-contained helper and its headers.
  llvm::SmallVector<FixItHint, 4> buildFix(const CallExpr &Call,
                                           const ParseFunction &Parse,
                                           ASTContext &Ctx);
  llvm::SmallVector<FixItHint, 4> selfContainedFix(const CallExpr &Call,
                                                   llvm::StringRef Type,
                                                   ASTContext &Ctx);
  /// How a file includes the helper header (see HelperHeader).
  std::string helperInclude(FileID File, const SourceManager &SM) const;

  const StringRef RawEnvFunctions;
  const std::string FallbackValue;
  /// The option as written: "" means no header (a self-contained fix)
  /// unless the driver set ProjectRoot.
  const std::string RawHelperHeader;
  /// Set by the prodready driver only: the project root, under which the
  /// driver writes the helper header at HelperHeader.
  const std::string ProjectRoot;
  /// The header the fix includes, "" for a self-contained fix.
  const std::string HelperHeader;
  const bool RequireErrnoCheck;
  const std::vector<std::string> EnvFunctions;
  utils::IncludeInserter Inserter;
  Preprocessor *PP = nullptr;
  /// Self-contained helpers already inserted: (file, helper name). Like the
  /// IncludeInserter, a helper comes with the first fix of a file only,
  /// unless diagnostics are self-contained (the editor applies one).
  std::set<std::pair<unsigned, std::string>> InsertedHelpers;
  /// The model of the TU being checked (summaries are kept until its end).
  std::unique_ptr<EnvModel> Model;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_UNVALIDATEDENVPARSECHECK_H
