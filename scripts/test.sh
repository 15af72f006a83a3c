#!/usr/bin/env bash
# Sets everything up on a fresh Debian bookworm machine, builds, and runs all
# tests under ctest, in two configurations (docs/testing.md):
#   build/           GoogleTest unit tests, the lit suite (checks, tools,
#                    editor), the mutant sample, the package test;
#   build-sanitize/  AddressSanitizer and UndefinedBehaviorSanitizer: the
#                    unit tests and the checks and tools lit suites, and a
#                    short run of every fuzz target.
# PRODREADY_SKIP_SANITIZE=1 runs the first configuration only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh" --tests
bash "$root/scripts/build.sh"
(cd "${PRODREADY_BUILD_DIR:-$root/build}" &&
  ctest --output-on-failure -j "$(nproc)")
if [ "${PRODREADY_SKIP_SANITIZE:-0}" = 1 ]; then
  exit 0
fi
echo "== the sanitizer build (build-sanitize/) =="
bash "$root/scripts/build.sh" --sanitize
(cd "${PRODREADY_SANITIZE_BUILD_DIR:-$root/build-sanitize}" &&
  ctest --output-on-failure -j "$(nproc)")
