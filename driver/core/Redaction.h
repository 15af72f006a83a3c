//===--- Redaction.h - prodready driver ------------------------*- C++ -*-===//
//
// Reports quote the source line of each finding (the text format's excerpt,
// JSON's and SARIF's `snippet`, Code Climate's). For a check whose findings
// are secrets written into the source, quoting the line would copy the
// secret into CI logs and code-scanning databases: the string literals of
// such lines are masked before any report sees them.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_REDACTION_H
#define PRODREADY_DRIVER_CORE_REDACTION_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace prodready::driver {

/// \p Line with the contents of its string literals (ordinary, prefixed and
/// raw) replaced by `*`, byte for byte, so that columns stay right; the
/// quotes, character literals, comments and code are kept. A raw string or
/// comment left open at the end of the line is masked to the end.
std::string redactStringLiterals(llvm::StringRef Line);

/// Redacts the lines \p F and its notes quote, when its check is one whose
/// findings are secrets (CheckInfo::RedactsSnippets).
void redactSnippetsIfSecret(Finding &F);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_REDACTION_H
