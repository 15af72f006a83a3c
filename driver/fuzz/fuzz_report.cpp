//===--- fuzz_report.cpp - prodready fuzz target --------------------------===//
//
// `prodready merge` and `prodready fix` read JSON and SARIF reports that
// other runs (or anyone) wrote. A report that reads must also write back
// in every format, and read back from what it wrote.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include <cstdint>
#include <cstdlib>

using namespace prodready::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Read = readReport(Text, "fuzz.json");
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return 0;
  }
  ReportInput Report = std::move(Read->first);
  canonicalize(Report);
  (void)writeText(Report);
  (void)writeCodeClimate(Report);
  for (const std::string &Written : {writeJson(Report), writeSarif(Report)}) {
    auto Again = readReport(Written, "written.json");
    if (!Again) {
      // What the driver writes, it must read.
      llvm::errs() << llvm::toString(Again.takeError()) << "\n" << Written;
      std::abort();
    }
  }
  (void)mergeReports({Report, Report});
  return 0;
}
