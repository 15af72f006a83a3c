#!/usr/bin/env python3
"""Measures --whole-program on a generated project of many translation units.

Issue 16's bars for a 1,000-unit project: the linked summaries fit in well
under 1 GiB, and linking stays close to linear in their size. No open-source
project at hand has 1,000 units that configure on this machine, so this
script writes one, shaped like a service split into modules (a module per
ten units):

  net_K.cpp     reads a name from a socket (a source; linked)
  names_K.cpp   passes it on (linked once net_K's summary is)
  check_K.cpp   validates names (a validator; linked)
  export_K.cpp  opens a file by the name, one call validated (path sink)
  store_K.cpp   builds SQL from it (SQL sink)
  config_K.cpp  reads a URL from the environment (a source; linked)
  client_K.cpp  hands it to libcurl (URL sink)
  util_K.cpp, math_K.cpp, text_K.cpp   code that links nothing

and, in one invocation with -j 2 and the checks `-*,prodready-*`, times the
compile commands with -fsyntax-only (the reference), `prodready check`, and
`prodready check --whole-program --cache DIR`, and reports their peak memory
(max RSS), the linked summaries' size, and the findings of each run.

  bench/whole_program_scale.py [--build build] [--units 1000] [--keep DIR]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import JOBS, parse_only, run_measured  # noqa: E402
from run import ROOT  # noqa: E402

MODULE = {
    "net": """#include <string>
#include <sys/socket.h>
std::string rawName{k}(int fd) {{
  char buf[256];
  ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  if (n <= 0)
    return "";
  return std::string(buf, static_cast<size_t>(n));
}}
""",
    "names": """#include <string>
std::string rawName{k}(int fd);
std::string readName{k}(int fd) {{ return rawName{k}(fd); }}
""",
    "check": """#include <string>
bool isSafeName{k}(const std::string &name) {{
  if (name.empty() || name.find("..") != std::string::npos)
    return false;
  return name.find('/') == std::string::npos;
}}
""",
    "export": """#include <filesystem>
#include <fstream>
#include <string>
std::string readName{k}(int fd);
bool isSafeName{k}(const std::string &name);
void save{k}(int fd) {{
  std::ofstream out(std::filesystem::path("/srv/exports") / readName{k}(fd));
}}
void saveChecked{k}(int fd) {{
  std::string name = readName{k}(fd);
  if (!isSafeName{k}(name))
    return;
  std::ofstream out(std::filesystem::path("/srv/exports") / name);
}}
""",
    "store": """#include <sqlite3.h>
#include <string>
std::string readName{k}(int fd);
void lookup{k}(sqlite3 *db, int fd) {{
  std::string sql = "SELECT * FROM users WHERE name = '" + readName{k}(fd) + "'";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}}
""",
    "config": """#include <cstdlib>
#include <string>
std::string apiBase{k}() {{
  const char *base = std::getenv("API_BASE_{k}");
  return base ? base : "https://api.example.com";
}}
""",
    "client": """#include <curl/curl.h>
#include <string>
std::string apiBase{k}();
void fetch{k}(CURL *h) {{
  std::string url = apiBase{k}() + "/models";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
}}
""",
    "util": """#include <map>
#include <string>
#include <vector>
std::map<std::string, int> countWords{k}(const std::vector<std::string> &words) {{
  std::map<std::string, int> counts;
  for (const std::string &w : words)
    ++counts[w];
  return counts;
}}
""",
    "math": """#include <cmath>
#include <vector>
double mean{k}(const std::vector<double> &xs) {{
  double sum = 0;
  for (double x : xs)
    sum += x;
  return xs.empty() ? 0 : sum / xs.size();
}}
""",
    "text": """#include <algorithm>
#include <cctype>
#include <string>
std::string lower{k}(std::string s) {{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) {{ return std::tolower(c); }});
  return s;
}}
""",
}


def write_project(directory, units):
    """Writes ceil(units / 10) modules and their compile_commands.json."""
    entries = []
    kinds = list(MODULE)
    for i in range(units):
        k, kind = divmod(i, len(kinds))
        name = "%s_%d.cpp" % (kinds[kind], k)
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.write(MODULE[kinds[kind]].format(k=k))
        entries.append({"directory": directory, "file": name,
                        "arguments": ["clang++", "-std=c++17", "-c", name]})
    with open(os.path.join(directory, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump(entries, f, indent=1)
    return entries


def findings_by_check(report):
    with open(report, encoding="utf-8") as f:
        counts = {}
        for finding in json.load(f)["findings"]:
            counts[finding["check"]] = counts.get(finding["check"], 0) + 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--keep", help="write the project here and keep it")
    opts = parser.parse_args()
    driver = os.path.join(opts.build, "bin", "prodready")
    if not os.path.exists(driver):
        sys.exit("bench: %s is missing" % driver)

    work = opts.keep or tempfile.mkdtemp(prefix="prodready-scale-")
    os.makedirs(work, exist_ok=True)
    try:
        entries = write_project(work, opts.units)
        base = [driver, "check", "-p", work, "-j", str(JOBS),
                "--checks=-*,prodready-*", "--quiet", "--format", "json"]
        cache = os.path.join(work, ".cache")
        shutil.rmtree(cache, ignore_errors=True)
        times, memory = {}, {}
        times["parse"] = parse_only(entries)
        times["driver"], memory["driver"] = run_measured(
            base + ["-o", os.path.join(work, "plain.json")], work)
        times["whole-program (cold)"], memory["whole-program (cold)"] = \
            run_measured(base + ["--whole-program", "--cache", cache,
                                 "-o", os.path.join(work, "wp.json")], work)
        times["whole-program (warm)"], memory["whole-program (warm)"] = \
            run_measured(base + ["--whole-program", "--cache", cache,
                                 "-o", os.path.join(work, "wp-warm.json")], work)
        summaries = os.path.join(cache, "whole-program-summaries.json")
        with open(summaries, encoding="utf-8") as f:
            linked = len(json.load(f)["functions"])
        size = os.path.getsize(summaries)
        plain = findings_by_check(os.path.join(work, "plain.json"))
        whole = findings_by_check(os.path.join(work, "wp.json"))
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)

    print("generated project: %d translation units, -j %d" % (len(entries), JOBS))
    for name, seconds in times.items():
        print("%-24s %7.2f s  %5.2fx parse-only" % (name, seconds, seconds / times["parse"]))
    for name, mib in memory.items():
        print("max RSS %-24s %7.0f MiB" % (name, mib))
    print("linked summaries: %d functions, %.1f KiB" % (linked, size / 1024.0))
    print("findings without --whole-program: %s" % json.dumps(plain, sort_keys=True))
    print("findings with --whole-program:    %s" % json.dumps(whole, sort_keys=True))
    print()
    extra = times["whole-program (cold)"] / times["driver"] - 1
    print("--whole-program (cold, with --cache) vs driver: %+5.1f%%" % (100 * extra))


if __name__ == "__main__":
    main()
