//===--- fuzz_baseline.cpp - prodready fuzz target ------------------------===//
//
// `--baseline FILE`: a file in the repository, edited by hand or merged by
// git.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include <cstdint>

using namespace prodready::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Parsed = Baseline::parse(Text, "baseline.json");
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return 0;
  }
  (void)Parsed->contains(Text.take_front(32));
  return 0;
}
