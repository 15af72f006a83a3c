//===--- UrlPrefix.h - prodready -------------------------------*- C++ -*-===//
//
// Whether untrusted text joined into a URL can choose the server. The
// untrusted-data analysis remembers where untrusted data first entered a
// value by a join (`TaintValue::Join`: `base + path`, `url += name`,
// `snprintf(buf, n, "https://%s/v1", host)`, `fmt::format(...)`,
// `os << a << b`); this file reads back what that join put before it:
//
//   "https://api.example.com/v1/" + name     the host is fixed: a path
//   "https://" + host + "/v1"                the host is the untrusted text
//   std::string(getenv("API_BASE")) + "/v1"  the untrusted text comes first
//   base_url_ + "/v1/" + name                a base the program holds
//
// The prefix is reconstructed from the source: literals and constants
// give their text, a local string gives what was last assigned to it and
// appended since (in source order), other values are opaque (the program's
// own when they carry no label). The rule on the prefix (prefixFixesHost)
// is the catalog's: a constant prefix fixes the host only if it contains
// `://`, at least one host character and then `/` (or `?`, `#`); a scheme
// alone (`"http://"`) does not.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_URLPREFIX_H
#define PRODREADY_CHECKS_ANALYSIS_URLPREFIX_H

#include "TaintAnalysis.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang::tidy::prodready {

/// A piece of text a join put together: known text, or a value whose text
/// is not known (an expression the analysis can evaluate).
struct TextPiece {
  std::string Text;
  const Expr *Value = nullptr;
};

/// The pieces \p Join put together, in order, with (for a join onto a
/// target: `s += x`, `s.append(x)`, `strcat(buf, x)`) the target's earlier
/// content first, as far as \p Body (the function the join is in) shows
/// it. False if \p Join is not a form this file reads.
bool joinPieces(const Expr &Join, const Stmt *Body, const SourceManager &SM,
                llvm::SmallVectorImpl<TextPiece> &Out);

/// What a prefix is made of, for prefixFixesHost: its text, with
/// OpaqueMark where the program's own values of unknown text are.
inline constexpr char OpaqueMark = '\x01';

/// Whether text after \p Prefix is past the host of a URL (\p HostOnly:
/// of a host or gRPC target, where only a port can follow a host). \p
/// Numeric: the text that follows is a number (a port after `host:`).
bool prefixFixesHost(llvm::StringRef Prefix, bool Numeric, bool HostOnly);

/// Where the untrusted part of a URL is.
enum class UrlJoin {
  AtStart,     ///< The whole URL, or its beginning.
  AfterPrefix, ///< After text that does not fix the host.
  HostFixed,   ///< After text that fixes the host: a path or a query.
};

/// Where the untrusted part of \p Hit's value (a hit in \p Unit of \p
/// Engine) is: read from the join the analysis remembered, with the pieces
/// before it evaluated by the engine (the first one that carries the data
/// ends the prefix). \p HostOnly: the sink takes a host or a target.
UrlJoin classifyUrlJoin(const TaintHit &Hit, const Decl &Unit,
                        TaintEngine &Engine, bool HostOnly);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_URLPREFIX_H
