//===--- HardcodedSecretCheck.h - prodready --------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H
#define PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H

#include "UserCodeCheck.h"
#include "analysis/SecretSites.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace clang::tidy::prodready {

/// Finds credentials written into the source: string literals named as
/// secrets, passed to the credential parameters of known APIs, or in a
/// well-known credential format. Messages never repeat the secret.
///
/// For the user-facing documentation see:
/// docs/checks/hardcoded-secret.md
class HardcodedSecretCheck : public UserCodeCheck {
public:
  HardcodedSecretCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  void
  checkUserCode(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  void visit(const Stmt &S, const Decl *Unit, ASTContext &Ctx);
  void checkMacros(ASTContext &Ctx);
  /// Reports \p Site at \p Loc (the secret's spelling location) once.
  void report(const SecretSite &Site, SourceLocation Loc, llvm::StringRef Value,
              const Decl *Unit, ASTContext &Ctx);
  /// True if \p Loc is in a file IgnorePaths matches (tests, examples).
  bool isIgnoredFile(SourceLocation Loc, const SourceManager &SM);
  /// The note that replaces the literal with a read of the environment,
  /// when EnvironmentFallback is on and the rewrite compiles.
  void noteEnvironmentFallback(const SecretSite &Site, SourceLocation Loc,
                               ASTContext &Ctx);

  const std::string RawIgnorePaths;
  const std::string RawIgnoreValues;
  const bool EnvironmentFallback;
  /// Unset when the option is empty (nothing is ignored).
  std::optional<llvm::Regex> IgnorePaths;
  std::optional<llvm::Regex> IgnoreValues;
  utils::IncludeInserter Inserter;
  Preprocessor *PP = nullptr;

  // What is kept about the translation unit being checked.
  std::unique_ptr<SecretSites> Sites;
  llvm::DenseSet<const Decl *> SeenUnits;
  /// Reported secrets: spelling location, and the template instantiation
  /// that reported it (each reports, for the diagnostics layer to merge).
  llvm::DenseSet<std::pair<unsigned, const Decl *>> Reported;
  llvm::DenseMap<FileID, bool> IgnoredFiles;
  bool MacrosChecked = false;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H
