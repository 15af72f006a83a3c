#!/bin/sh
echo "coverage tools are not available in this Bazel setup" >&2
exit 1
