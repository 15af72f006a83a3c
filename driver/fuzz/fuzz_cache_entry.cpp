//===--- fuzz_cache_entry.cpp - prodready fuzz target ---------------------===//
//
// `--cache DIR`: entries another run wrote, possibly truncated by a full
// disk, left by another version, or edited. A bad entry is a miss.
//
//===----------------------------------------------------------------------===//

#include "ResultCache.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdlib>

using namespace prodready::driver;

namespace {

std::unique_ptr<ResultCache> &cache() {
  static std::unique_ptr<ResultCache> Cache = [] {
    llvm::SmallString<128> Directory;
    if (llvm::sys::fs::createUniqueDirectory("prodready-fuzz-cache",
                                             Directory))
      std::abort();
    auto Opened = ResultCache::open(Directory);
    if (!Opened)
      std::abort();
    return std::move(*Opened);
  }();
  return Cache;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::unique_ptr<ResultCache> &Cache = cache();
  static const std::string Key = ResultCache::key({"fuzz"});
  // Stores a valid entry, to learn where entries go, then overwrites it
  // with the input.
  Cache->store(Key, ReportInput(), {});
  static const std::string Path = [&] {
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(
             llvm::sys::path::parent_path(Cache->summariesPath()), EC),
         End;
         It != End && !EC; It.increment(EC))
      if (llvm::StringRef(It->path()).contains(Key))
        return It->path();
    std::abort();
  }();
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    if (EC)
      std::abort();
    Out.write(reinterpret_cast<const char *>(Data), Size);
  }
  std::vector<Dependency> Base = {{"/nonexistent/base.h", "0"}};
  (void)Cache->lookup(Key);
  (void)Cache->lookup(Key, /*NeedsSummaries=*/true);
  (void)Cache->lookup(Key, /*NeedsSummaries=*/true,
                      ResultCache::dependencyDigest(Base));
  (void)Cache->changedDependencies(Key);
  return 0;
}
