//===--- CheckMetadata.h - prodready driver --------------------*- C++ -*-===//
//
// What the driver's reports say about each prodready check: a one-line
// description, its CWE ids, its default severity and its documentation
// page. SARIF rules, Code Climate issues and the summary use it.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_CHECKMETADATA_H
#define PRODREADY_DRIVER_CORE_CHECKMETADATA_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace prodready::driver {

llvm::StringRef severityName(Severity S);
std::optional<Severity> parseSeverity(llvm::StringRef Name);

struct CheckInfo {
  std::string Name;              ///< prodready-unsafe-path-join
  std::string Description;       ///< One line.
  std::vector<std::string> Cwes; ///< "CWE-22", ...
  Severity DefaultSeverity = Severity::Warning;
  std::string DocPath; ///< docs/checks/unsafe-path-join.md
  /// Its findings are secrets written into the source: reports mask the
  /// string literals of the lines they quote (Redaction.h).
  bool RedactsSnippets = false;
};

/// The prodready checks; checks of other modules get a generic entry.
CheckInfo checkInfo(llvm::StringRef CheckName);

/// The severity of a finding of the prodready check \p CheckName with
/// \p Message: the check's default, or warning for the milder kind of a
/// check that reports two (prodready-sql-injection: untrusted data is an
/// error, a parameter a warning). clang-tidy's own level cannot carry the
/// difference (NOLINT does not silence an error, and an error stops
/// `clang-tidy -fix`), so every prodready finding is a clang-tidy warning
/// and the driver grades it by the start of its message.
Severity findingSeverity(llvm::StringRef CheckName, llvm::StringRef Message);

/// True for the checks whose notes walk a value from its source to the
/// sink, in order (the untrusted-data checks): SARIF shows them as a code
/// flow.
bool reportsDataFlow(llvm::StringRef CheckName);
const std::vector<CheckInfo> &prodreadyChecks();

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_CHECKMETADATA_H
