#!/usr/bin/env bash
# Sets everything up, builds the prodready clang-tidy module and driver, and
# runs the driver on the bundled example (examples/llm-client), printing the
# findings and the summary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PRODREADY_BUILD_DIR:-$root/build}"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" prodready prodready-driver
example="$root/examples/llm-client"
cmake -S "$example" -B "$build/examples/llm-client" -G Ninja >/dev/null
echo "== prodready findings in examples/llm-client =="
# The example's .clang-tidy enables prodready-*. Paths in the report are
# relative to the directory the driver runs in.
cd "$example"
"$build/bin/prodready" check -p "$build/examples/llm-client"
