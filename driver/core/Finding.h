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

struct Finding {
  std::string Check;   ///< prodready-unsafe-path-join
  std::string File;    ///< Relative to the project root, '/'-separated.
  unsigned Line = 0;   ///< 1-based.
  unsigned Column = 0; ///< 1-based.
  std::string Message;
  /// The text of the reported line, for fingerprints that survive edits
  /// elsewhere in the file.
  std::string LineText;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_FINDING_H
