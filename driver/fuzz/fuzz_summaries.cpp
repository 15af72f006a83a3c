//===--- fuzz_summaries.cpp - prodready fuzz target -----------------------===//
//
// The whole-program summaries: the cache's copy, a shard's JSON report, and
// the file the checks' `WholeProgramSummaries` option names (prodready-
// clangd and clang-tidy read it too). What reads must write back and read
// back the same, and link (forwards composed) without a fault.
//
//===----------------------------------------------------------------------===//

#include "analysis/ProgramSummaries.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdlib>

using clang::tidy::prodready::ProgramSummaries;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  std::unique_ptr<ProgramSummaries> Parsed =
      ProgramSummaries::parse(Text, Error);
  if (!Parsed)
    return 0;
  std::string Written = Parsed->serialize();
  std::unique_ptr<ProgramSummaries> Again =
      ProgramSummaries::parse(Written, Error);
  if (!Again || Again->serialize() != Written) {
    llvm::errs() << "summaries do not read back: " << Error << "\n"
                 << Written;
    std::abort();
  }
  ProgramSummaries Linked;
  Linked.merge(*Parsed);
  Linked.merge(*Again);
  // Forwards name calls by index and functions by USR: composing must
  // hold whatever they name.
  Linked.composeForwards();
  (void)Linked.restrictedTo(Parsed->Calls);
  return 0;
}
