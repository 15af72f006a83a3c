#!/usr/bin/env bash
# Sets everything up on a fresh Debian bookworm machine, builds, and runs all
# tests (GoogleTest unit tests and the lit suite) under ctest.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh" --tests
bash "$root/scripts/build.sh"
cd "${PRODREADY_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)"
