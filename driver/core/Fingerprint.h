//===--- Fingerprint.h - prodready driver ----------------------*- C++ -*-===//
//
// A finding's fingerprint identifies it across runs: the same defect keeps
// its fingerprint when unrelated code moves it to another line or is
// reformatted, and two defects never share one. Baselines and SARIF
// `partialFingerprints` use it.
//
// It hashes the check, the file, the message and the reported line's text
// with all whitespace removed, plus the finding's rank among findings with
// those same four (the second identical line of a file is another defect).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_FINGERPRINT_H
#define PRODREADY_DRIVER_CORE_FINGERPRINT_H

#include "Finding.h"
#include <string>
#include <vector>

namespace prodready::driver {

/// The line text without whitespace: reformatting does not change it.
std::string normalizedLineText(const std::string &Text);

/// Fingerprints of \p Findings, in the same order: 16 hex digits each.
std::vector<std::string> fingerprints(const std::vector<Finding> &Findings);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_FINGERPRINT_H
