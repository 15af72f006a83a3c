//===--- UrlValidators.h - prodready ---------------------------*- C++ -*-===//
//
// The tests a program makes of a URL before it connects to it, recognized in
// branch conditions, for prodready-unvalidated-url. Where such a test
// passes, the URL is one the program accepted: the untrusted-data analysis
// (TaintUrlFacts.cpp) cleans it on the branch edges the test decides, so a
// validation protects only the paths it dominates.
//
// What counts as validation (the list):
//  - the scheme compared: `url.starts_with("https://")`,
//    `url.rfind("https://", 0) == 0`, `url.compare(0, 8, "https://") == 0`,
//    `url.find("https://") == 0`, `strncmp(url, "https://", 8) == 0`,
//    `url.substr(0, 8) == "https://"`, the free `starts_with` forms;
//  - a part compared with a constant: `host == "api.example.com"`,
//    `strcmp(scheme, "https") == 0`, `host.compare("...") == 0`;
//  - a part found in a container (of allowed hosts): `allowed.count(host)`,
//    `allowed.find(host) != allowed.end()`, `allowed.contains(host)`,
//    `std::find(b, e, host) != e`; only the edge where it is found counts,
//    so a deny list (`if (blocked.count(host)) return;`) validates nothing;
//  - `std::regex_match(url, allowed)`;
//  - a user-listed validator (`Validators` option) or a project function
//    that returns true only for a validated argument (TaintSummaries.h).
//
// A test of a part vouches for the URL it was taken from: `host` filled by
// `curl_url_get(u, CURLUPART_HOST, &host, 0)` vouches for `u` and for the
// text `curl_url_set(u, CURLUPART_URL, text, 0)` gave it; a local
// initialized from other locals (`std::string host = host_of(url);`)
// vouches for them (urlOrigins).
//
// Pattern code only: which value a test cleans is the analysis' business.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_URLVALIDATORS_H
#define PRODREADY_CHECKS_ANALYSIS_URLVALIDATORS_H

#include "TaintModel.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::prodready {

/// A condition atom that validates a URL, or a part of one.
struct UrlTest {
  /// What is tested: the URL, or a part taken from it (`host`,
  /// `parsed->host()`, `url.substr(0, 8)`).
  const Expr *Subject = nullptr;
  /// The validation passed when the atom is true (false for
  /// `host != "api.example.com"`).
  bool Positive = true;
};

/// What \p Atom (a condition without `!`, `&&`, `||`) validates, if
/// anything.
std::optional<UrlTest> classifyUrlTest(const Expr *Atom,
                                       const TaintModel &Model);

/// The expressions naming what a validation of \p Subject vouches for, in
/// the function body \p Body: the location \p Subject designates (through
/// member calls and `->`: `parsed->host()` is a part of `parsed`) and the
/// URLs it was taken from, transitively (a few steps at most).
void urlOrigins(const Expr *Subject, const Stmt *Body,
                llvm::SmallVectorImpl<const Expr *> &Out);

/// The name of the enumerator (or macro, as spelled) \p E is:
/// `CURLOPT_URL`, `CURLUPART_HOST`. Empty for anything else.
std::string curlConstantName(const Expr *E);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_URLVALIDATORS_H
