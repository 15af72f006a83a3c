//===--- MissingTimeoutCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_MISSINGTIMEOUTCHECK_H
#define PRODREADY_CHECKS_MISSINGTIMEOUTCHECK_H

#include "analysis/HandleSetup.h"
#include "analysis/NetworkModel.h"
#include "analysis/NetworkSummaries.h"
#include "analysis/SocketSetup.h"
#include "analysis/TaintAnalysis.h"
#include "analysis/UntrustedUnits.h"
#include "UserCodeCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::prodready {

/// Finds blocking network operations that can wait forever: libcurl
/// transfers without CURLOPT_TIMEOUT, gRPC calls without a deadline,
/// synchronous Asio/Beast I/O, Beast async I/O without expires_after, POSIX
/// socket calls without a timeout, cpp-httplib timeouts that are zero,
/// negative or untrusted.
///
/// For the user-facing documentation see:
/// docs/checks/missing-timeout.md
class MissingTimeoutCheck : public UserCodeCheck {
public:
  MissingTimeoutCheck(StringRef Name, ClangTidyContext *Context);
  ~MissingTimeoutCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override;

private:
  /// What the scan saw of a unit (function, lambda) besides its handles
  /// (HandleSetupTracker).
  struct UnitFacts {
    /// Variables compared with something (a range check), and where.
    llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 2> Compared;
    /// A socket timeout, non-blocking mode or a readiness wait with a
    /// timeout somewhere in the unit (what bounds blocking Asio calls).
    bool BoundsSockets = false;
  };

  void noteStatement(const Stmt &S, const Decl &Unit, ASTContext &Ctx);
  void checkUnit(const Decl &Unit, ASTContext &Ctx);
  void checkOperation(const Decl &Unit, const NetworkCall &Op,
                      ASTContext &Ctx);
  void checkHttplibTimeout(const Decl &Unit, const NetworkCall &Setter,
                           ASTContext &Ctx);
  /// True if \p Handle (of an operation in \p Unit at \p Site) meets
  /// \p Need, or if the check cannot tell (parameters, unknown handles).
  bool handleConfigured(const Decl &Unit, const Expr *Handle,
                        const Expr &Site, HandleRequirement Need);
  bool functionBounded(const Decl &Unit) const;
  bool asioSocketBounded(const Decl &Unit, const NetworkCall &Op,
                         ASTContext &Ctx);
  void checkPosixOperation(const Decl &Unit, const NetworkCall &Op,
                           ASTContext &Ctx);
  void reportCurl(const Decl &Unit, const NetworkCall &Op, bool NoTotal,
                  bool NoConnect, ASTContext &Ctx);
  void reportGrpc(const Decl &Unit, const NetworkCall &Op, ASTContext &Ctx);

  const int64_t DefaultTimeoutMs;
  const bool RequireConnectTimeout;
  NetworkModel Network;
  NetworkSummaries Summaries;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<TaintSinkModel> NoSinks;
  UntrustedUnitFinder Untrusted;
  SocketSetupAnalysis Sockets;
  utils::IncludeInserter Inserter;

  // Per translation unit.
  HandleSetupTracker Handles;
  llvm::DenseMap<const Decl *, UnitFacts> Facts;
  llvm::DenseSet<const Expr *> Reported;
  std::unique_ptr<TaintEngine> Engine;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_MISSINGTIMEOUTCHECK_H
