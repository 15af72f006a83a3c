#!/usr/bin/env python3
"""Measures prodready-clangd against Debian's clangd-19 in the editor.

For realistic files (the bundled example's main.cpp, with nlohmann/json and
libcurl, and its http.cpp), in the same invocation and interleaved in
rotating order so that machine noise hits all alike, each server is started fresh ITERATIONS times
(no background index) and an LSP client (bench/lsp-timing.js) measures:
  open  time from didOpen to the file's publishDiagnostics (preamble + AST
        + clang-tidy): what a user waits for when opening the file;
  edit  time from a didChange (a line added at the end) to its
        publishDiagnostics, the preamble reused: what a user waits for
        while typing.
Both servers run with --sync (no adaptive debounce before a rebuild, whose
length depends on earlier build times), so a timing is the work done.
Servers and checks (FastCheckFilter: Loose for all, so the same upstream
checks run):
  clangd-19            upstream checks
  clangd-19 (again)    the same, as a control: the noise of the timings
  prodready-clangd     the same upstream checks (the build alone)
  prodready-clangd +   the same upstream checks and prodready-*
Prints medians and ratios to clangd-19 (its two rows' samples pooled); the
target is under 10% slower (ratio < 1.10) with prodready-* on, for opening
and for editing. The control row shows how far two runs of the same server
differ on this machine.

  bench/clangd.py [--build build] [--iterations 5] [--check-targets]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UPSTREAM_CHECKS = "bugprone-*,performance-*,modernize-*,readability-container-size-empty"
TARGET = 1.10


def session(server, root, source, edits):
    proc = subprocess.run(
        ["node", os.path.join(ROOT, "bench", "lsp-timing.js"), "--server", server,
         "--server-arg", "--log=error", "--server-arg", "--background-index=false",
         # Requests handled as they arrive: without it, clangd waits an
         # adaptive debounce (computed from earlier build times) before each
         # rebuild, and the timings measure that history, not the work.
         "--server-arg", "--sync",
         "--root", root, "--file", source, "--edits", str(edits)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    if proc.returncode != 0:
        sys.exit("bench: %s failed: %s" % (server, proc.stderr[-2000:]))
    return json.loads(proc.stdout)


def workspace(directory, checks):
    """A copy of the example whose .clang-tidy enables \\p checks."""
    example = os.path.join(ROOT, "examples", "llm-client")
    shutil.copytree(example, directory)
    with open(os.path.join(directory, ".clang-tidy"), "w", encoding="utf-8") as f:
        f.write("Checks: '-*,%s'\n" % checks)
    with open(os.path.join(directory, ".clangd"), "w", encoding="utf-8") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n")
    entries = [{"directory": directory, "file": name,
                "arguments": ["clang++", "-std=c++17", "-c", name]}
               for name in ("config.cpp", "http.cpp", "main.cpp")]
    with open(os.path.join(directory, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump(entries, f)
    return directory


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--llvm-version",
                        default=os.environ.get("PRODREADY_LLVM_VERSION", "19"))
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--check-targets", action="store_true",
                        help="exit 1 when the target is missed")
    opts = parser.parse_args()

    stock = shutil.which("clangd-%s" % opts.llvm_version)
    ours = os.path.join(opts.build, "bin", "prodready-clangd")
    for path in (stock, ours):
        if not path or not os.path.exists(path):
            sys.exit("bench: %s is missing (scripts/setup.sh installs clangd-%s; "
                     "scripts/build.sh builds prodready-clangd)" %
                     (path or "clangd-" + opts.llvm_version, opts.llvm_version))

    with tempfile.TemporaryDirectory() as work:
        upstream = workspace(os.path.join(work, "upstream"), UPSTREAM_CHECKS)
        with_ours = workspace(os.path.join(work, "prodready"),
                              UPSTREAM_CHECKS + ",prodready-*")
        configs = [("clangd-%s" % opts.llvm_version, stock, upstream),
                   # The same server again: the noise floor of the timings.
                   ("clangd-%s (again)" % opts.llvm_version, stock, upstream),
                   ("prodready-clangd", ours, upstream),
                   ("prodready-clangd +prodready-*", ours, with_ours)]
        results = {}
        for name in ("main.cpp", "http.cpp"):
            samples = {label: {"open": [], "edit": [], "diagnostics": 0}
                       for label, _, _ in configs}
            for iteration in range(opts.iterations):
                # Rotated, so that no server always runs first (or after
                # the same neighbour).
                shift = iteration % len(configs)
                for label, server, root in configs[shift:] + configs[:shift]:
                    timing = session(server, root, os.path.join(root, name), opts.edits)
                    samples[label]["open"].append(timing["openMs"])
                    samples[label]["edit"].extend(timing["editMs"])
                    samples[label]["diagnostics"] = timing["diagnostics"]
            results[name] = samples

    print("upstream checks: %s; %d sessions per server and file, %d edits each"
          % (UPSTREAM_CHECKS, opts.iterations, opts.edits))
    missed = False
    stock_labels = [label for label, server, _ in configs if server == stock]
    for name, samples in results.items():
        print()
        print("%-32s %11s %11s %13s" % (name, "open (ms)", "edit (ms)", "diagnostics"))
        # The baseline pools both clangd-19 rows: more samples, less noise.
        base_open = statistics.median(
            [t for label in stock_labels for t in samples[label]["open"]])
        base_edit = statistics.median(
            [t for label in stock_labels for t in samples[label]["edit"]])
        for label, _, _ in configs:
            open_ms = statistics.median(samples[label]["open"])
            edit_ms = statistics.median(samples[label]["edit"])
            print("%-32s %11.0f %11.0f %13d   open %.3fx, edit %.3fx" %
                  (label, open_ms, edit_ms, samples[label]["diagnostics"],
                   open_ms / base_open, edit_ms / base_edit))
        ours_label = configs[-1][0]
        ratio = max(statistics.median(samples[ours_label]["open"]) / base_open,
                    statistics.median(samples[ours_label]["edit"]) / base_edit)
        ok = ratio < TARGET
        missed |= not ok
        print("target: prodready-clangd with prodready-* under 10%% slower than "
              "clangd-%s (both rows pooled): %.3fx (%s)" %
              (opts.llvm_version, ratio, "ok" if ok else "MISSED"))
    if opts.check_targets and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
