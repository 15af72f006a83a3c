//===--- RegexInLoopCheck.h - prodready ------------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_REGEXINLOOPCHECK_H
#define PRODREADY_CHECKS_REGEXINLOOPCHECK_H

#include "CheckOptions.h"
#include "UserCodeCheck.h"
#include "analysis/LoopInvariance.h"
#include "analysis/RegexModel.h"
#include "analysis/RegexSites.h"
#include <set>
#include <string>

namespace clang::tidy::prodready {

/// Finds std::regex, boost::regex and boost::xpressive regexes compiled
/// again and again from the same pattern: a constant pattern in a loop, in
/// a per-element callback or as a non-static local of a function, and a
/// pattern the loop does not change compiled in the loop.
///
/// For the user-facing documentation see:
/// docs/checks/regex-in-loop.md
class RegexInLoopCheck : public UserCodeCheck {
public:
  RegexInLoopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void
  checkUserCode(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  /// The declaration whose body (or initializer) is analyzed for a compile
  /// the scanner found in \p Unit: the function around its lambdas.
  /// \p Initializers: the globals and fields whose initializers were
  /// scanned so far.
  const Decl *analysisRoot(const Decl &Unit,
                           llvm::ArrayRef<const Decl *> Initializers,
                           const ASTContext &Ctx) const;
  void analyzeRoot(const Decl &Root, ASTContext &Ctx);
  void checkSite(const RegexSite &Site, ASTContext &Ctx);
  /// Why a constant-pattern site gets no fix-it ("" when it gets one).
  std::string noFixReason(const RegexSite &Site, const PatternFacts &Facts,
                          ASTContext &Ctx);
  void reportConstant(const RegexSite &Site, const PatternFacts &Facts,
                      ASTContext &Ctx);
  void reportInvariant(const RegexSite &Site, const LoopInvariance &Facts,
                       ASTContext &Ctx);
  /// A name for a hoisted regex that nothing in \p Function uses.
  std::string hoistedName(const FunctionDecl &Function, ASTContext &Ctx);

  const std::string RawRunOnceFunctions;
  const FunctionNameList RunOnceFunctions;

  RegexModel Model;
  RegexSiteFinder Finder{Model};
  /// Names the hoisting fixes of this TU declared, per function.
  std::set<std::pair<const FunctionDecl *, std::string>> DeclaredNames;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_REGEXINLOOPCHECK_H
