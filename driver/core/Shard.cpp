//===--- Shard.cpp - prodready driver -------------------------------------===//

#include "Shard.h"
#include "llvm/Support/xxhash.h"

namespace prodready::driver {

llvm::Expected<ShardSpec> parseShardSpec(llvm::StringRef Text) {
  auto [IndexText, CountText] = Text.split('/');
  ShardSpec Spec;
  if (IndexText.getAsInteger(10, Spec.Index) ||
      CountText.getAsInteger(10, Spec.Count) || Spec.Count == 0 ||
      Spec.Index == 0 || Spec.Index > Spec.Count)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "invalid shard '" + Text.str() +
            "': expected K/N with 1 <= K <= N, e.g. 2/4");
  return Spec;
}

unsigned shardOf(llvm::StringRef RelativePath, unsigned Count) {
  // xxh3 is stable across LLVM versions and platforms (it is a file
  // format hash), unlike std::hash.
  return static_cast<unsigned>(llvm::xxh3_64bits(RelativePath) % Count) + 1;
}

std::vector<std::string> selectShard(const std::vector<std::string> &Paths,
                                     ShardSpec Shard) {
  std::vector<std::string> Selected;
  for (const std::string &Path : Paths)
    if (shardOf(Path, Shard.Count) == Shard.Index)
      Selected.push_back(Path);
  return Selected;
}

} // namespace prodready::driver
