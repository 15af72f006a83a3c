//===--- HelperHeaders.h - prodready driver --------------------*- C++ -*-===//
//
// Fixes that call a helper from a header prodready ships (today: the
// checked parse of prodready-unvalidated-env-parse, from prodready/env.h)
// must compile in the project as it stands. Under the driver the check
// includes the header at a path in the project (its option HelperHeader,
// by default third_party/prodready/env.h, relative to the project root),
// and the driver writes the header there when it applies such a fix:
//
//  - once: an identical file already there is left alone;
//  - never over a different file: that file is the project's, so the
//    fixes that would include it are skipped and the refusal says why;
//  - only when at least one fix that includes it was applied.
//
// A HelperHeader spelled as an include (`<prodready/env.h>`, `"env.h"`)
// names a header the project provides itself: nothing is written.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_HELPERHEADERS_H
#define PRODREADY_DRIVER_CORE_HELPERHEADERS_H

#include "FixApplier.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace prodready::driver {

/// The check whose fixes include a helper header, and its option.
inline constexpr llvm::StringLiteral HelperHeaderCheck =
    "prodready-unvalidated-env-parse";
inline constexpr llvm::StringLiteral HelperHeaderOption =
    "prodready-unvalidated-env-parse.HelperHeader";
/// The option the driver sets so the check knows it runs under the driver.
inline constexpr llvm::StringLiteral ProjectRootOption =
    "prodready-unvalidated-env-parse.ProjectRoot";

/// The content of prodready/env.h, as built into the driver.
llvm::StringRef envHelperHeaderContent();

/// The project path ('/'-separated, relative to the root) that a
/// HelperHeader option value names: the default for "", nothing for an
/// include spelling or a path that leaves the root.
std::optional<std::string> helperHeaderPath(llvm::StringRef OptionValue);

struct HelperHeaderPlan {
  /// The findings to fix: those whose header would clobber a file of the
  /// project have their fix removed.
  std::vector<Finding> Findings;
  /// Headers to write (project paths) and the findings that include each.
  std::map<std::string, std::vector<size_t>> ToWrite;
  /// One line per header that is not written over a different file.
  std::vector<std::string> Refusals;
};

/// Looks at the project before fixes are applied. \p OptionFor gives the
/// HelperHeader value for a finding's file (relative to \p Root).
HelperHeaderPlan
planHelperHeaders(const std::vector<Finding> &Findings, llvm::StringRef Root,
                  llvm::function_ref<std::string(const std::string &)>
                      OptionFor);

/// After the fixes: writes each planned header that an applied fix
/// includes. Returns the headers written; failures go to \p Errors.
std::vector<std::string> writeHelperHeaders(const HelperHeaderPlan &Plan,
                                            const FixOutcome &Outcome,
                                            llvm::StringRef Root,
                                            std::vector<std::string> &Errors);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_HELPERHEADERS_H
