//===--- SqlInjectionCheck.h - prodready -----------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_SQLINJECTIONCHECK_H
#define PRODREADY_CHECKS_SQLINJECTIONCHECK_H

#include "UserCodeCheck.h"
#include "analysis/SinkUnits.h"
#include "analysis/SqlModel.h"
#include "analysis/TaintAnalysis.h"
#include "analysis/UntrustedUnits.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::prodready {

/// Finds SQL text built from data that is not a constant (concatenation,
/// `append`, `sprintf`, `fmt::format`, a string stream) reaching a function
/// of SQLite, libpq, the MySQL C API or libpqxx that runs or prepares it:
/// an error when the data is untrusted, a warning when it comes from a
/// parameter of a function other code can call (ReportNonConstant).
///
/// For the user-facing documentation see:
/// docs/checks/sql-injection.md
class SqlInjectionCheck : public UserCodeCheck {
public:
  SqlInjectionCheck(StringRef Name, ClangTidyContext *Context);
  ~SqlInjectionCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

  class SqlSinks;

private:
  /// A hit worth reporting, and where.
  struct Finding {
    TaintHit Hit;
    const Decl *Unit = nullptr;
    /// The function of the call chain whose body holds the join (0: the
    /// unit; i: the callee of Hit.Calls[i - 1]); none when a function
    /// that returned the text joined it.
    std::optional<unsigned> JoinIn;
    /// The function that wrote the query: JoinIn, or its caller when the
    /// join formats text the caller passed (formatsCallerText).
    unsigned BuiltIn = 0;
    const Expr *At = nullptr; ///< Where the warning goes.
    size_t Order = 0;         ///< In the order the analysis found them.
    /// For a parameter finding: the parameters the message names.
    uint64_t Named = 0;
  };

  void collect(const Decl &Unit, const TaintHit &Hit, bool FromSource,
               std::vector<Finding> &Out, ASTContext &Ctx);
  uint64_t quotedUnescaped(const Finding &F, ASTContext &Ctx);
  void report(const Finding &F);
  void emitSteps(const Finding &F);

  const StringRef RawSources;
  const StringRef RawSinks;
  const StringRef RawSanitizers;
  const bool ReportNonConstant;
  SqlCallModels Calls;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<SqlSinks> Sinks;

  // Per translation unit.
  std::unique_ptr<TaintEngine> Engine;
  UntrustedUnitFinder Untrusted;
  SinkUnitFinder Reaching;
  llvm::DenseSet<const Expr *> Reported;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_SQLINJECTIONCHECK_H
