//===--- Report.h - prodready driver ---------------------------*- C++ -*-===//
//
// The driver's output formats, built with nlohmann/json (never by string
// concatenation):
//   json         prodready's own stable schema (docs/driver.md)
//   sarif        SARIF 2.1.0, as GitHub code scanning reads it: rules with
//                help and CWE tags, fixes, partialFingerprints
//   codeclimate  GitLab's code quality report (merge request widget)
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_REPORT_H
#define PRODREADY_DRIVER_CORE_REPORT_H

#include "Finding.h"
#include <string>
#include <vector>

namespace prodready::driver {

struct ReportInput {
  std::vector<Finding> Findings;
  std::vector<std::string> Fingerprints; ///< One per finding.
  std::string ToolVersion;
};

std::string writeJson(const ReportInput &Report);
std::string writeSarif(const ReportInput &Report);
std::string writeCodeClimate(const ReportInput &Report);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_REPORT_H
