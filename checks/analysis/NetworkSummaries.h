//===--- NetworkSummaries.h - prodready ------------------------*- C++ -*-===//
//
// The network part of a project function's summary (FunctionSummary.h):
// what a call of it does for the network checks, so that a helper counts
// as what it does inside.
//
//   static void backoff(int n) { std::this_thread::sleep_for(...); }
//   static void set_timeouts(CURL *h) {
//     curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
//   }
//   static void check_curl(CURLcode rc) {
//     if (rc != CURLE_OK) throw std::runtime_error(curl_easy_strerror(rc));
//   }
//
// `backoff(attempt)` in a retry loop is a delay, `set_timeouts(h)` gives h
// a timeout, `check_curl(curl_easy_perform(h))` checks the transfer.
//
// One forward pass over the function's CFG (ForwardDataflow.h) follows,
// per path, what was done to each parameter. A path counts if it returns
// normally: paths that throw, end the program (TerminatingFunctions) or
// return a failure value (`return false;`, `return -1;`, `return
// CURLE_...;`, isFailureValue) are left out, and so are, for a pointer
// handle, the paths on which it is null (`if (!h) return;`).
//
//  - SetsTimeoutOn, SetsConnectTimeoutOn, SetsResponseSinkOn: on every
//    path that counts, the parameter (a libcurl handle, a
//    grpc::ClientContext, a Beast stream, an httplib::Client, a socket)
//    gets a timeout, a connect timeout, a body sink, directly
//    (NetworkModel roles; a constant zero amount is none) or through a
//    helper it is passed to. A helper that sets the timeout only on one
//    branch does not vouch for the handle.
//  - ChecksStatusOf: on every path that counts, the parameter (a CURLcode,
//    an HTTP code, a grpc::Status, an httplib::Result) was tested and found
//    to say success (OutcomeTest.h polarity). A Result needs both a
//    response (`r`, `r != nullptr`) and its `status` tested; with the
//    response alone it is in ChecksResponseOf. A function returning bool
//    that returns the test (`return r && r->status == 200;`) checks it
//    too: on the paths where it returns true.
//  - Delays: some path that counts waits (a NetworkModel Delay, or a
//    helper that delays). Not every path: `if (attempt == 0) return;`
//    before the sleep is still a backoff, as a conditional sleep inside
//    a retry loop is.
//  - PerformsNetworkIO: some path does blocking network I/O.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_NETWORKSUMMARIES_H
#define PRODREADY_CHECKS_ANALYSIS_NETWORKSUMMARIES_H

#include "FunctionSummary.h"
#include "NetworkModel.h"
#include "Termination.h"

namespace clang::tidy::prodready {

class NetworkSummaryProvider : public SummaryProvider {
public:
  /// \p Model is the asking check's (its option lists count).
  explicit NetworkSummaryProvider(const NetworkModel &Model) : Model(Model) {}

  void summarize(const FunctionDecl &Definition, FunctionSummaries &Table,
                 FunctionSummary &Out) override;

  /// Forgets what it knows of the translation unit.
  void clear() { Terminating.clear(); }

private:
  const NetworkModel &Model;
  TerminatingFunctions Terminating;
};

/// A per-check table of network summaries, built when first asked (a TU
/// without a question about a helper costs nothing).
class NetworkSummaries {
public:
  explicit NetworkSummaries(const NetworkModel &Model) : Provider(Model) {}

  /// The table of \p Ctx's translation unit.
  FunctionSummaries &table(ASTContext &Ctx);
  /// The summary of the project function \p Call calls, or null.
  const FunctionSummary *calleeSummary(const CallExpr &Call,
                                       ASTContext &Ctx);
  /// With whole-program summaries: the network summaries of functions of
  /// other translation units (a `configure(h)` that sets the timeout
  /// elsewhere).
  void setExternal(const ExternalSummaries *Linked);
  /// Whether calls of functions of other units can have a summary: only
  /// then are they worth noting as helper calls.
  bool hasExternal() const { return External != nullptr; }
  void clear();

private:
  NetworkSummaryProvider Provider;
  const ExternalSummaries *External = nullptr;
  std::unique_ptr<FunctionSummaries> Table;
  ASTContext *TableContext = nullptr;
};

/// The arguments of \p Call bound to the parameters in \p Params of its
/// callee.
llvm::SmallVector<const Expr *, 2> argumentsFor(const CallExpr &Call,
                                                ParamSet Params);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_NETWORKSUMMARIES_H
