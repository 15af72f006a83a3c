#!/usr/bin/env bash
# Configures (once) and builds prodready with Ninja.
#   scripts/build.sh [ninja targets...]              # in build/
#   scripts/build.sh --sanitize [ninja targets...]   # in build-sanitize/: ASan,
#                                                    # UBSan and the fuzz targets
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PRODREADY_BUILD_DIR:-$root/build}"
extra=()
if [ "${1:-}" = "--sanitize" ]; then
  shift
  build="${PRODREADY_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
  extra=(-DPRODREADY_SANITIZE=ON)
fi
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DPRODREADY_LLVM_VERSION="${PRODREADY_LLVM_VERSION:-19}" "${extra[@]}"
fi
cmake --build "$build" -- "$@"
