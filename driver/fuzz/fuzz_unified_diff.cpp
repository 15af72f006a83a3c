//===--- fuzz_unified_diff.cpp - prodready fuzz target --------------------===//
//
// `--diff`: git's output, or any unified diff given with `--diff-file`.
//
//===----------------------------------------------------------------------===//

#include "UnifiedDiff.h"
#include <cstdint>

using namespace prodready::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Parsed = ChangedLines::parse(Text);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return 0;
  }
  for (const std::string &File : Parsed->files())
    for (unsigned Line : {0u, 1u, 2u, 100u, ~0u})
      (void)Parsed->contains(File, Line);
  return 0;
}
