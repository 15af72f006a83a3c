#!/usr/bin/env bash
# Sets everything up, builds the prodready clang-tidy module, and runs it on
# the bundled example (examples/llm-client), printing the findings.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PRODREADY_BUILD_DIR:-$root/build}"
llvm="${PRODREADY_LLVM_VERSION:-19}"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" prodready
example="$root/examples/llm-client"
cmake -S "$example" -B "$build/examples/llm-client" -G Ninja >/dev/null
echo "== prodready findings in examples/llm-client =="
# The example's .clang-tidy enables prodready-*.
"/usr/lib/llvm-$llvm/bin/clang-tidy" -load "$build/lib/libprodready.so" \
  -p "$build/examples/llm-client" --quiet "$example"/*.cpp
