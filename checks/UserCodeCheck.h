//===--- UserCodeCheck.h - prodready ---------------------------*- C++ -*-===//
//
// What every prodready check shares: it is driven by the user-code scanner
// (analysis/UserCodeScanner.h), not by a matcher per node, and it reports
// through a layer that makes templates look like ordinary code.
//
// Templates: the scanner hands a check each instantiation of a template
// (the types known) instead of its pattern, and the pattern when nothing
// instantiated it. A location of a template is then analyzed once per
// instantiation; warnings there are held back until the match is done and
// emitted once per location, with a fix-it only if every instantiation
// proposed the same one (analysis/InstantiationDiagnostics.h). A check
// needs nothing for this but to scan and to report through the members
// below (which hide ClangTidyCheck's).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_USERCODECHECK_H
#define PRODREADY_CHECKS_USERCODECHECK_H

#include "analysis/InstantiationDiagnostics.h"
#include "analysis/ProgramSummaries.h"
#include "analysis/TemplateInstances.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::prodready {

class UserCodeCheck : public ClangTidyCheck {
public:
  UserCodeCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}

  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() final;

  /// ClangTidyCheck::diag, except that a warning at a location several
  /// template instantiations analyzed (and its notes) is held back and
  /// merged with theirs at the end of the match.
  DiagnosticBuilder diag(SourceLocation Loc, StringRef Description,
                         DiagnosticIDs::Level Level = DiagnosticIDs::Warning);

protected:
  /// The check proper, for one match of the user's code.
  virtual void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) = 0;
  /// Forgets what the check kept about the translation unit.
  virtual void endTranslationUnit() {}

  /// The user code of the match (see UserCodeScanner.h), with the
  /// templates' instantiations counted for diag().
  void scanMatchedUserStmts(
      const ast_matchers::MatchFinder::MatchResult &Result,
      llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit);
  void scanMatchedUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result,
      llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit);

  /// The `WholeProgramSummaries` option (local or global, set by
  /// `prodready check --whole-program`), or the editor's default file:
  /// loads the summaries of the functions of other translation units it
  /// names. A file that cannot be read is a configuration error and
  /// nothing is linked. \p PathValidators: see ProgramCallModels.
  /// Returns the linked summaries, or null; loaded once, later calls
  /// return the same.
  const ProgramCallModels *loadWholeProgram(bool PathValidators);
  /// The taint checks: loadWholeProgram(), and the call models of the
  /// linked functions into \p Model.
  void linkWholeProgram(TaintModel &Model, bool PathValidators);
  /// The option's value, for storeOptions.
  std::string WholeProgramSummaries;
  /// With linked summaries, when \p Origin is the call of a function of
  /// another translation unit that returned untrusted data: the steps the
  /// data took there (its summary's path, from the source in whichever
  /// unit read it), as notes in those files. Emitted before the note at
  /// \p Origin, so that the notes walk from the source to the sink.
  void noteLinkedPath(const Expr &Origin);
  /// Then a note at \p Origin naming the file that defines the function.
  void noteLinkedOrigin(const Expr &Origin);

private:
  /// Emits the held warnings, merged.
  void emitHeld();
  /// The FileID of \p Path in this unit (invalid when it cannot be read),
  /// entered once per unit.
  FileID linkedFile(const std::string &Path);

  TemplateInstances Templates;
  InstantiationDiagnostics Held;
  std::unique_ptr<ProgramCallModels> ProgramModels;
  ASTContext *AST = nullptr;
  /// Per unit: the files of linked paths (linkedFile).
  llvm::StringMap<FileID> LinkedFiles;
  /// Whether the last warning was held (its notes follow it).
  bool HoldingWarning = false;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_USERCODECHECK_H
