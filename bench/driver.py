#!/usr/bin/env python3
"""Measures the prodready driver against run-clang-tidy on the same files.

The corpus is the one bench/run.py uses (this project's checks, fix-it
library and example), written to one compilation database. In the same
invocation, each with 2 jobs (-j 2) and the checks `-*,prodready-*`:
  1. parse only: the compile commands with -fsyntax-only, 2 at a time;
  2. run-clang-tidy-N -j 2 with clang-tidy-N and the prodready plugin;
  3. prodready check -j 2 (no cache);
  4. prodready check -j 2 --cache DIR, cold (an empty cache);
  5. the same again, warm (nothing changed).
Prints each as a ratio of the parse-only run, and the targets: the driver
no slower than run-clang-tidy, the warm cached run under 5% of the cold one.

  bench/driver.py [--build build] [--check-targets]
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, load_corpus, parse_flags, timed as run  # noqa: E402

JOBS = 2
CACHE_TARGET = 0.05


def corpus_database(build, directory):
    """Writes the corpus' compile_commands.json to \p directory."""
    entries = [{"directory": cwd, "file": source,
                "arguments": [args[0]] + parse_flags(args, source) + ["-c", source]}
               for cwd, source, args in load_corpus(build, ("checks", "fixits", "examples"))]
    with open(os.path.join(directory, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump(entries, f, indent=1)
    return entries


def parse_only(entries):
    def one(entry):
        args = [a for a in entry["arguments"] if a != "-c"]
        return run(args + ["-fsyntax-only"], entry["directory"])
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        list(pool.map(one, entries))
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--llvm-version",
                        default=os.environ.get("PRODREADY_LLVM_VERSION", "19"))
    parser.add_argument("--check-targets", action="store_true",
                        help="exit 1 when a target is missed")
    opts = parser.parse_args()

    driver = os.path.join(opts.build, "bin", "prodready")
    plugin = os.path.join(opts.build, "lib", "libprodready.so")
    run_clang_tidy = shutil.which("run-clang-tidy-%s" % opts.llvm_version)
    clang_tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % opts.llvm_version
    for path in (driver, plugin, run_clang_tidy):
        if not path or not os.path.exists(path):
            sys.exit("bench: %s is missing" % (path or "run-clang-tidy"))

    checks = "-*,prodready-*"
    with tempfile.TemporaryDirectory() as work:
        entries = corpus_database(opts.build, work)
        cache = os.path.join(work, "cache")
        # Both tools report findings in headers too (the driver's default).
        times = {}
        times["parse"] = parse_only(entries)
        times["run-clang-tidy"] = run(
            [sys.executable, run_clang_tidy, "-j", str(JOBS), "-p", work,
             "-clang-tidy-binary", clang_tidy, "-load", plugin,
             "-checks=" + checks, "-header-filter=.*", "-quiet"], ROOT)
        driver_cmd = [driver, "check", "-p", work, "-j", str(JOBS),
                      "--checks=" + checks, "--quiet", "--format", "json",
                      "-o", os.path.join(work, "report.json")]
        times["driver"] = run(driver_cmd, ROOT)
        times["driver --cache (cold)"] = run(driver_cmd + ["--cache", cache], ROOT)
        times["driver --cache (warm)"] = run(driver_cmd + ["--cache", cache], ROOT)

    print("corpus: %d translation units, -j %d, checks %s" % (len(entries), JOBS, checks))
    for name, seconds in times.items():
        print("%-24s %7.2f s  %5.2fx parse-only" % (name, seconds, seconds / times["parse"]))
    print()
    speed = times["driver"] / times["run-clang-tidy"]
    warm = times["driver --cache (warm)"] / times["driver --cache (cold)"]
    speed_ok = speed <= 1.0
    warm_ok = warm < CACHE_TARGET
    print("driver vs run-clang-tidy:   %5.2fx  (target <= 1.00x: %s)" %
          (speed, "ok" if speed_ok else "MISSED"))
    print("warm cache vs cold:         %5.2f%% (target < 5%%: %s)" %
          (100 * warm, "ok" if warm_ok else "MISSED"))
    if opts.check_targets and not (speed_ok and warm_ok):
        sys.exit(1)


if __name__ == "__main__":
    main()
