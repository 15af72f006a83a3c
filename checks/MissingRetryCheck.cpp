//===--- MissingRetryCheck.cpp - prodready --------------------------------===//
//
// Network calls (from analysis/NetworkModel.h) whose failure is turned into
// an error at once, and retry loops that do not wait. What is retried or
// handled is decided by analysis/RetryAnalysis.h.
//
//===----------------------------------------------------------------------===//

#include "MissingRetryCheck.h"
#include "CheckOptions.h"
#include "analysis/UserCodeScanner.h"
#include "llvm/ADT/SetVector.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

MissingRetryCheck::MissingRetryCheck(StringRef Name, ClangTidyContext *Context)
    : UserCodeCheck(Name, Context),
      RawRetryWrappers(Options.get("RetryWrappers", "")),
      RawBackoffFunctions(Options.get("BackoffFunctions", "")),
      RawNetworkFunctions(Options.get("NetworkFunctions", "")),
      RawBestEffortFunctions(Options.get("BestEffortFunctions", "")),
      BestEffortFunctions(parseNameList(RawBestEffortFunctions)),
      Network(parseNameList(RawNetworkFunctions),
              parseNameList(RawBackoffFunctions)),
      Retries(Network, parseNameList(RawRetryWrappers),
              [this](const FunctionDecl &F) {
                return BestEffortFunctions.matches(F);
              }) {
  // A backoff helper of another unit.
  Retries.setExternal(loadWholeProgram(/*PathValidators=*/false));
}

void MissingRetryCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RetryWrappers", RawRetryWrappers);
  Options.store(Opts, "BackoffFunctions", RawBackoffFunctions);
  Options.store(Opts, "NetworkFunctions", RawNetworkFunctions);
  Options.store(Opts, "BestEffortFunctions", RawBestEffortFunctions);
  Options.store(Opts, "WholeProgramSummaries", WholeProgramSummaries);
}

void MissingRetryCheck::endTranslationUnit() { Retries.clear(); }

void MissingRetryCheck::checkUserCode(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  llvm::SetVector<const Decl *> Units;
  scanMatchedUserStmts(Result, [&](const Stmt &S, const Decl *Unit) {
    if (!Unit)
      return;
    Retries.noteStatement(S, *Unit, Ctx);
    Units.insert(Unit);
  });
  Retries.finishScan(Ctx.getSourceManager());
  llvm::SmallVector<RetryFinding, 4> Findings;
  for (const Decl *Unit : Units)
    Retries.findingsIn(*Unit, Ctx, Findings);
  for (const RetryFinding &Finding : Findings) {
    if (Finding.What == RetryFinding::LoopWithoutDelay)
      diag(Finding.Where->getBeginLoc(),
           "retry loop around '%0' has no delay between attempts; a "
           "struggling server gets a retry storm")
          << Finding.Name;
    else
      diag(Finding.Where->getBeginLoc(),
           "'%0' is not retried: its failure leads straight to an error "
           "exit, so one transient network error fails the operation")
          << Finding.Name;
  }
}

} // namespace clang::tidy::prodready
