#!/usr/bin/env bash
# Builds the driver's fuzz targets (driver/fuzz) in the sanitizer build and
# runs each for a given time from its seed corpus (docs/testing.md).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 60; CI runs each for a few seconds
# (scripts/test.sh). New inputs that reach new code are kept in
# build-sanitize/fuzz-corpus/TARGET (the seeds in the tree are not
# touched); an input that crashes is written to
# build-sanitize/fuzz-crashes/TARGET/ and the script fails. Turn one into a
# unit test before fixing it (test/DriverCoreTest.cpp).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PRODREADY_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(report baseline unified-diff cache-entry summaries
           compile-database tidy-config)
fi

bash "$root/scripts/build.sh" --sanitize prodready-fuzzers >/dev/null

# LLVM's libraries are not instrumented and keep some allocations for the
# process' life on purpose: leaks are not what these targets look for.
# use_sigaltstack=0: LLVM installs alternate signal stacks of its own.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:use_sigaltstack=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  crashes="$build/fuzz-crashes/$target"
  mkdir -p "$corpus" "$crashes"
  log="$build/fuzz-crashes/$target.log"
  start=$(date +%s)
  if "$build/driver/fuzz/fuzz-$target" "$corpus" "$root/driver/fuzz/corpus/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $target: ${runs:-?} inputs in $(( $(date +%s) - start )) s, no crash"
  else
    echo "fuzz: $target: FAILED; the input is in $crashes/, the log in $log:" >&2
    grep -m 20 -E "ERROR|runtime error|SUMMARY|Test unit written" "$log" >&2 || tail -20 "$log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: crashes in: ${failed[*]}" >&2
  exit 1
fi
