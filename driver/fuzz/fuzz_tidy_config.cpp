//===--- fuzz_tidy_config.cpp - prodready fuzz target ---------------------===//
//
// `.clang-tidy` files and `--config`: parsed by clang-tidy, then validated
// by the driver, which creates every check they enable so that each reads
// its option values (a prodready check's bad value is an error). The input
// is also read as a `.prodready.yaml` (its `exclude` patterns).
//
//===----------------------------------------------------------------------===//

#include "ConfigValidator.h"
#include "PathFilter.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <cstdint>

using namespace prodready::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Excludes = parseProjectConfigExcludes(Text, ".prodready.yaml");
  if (Excludes) {
    auto Filter = PathFilter::create(*Excludes, ".prodready.yaml");
    if (Filter)
      (void)Filter->excludes("src/vendor/x.cpp");
    else
      llvm::consumeError(Filter.takeError());
  } else {
    llvm::consumeError(Excludes.takeError());
  }

  llvm::ErrorOr<clang::tidy::ClangTidyOptions> Options =
      clang::tidy::parseConfiguration(llvm::MemoryBufferRef(Text, ".clang-tidy"));
  if (!Options)
    return 0;
  // Only prodready's checks: creating all of clang-tidy's for each input
  // would make the fuzzer slow, and their options are clang-tidy's.
  Options->Checks = "-*,prodready-*";
  ConfigurationValidator Validator;
  Validator.validateSource(*Options, ".clang-tidy");
  Validator.validateValues(*Options, Text.str(), "fuzz.cpp");
  return 0;
}
