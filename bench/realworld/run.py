#!/usr/bin/env python3
"""Precision of the prodready checks on real open-source code.

The corpus is bench/realworld/projects.json: public C and C++ projects,
each pinned to a commit, that use the libraries and patterns the checks
model. Their code is never committed here; this script fetches, configures
(CMake configure only, no build: compile_commands.json is all the driver
needs) and analyzes them, and compares the findings with the verdicts a
person gave each one after reading it, in triage/<project>.tsv.

    run.py fetch     --src DIR              # git clone each project at its commit
                                            # (--mirrors DIR: from local mirrors)
    run.py configure --src DIR --build DIR  # cmake configure (apt packages: --install)
    run.py analyze   --src DIR --build DIR  # run the driver, write results/
    run.py table                            # findings per check, per KLOC, share true
    run.py analyze --whole-program ...      # the same with --whole-program, into
    run.py table --whole-program            #   results/whole-program/
    run.py compare                          # what --whole-program adds and removes

A finding's key is stable across runs of the same commit: project, file,
line and check (`ccache:src/ccache/util/path.cpp:42:prodready-unsafe-path-join`,
with `#2`, `#3` for further findings of one check on one line). A triage
line is `key<TAB>TRUE|FALSE|DEBATABLE<TAB>reason`. `table` lists the
findings nobody has judged yet, and with --check-targets exits 1 when a
check misses the targets of docs/benchmarks.md (at least 90 % of its
judged findings true; at most one finding per 2 KLOC unless all are true).

The results (one TSV per project: key, severity, message) and a summary
(KLOC, translation units, time, compile errors) are written to
bench/realworld/results/, and are committed with the triage files so the
table can be reproduced without re-running the corpus.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MANIFEST = os.path.join(HERE, "projects.json")
RESULTS = os.path.join(HERE, "results")
TRIAGE = os.path.join(HERE, "triage")
SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".inl")
VERDICTS = ("TRUE", "FALSE", "DEBATABLE")
TARGET_TRUE_SHARE = 0.90
TARGET_FINDINGS_PER_KLOC = 0.5


def load_projects(selected):
    with open(MANIFEST) as f:
        projects = json.load(f)["projects"]
    if selected:
        unknown = set(selected) - {p["name"] for p in projects}
        if unknown:
            sys.exit("run.py: unknown project(s): " + ", ".join(sorted(unknown)))
        projects = [p for p in projects if p["name"] in selected]
    return projects


def run(cmd, **kwargs):
    print("+ " + " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, **kwargs)


# --- fetch -------------------------------------------------------------------

def mirror_of(repo, mirrors):
    """The local git directory of `repo` under `mirrors`, laid out as
    <mirrors>/<owner>+<name>/repo (bare, or with a .git inside), or None."""
    if not mirrors:
        return None
    owner, name = repo.rstrip("/").split("/")[-2:]
    base = os.path.join(mirrors, f"{owner}+{name}", "repo")
    for candidate in (os.path.join(base, ".git"), base):
        if os.path.isfile(os.path.join(candidate, "HEAD")):
            return candidate
    return None


def checkout(repo, commit, directory, mirrors=None):
    """Exactly `commit`: a shallow fetch from GitHub (which serves commits by
    id), or an export from a local mirror when one is given (machines that
    cannot reach GitHub)."""
    if os.path.isdir(directory) and os.listdir(directory):
        print(f"{directory}: already there", file=sys.stderr)
        return
    os.makedirs(directory, exist_ok=True)
    mirror = mirror_of(repo, mirrors)
    if mirror:
        archive = subprocess.Popen(["git", "--git-dir", mirror, "archive", commit],
                                   stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", directory], stdin=archive.stdout, check=True)
        if archive.wait() != 0:
            sys.exit(f"run.py: {mirror} does not have commit {commit}")
        return
    run(["git", "init", "-q", directory])
    run(["git", "-C", directory, "fetch", "-q", "--depth", "1", repo, commit])
    run(["git", "-C", directory, "checkout", "-q", "FETCH_HEAD"])


def cmd_fetch(args):
    for project in load_projects(args.projects):
        directory = os.path.join(args.src, project["name"])
        checkout(project["repo"], project["commit"], directory, args.mirrors)
        for sub in project.get("submodules", []):
            path = os.path.join(directory, sub["path"])
            if os.path.isdir(path) and not os.listdir(path):
                os.rmdir(path)
            checkout(sub["repo"], sub["commit"], path, args.mirrors)


# --- configure ---------------------------------------------------------------

def missing_packages(packages):
    missing = []
    for package in packages:
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                                capture_output=True, text=True)
        if "install ok installed" not in status.stdout:
            missing.append(package)
    return missing


def cmd_configure(args):
    projects = load_projects(args.projects)
    missing = sorted({p for project in projects
                      for p in missing_packages(project.get("apt", []))})
    if missing:
        if not args.install:
            sys.exit("run.py: missing packages (install them, or pass --install): "
                     + " ".join(missing))
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
            + missing, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    for project in projects:
        source = os.path.join(args.src, project["name"])
        build = os.path.join(args.build, project["name"])
        if not os.path.isdir(source):
            sys.exit(f"run.py: {source} does not exist (run.py fetch, or extract it there)")
        # The directory of the top CMakeLists.txt, when it is not the root.
        cmake_source = os.path.join(source, project.get("cmake_source", ""))
        run(["cmake", "-S", cmake_source, "-B", build, "-G", "Ninja",
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"] + project.get("cmake", []),
            stdout=subprocess.DEVNULL)
        # Sources and headers the build generates (not compiled: copied or
        # written by a script), which the translation units need.
        if project.get("generate"):
            run(["cmake", "--build", build, "--target"] + project["generate"],
                stdout=subprocess.DEVNULL)
        # Generated files whose build is ordered after whole libraries: their
        # own commands only (ninja -t commands -s), nothing compiled.
        if project.get("generate_outputs"):
            generate_outputs(build, project["generate_outputs"])


def generate_outputs(build, pattern):
    targets = subprocess.run(["ninja", "-C", build, "-t", "targets", "all"],
                             capture_output=True, text=True, check=True).stdout
    outputs = [line.split(":")[0] for line in targets.splitlines()
               if line.endswith(": CUSTOM_COMMAND") and re.search(pattern, line.split(":")[0])]
    for output in outputs:
        command = subprocess.run(["ninja", "-C", build, "-t", "commands", "-s", output],
                                 capture_output=True, text=True, check=True).stdout.strip()
        if command:
            run(["sh", "-c", command], stdout=subprocess.DEVNULL)


# --- analyze -----------------------------------------------------------------

def excluded(relative, patterns):
    return any(re.search(p, relative) for p in patterns)


def source_files(top):
    """The files under \p top, a directory (hidden ones left out) or a file."""
    if os.path.isfile(top):
        yield top
        return
    for directory, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            yield os.path.join(directory, name)


def count_kloc(source, project):
    """Non-blank lines of the C/C++ files the run can report on: under the
    analyzed paths (directories or files), not vendored."""
    lines = 0
    roots = [os.path.join(source, p) for p in project.get("paths") or [""]]
    for top in roots:
        for path in source_files(top):
            if not path.endswith(SOURCE_SUFFIXES):
                continue
            relative = os.path.relpath(path, source).replace(os.sep, "/")
            if excluded(relative, project.get("exclude", [])):
                continue
            with open(path, "rb") as f:
                lines += sum(1 for line in f if line.strip())
    return lines / 1000.0


def keyed_findings(project, report):
    """(key, severity, message) per finding, sorted, keys unique."""
    rows = []
    seen = collections.Counter()
    findings = sorted(report["findings"],
                      key=lambda f: (f["file"], f["line"], f["check"], f["column"]))
    for f in findings:
        base = f"{project}:{f['file']}:{f['line']}:{f['check']}"
        seen[base] += 1
        key = base if seen[base] == 1 else f"{base}#{seen[base]}"
        message = f"{f['column']}: {f['message']}".replace("\t", " ").replace("\n", " ")
        rows.append((key, f["severity"], message))
    return rows


def results_dir(whole_program):
    """Where a mode's results go: --whole-program's beside the plain ones,
    with the same keys, so that one triage file judges both."""
    return os.path.join(RESULTS, "whole-program") if whole_program else RESULTS


def cmd_analyze(args):
    results = results_dir(args.whole_program)
    os.makedirs(results, exist_ok=True)
    summary_path = os.path.join(results, "summary.json")
    summary = {}
    if os.path.exists(summary_path):
        with open(summary_path) as f:
            summary = json.load(f)
    for project in load_projects(args.projects):
        name = project["name"]
        source = os.path.abspath(os.path.join(args.src, name))
        build = os.path.abspath(os.path.join(args.build, name))
        report_path = os.path.join(build, "prodready-report.json")
        cmd = [args.driver, "check", "-p", build, "--checks=-*,prodready-*",
               "--format", "json", "-o", report_path, "-j", str(args.jobs)]
        if args.whole_program:
            cmd.append("--whole-program")
        for pattern in project.get("exclude", []):
            cmd += ["--exclude", pattern]
        # How the project's team would configure the checks (each option
        # has its reason in projects.json).
        for option, value in sorted(project.get("check_options", {}).items()):
            cmd += ["--check-option", f"{option}={value}"]
        cmd += project.get("paths", [])
        start = time.monotonic()
        # From the project's root, as CI runs it.
        print("+ " + " ".join(cmd), file=sys.stderr)
        driver = subprocess.run(cmd, cwd=source, stderr=subprocess.PIPE, text=True)
        if args.verbose:
            sys.stderr.write(driver.stderr)
        if driver.returncode != 0:
            sys.exit(f"run.py: {cmd[0]} failed ({driver.returncode}):\n{driver.stderr}")
        seconds = time.monotonic() - start
        with open(report_path) as f:
            report = json.load(f)
        errors = [f for f in report["findings"] if f["check"] == "clang-diagnostic-error"]
        report["findings"] = [f for f in report["findings"]
                              if f["check"].startswith("prodready-")]
        rows = keyed_findings(name, report)
        with open(os.path.join(results, name + ".tsv"), "w") as f:
            f.write("# key\tseverity\tcolumn: message\n")
            for row in rows:
                f.write("\t".join(row) + "\n")
        with open(os.path.join(build, "compile_commands.json")) as f:
            units = len(json.load(f))
        summary[name] = {
            "commit": project["commit"],
            "kloc": round(count_kloc(source, project), 1),
            "translation_units": units,
            "files_with_compile_errors": len({e["file"] for e in errors}),
            "seconds": round(seconds, 1),
        }
        # What --whole-program linked: "N function summaries linked, M
        # translation units analyzed again in K more rounds".
        for line in driver.stderr.splitlines():
            if line.startswith("prodready: whole program: "):
                summary[name]["whole_program"] = line[len("prodready: whole program: "):]
        print(f"{name}: {len(rows)} findings, {summary[name]['kloc']} KLOC, "
              f"{seconds:.0f} s", file=sys.stderr)
    with open(summary_path, "w") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")


# --- table -------------------------------------------------------------------

def read_tsv(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((number, line.split("\t")))
    return rows


def load_triage(name):
    verdicts = {}
    path = os.path.join(TRIAGE, name + ".tsv")
    for number, fields in read_tsv(path):
        if len(fields) < 3 or fields[1] not in VERDICTS:
            sys.exit(f"{path}:{number}: expected 'key<TAB>TRUE|FALSE|DEBATABLE<TAB>reason'")
        verdicts[fields[0]] = fields[1]
    return verdicts


def cmd_table(args):
    results = results_dir(args.whole_program)
    with open(os.path.join(results, "summary.json")) as f:
        summary = json.load(f)
    projects = [p for p in load_projects(args.projects) if p["name"] in summary]
    per_check = collections.defaultdict(collections.Counter)
    per_project = collections.defaultdict(collections.Counter)
    untriaged, stale = [], []
    for project in projects:
        name = project["name"]
        verdicts = load_triage(name)
        keys = set()
        for _, fields in read_tsv(os.path.join(results, name + ".tsv")):
            key = fields[0]
            keys.add(key)
            check = key.split("#")[0].rsplit(":", 1)[1]
            verdict = verdicts.get(key, "UNTRIAGED")
            if verdict == "UNTRIAGED":
                untriaged.append("\t".join(fields))
            per_check[check]["findings"] += 1
            per_check[check][verdict] += 1
            per_project[name]["findings"] += 1
            per_project[name][verdict] += 1
        stale += [k for k in verdicts if k not in keys]
    kloc = sum(summary[p["name"]]["kloc"] for p in projects)

    def share(counts):
        judged = counts["TRUE"] + counts["FALSE"] + counts["DEBATABLE"]
        return f"{100.0 * counts['TRUE'] / judged:.0f} %" if judged else "-"

    out = []
    out.append(f"Corpus: {len(projects)} projects, {kloc:.1f} KLOC "
               f"({', '.join(p['name'] for p in projects)}).")
    out.append("")
    out.append("| check | findings | per KLOC | true | false | debatable | judged true |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    missed = []
    total = collections.Counter()
    documented = {"prodready-" + name[:-3]
                  for name in os.listdir(os.path.join(ROOT, "docs", "checks"))
                  if name.endswith(".md")}
    for check in sorted(set(per_check) | documented):
        c = per_check[check]
        total.update(c)
        rate = c["findings"] / kloc if kloc else 0
        out.append(f"| {check} | {c['findings']} | {rate:.3f} | {c['TRUE']} | "
                   f"{c['FALSE']} | {c['DEBATABLE']} | {share(c)} |")
        judged = c["TRUE"] + c["FALSE"] + c["DEBATABLE"]
        if judged and c["TRUE"] / judged < TARGET_TRUE_SHARE:
            missed.append(f"{check}: {share(c)} judged true (target 90 %)")
        if rate > TARGET_FINDINGS_PER_KLOC and c["TRUE"] != c["findings"]:
            missed.append(f"{check}: {rate:.2f} findings per KLOC, not all true")
    out.append(f"| all checks | {total['findings']} | "
               f"{total['findings'] / kloc if kloc else 0:.3f} | {total['TRUE']} | "
               f"{total['FALSE']} | {total['DEBATABLE']} | {share(total)} |")
    out.append("")
    out.append("| project | KLOC | translation units | findings | judged true | analysis time |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for project in projects:
        name = project["name"]
        s = summary[name]
        out.append(f"| {name} | {s['kloc']} | {s['translation_units']} | "
                   f"{per_project[name]['findings']} | {share(per_project[name])} | "
                   f"{s['seconds']:.0f} s |")
    print("\n".join(out))
    if untriaged:
        print(f"\n{len(untriaged)} findings not triaged yet:", file=sys.stderr)
        for row in untriaged:
            print("  " + row, file=sys.stderr)
    if stale:
        print(f"\n{len(stale)} triage keys no longer found (fixed, or moved):",
              file=sys.stderr)
        for key in stale:
            print("  " + key, file=sys.stderr)
    if args.check_targets and (missed or untriaged):
        for line in missed:
            print("target missed: " + line, file=sys.stderr)
        return 1
    return 0


def cmd_compare(args):
    """Per project analyzed in both modes: the findings --whole-program
    adds (cross-file flows) and removes (a validator or a helper in another
    file), each with its verdict: a removed FALSE is precision gained, a
    removed TRUE a finding lost."""
    summary_path = os.path.join(results_dir(True), "summary.json")
    if not os.path.exists(summary_path):
        sys.exit("run.py: no --whole-program results (run.py analyze --whole-program)")
    with open(summary_path) as f:
        summary = json.load(f)
    out = ["| project | findings | with --whole-program | added | removed |",
           "|---|---:|---:|---|---|"]
    for project in load_projects(args.projects):
        name = project["name"]
        if name not in summary:
            continue
        verdicts = load_triage(name)
        plain = {fields[0] for _, fields in read_tsv(os.path.join(RESULTS, name + ".tsv"))}
        whole = {fields[0] for _, fields in read_tsv(os.path.join(results_dir(True),
                                                                  name + ".tsv"))}

        def described(keys):
            counts = collections.Counter(verdicts.get(k, "UNTRIAGED") for k in keys)
            return ", ".join(f"{n} {v.lower()}" for v, n in sorted(counts.items())) or "-"

        out.append(f"| {name} | {len(plain)} | {len(whole)} | "
                   f"{described(whole - plain)} | {described(plain - whole)} |")
        for key in sorted(whole - plain):
            print(f"added   {verdicts.get(key, 'UNTRIAGED'):10} {key}", file=sys.stderr)
        for key in sorted(plain - whole):
            print(f"removed {verdicts.get(key, 'UNTRIAGED'):10} {key}", file=sys.stderr)
    print("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("fetch", "configure", "analyze", "table", "compare"):
        p = sub.add_parser(name)
        p.add_argument("projects", nargs="*", help="project names (default: all)")
        if name in ("analyze", "table"):
            p.add_argument("--whole-program", action="store_true",
                           help="the driver's --whole-program mode (results/whole-program/)")
        if name not in ("table", "compare"):
            p.add_argument("--src", required=True, help="directory of the projects' sources")
        if name == "fetch":
            p.add_argument("--mirrors", help="local git mirrors, <owner>+<name>/repo "
                           "under this directory, used instead of GitHub")
        if name in ("configure", "analyze"):
            p.add_argument("--build", required=True, help="directory of their build trees")
        if name == "configure":
            p.add_argument("--install", action="store_true",
                           help="apt-get install the packages they need")
        if name == "analyze":
            p.add_argument("--driver", default=os.path.join(ROOT, "build", "bin", "prodready"))
            p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
            p.add_argument("-v", "--verbose", action="store_true")
        if name == "table":
            p.add_argument("--check-targets", action="store_true")
    args = parser.parse_args()
    if args.command == "analyze" and not shutil.which(args.driver):
        sys.exit(f"run.py: {args.driver} not found (scripts/build.sh prodready-driver)")
    return {"fetch": cmd_fetch, "configure": cmd_configure,
            "analyze": cmd_analyze, "table": cmd_table,
            "compare": cmd_compare}[args.command](args) or 0


if __name__ == "__main__":
    sys.exit(main())
