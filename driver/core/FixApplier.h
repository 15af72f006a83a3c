//===--- FixApplier.h - prodready driver -----------------------*- C++ -*-===//
//
// `--fix` and `prodready fix REPORT`: applies the fix-its of findings to
// the files on disk.
//
//  - A file whose content is not what the analysis read (its SHA-256
//    differs from the report's digest) is not touched: every fix that
//    edits it is refused and reported.
//  - Fixes are taken in the report's canonical order (file, line, column,
//    check, message). A fix is applied whole or not at all: if any of its
//    edits overlaps an edit already taken, the fix is refused and the
//    message names the fix it collides with. Identical edits (two findings
//    inserting the same #include) are applied once.
//  - Each file is written to a temporary file beside it and renamed over
//    it, so an interrupted run leaves the old or the new file, never half
//    of one. The file's permissions are kept.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_FIXAPPLIER_H
#define PRODREADY_DRIVER_CORE_FIXAPPLIER_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace prodready::driver {

/// Writes \p Content to \p Path through a temporary file beside it and a
/// rename, keeping \p Path's permissions if it exists.
llvm::Error writeFileAtomically(const std::string &Path,
                                llvm::StringRef Content);

/// Hex SHA-256 of \p Content: the digest reports carry.
std::string sha256Hex(llvm::StringRef Content);

struct FixOutcome {
  /// Per finding: was its fix applied?
  std::vector<bool> Applied;
  /// Files written, in order.
  std::vector<std::string> FilesWritten;
  /// One line per fix or file that was refused, sorted.
  std::vector<std::string> Refusals;
  /// Helper headers written into the project (HelperHeaders.h).
  std::vector<std::string> HeadersWritten;

  unsigned appliedCount() const;
};

/// Applies the fixes of \p Findings (paths relative to \p Root, which is
/// where the files are) whose files still have the digests in \p Digests.
FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      const FileDigests &Digests, llvm::StringRef Root);

/// The new content of a file: \p Content with \p Edits applied (sorted by
/// offset, none overlapping). Exposed for tests.
std::string applyEdits(llvm::StringRef Content, std::vector<Replacement> Edits);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_FIXAPPLIER_H
