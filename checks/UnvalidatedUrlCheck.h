//===--- UnvalidatedUrlCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNVALIDATEDURLCHECK_H
#define PRODREADY_CHECKS_UNVALIDATEDURLCHECK_H

#include "analysis/HandleSetup.h"
#include "analysis/TaintAnalysis.h"
#include "analysis/UntrustedUnits.h"
#include "analysis/UrlModel.h"
#include "UserCodeCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::prodready {

/// Which of the operator's inputs (command line, environment, standard
/// input, files) count as untrusted URLs; data from others (requests, the
/// network, answers, the Sources option) always does.
enum class UrlOperatorInputs {
  /// All of them.
  Report,
  /// The environment only (`API_BASE=http://evil.example/api`): it is set
  /// by whoever deploys or runs the service, often far from its code. A
  /// URL on the command line or read from a file is what its user asked
  /// the program to fetch.
  Environment,
  /// None of them.
  Ignore,
};

/// Finds URLs and hosts from untrusted sources that reach a connection
/// (CURLOPT_URL, httplib clients, Asio resolvers, gRPC channels) with
/// neither their scheme nor their host validated (SSRF), and libcurl
/// handles that follow redirects without a protocol restriction.
///
/// For the user-facing documentation see:
/// docs/checks/unvalidated-url.md
class UnvalidatedUrlCheck : public UserCodeCheck {
public:
  UnvalidatedUrlCheck(StringRef Name, ClangTidyContext *Context);
  ~UnvalidatedUrlCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  void checkUserCode(
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// Judges the redirects: once the whole file is scanned, a restriction
  /// set anywhere in it (a constructor, a later method) is known.
  void endTranslationUnit() override;

private:
  bool fromReportedSource(const TaintHit &Hit) const;
  /// The sink takes a host or a gRPC target, not a whole URL.
  bool isHostSink(const TaintHit &Hit) const;
  void report(const TaintHit &Hit, bool AfterPrefix, ASTContext &Ctx);
  void checkRedirect(const Decl &Unit, const NetworkCall &Follow,
                     ASTContext &Ctx);
  std::optional<std::string> restrictionStatement(const Expr &Handle,
                                                  ASTContext &Ctx) const;

  const std::string RawSources;
  const std::string RawSinks;
  const std::string RawValidators;
  const std::string AllowedProtocols;
  const UrlOperatorInputs OperatorInputs;
  /// AllowedProtocols as libcurl's names (`https`, `http`).
  std::vector<std::string> Protocols;
  UrlCallModels CallModels;
  TaintOptions Taint;
  TaintModel Model;
  std::unique_ptr<UrlSinkModel> Sinks;
  NetworkModel Network;
  NetworkSummaries Summaries;
  /// For the CURLPROTO_* macros of the bitmask fix.
  Preprocessor *PP = nullptr;

  // Per translation unit.
  ASTContext *TUContext = nullptr;
  std::unique_ptr<TaintEngine> Engine;
  UntrustedUnitFinder Untrusted;
  HandleSetupTracker Handles;
  llvm::DenseSet<std::pair<const Expr *, const Expr *>> Reported;
  /// CURLOPT_FOLLOWLOCATION calls, judged at the end of the file.
  std::vector<std::pair<const Decl *, NetworkCall>> Redirects;
  llvm::DenseSet<std::pair<const Decl *, const ValueDecl *>> ReportedRedirects;
  llvm::DenseSet<unsigned> ReportedRedirectLocs;
};

} // namespace clang::tidy::prodready

namespace clang::tidy {
template <> struct OptionEnumMapping<prodready::UrlOperatorInputs> {
  static llvm::ArrayRef<std::pair<prodready::UrlOperatorInputs, StringRef>>
  getEnumMapping();
};
} // namespace clang::tidy

#endif // PRODREADY_CHECKS_UNVALIDATEDURLCHECK_H
