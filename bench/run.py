#!/usr/bin/env python3
"""Measures what the prodready checks cost on top of parsing.

For every translation unit of the corpus (by default this project's own
checks, fix-it library and example, taken from the compilation databases of
the build, and the dense bench files of bench/corpus/: code that uses the
libraries the checks model), in the same invocation:
  1. a parse-only run: the compiler's own command with -fsyntax-only;
  2. clang-tidy with the prodready module and `-*,prodready-*`, with
     --enable-check-profile (per-check times are stored as JSON).
Prints each check's time as a share of the clang-tidy run, the parse-only
time next to it, and the targets (each check < 2%, all together < 5%).

  bench/run.py [--build build] [--all] [--check-targets]
"""

import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PER_CHECK_TARGET = 0.02
TOTAL_TARGET = 0.05


def load_database(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    for entry in entries:
        args = entry.get("arguments") or shlex.split(entry["command"])
        yield entry["directory"], os.path.join(entry["directory"], entry["file"]), args


def configure_bench_corpus(build):
    """The compile commands of bench/corpus (code that uses the libraries
    the checks model), configured on every run (a file added to its
    CMakeLists.txt is measured at once): nothing there is built."""
    out = os.path.join(build, "bench-corpus")
    subprocess.run(["cmake", "-S", os.path.join(ROOT, "bench", "corpus"),
                    "-B", out, "-G", "Ninja"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(out, "compile_commands.json")


def load_corpus(build, folders):
    """(directory, source, arguments) of the build's translation units (and
    the example's, and bench/corpus's) under \p folders of the project."""
    databases = [os.path.join(build, "compile_commands.json"),
                 os.path.join(build, "examples", "llm-client", "compile_commands.json"),
                 configure_bench_corpus(build)]
    corpus = []
    for database in databases:
        if not os.path.exists(database):
            sys.exit("bench: %s is missing; run scripts/build.sh and "
                     "scripts/run-example.sh first" % database)
        for directory, source, args in load_database(database):
            relative = os.path.relpath(source, ROOT)
            if relative.split(os.sep)[0] in folders:
                corpus.append((directory, source, args))
    if not corpus:
        sys.exit("bench: empty corpus")
    return corpus


def parse_flags(args, source):
    """The compile command's flags that affect parsing: no output options,
    and no precompiled header (clang-tidy deserializes all of a PCH, a
    compiler does not, so keeping it would compare different work)."""
    result, skip = [], 0
    for i, arg in enumerate(args[1:], start=1):
        if skip:
            skip -= 1
            continue
        if arg in ("-o", "-MF", "-MT", "-MQ"):
            skip = 1
            continue
        if arg == "-Xclang" and i + 1 < len(args) and args[i + 1] == "-include-pch":
            skip = 3  # -Xclang -include-pch -Xclang <file>
            continue
        if arg in ("-c", "-MD", "-MMD") or arg == source:
            continue
        result.append(arg)
    return result


def timed(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("bench: command failed (%d): %s\n%s" %
                 (proc.returncode, " ".join(cmd), proc.stdout[-2000:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--llvm-version", default=os.environ.get("PRODREADY_LLVM_VERSION", "19"))
    parser.add_argument("--all", action="store_true",
                        help="also the unit tests (larger, slower corpus)")
    parser.add_argument("--check-targets", action="store_true",
                        help="exit 1 when a target is missed")
    opts = parser.parse_args()

    clang_tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % opts.llvm_version
    plugin = os.path.join(opts.build, "lib", "libprodready.so")
    folders = ["checks", "fixits", "examples", "bench"] + (["test"] if opts.all else [])
    corpus = load_corpus(opts.build, folders)

    parse_total = 0.0
    tidy_total = 0.0
    check_totals = {}
    with tempfile.TemporaryDirectory() as profile_dir:
        for directory, source, args in corpus:
            flags = parse_flags(args, source)
            parse_total += timed([args[0]] + flags + ["-fsyntax-only", source],
                                 directory)
            tidy_total += timed([clang_tidy, "-load", plugin, "--quiet",
                                 "--checks=-*,prodready-*", "--config={}",
                                 "--enable-check-profile",
                                 "--store-check-profile=" + profile_dir,
                                 source, "--"] + flags, directory)
        for path in glob.glob(os.path.join(profile_dir, "*.json")):
            with open(path, encoding="utf-8") as f:
                profile = json.load(f)["profile"]
            for key, value in profile.items():
                # time.clang-tidy.<check>.wall
                if key.endswith(".wall"):
                    check = key[len("time.clang-tidy."):-len(".wall")]
                    check_totals[check] = check_totals.get(check, 0.0) + value

    print("corpus: %d translation units (%s)" %
          (len(corpus), ", ".join(f + "/" for f in folders + ["bench/corpus"])))
    print("parse only (-fsyntax-only):      %7.2f s" % parse_total)
    print("clang-tidy -checks=prodready-*:  %7.2f s  (%.2fx the parse-only run)" %
          (tidy_total, tidy_total / parse_total))
    print()
    print("%-36s %9s %14s %12s %8s" % ("check", "time (s)", "share of run", "vs parse", "target"))
    missed = False
    for check in sorted(check_totals):
        share = check_totals[check] / tidy_total
        ok = share < PER_CHECK_TARGET
        missed |= not ok
        print("%-36s %9.3f %13.2f%% %11.2f%% %8s" %
              (check, check_totals[check], 100 * share,
               100 * check_totals[check] / parse_total,
               ("< 2% ok" if ok else "< 2% MISSED")))
    total = sum(check_totals.values())
    share = total / tidy_total
    ok = share < TOTAL_TARGET
    missed |= not ok
    print("%-36s %9.3f %13.2f%% %11.2f%% %8s" %
          ("all prodready checks", total, 100 * share, 100 * total / parse_total,
           ("< 5% ok" if ok else "< 5% MISSED")))
    if opts.check_targets and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
