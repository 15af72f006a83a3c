//===--- Finding.h - prodready driver --------------------------*- C++ -*-===//
//
// The driver's model of one diagnostic, independent of clang: what the
// output writers, fingerprints, baselines, diff filtering and shard merging
// work on. The driver fills it from clang-tidy's diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_FINDING_H
#define PRODREADY_DRIVER_CORE_FINDING_H

#include <string>
#include <vector>

namespace prodready::driver {

/// One edit of a fix-it, in 1-based line/column positions of \p File
/// (the end is exclusive, as in SARIF regions and clang's char ranges).
struct Replacement {
  std::string File;
  unsigned StartLine = 0, StartColumn = 0, EndLine = 0, EndColumn = 0;
  std::string Text;
};

struct Finding {
  std::string Check;   ///< prodready-unsafe-path-join
  std::string File;    ///< Relative to the project root, '/'-separated.
  unsigned Line = 0;   ///< 1-based.
  unsigned Column = 0; ///< 1-based.
  std::string Message;
  /// The text of the reported line, for fingerprints that survive edits
  /// elsewhere in the file.
  std::string LineText;
  /// The fix-it of the warning, if any (all edits or none).
  std::vector<Replacement> Fix;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_FINDING_H
