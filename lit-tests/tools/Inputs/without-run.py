"""Prints a prodready JSON report without its `run` object.

The findings of a report are the same on every run over the same code (in
any order of translation units, with any number of jobs, from the cache,
merged from shards); the `run` object says what this run did (how many
units it analyzed, how long it took), so tests that compare two reports
compare them without it.
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    report = json.load(f)
report.pop("run", None)
json.dump(report, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
print()
