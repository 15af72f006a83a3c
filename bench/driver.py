#!/usr/bin/env python3
"""Measures the prodready driver against run-clang-tidy on the same files.

The corpus is the one bench/run.py uses (this project's checks, fix-it
library and example), written to one compilation database. In the same
invocation, each with 2 jobs (-j 2) and the checks `-*,prodready-*`:
  1. parse only: the compile commands with -fsyntax-only, 2 at a time;
  2. run-clang-tidy-N -j 2 with clang-tidy-N and the prodready plugin;
  3. prodready check -j 2 (no cache);
  4. prodready check -j 2 --cache DIR, cold (an empty cache);
  5. the same again, warm (nothing changed);
  6. prodready check -j 2 --whole-program;
  7. prodready check -j 2 --whole-program --cache DIR2, cold;
  8. the same again, warm; the warm runs of 5 and 8 are taken 12 times
     each, alternating (A B B A ...), and their medians kept, in wall
     and in CPU seconds; with valgrind installed, one more of each is
     counted in instructions (callgrind, -j 1), which a loaded machine
     does not blur.
Prints each as a ratio of the parse-only run, the driver's peak memory (max
RSS) without and with --whole-program, and the targets: the driver no
slower than run-clang-tidy, the warm cached run under 5% of the cold one,
--whole-program at most 15% over the plain run, and at most 5% over the
warm cached run when both are warm.

With --project BUILD_DIR, the corpus is that project's
compile_commands.json instead (a real project of bench/realworld, for
--whole-program on code with many translation units).

  bench/driver.py [--build build] [--project BUILD_DIR] [--check-targets]
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, load_corpus, parse_flags, timed as run  # noqa: E402

JOBS = 2
CACHE_TARGET = 0.05
WHOLE_PROGRAM_TARGET = 0.15
WHOLE_PROGRAM_WARM_TARGET = 0.05


WARM_RUNS = 12


def warm_runs(plain, whole_program):
    """Median wall and CPU seconds of WARM_RUNS warm runs of each command.

    A warm run takes a fraction of a second, half of it the process' start
    (loading libclang-cpp and libLLVM), so one run is mostly noise: the
    runs alternate in the order A B B A, so that neither command always
    follows the other while the machine's load drifts, and the medians are
    kept. The CPU seconds (user + system of the process) vary far less
    than the wall time on a loaded machine; both are reported."""
    walls, cpus = ([], []), ([], [])
    for i in range(WARM_RUNS):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for which in order:
            wall, cpu = run_cpu((plain, whole_program)[which], ROOT)
            walls[which].append(wall)
            cpus[which].append(cpu)
    return tuple(statistics.median(t) for t in walls + cpus)


def instructions(args, cwd):
    """User-space instructions of a command, counted by valgrind's
    callgrind (None without valgrind). Unlike seconds, the count hardly
    varies between runs or with the machine's load, so it resolves the
    few percent that separate the two warm runs."""
    valgrind = shutil.which("valgrind")
    if not valgrind:
        return None
    # One thread: the count is the same however the work is scheduled.
    one_job = list(args)
    one_job[one_job.index("-j") + 1] = "1"
    result = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                             *one_job], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    return int(match.group(1)) if match else None


def run_cpu(args, cwd):
    """Wall and CPU seconds (user + system) of a command that must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("bench: command failed: %s" % " ".join(args))
    return wall, usage.ru_utime + usage.ru_stime


def interleaved_runs(first, second):
    """Mean seconds and peak memory of two runs of each command, in the
    order first, second, second, first: on this machine runs of one
    command vary by up to 30 % as its load drifts, and a single run of
    each would compare the drift, not the commands."""
    a1, m1 = run_measured(first, ROOT)
    b1, n1 = run_measured(second, ROOT)
    b2, n2 = run_measured(second, ROOT)
    a2, m2 = run_measured(first, ROOT)
    return (a1 + a2) / 2, max(m1, m2), (b1 + b2) / 2, max(n1, n2)


def run_measured(args, cwd):
    """Seconds and peak memory (max RSS, MiB) of a command that must succeed."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            err.seek(0)
            sys.exit("bench: command failed: %s\n%s" %
                     (" ".join(args), err.read().decode(errors="replace")[-2000:]))
    return seconds, usage.ru_maxrss / 1024.0


def project_database(build, directory):
    """Copies \p build's compile_commands.json to \p directory."""
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    for entry in entries:
        if "arguments" not in entry:
            entry["arguments"] = shlex.split(entry["command"])
        entry["file"] = os.path.join(entry["directory"], entry["file"])
    with open(os.path.join(directory, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump(entries, f, indent=1)
    return entries


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
    parser.add_argument("--project", help="a project's build directory (its "
                        "compile_commands.json) instead of this project's corpus")
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
        entries = (project_database(opts.project, work) if opts.project
                   else corpus_database(opts.build, work))
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
        memory = {}
        (times["driver"], memory["driver"],
         times["driver --whole-program"], memory["driver --whole-program"]) = \
            interleaved_runs(driver_cmd, driver_cmd + ["--whole-program"])
        times["driver --cache (cold)"] = run(driver_cmd + ["--cache", cache], ROOT)
        wp_cache = driver_cmd + ["--whole-program", "--cache",
                                 os.path.join(work, "wp-cache")]
        times["whole-program (cold)"] = run(wp_cache, ROOT)
        (times["driver --cache (warm)"], times["whole-program (warm)"],
         cpu_warm, cpu_whole_warm) = warm_runs(driver_cmd + ["--cache", cache], wp_cache)
        counted_warm = instructions(driver_cmd + ["--cache", cache], ROOT)
        counted_whole_warm = instructions(wp_cache, ROOT)

    print("corpus: %d translation units, -j %d, checks %s" % (len(entries), JOBS, checks))
    for name, seconds in times.items():
        print("%-24s %7.2f s  %5.2fx parse-only" % (name, seconds, seconds / times["parse"]))
    for name, mib in memory.items():
        print("max RSS %-24s %7.0f MiB" % (name, mib))
    print()
    speed = times["driver"] / times["run-clang-tidy"]
    warm = times["driver --cache (warm)"] / times["driver --cache (cold)"]
    speed_ok = speed <= 1.0
    warm_ok = warm < CACHE_TARGET
    print("driver vs run-clang-tidy:   %5.2fx  (target <= 1.00x: %s)" %
          (speed, "ok" if speed_ok else "MISSED"))
    print("warm cache vs cold:         %5.2f%% (target < 5%%: %s)" %
          (100 * warm, "ok" if warm_ok else "MISSED"))
    whole = times["driver --whole-program"] / times["driver"] - 1
    whole_ok = whole <= WHOLE_PROGRAM_TARGET
    print("--whole-program vs driver:  %+5.1f%% (target <= +15%%: %s)" %
          (100 * whole, "ok" if whole_ok else "MISSED"))
    whole_warm = (times["whole-program (warm)"] /
                  times["driver --cache (warm)"] - 1)
    whole_warm_ok = whole_warm <= WHOLE_PROGRAM_WARM_TARGET
    print("warm --whole-program vs warm: %+5.1f%% (target <= +5%%: %s)" %
          (100 * whole_warm, "ok" if whole_warm_ok else "MISSED"))
    print("  the same in CPU seconds:    %+5.1f%% (%.3f s vs %.3f s, medians of %d)" %
          (100 * (cpu_whole_warm / cpu_warm - 1), cpu_whole_warm, cpu_warm, WARM_RUNS))
    if counted_warm and counted_whole_warm:
        print("  in instructions (callgrind): %+5.1f%% (%.0f M vs %.0f M)" %
              (100 * (counted_whole_warm / counted_warm - 1),
               counted_whole_warm / 1e6, counted_warm / 1e6))
    else:
        print("  in instructions: not counted (valgrind is not installed)")
    if opts.check_targets and not (speed_ok and warm_ok and whole_ok and
                                   whole_warm_ok):
        sys.exit(1)


if __name__ == "__main__":
    main()
