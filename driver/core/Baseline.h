//===--- Baseline.h - prodready driver -------------------------*- C++ -*-===//
//
// `--write-baseline FILE` records the fingerprints of the current findings;
// `--baseline FILE` then reports only findings whose fingerprint is not in
// it. The file is JSON:
//   {"tool": "prodready", "version": 1,
//    "findings": [{"fingerprint": "…", "check": "…", "file": "…"}, …]}
// (check and file are for people reading it; matching uses fingerprints).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_BASELINE_H
#define PRODREADY_DRIVER_CORE_BASELINE_H

#include "Finding.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace prodready::driver {

class Baseline {
public:
  /// The baseline text for \p Findings (whose fingerprints are
  /// \p Fingerprints), sorted so that it diffs well in review.
  static std::string serialize(const std::vector<Finding> &Findings,
                               const std::vector<std::string> &Fingerprints);

  /// Parses a baseline; \p Name is used in errors ("baseline.json: …").
  static llvm::Expected<Baseline> parse(llvm::StringRef Text,
                                        llvm::StringRef Name);

  bool contains(llvm::StringRef Fingerprint) const {
    return Known.contains(Fingerprint);
  }
  size_t size() const { return Known.size(); }

private:
  llvm::StringSet<> Known;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_BASELINE_H
