#!/usr/bin/env bash
# Configures (once) and builds prodready in build/ with Ninja.
#   scripts/build.sh [ninja targets...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PRODREADY_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DPRODREADY_LLVM_VERSION="${PRODREADY_LLVM_VERSION:-19}"
fi
cmake --build "$build" -- "$@"
