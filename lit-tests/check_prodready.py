#!/usr/bin/env python3
"""Runs one prodready check on a test source and verifies it, like
clang-tidy's own check_clang_tidy.py, plus two bars of this project:

  * the file produced by the fix-its must compile (clang++ -fsyntax-only);
  * the fix-its must be idempotent: a second -fix run changes nothing.

Usage (from a RUN line):
  %check_prodready [options] <source> <check> <temp-base> \
      [-- <clang-tidy args>] -- <compiler args>

Verification, by comment prefixes in <source> (suffixed with -<S> when
-check-suffix=S is given):
  CHECK-MESSAGES: warnings and errors, matched with FileCheck; any other
                  warning or error fails the test.
  CHECK-NOTES:    like CHECK-MESSAGES, but notes must be matched too.
  CHECK-FIXES:    lines of the fixed file (full-line match).
A source with none of the message prefixes must produce no warning.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)


def fail(message, output=""):
    sys.stderr.write("check_prodready: " + message + "\n")
    if output:
        sys.stderr.write("------ output ------\n" + output + "\n--------------------\n")
    sys.exit(1)


def crashed(result):
    return result.returncode < 0 or "Stack dump" in result.stdout or \
        "PLEASE submit a bug report" in result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--preload", default="",
                        help="a library clang-tidy runs with in LD_PRELOAD (the "
                             "ASan runtime, for the sanitizer build's plugin)")
    parser.add_argument("-check-suffix", "--check-suffix", default="")
    parser.add_argument("-fix-notes", "--fix-notes", action="store_true",
                        help="also apply fix-its attached to notes")
    parser.add_argument("-expect-compile-error", "--expect-compile-error",
                        action="store_true",
                        help="the source does not compile; only require that "
                             "clang-tidy does not crash and the diagnostics match")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp_base")
    args, rest = parser.parse_known_args()

    # Split "<clang-tidy args> -- <compiler args>".
    if "--" in rest:
        index = rest.index("--")
        tidy_args, compile_args = rest[:index], rest[index + 1:]
        if "--" in compile_args:
            index = compile_args.index("--")
            tidy_args, compile_args = compile_args[:index], compile_args[index + 1:]
    else:
        tidy_args, compile_args = rest, []

    suffix = "-" + args.check_suffix if args.check_suffix else ""
    prefix_messages = "CHECK-MESSAGES" + suffix
    prefix_notes = "CHECK-NOTES" + suffix
    prefix_fixes = "CHECK-FIXES" + suffix

    with open(args.source, encoding="utf-8") as f:
        text = f.read()
    has_messages = prefix_messages + ":" in text
    has_notes = prefix_notes + ":" in text
    has_fixes = prefix_fixes + ":" in text

    # Blank the CHECK comments so they cannot be matched as fixed code, but
    # keep every line where it was.
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)
    extension = os.path.splitext(args.source)[1] or ".cpp"
    temp = args.temp_base + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(cleaned)

    fix_flag = ["--fix-notes"] if args.fix_notes else ["-fix"]
    tidy = [args.clang_tidy, "-load", args.load, temp,
            "--checks=-*," + args.check, "--config={}"] + fix_flag + \
        tidy_args + ["--"] + compile_args
    tidy_env = dict(os.environ)
    if args.preload:
        tidy_env["LD_PRELOAD"] = args.preload
    result = run(tidy, env=tidy_env)
    if crashed(result):
        fail("clang-tidy crashed", result.stdout)
    if result.returncode != 0 and not args.expect_compile_error:
        fail("clang-tidy failed (exit %d)" % result.returncode, result.stdout)
    # Like check_clang_tidy.py: the notes clang-tidy adds about applying
    # fixes are not diagnostics of the check.
    output = "\n".join(line for line in result.stdout.splitlines()
                       if "note: FIX-IT applied suggested code changes" not in line)
    messages_file = temp + ".msg"
    with open(messages_file, "w", encoding="utf-8") as f:
        f.write(output)

    def filecheck(input_file, prefix, extra):
        check = run([args.filecheck, "-input-file=" + input_file, args.source,
                     "-check-prefix=" + prefix] + extra)
        if check.returncode != 0:
            fail("FileCheck failed for " + prefix, check.stdout)

    # In code that does not compile, the compiler's errors are expected.
    not_error = "" if args.expect_compile_error else "|error"
    if has_notes:
        filecheck(messages_file, prefix_notes,
                  ["-implicit-check-not={{note|warning%s}}:" % not_error])
    elif has_messages:
        filecheck(messages_file, prefix_messages,
                  ["-implicit-check-not={{warning%s}}:" % not_error])
    else:
        unexpected = [line for line in output.splitlines()
                      if re.search(r"\b(warning|error): ", line)
                      and (not args.expect_compile_error or "warning: " in line)]
        if unexpected:
            fail("expected no warnings, got:\n" + "\n".join(unexpected), output)

    if has_fixes:
        filecheck(temp, prefix_fixes, ["-match-full-lines"])

    if args.expect_compile_error:
        return

    # The fixed file must compile.
    compiler = args.clangxx
    if extension == ".c":
        compiler = os.path.join(os.path.dirname(args.clangxx), "clang")
    compiled = run([compiler, "-fsyntax-only", temp] + compile_args)
    if compiled.returncode != 0:
        fail("the fixed file does not compile", compiled.stdout)

    # A second run must change nothing.
    second = temp + ".second" + extension
    shutil.copyfile(temp, second)
    again = run([args.clang_tidy, "-load", args.load, second,
                 "--checks=-*," + args.check, "--config={}"] + fix_flag +
                tidy_args + ["--"] + compile_args, env=tidy_env)
    if crashed(again):
        fail("clang-tidy crashed on the fixed file", again.stdout)
    with open(temp, encoding="utf-8") as f1, open(second, encoding="utf-8") as f2:
        if f1.read() != f2.read():
            diff = run(["diff", "-u", temp, second])
            fail("fix-its are not idempotent: a second run changed the file",
                 diff.stdout)


if __name__ == "__main__":
    main()
