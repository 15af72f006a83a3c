#!/usr/bin/env python3
"""End-to-end test of the Bazel rules (bazel/, docs/bazel.md).

Copies examples/bazel to a temporary workspace and, with the driver of
this build, asserts what a Bazel user relies on:

  * one Prodready action per C++ source, each with its file's findings;
  * after `bazel clean`, every analysis comes from the disk cache;
  * a changed file makes exactly its own analysis run again;
  * --@prodready//:fail_on=warning fails the build and names each file;
  * prodready_report writes SARIF valid against the schema;
  * prodready_report(whole_program = True): the cross-file finding (a name
    received in //net reaching a path in //store) with its code flow;
  * `bazel run //:prodready_fix` applies the fix-its, and the fixed
    workspace compiles with Bazel's own toolchain.

Exits 77 (skipped) when there is no `bazel` on PATH. Usage:
  bazel_aspect_test.py --driver build/bin/prodready --schema SCHEMA.json
"""

import argparse
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = 77

# The findings of each file analyzed alone: (file, line, column, check).
PER_FILE_FINDINGS = [
    ("app/main.cc", 20, 21, "prodready-unsafe-path-join"),
    ("config/config.cc", 6, 34, "prodready-unchecked-getenv"),
    ("config/config.cc", 11, 20, "prodready-unvalidated-env-parse"),
    ("store/store.cc", 14, 31, "prodready-regex-in-loop"),
]
SOURCES = 6  # app/main.cc, config/config{,_test}.cc, net/net.cc, store/*.cc


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Workspace:
    def __init__(self, tmp, driver):
        self.tmp = tmp
        self.path = os.path.join(tmp, "ws")
        self.driver = driver
        self.step = 0

    def bazel(self, *args, expect_success=True):
        """Runs bazel in the workspace; returns (exit code, stderr, spawns)."""
        self.step += 1
        log = os.path.join(self.tmp, "exec%d.json" % self.step)
        command = [
            "bazel",
            "--output_user_root=" + os.path.join(self.tmp, "root"),
            "--max_idle_secs=120",
            args[0],
        ]
        if args[0] in ("build", "run"):
            command.append("--execution_log_json_file=" + log)
        command += list(args[1:])
        result = subprocess.run(command, cwd=self.path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, universal_newlines=True)
        if expect_success and result.returncode != 0:
            raise Failure("'%s' failed (%d):\n%s" % (" ".join(command), result.returncode,
                                                     result.stderr[-4000:]))
        return result.returncode, result.stdout, result.stderr, read_spawns(log)

    def file(self, relative):
        return os.path.join(self.path, relative)


def read_spawns(log):
    """The spawns of an execution log: concatenated JSON objects."""
    if not os.path.exists(log):
        return []
    text = open(log).read()
    decoder = json.JSONDecoder()
    spawns, index = [], 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index == len(text):
            return spawns
        spawn, index = decoder.raw_decode(text, index)
        spawns.append(spawn)


def analyses(spawns):
    return [s for s in spawns if s.get("mnemonic") == "Prodready"]


def cache_hits(spawns):
    return [s for s in spawns if s.get("remoteCacheHit")]


def make_workspace(tmp, driver):
    workspace = Workspace(tmp, driver)
    shutil.copytree(os.path.join(ROOT, "examples", "bazel"), workspace.path,
                    ignore=shutil.ignore_patterns("bazel-*", ".bazelrc.local"))
    lines = [
        "build --override_repository=prodready=%s" % os.path.join(ROOT, "bazel"),
        "build --repo_env=PRODREADY=%s" % driver,
        "build --disk_cache=%s" % os.path.join(tmp, "disk"),
    ]
    version = subprocess.run(["bazel", "--version"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
    if re.match(r"bazel (4\.|no_version)", version):
        # Debian bookworm's bazel-bootstrap (which calls itself no_version):
        # no network, no rules_cc that 4.2.3 reads.
        for name in ("rules_cc", "rules_java", "remote_coverage_tools"):
            lines.append("build --override_repository=%s=%s" %
                         (name, os.path.join(ROOT, "bazel", "debian", name)))
    with open(workspace.file(".bazelrc.local"), "w") as out:
        out.write("\n".join(lines) + "\n")
    return workspace


def report_findings(path):
    with open(path) as report:
        return [(f["file"], f["line"], f["column"], f["check"])
                for f in json.load(report)["findings"]]


def per_file_reports(workspace):
    """Each source's JSON report under bazel-bin, by the source's path."""
    reports = {}
    bin_dir = workspace.file("bazel-bin")
    for directory, _, files in os.walk(bin_dir, followlinks=True):
        for name in files:
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, bin_dir)
            match = re.match(r"[^/]+/[^/]+\.prodready/(.+)\.json$", relative)
            if match and not name.endswith(".compile.json"):
                reports[match.group(1)] = path
    return reports


def test_per_file_analysis(workspace):
    _, _, _, spawns = workspace.bazel("build", "--config=prodready", "//...")
    check(len(analyses(spawns)) == SOURCES,
          "expected %d Prodready actions, got %d" % (SOURCES, len(analyses(spawns))))
    reports = per_file_reports(workspace)
    check(sorted(reports) == ["app/main.cc", "config/config.cc", "config/config_test.cc",
                              "net/net.cc", "store/export.cc", "store/store.cc"],
          "reports: %s" % sorted(reports))
    found = sorted(f for path in reports.values() for f in report_findings(path))
    check(found == PER_FILE_FINDINGS, "per-file findings: %s" % found)
    print("ok: %d analyses, one report per source, %d findings" % (SOURCES, len(found)))


def process_summary(stderr):
    """Bazel's 'INFO: 8 processes: 2 internal, 6 disk cache hit.' as a dict."""
    match = re.search(r"INFO: \d+ process(?:es)?: ([^\n]*)\.\n", stderr)
    check(match, "no process summary in Bazel's output:\n%s" % stderr[-2000:])
    kinds = {}
    for part in match.group(1).split(", "):
        count, kind = part.split(" ", 1)
        kinds[kind] = int(count)
    return kinds


def test_disk_cache(workspace):
    workspace.bazel("clean")
    _, _, stderr, spawns = workspace.bazel("build", "--config=prodready", "//...")
    hits = cache_hits(analyses(spawns))
    check(len(analyses(spawns)) == SOURCES and len(hits) == SOURCES,
          "after bazel clean: %d analyses, %d from the disk cache" %
          (len(analyses(spawns)), len(hits)))
    # Bazel's own summary: nothing but cache hits and internal steps ran
    # (4.2.3 calls a disk cache hit a "remote cache hit", later ones a
    # "disk cache hit").
    kinds = process_summary(stderr)
    hit = "disk cache hit" if "disk cache hit" in kinds else "remote cache hit"
    check(set(kinds) <= {"internal", hit} and kinds.get(hit) == SOURCES,
          "after bazel clean, Bazel ran: %s" % kinds)
    print("ok: after bazel clean, %d of %d analyses from the disk cache" % (len(hits), SOURCES))


def test_one_file_changed(workspace):
    with open(workspace.file("store/store.cc"), "a") as source:
        source.write("// A change to store.cc alone.\n")
    _, _, _, spawns = workspace.bazel("build", "--config=prodready", "//...")
    ran = [s for s in analyses(spawns) if not s.get("remoteCacheHit")]
    check(len(ran) == 1 and "store/store.cc" in " ".join(ran[0]["commandArgs"]),
          "after changing store/store.cc, analyses run: %s" %
          [s.get("progressMessage") for s in ran])
    print("ok: a changed file runs its own analysis only")


def test_fail_on(workspace):
    code, _, stderr, _ = workspace.bazel("build", "--config=prodready", "--keep_going",
                                         "--@prodready//:fail_on=warning", "//...",
                                         expect_success=False)
    check(code != 0, "--@prodready//:fail_on=warning: the build succeeded")
    for path, line, column, name in PER_FILE_FINDINGS:
        location = "%s:%d:%d:" % (path, line, column)
        check(location in stderr and name in stderr,
              "fail_on=warning: '%s' (%s) not in Bazel's output:\n%s" %
              (location, name, stderr[-4000:]))
    print("ok: fail_on=warning fails, naming every finding")


def test_sarif(workspace, schema):
    workspace.bazel("build", "//:prodready_sarif")
    with open(workspace.file("bazel-bin/prodready_sarif.sarif")) as report:
        sarif = json.load(report)
    validate(sarif, schema)
    found = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"],
                    r["ruleId"]) for r in sarif["runs"][0]["results"])
    expected = sorted((f[0], f[1], f[3]) for f in PER_FILE_FINDINGS)
    check(found == expected, "prodready_sarif results: %s" % found)
    print("ok: prodready_sarif is valid SARIF with the %d findings" % len(found))


def test_whole_program(workspace, schema):
    workspace.bazel("build", "//:prodready_whole_program")
    with open(workspace.file("bazel-bin/prodready_whole_program.sarif")) as report:
        sarif = json.load(report)
    validate(sarif, schema)
    results = sarif["runs"][0]["results"]

    def where(location):
        physical = location["physicalLocation"]
        return "%s:%d" % (physical["artifactLocation"]["uri"], physical["region"]["startLine"])

    found = sorted((where(r["locations"][0]), r["ruleId"]) for r in results)
    # main.cc's join is gone: outputDir() is the operator's OUTPUT_DIR.
    expected = sorted([("config/config.cc:6", "prodready-unchecked-getenv"),
                       ("config/config.cc:11", "prodready-unvalidated-env-parse"),
                       ("store/export.cc:9", "prodready-unsafe-path-join"),
                       ("store/store.cc:14", "prodready-regex-in-loop")])
    check(found == expected, "whole-program results: %s" % found)
    export = [r for r in results if where(r["locations"][0]) == "store/export.cc:9"][0]
    flow = [where(step["location"])
            for step in export["codeFlows"][0]["threadFlows"][0]["locations"]]
    check(flow[0].startswith("net/net.cc:") and flow[-1] == "store/export.cc:9",
          "export.cc's code flow: %s" % flow)
    print("ok: whole program: export.cc's finding, its flow from %s" % flow[0])


def test_fix(workspace):
    before = open(workspace.file("config/config.cc")).read()
    workspace.bazel("run", "//:prodready_fix")
    after = open(workspace.file("config/config.cc")).read()
    check(before != after, "bazel run //:prodready_fix changed nothing in config/config.cc")
    # The fixed workspace compiles, and its tests pass, with Bazel's toolchain.
    workspace.bazel("build", "//...")
    workspace.bazel("build", "--config=prodready", "//config")
    reports = per_file_reports(workspace)
    remaining = report_findings(reports["config/config.cc"])
    # getenv's result is checked now; atoi in a conditional has no fix-it.
    check(remaining == [("config/config.cc", 11, 20, "prodready-unvalidated-env-parse")],
          "config/config.cc after the fixes: %s" % remaining)
    print("ok: prodready_fix applied the fix-it; the workspace compiles; the finding is gone")


def test_plugin_copts(workspace):
    """A target's copts cannot make the analysis load code."""
    build_file = workspace.file("net/BUILD.bazel")
    text = open(build_file).read()
    check('name = "net",' in text, "net/BUILD.bazel has no target 'net'")
    with open(build_file, "w") as out:
        out.write(text.replace('name = "net",',
                               'name = "net",\n    copts = ["-fplugin=/nonexistent/plugin.so"],'))
    _, _, stderr, _ = workspace.bazel("build", "--config=prodready", "//net")
    check("removed '-fplugin=/nonexistent/plugin.so' from the compile command of 'net/net.cc'"
          in stderr, "no warning about the plugin of net's copts:\n%s" % stderr[-4000:])
    print("ok: a plugin named in copts is removed, with a warning")


def validate(document, schema_path):
    import jsonschema
    with open(schema_path) as schema:
        jsonschema.validate(document, json.load(schema))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    options = parser.parse_args()
    for path in (options.driver, options.schema):
        if not os.path.isfile(path):
            parser.error("'%s' does not exist" % path)
    if not shutil.which("bazel"):
        print("skipped: no bazel on PATH (scripts/setup.sh installs bazel-bootstrap)")
        return SKIP
    tmp = tempfile.mkdtemp(prefix="prodready-bazel-")
    workspace = make_workspace(tmp, os.path.abspath(options.driver))
    try:
        test_per_file_analysis(workspace)
        test_disk_cache(workspace)
        test_one_file_changed(workspace)
        test_fail_on(workspace)
        test_sarif(workspace, options.schema)
        test_whole_program(workspace, options.schema)
        test_fix(workspace)
        test_plugin_copts(workspace)
    except Failure as failure:
        print("FAIL: %s\n(workspace: %s)" % (failure, workspace.path))
        options.keep = True
        return 1
    finally:
        subprocess.run(["bazel", "--output_user_root=" + os.path.join(tmp, "root"), "shutdown"],
                       cwd=workspace.path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not options.keep:
            remove_tree(tmp)
    return 0


def remove_tree(path):
    """Bazel leaves read-only directories in its output base."""
    def make_writable(function, failed, _):
        os.chmod(os.path.dirname(failed), stat.S_IRWXU)
        os.chmod(failed, stat.S_IRWXU)
        function(failed)
    shutil.rmtree(path, onerror=make_writable)


if __name__ == "__main__":
    sys.exit(main())
