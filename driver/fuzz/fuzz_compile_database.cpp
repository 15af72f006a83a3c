//===--- fuzz_compile_database.cpp - prodready fuzz target ----------------===//
//
// `-p BUILD`: compile_commands.json, as CMake, Bear, Bazel's extractors or
// a hand-written script produced it, and the command of each file as the
// driver adjusts it (plugin flags removed, the resource directory added).
//
//===----------------------------------------------------------------------===//

#include "TidyRunner.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include <cstdint>

using namespace prodready::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> Database =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return 0;
  AnalysisSettings Settings;
  std::vector<std::string> Files = Database->getAllFiles();
  for (const std::string &File : Files) {
    std::vector<std::string> Removed;
    (void)effectiveCommand(*Database, File, Settings, &Removed);
  }
  return 0;
}
