//===--- HandleSetup.h - prodready -----------------------------*- C++ -*-===//
//
// Follows network handles (a libcurl easy handle, a grpc::ClientContext, a
// Beast stream) through a translation unit to answer "was this handle
// given that configuration?", for the checks that judge a handle by its
// configuration: missing-timeout (a timeout before the transfer) and
// unvalidated-url (a protocol restriction on a handle that follows
// redirects).
//
// A handle counts as configured when a configuring call (a NetworkModel
// role: CURLOPT_TIMEOUT_MS, CURLOPT_REDIR_PROTOCOLS_STR, set_deadline, ...)
// is made on it
//  - in the function, before the site (anywhere, when no site is given);
//  - by a helper of the TU it is passed to, whose summary
//    (NetworkSummaries.h) configures that parameter on every path;
//  - by a helper of the TU that created it and returned it configured
//    (`CURL *h = make_handle();`), up to four helpers deep;
//  - for a field or global: anywhere in the TU (a constructor that
//    configures `curl_`); in the editor, which sees one declaration at a
//    time, a field always counts as configured;
//  - for a local captured by a lambda: in the enclosing function.
// A handle that is a parameter is its caller's to configure, and one the
// tracker cannot name is not judged: both count as configured (a check may
// ask configuredByCallers what the calls of the file pass instead).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_HANDLESETUP_H
#define PRODREADY_CHECKS_ANALYSIS_HANDLESETUP_H

#include "NetworkModel.h"
#include "NetworkSummaries.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <optional>
#include <tuple>

namespace clang::tidy::prodready {

/// A configuration a handle may need: a configuring role of a library.
using HandleRequirement = std::pair<NetworkLibrary, NetworkRole>;

class HandleSetupTracker {
public:
  /// \p Summaries is the asking check's table of helper summaries.
  HandleSetupTracker(const NetworkModel &Model, NetworkSummaries &Summaries)
      : Model(Model), Summaries(Summaries) {}

  /// Records what \p S, a statement of \p Unit in the user's code, does to
  /// handles. Returns the network call \p S is, if the model knows it.
  const NetworkCall *noteStatement(const Stmt &S, const Decl &Unit,
                                   ASTContext &Ctx);

  /// The network calls of \p Unit seen so far, in the order seen.
  llvm::ArrayRef<NetworkCall> calls(const Decl &Unit) const;

  /// True if \p Handle, used in \p Unit at \p Site (anywhere in the unit
  /// when null), meets \p Need, or if the tracker cannot tell. \p
  /// SelfContained: the editor's view of one declaration at a time.
  bool configured(const Decl &Unit, const Expr *Handle, const Expr *Site,
                  HandleRequirement Need, bool SelfContained);

  /// For a handle that is the parameter \p Handle of \p Function (which
  /// the tracker counts as configured by the caller): whether the function
  /// or the callers of the file give it \p Need. True if the function
  /// does, or some call or construction of it in the file passes a handle
  /// that meets \p Need (or one the tracker cannot judge); false if every
  /// one passes a handle that does not; nullopt when the file has no call
  /// of it (its callers are elsewhere) or sees one declaration at a time.
  std::optional<bool> configuredByCallers(const FunctionDecl &Function,
                                          const ParmVarDecl &Handle,
                                          HandleRequirement Need,
                                          bool SelfContained);

  /// Forgets the translation unit.
  void clear();

private:
  /// What the scan saw of a unit (function, lambda).
  struct UnitFacts {
    llvm::SmallVector<NetworkCall, 4> Calls;
    /// Calls of functions defined in this TU: helpers that may configure
    /// a handle they are given (their network summaries say).
    llvm::SmallVector<const CallExpr *, 4> HelperCalls;
    /// Objects of the TU's classes constructed (`new Handle(ctx, url, h)`):
    /// constructors that may be given a handle.
    llvm::SmallVector<const CXXConstructExpr *, 2> Constructions;
    /// `h = make_handle()` and `CURL *h = make_handle();`.
    llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 2> Inits;
    llvm::SmallVector<const Expr *, 2> Returns;
  };

  bool configuredBefore(const Decl &Unit, const ValueDecl &Handle,
                        const Expr *Site, HandleRequirement Need,
                        unsigned Depth);
  bool helperConfiguresReturn(const FunctionDecl &Helper,
                              HandleRequirement Need, unsigned Depth);
  /// True if \p Call, a call of a project function, configures \p Handle
  /// (passed to it) on every path, per its summary.
  bool helperConfiguresArgument(const CallExpr &Call, const ValueDecl &Handle,
                                HandleRequirement Need);

  const NetworkModel &Model;
  NetworkSummaries &Summaries;
  llvm::MapVector<const Decl *, UnitFacts> Facts;
  /// Fields and globals given a configuration somewhere in the TU.
  llvm::DenseSet<std::tuple<const ValueDecl *, NetworkLibrary, NetworkRole>>
      ConfiguredGlobals;
  /// Whether a helper returns a handle it configured.
  llvm::DenseMap<std::tuple<const FunctionDecl *, NetworkLibrary, NetworkRole>,
                 bool>
      ReturnedConfigured;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_HANDLESETUP_H
