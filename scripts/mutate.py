#!/usr/bin/env python3
"""Mutation-based robustness tester for prodready (issue 17: never crash on
any input).

It takes the sources of the test suite and the examples (lit check tests and
their Inputs, examples/, bench/), makes random small mutants of them (delete,
duplicate or swap tokens, truncate the file, delete one brace of a pair) and
runs every prodready-* check on each mutant:

  tidy    clang-tidy with the plugin, applying the fix-its (--fix-errors) to
          a copy of the mutant; every mutant
  driver  `prodready check --fix` with a one-entry compile_commands.json;
          every --driver-every'th mutant
  clangd  `prodready-clangd --check=FILE`; every --clangd-every'th mutant

and classifies the outcome:

  crash   the tool died of a signal, or printed a crash report ("Stack dump:",
          "PLEASE submit a bug report", a failed assertion, "LLVM ERROR:")
  hang    the tool ran longer than --timeout seconds and was killed
  fixit   a fix-it of a prodready check was not applied (clang-tidy's "FIX-IT
          unable to apply", overlapping or conflicting replacements; the
          driver's "fix not applied"), or, on a mutant that compiles, the
          fixed file no longer compiles
  status  an exit status the tool should not return (e.g. the driver's 2)

A mutant that does not compile is expected: clang-tidy exits 1 on it, which
is not a crash. The mutants are reproducible: mutant I of seed S is always
the same (--only I, --print-mutant I). With --out DIR, each crash, hang or
fix-it failure is kept in DIR with a reproduce.sh. Exit status 1 when a
crash or a hang was found (also on fix-it failures with --fail-on-fixit),
2 on a usage error. See docs/testing.md.

Python 3.11 standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_EXTENSIONS = (".c", ".cc", ".cpp", ".cxx")
HEADER_EXTENSIONS = (".h", ".hh", ".hpp", ".hxx")
CHECKS = "-*,prodready-*"
MUTATIONS = ("delete-token", "duplicate-token", "swap-tokens", "truncate", "delete-brace")

# ---------------------------------------------------------------------------
# Inputs and their compiler flags


def find_inputs(root):
    """The files to mutate, relative to root, sorted."""
    found = set()

    def walk(top, extensions, skip=("node_modules",)):
        top = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d not in skip)
            for name in filenames:
                if name.endswith(extensions):
                    found.add(os.path.relpath(os.path.join(dirpath, name), root))

    # The lit check tests, and every Inputs/ source or header of the suite.
    walk("lit-tests/checks", (".c", ".cpp"))
    for dirpath, dirnames, _ in os.walk(os.path.join(root, "lit-tests")):
        dirnames[:] = [d for d in dirnames if d != "node_modules"]
        if os.path.basename(dirpath) == "Inputs":
            walk(os.path.relpath(dirpath, root), SOURCE_EXTENSIONS + HEADER_EXTENSIONS)
            dirnames[:] = []
    walk("examples", SOURCE_EXTENSIONS + HEADER_EXTENSIONS)
    walk("bench", SOURCE_EXTENSIONS)
    return sorted(found)


def is_c(path):
    return path.endswith(".c")


def run_commands(text):
    """The RUN: commands of a lit test, continuation lines joined."""
    commands, current = [], None
    for line in text.splitlines():
        match = re.search(r"\bRUN:(.*)$", line)
        if not match:
            if current is not None:
                commands.append(current)
                current = None
            continue
        part = match.group(1).strip()
        joined = part[:-1] if part.endswith("\\") else part
        current = joined if current is None else current + " " + joined
        if not part.endswith("\\"):
            commands.append(current)
            current = None
    if current is not None:
        commands.append(current)
    return commands


def substitute(command, path):
    """lit's substitutions, as lit-tests/lit.cfg.py defines them."""
    directory = os.path.dirname(path)
    values = {
        "check_prodready": "%check_prodready",
        "clang_tidy": "%clang_tidy",
        "prodready_plugin": "PLUGIN",
        "inputs": os.path.join(ROOT, "lit-tests", "Inputs"),
        "runtime_include": os.path.join(ROOT, "fixits", "include"),
        "build_dir": os.path.join(ROOT, "build"),
        "s": path,
        "S": directory,
        "p": directory,
        "t": os.path.join(tempfile.gettempdir(), "lit-t"),
        "T": tempfile.gettempdir(),
    }
    return re.sub(r"%(check_prodready|clang_tidy|prodready_plugin|runtime_include|"
                  r"inputs|build_dir|[sSptT])(?![A-Za-z_])",
                  lambda m: values[m.group(1)], command)


def variants_from_run_lines(path, text):
    """(compiler flags, -config) of each RUN line that runs a check on %s."""
    variants = []
    for command in run_commands(text):
        try:
            words = shlex.split(substitute(command, path))
        except ValueError:
            continue
        for i, word in enumerate(words):
            if word in ("|", "||", "&&", ";"):
                words = words[:i]
                break
        if not words or words[0] not in ("%check_prodready", "%clang_tidy") or path not in words:
            continue
        words = [w for w in words if not re.match(r"^\d*[<>]", w)]
        config = None
        if "--" in words:
            last = len(words) - 1 - words[::-1].index("--")
            flags = words[last + 1:]
            # The -config of %check_prodready lines only: those of the
            # %clang_tidy lines are the deliberately bad options the tests
            # check the diagnostics of.
            if words[0] == "%check_prodready":
                for word in words[:last]:
                    match = re.match(r"^--?config=(.*)$", word, re.S)
                    if match and match.group(1).strip().startswith("{"):
                        config = match.group(1).strip()
        else:
            flags = []
        variant = (tuple(flags), config)
        if variant not in variants:
            variants.append(variant)
    return variants


def default_flags(rel, path):
    """Flags for a file without RUN lines: the language standard, the
    project's include directories and the system ones the samples use."""
    flags = ["-std=c17"] if is_c(rel) else ["-std=c++17"]
    # A sample project's src/ next to its include/.
    include = os.path.join(os.path.dirname(os.path.dirname(path)), "include")
    if os.path.isdir(include):
        flags += ["-I", include]
    for system in ("/usr/include/postgresql", "/usr/include/mariadb"):
        if os.path.isdir(system):
            flags += ["-isystem", system]
    if rel.startswith("bench/"):
        flags.append("-Wno-deprecated-declarations")
    return flags


class Input:
    def __init__(self, rel):
        self.rel = rel
        self.path = os.path.join(ROOT, rel)
        with open(self.path, encoding="utf-8", errors="surrogateescape") as f:
            self.text = f.read()
        self.variants = variants_from_run_lines(self.path, self.text)
        if not self.variants:
            self.variants = [(tuple(default_flags(rel, self.path)), None)]
        self._tokens = None
        base = os.path.basename(rel)
        # A header is analyzed as a C++ main file.
        self.mutant_name = base + ".cpp" if base.endswith(HEADER_EXTENSIONS) else base
        self.language_c = is_c(self.mutant_name)

    @property
    def tokens(self):
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens


# ---------------------------------------------------------------------------
# Tokens and mutations

TOKEN_RE = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*(?:\\\n[^\n]*)*|/\*.*?(?:\*/|\Z))
  | (?P<raw>(?:u8|u|U|L)?R"(?P<delim>[^()\\\s"]{0,16})\(.*?\)(?P=delim)")
  | (?P<string>(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*"|(?:u8|u|U|L)?'(?:[^'\\\n]|\\.)*')
  | (?P<number>\.?\d(?:[eEpP][+-]|[\w.'])*)
  | (?P<ident>[A-Za-z_$][\w$]*)
  | (?P<punct>%:%:|\.\.\.|<<=|>>=|->\*|<=>|::|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||
               [-+*/%&|^=!<>]=|\#\#|\.\*|.)
""", re.S | re.X)


def tokenize(text):
    """(start, end) of each token, comments and whitespace skipped."""
    tokens, pos = [], 0
    while pos < len(text):
        match = TOKEN_RE.match(text, pos)
        if match.lastgroup not in ("space", "comment"):
            tokens.append((match.start(), match.end()))
        pos = match.end()
    return tokens


def matching_braces(text, tokens):
    """(index of '{', index of its '}') of each balanced pair."""
    pairs, stack = [], []
    for i, (start, end) in enumerate(tokens):
        token = text[start:end]
        if token == "{":
            stack.append(i)
        elif token == "}" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def mutate(source, rng):
    """(mutant text, description) of one random mutation of source."""
    text, tokens = source.text, source.tokens
    kind = rng.choice(MUTATIONS)
    if not tokens:
        return text + "\n}", "append '}' to a file without tokens"
    if kind == "delete-brace":
        pairs = matching_braces(text, tokens)
        if not pairs:
            kind = "delete-token"
        else:
            pair = rng.choice(pairs)
            index = pair[rng.randrange(2)]
            start, end = tokens[index]
            return (text[:start] + text[end:],
                    "delete-brace: '%s' at line %d" % (text[start:end], line_of(text, start)))
    if kind == "swap-tokens" and len(tokens) < 2:
        kind = "delete-token"
    i = rng.randrange(len(tokens))
    start, end = tokens[i]
    token = text[start:end]
    where = "line %d" % line_of(text, start)
    if kind == "delete-token":
        return text[:start] + text[end:], "delete-token: %r at %s" % (token, where)
    if kind == "duplicate-token":
        return (text[:end] + " " + token + text[end:],
                "duplicate-token: %r at %s" % (token, where))
    if kind == "truncate":
        return text[:start], "truncate: before %r at %s" % (token, where)
    # swap-tokens
    i = min(i, len(tokens) - 2)
    (s1, e1), (s2, e2) = tokens[i], tokens[i + 1]
    return (text[:s1] + text[s2:e2] + text[e1:s2] + text[s1:e1] + text[e2:],
            "swap-tokens: %r and %r at line %d" % (text[s1:e1], text[s2:e2], line_of(text, s1)))


class Mutant:
    def __init__(self, index, source, variant, text, description):
        self.index = index
        self.source = source
        self.flags = list(variant[0]) + ["-iquote", os.path.dirname(source.path)]
        self.config = variant[1]
        self.text = text
        self.description = description


def make_mutant(inputs, order, seed, index, originals=False):
    """Mutant `index` of `seed`: the same whatever --jobs, --count or --only.
    With originals, input `index` itself, with each of its RUN lines' flags."""
    if originals:
        source, number = None, index
        for candidate in inputs:
            if number < len(candidate.variants):
                source = candidate
                break
            number -= len(candidate.variants)
        return Mutant(index, source, source.variants[number], source.text, "unmutated")
    rng = random.Random("%s:%d" % (seed, index))
    source = inputs[order[index % len(order)]]
    variant = source.variants[rng.randrange(len(source.variants))]
    text, description = mutate(source, rng)
    return Mutant(index, source, variant, text, description)


# ---------------------------------------------------------------------------
# Running the tools

CRASH_PATTERNS = [
    re.compile(p, re.M) for p in (
        r"^Stack dump:",
        r"PLEASE submit a bug report",
        r"Assertion `.*' failed",
        r"^LLVM ERROR:",
        r"UNREACHABLE executed",
        r"^terminate called",
        r"^Signalled (while|during)",
        r"ERROR: AddressSanitizer",
        r"^\S+:\d+:\d+: runtime error: ",
    )
]

# What a failed fix-it looks like in each tool's output, and its category.
TIDY_FIXIT_FAILURES = (
    ("FIX-IT unable to apply suggested code changes", "unapplicable"),
    ("Fix conflicts with existing fix", "conflict"),
    ("Can't apply replacements for file", "conflict"),
    ("clang-tidy failed to apply suggested fixes", "conflict"),
    ("failed to apply", "conflict"),
)
# Two fixes that edit the same text (often of two checks on one expression,
# such as prodready-unvalidated-env-parse and prodready-unchecked-getenv on
# `std::stof(std::getenv(...))`): the tool applies one. That is clang-tidy's
# design, not a failure; whether it leaves work undone is what the second
# --fix on the fixed file shows (category "second-fix").
OVERLAP_MARKERS = ("this fix will not be applied because it overlaps with another fix",
                   "fix not applied: it overlaps")
DRIVER_FIXIT_FAILURES = (
    ("fix not applied: it edits past the end", "past-end"),
    ("fix not applied:", "refused"),
    ("not fixed:", "refused"),
)


# The source lines diagnostics quote ("  12 |   code", "     |   ^"): the
# mutant's text, in which no marker counts.
SOURCE_ECHO_RE = re.compile(r"^ *\d* \|")


def without_echo(output):
    return "\n".join(line for line in output.splitlines() if not SOURCE_ECHO_RE.match(line))


def fixit_category(line, markers):
    for marker, category in markers:
        if marker in line:
            return category
    return None


DIAGNOSTIC_RE = re.compile(r"^\S.*?:\d+:\d+: (warning|error|fatal error|note): (.*)$")
CHECK_NAME_RE = re.compile(r"\[([\w.-]+)(?:,[^\]]*)?\]$")


def tidy_fixit_failures(output):
    """(category, message) of the fix-it failures of prodready diagnostics.

    clang-tidy prints them as notes after the diagnostic whose fix failed;
    failures of the compiler's own fix-its (clang-diagnostic-*) are left
    out."""
    failures, owner = [], None
    for line in without_echo(output).splitlines():
        match = DIAGNOSTIC_RE.match(line)
        if match and match.group(1) != "note":
            name = CHECK_NAME_RE.search(match.group(2))
            owner = name.group(1) if name else None
        category = fixit_category(line, TIDY_FIXIT_FAILURES)
        if category:
            # A note without a location (the overlap) belongs to the
            # diagnostic before it too.
            if owner is None or owner.startswith("prodready-"):
                failures.append((category, line.strip()))
    return failures


def has_compile_errors(output):
    for line in output.splitlines():
        match = DIAGNOSTIC_RE.match(line)
        if match and match.group(1) in ("error", "fatal error"):
            name = CHECK_NAME_RE.search(match.group(2))
            if not name or not name.group(1).startswith("prodready-"):
                return True
    return "Found compiler errors" in output or "Error while processing" in output


def crash_signature(output):
    """A short line naming the crash: the assertion, or the first frame of
    prodready's code, or the first line of the stack dump."""
    for pattern in (r"Assertion `.*' failed\.?", r"LLVM ERROR: .*", r"UNREACHABLE executed.*",
                    r"runtime error: .*"):
        match = re.search(pattern, output)
        if match:
            return match.group(0).strip()
    frames = re.findall(r"^\s*#\d+ 0x[0-9a-f]+ (.*)$", output, re.M)
    for frame in frames:
        if "prodready" in frame and "llvm::sys" not in frame:
            return frame.strip()[:200]
    return frames[0].strip()[:200] if frames else ""


def run_process(command, cwd, timeout, env):
    """(returncode or None on timeout, combined output, seconds)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
        code = process.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        output, _ = process.communicate()
        code = None
    return code, output.decode("utf-8", "replace"), time.monotonic() - started


def tidy_config(mutant):
    """The YAML of the checks and the RUN line's check options."""
    if mutant.config:
        return "{Checks: '%s', %s" % (CHECKS, mutant.config.strip()[1:].lstrip())
    return "{Checks: '%s'}" % CHECKS


def compile_database(directory, mutant, compiler):
    return json.dumps([{
        "directory": directory,
        "file": os.path.join(directory, mutant.source.mutant_name),
        "arguments": [compiler] + mutant.flags + ["-c", mutant.source.mutant_name],
    }], indent=1)


def prepare(tool, directory, mutant, args):
    """Writes what `tool` needs in `directory`; returns its command."""
    os.makedirs(directory, exist_ok=True)
    name = mutant.source.mutant_name
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mutant.text)
    compiler = args.clang if mutant.source.language_c else args.clangxx
    if tool == "tidy":
        return [args.clang_tidy, "-load", args.plugin, "--checks=" + CHECKS,
                "--config=" + tidy_config(mutant)] + \
               (["--fix-errors"] if args.fix else []) + [path, "--"] + mutant.flags
    with open(os.path.join(directory, ".clang-tidy"), "w", encoding="utf-8") as f:
        f.write(tidy_config(mutant) + "\n")
    with open(os.path.join(directory, "compile_commands.json"), "w", encoding="utf-8") as f:
        f.write(compile_database(directory, mutant, compiler))
    if tool == "driver":
        return [args.driver, "check", "-p", directory, "-j", "1", "--format", "text"] + \
               (["--fix"] if args.fix else []) + [path]
    # clangd reads .clangd for the filter: without it, it skips plugin checks.
    with open(os.path.join(directory, ".clangd"), "w", encoding="utf-8") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: None\n")
    return [args.clangd, "--check=" + path, "--check-locations=false", "--log=error"]


EXPECTED_STATUS = {"tidy": (0, 1), "driver": (0, 1), "clangd": None}


class Finding:
    def __init__(self, kind, tool, mutant, detail, output, command, categories=()):
        self.kind, self.tool, self.mutant = kind, tool, mutant
        self.detail, self.output, self.command = detail, output, command
        self.categories = frozenset(categories)

    def summary(self):
        return "%s %s: mutant %d of %s (%s): %s" % (
            self.kind, self.tool, self.mutant.index, self.mutant.source.rel,
            self.mutant.description, self.detail)


def new_fix_stats():
    """Counts of the fix-it bar (docs/testing.md): files without compile
    errors that the fix-its changed; of those, compiled after; of those,
    left unchanged by a second --fix. And the overlapping fixes seen."""
    return {"fixed_clean": 0, "compiles_after": 0, "second_fix_unchanged": 0,
            "overlaps": 0}


def check_mutant(tool, mutant, args, workdir, env):
    """Runs one tool on one mutant; returns (findings, compiled cleanly,
    seconds, fix-it counts)."""
    directory = os.path.join(workdir, "m%d-%s" % (mutant.index, tool))
    command = prepare(tool, directory, mutant, args)
    code, output, seconds = run_process(command, directory, args.timeout, env)
    findings = []
    clean = False
    stats = new_fix_stats()
    stats["overlaps"] = sum(without_echo(output).count(marker) for marker in OVERLAP_MARKERS)
    if code is None:
        findings.append(Finding("hang", tool, mutant, "killed after %g s" % args.timeout,
                                output, command))
    elif code < 0 or any(p.search(without_echo(output)) for p in CRASH_PATTERNS):
        detail = ("signal %d" % -code if code < 0 else "exit %d" % code)
        signature = crash_signature(output)
        findings.append(Finding("crash", tool, mutant,
                                detail + (": " + signature if signature else ""),
                                output, command))
    else:
        expected = EXPECTED_STATUS[tool]
        if expected is not None and code not in expected:
            findings.append(Finding("status", tool, mutant, "exit %d" % code, output, command))
        failures = []
        if args.fix and tool == "tidy":
            failures = tidy_fixit_failures(output)
            clean = not has_compile_errors(output)
            if clean and args.compile_fixed:
                failures += check_fixed_file(mutant, args, directory, command, env, stats)
        if args.fix and tool == "driver":
            for line in without_echo(output).splitlines():
                category = fixit_category(line, DRIVER_FIXIT_FAILURES)
                if category:
                    failures.append((category, line.strip()))
        if failures:
            findings.append(Finding("fixit", tool, mutant,
                                    "; ".join(message for _, message in failures[:3]),
                                    output, command, (c for c, _ in failures)))
    if not args.keep_temp:
        shutil.rmtree(directory, ignore_errors=True)
    return findings, clean, seconds, stats


def read_text(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def check_fixed_file(mutant, args, directory, tidy_command, env, stats):
    """On a mutant that compiled, the file with the fix-its must compile
    ("broken-fix" if not) and a second --fix must leave it as it is
    ("second-fix" if not)."""
    path = os.path.join(directory, mutant.source.mutant_name)
    fixed = read_text(path)
    if fixed == mutant.text:
        return []
    stats["fixed_clean"] += 1
    compiler = args.clang if mutant.source.language_c else args.clangxx
    command = [compiler, "-fsyntax-only", "-Wno-everything", path] + mutant.flags + \
        ["-I", os.path.join(ROOT, "fixits", "include")]
    code, output, _ = run_process(command, directory, args.timeout, env)
    if code != 0:
        first = next((line for line in output.splitlines() if "error:" in line),
                     "exit %s" % code)
        return [("broken-fix", "the fixed file does not compile: " + first.strip())]
    stats["compiles_after"] += 1
    code, output, _ = run_process(tidy_command, directory, args.timeout, env)
    again = read_text(path)
    if code is None or again != fixed:
        line = next((i + 1 for i, (a, b) in enumerate(zip(fixed.splitlines() + [""],
                                                          again.splitlines() + [""]))
                     if a != b), 0)
        return [("second-fix", "a second --fix changed the fixed file (line %d)" % line
                 if code is not None else "a second --fix hung")]
    stats["second_fix_unchanged"] += 1
    return []


class Baselines:
    """The fix-it failure categories of each unmutated input, per tool and
    flags: a mutant's fix-it failure of the same categories is inherited
    from its input, not caused by the mutation."""

    def __init__(self, args, workdir, env):
        self.args, self.workdir, self.env = args, workdir, env
        self.cache, self.lock, self.count = {}, threading.Lock(), 0

    def categories(self, tool, mutant):
        key = (tool, mutant.source.rel, tuple(mutant.flags), mutant.config)
        with self.lock:
            if key in self.cache:
                return self.cache[key]
            self.count += 1
            number = self.count
        original = Mutant(-number, mutant.source, (mutant.flags[:-2], mutant.config),
                          mutant.source.text, "unmutated")
        found, _, _, _ = check_mutant(tool, original, self.args, self.workdir, self.env)
        result = frozenset().union(*(f.categories for f in found if f.kind == "fixit"))
        with self.lock:
            self.cache[key] = result
        return result


def keep(finding, args, number):
    """Saves a finding's mutant, command and output under --out."""
    mutant = finding.mutant
    directory = os.path.join(args.out, "%s-%s-m%d" % (finding.kind, finding.tool, mutant.index))
    shutil.rmtree(directory, ignore_errors=True)
    command = prepare(finding.tool, directory, mutant, args)
    with open(os.path.join(directory, "unfixed" + os.path.splitext(mutant.source.mutant_name)[1]),
              "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mutant.text)
    with open(os.path.join(directory, "output.txt"), "w", encoding="utf-8") as f:
        f.write(finding.output)
    with open(os.path.join(directory, "reproduce.sh"), "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n# %s\n# mutant %d of seed %s: %s, %s\n"
                "# (scripts/mutate.py --seed %s --only %d --tools %s%s, same source tree)\n"
                "# unfixed.* is the mutant before any fix-it was applied.\n"
                "cp %s %s\ncd %s\n%s\n" % (
                    finding.summary().replace("\n", " "), mutant.index, args.seed,
                    mutant.source.rel, mutant.description, args.seed, mutant.index,
                    finding.tool, " --filter " + shlex.quote(args.filter) if args.filter else "",
                    shlex.quote(os.path.join(directory, "unfixed" + os.path.splitext(
                        mutant.source.mutant_name)[1])),
                    shlex.quote(os.path.join(directory, mutant.source.mutant_name)),
                    shlex.quote(directory), shlex.join(command)))
    os.chmod(os.path.join(directory, "reproduce.sh"), 0o755)
    return directory


# ---------------------------------------------------------------------------


def parse_args(argv):
    build = os.path.join(ROOT, "build")
    parser = argparse.ArgumentParser(
        description="Mutation-based robustness test of the prodready checks, driver "
                    "and prodready-clangd (docs/testing.md).")
    parser.add_argument("--count", type=int, default=200, help="mutants in all (default 200)")
    parser.add_argument("--seed", default="1", help="random seed (default 1)")
    parser.add_argument("--jobs", "-j", type=int, default=2,
                        help="mutants checked at once, one process each (default 2)")
    parser.add_argument("--timeout", type=float, default=30,
                        help="seconds one tool may take on one mutant before it counts "
                             "as a hang (default 30)")
    parser.add_argument("--tools", default="tidy,driver,clangd",
                        help="comma-separated: tidy, driver, clangd (default all three)")
    parser.add_argument("--driver-every", type=int, default=10,
                        help="run the driver on every Nth mutant (default 10)")
    parser.add_argument("--clangd-every", type=int, default=20,
                        help="run prodready-clangd on every Nth mutant (default 20)")
    parser.add_argument("--max-seconds", type=float, default=0,
                        help="start no new mutant after this many seconds: a long run "
                             "(--count 10000) in bounded time")
    parser.add_argument("--no-fix", dest="fix", action="store_false",
                        help="do not apply the fix-its (tidy without --fix-errors, "
                             "driver without --fix)")
    parser.add_argument("--no-compile-fixed", dest="compile_fixed", action="store_false",
                        help="do not compile the fixed file of a mutant that compiled")
    parser.add_argument("--fail-on-fixit", action="store_true",
                        help="also exit 1 when a fix-it failed")
    parser.add_argument("--out", help="keep each crash, hang and fix-it failure here, "
                                      "with reproduce.sh, and write summary.json")
    parser.add_argument("--only", help="comma-separated mutant indexes or ranges to check "
                                       "(e.g. 12,40 from a report, or 953-9999 to continue "
                                       "a long run), instead of 0..count-1")
    parser.add_argument("--print-mutant", type=int, metavar="I",
                        help="print mutant I (and its flags on stderr) and exit")
    parser.add_argument("--list-inputs", action="store_true",
                        help="print the inputs and their flags and exit")
    parser.add_argument("--originals", action="store_true",
                        help="check the unmutated inputs, once per RUN line's flags, "
                             "instead of mutants (a baseline; --count is ignored)")
    parser.add_argument("--filter", help="only inputs whose path matches this regex")
    parser.add_argument("--workdir", help="directory for the mutants (default: a new "
                                          "temporary directory, removed at the end)")
    parser.add_argument("--keep-temp", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quiet", "-q", action="store_true", help="only findings and summary")
    parser.add_argument("--build-dir", default=build, help="default: build/")
    parser.add_argument("--plugin", help="default: BUILD/lib/libprodready.so")
    parser.add_argument("--driver", help="default: BUILD/bin/prodready")
    parser.add_argument("--clangd", help="default: BUILD/bin/prodready-clangd")
    parser.add_argument("--clang-tidy", default=shutil.which("clang-tidy-19") or "clang-tidy")
    parser.add_argument("--clangxx", default=shutil.which("clang++-19") or "clang++")
    parser.add_argument("--clang", default=shutil.which("clang-19") or "clang")
    args = parser.parse_args(argv)
    args.plugin = args.plugin or os.path.join(args.build_dir, "lib", "libprodready.so")
    args.driver = args.driver or os.path.join(args.build_dir, "bin", "prodready")
    args.clangd = args.clangd or os.path.join(args.build_dir, "bin", "prodready-clangd")
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for tool in args.tools:
        if tool not in ("tidy", "driver", "clangd"):
            parser.error("unknown tool %r (tidy, driver, clangd)" % tool)
    if args.jobs < 1 or args.count < 0 or args.driver_every < 1 or args.clangd_every < 1:
        parser.error("--jobs, --driver-every and --clangd-every must be positive")
    return args


def parse_indexes(text):
    """'3,10-12' -> [3, 10, 11, 12]: mutants are numbered independently of
    --count, so a long run stopped by --max-seconds continues with the range
    it did not reach."""
    indexes = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            indexes.extend(range(int(first), int(last) + 1) if dash else [int(first)])
        except ValueError:
            raise SystemExit("mutate.py: --only: %r is not an index or a range A-B" % part)
    return indexes


def tools_for(index, args):
    tools = []
    if "tidy" in args.tools:
        tools.append("tidy")
    if "driver" in args.tools and index % args.driver_every == 0:
        tools.append("driver")
    if "clangd" in args.tools and index % args.clangd_every == args.clangd_every // 2:
        tools.append("clangd")
    return tools


def main(argv):
    args = parse_args(argv)
    inputs = [Input(rel) for rel in find_inputs(ROOT)
              if not args.filter or re.search(args.filter, rel)]
    if not inputs:
        sys.stderr.write("mutate.py: no inputs\n")
        return 2
    order = list(range(len(inputs)))
    random.Random("order:%s" % args.seed).shuffle(order)

    if args.list_inputs:
        for source in inputs:
            for flags, config in source.variants:
                print("%s: %s%s" % (source.rel, shlex.join(flags),
                                    "  config=" + config if config else ""))
        return 0
    if args.print_mutant is not None:
        mutant = make_mutant(inputs, order, args.seed, args.print_mutant, args.originals)
        sys.stderr.write("mutant %d of %s: %s\nflags: %s\nconfig: %s\n" % (
            mutant.index, mutant.source.rel, mutant.description, shlex.join(mutant.flags),
            tidy_config(mutant)))
        sys.stdout.write(mutant.text)
        return 0

    for tool, binary in (("tidy", args.plugin), ("driver", args.driver), ("clangd", args.clangd)):
        if tool in args.tools and not os.path.exists(binary):
            sys.stderr.write("mutate.py: %s not found; not running %s\n" % (binary, tool))
            args.tools.remove(tool)
    if "tidy" in args.tools and not shutil.which(args.clang_tidy):
        sys.stderr.write("mutate.py: %s not found\n" % args.clang_tidy)
        return 2
    if not args.tools:
        sys.stderr.write("mutate.py: no tool to run\n")
        return 2

    if args.originals:
        args.count = sum(len(source.variants) for source in inputs)
    indexes = parse_indexes(args.only) if args.only else list(range(args.count))
    workdir = args.workdir or tempfile.mkdtemp(prefix="prodready-mutate-")
    os.makedirs(workdir, exist_ok=True)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        # The findings of an earlier run.
        for name in os.listdir(args.out):
            if re.match(r"^(crash|hang|fixit|status)-(tidy|driver|clangd)-m-?\d+$", name) or \
                    name == "summary.json":
                path = os.path.join(args.out, name)
                if os.path.isdir(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.remove(path)
    env = dict(os.environ)
    env.setdefault("LLVM_SYMBOLIZER_PATH", "/usr/lib/llvm-19/bin/llvm-symbolizer")
    # No user-wide clangd configuration.
    env["XDG_CONFIG_HOME"] = os.path.join(workdir, "xdg")

    baselines = Baselines(args, workdir, env)
    lock = threading.Lock()
    runs = {tool: 0 for tool in ("tidy", "driver", "clangd")}
    tool_seconds = {tool: 0.0 for tool in runs}
    slowest = []
    findings, compiled = [], 0
    fix_stats = new_fix_stats()
    done = 0
    started = time.monotonic()
    step = max(1, len(indexes) // 10)

    def work(index):
        if args.max_seconds and time.monotonic() - started > args.max_seconds:
            return None
        mutant = make_mutant(inputs, order, args.seed, index, args.originals)
        results, clean = [], False
        for tool in tools_for(index, args):
            found, tool_clean, seconds, stats = check_mutant(tool, mutant, args, workdir, env)
            with lock:
                for key, value in stats.items():
                    fix_stats[key] += value
            for finding in found:
                if finding.kind == "fixit" and not args.originals and \
                        finding.categories <= baselines.categories(tool, mutant):
                    finding.kind = "fixit-inherited"
            results.append((tool, found, seconds))
            clean = clean or tool_clean
        return mutant, results, clean

    print("mutate.py: %d mutants of %d inputs, seed %s, tools %s, %d jobs, timeout %g s" % (
        len(indexes), len(inputs), args.seed, ",".join(args.tools), args.jobs, args.timeout),
        flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(work, index) for index in indexes]
        try:
            for future in concurrent.futures.as_completed(futures):
                result = future.result()
                if result is None:
                    continue
                mutant, results, clean = result
                with lock:
                    done += 1
                    compiled += clean
                    if args.originals and "tidy" in args.tools and not clean and not args.quiet:
                        print("note: %s (%s) has compile errors" % (
                            mutant.source.rel, shlex.join(mutant.flags[:-2])), flush=True)
                    for tool, found, seconds in results:
                        runs[tool] += 1
                        tool_seconds[tool] += seconds
                        slowest.append((seconds, tool, mutant.index, mutant.source.rel))
                        slowest.sort(reverse=True)
                        del slowest[5:]
                        for finding in found:
                            findings.append(finding)
                            if finding.kind == "fixit-inherited":
                                continue
                            kept = keep(finding, args, len(findings)) if args.out else None
                            print(finding.summary() + ("\n  kept in " + kept if kept else ""),
                                  flush=True)
                    if not args.quiet and (done % step == 0 or done == len(indexes)
                                           or (args.max_seconds and done % 100 == 0)):
                        elapsed = time.monotonic() - started
                        print("[%d/%d] %.0f s, %.2f mutants/s, %d findings" % (
                            done, len(indexes), elapsed, done / max(elapsed, 1e-9),
                            sum(f.kind != "fixit-inherited" for f in findings)), flush=True)
        except KeyboardInterrupt:
            for future in futures:
                future.cancel()
            raise
    elapsed = time.monotonic() - started
    if not args.workdir and not args.keep_temp:
        shutil.rmtree(workdir, ignore_errors=True)

    counts = {kind: sum(1 for f in findings if f.kind == kind)
              for kind in ("crash", "hang", "fixit", "fixit-inherited", "status")}
    categories = {}
    for finding in findings:
        if finding.kind == "fixit":
            for category in finding.categories:
                key = "%s %s" % (finding.tool, category)
                categories[key] = categories.get(key, 0) + 1
    summary = {
        "seed": args.seed, "mutants": done, "not_started": len(indexes) - done,
        "inputs": len(inputs),
        "runs": {tool: runs[tool] for tool in args.tools},
        "seconds_per_run": {tool: round(tool_seconds[tool] / runs[tool], 2)
                            for tool in args.tools if runs[tool]},
        "slowest_runs": [{"seconds": round(t, 1), "tool": tool, "mutant": i, "input": rel}
                         for t, tool, i, rel in slowest],
        "crashes": counts["crash"], "hangs": counts["hang"],
        "fixit_failures": counts["fixit"], "fixit_failure_categories": categories,
        "fixit_failures_inherited": counts["fixit-inherited"],
        "baseline_runs": baselines.count,
        "unexpected_status": counts["status"],
        "mutants_without_compile_errors": compiled,
        "fixits": fix_stats,
        "seconds": round(elapsed, 1),
        "mutants_per_second": round(done / max(elapsed, 1e-9), 3),
        "findings": [{"kind": f.kind, "tool": f.tool, "mutant": f.mutant.index,
                      "input": f.mutant.source.rel, "mutation": f.mutant.description,
                      "detail": f.detail} for f in findings if f.kind != "fixit-inherited"],
    }
    if args.out:
        with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
            f.write("\n")
    print("mutate.py: %d mutants, runs: %s (+%d of unmutated inputs); %d crashes, %d hangs, "
          "%d fix-it failures%s (+%d also seen on the unmutated input), %d unexpected exit "
          "statuses; %d mutants compiled without errors; %.1f s, %.2f mutants/s" % (
              done, ", ".join("%s %d" % (t, runs[t]) for t in args.tools), baselines.count,
              counts["crash"], counts["hang"], counts["fixit"],
              " (%s)" % ", ".join("%s %d" % kv for kv in sorted(categories.items()))
              if categories else "", counts["fixit-inherited"], counts["status"], compiled,
              elapsed, summary["mutants_per_second"]), flush=True)
    if args.fix and args.compile_fixed and "tidy" in args.tools:
        print("mutate.py: fix-its: %d files without compile errors changed by --fix-errors; "
              "%d of them compile after; %d of those unchanged by a second --fix; %d "
              "overlapping fixes left to clang-tidy" % (
                  fix_stats["fixed_clean"], fix_stats["compiles_after"],
                  fix_stats["second_fix_unchanged"], fix_stats["overlaps"]), flush=True)
    if done < len(indexes):
        print("mutate.py: --max-seconds %g reached: %d of the %d mutants not started" % (
            args.max_seconds, len(indexes) - done, len(indexes)), flush=True)
    if not args.quiet and summary["seconds_per_run"]:
        print("mutate.py: seconds per run: %s; slowest: %s" % (
            ", ".join("%s %.2f" % kv for kv in summary["seconds_per_run"].items()),
            ", ".join("%s on mutant %d of %s %.1f s" % (r["tool"], r["mutant"], r["input"],
                                                        r["seconds"])
                      for r in summary["slowest_runs"][:3])), flush=True)
    failed = counts["crash"] or counts["hang"] or (args.fail_on_fixit and counts["fixit"])
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
