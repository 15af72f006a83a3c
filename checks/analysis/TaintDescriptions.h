//===--- TaintDescriptions.h - prodready -----------------------*- C++ -*-===//
//
// How the checks built on the untrusted-data analysis name, in their
// messages, what kind of input a value is and where it entered: one
// wording for every check.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TAINTDESCRIPTIONS_H
#define PRODREADY_CHECKS_ANALYSIS_TAINTDESCRIPTIONS_H

#include "clang/AST/Expr.h"
#include <cstdint>
#include <string>

namespace clang::tidy::prodready {

/// What the data is, for a message: the most dangerous of the SourceKind
/// bits in \p Sources ("data from the network", ..., "the command line").
std::string describeSources(uint8_t Sources);

/// Where untrusted data entered, for a note: "'argv'", "'getenv'",
/// "request field 'body'", "an input stream ('>>')".
std::string describeOrigin(const Expr &Origin);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TAINTDESCRIPTIONS_H
