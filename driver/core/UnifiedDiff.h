//===--- UnifiedDiff.h - prodready driver ----------------------*- C++ -*-===//
//
// The lines a change touched, from a unified diff (`git diff BASE`, or a
// patch on stdin): `--diff` reports only findings on those lines.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_UNIFIEDDIFF_H
#define PRODREADY_DRIVER_CORE_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace prodready::driver {

class ChangedLines {
public:
  /// Parses \p Diff (git's format, or any `--- a/x` `+++ b/x` `@@` diff with
  /// one leading path component). Fails on a malformed hunk header, naming
  /// the line.
  static llvm::Expected<ChangedLines> parse(llvm::StringRef Diff);

  /// True if line \p Line (1-based) of \p File (as named in the diff's new
  /// side, e.g. `src/main.cpp`) was added or changed.
  bool contains(llvm::StringRef File, unsigned Line) const;

  /// Files whose new side has changed lines.
  std::vector<std::string> files() const;

private:
  /// Per file: sorted, disjoint [first, last] ranges of new-side lines.
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Ranges;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_UNIFIEDDIFF_H
