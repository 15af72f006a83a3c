//===--- Shard.h - prodready driver ----------------------------*- C++ -*-===//
//
// `--shard K/N`: a deterministic split of the translation units for a CI
// matrix. A file's shard depends only on its path (relative to the project
// root), so every job computes the same split without talking to the
// others, and adding a file moves no other file.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_SHARD_H
#define PRODREADY_DRIVER_CORE_SHARD_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace prodready::driver {

struct ShardSpec {
  unsigned Index = 1; ///< 1-based.
  unsigned Count = 1;
};

/// Parses "K/N" with 1 <= K <= N.
llvm::Expected<ShardSpec> parseShardSpec(llvm::StringRef Text);

/// The 1-based shard of \p RelativePath among \p Count.
unsigned shardOf(llvm::StringRef RelativePath, unsigned Count);

/// The paths of \p Paths that belong to \p Shard, in their order.
std::vector<std::string> selectShard(const std::vector<std::string> &Paths,
                                     ShardSpec Shard);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_SHARD_H
