#!/bin/sh
# Copies the network sample to $1 and writes its compile_commands.json:
# helpers in http.cpp and retry.cpp (a timeout set for every handle, one
# set on one branch only, a status check, a backoff) used in fetch.cpp.
set -e
src="$(dirname "$0")"
rm -rf "$1"
mkdir -p "$1"
cp -R "$src/src" "$1/"
cd "$1"
entries=""
for f in src/http.cpp src/retry.cpp src/fetch.cpp; do
  entries="$entries${entries:+,}
  {\"directory\": \"$1\", \"file\": \"$f\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-c\", \"$f\"]}"
done
printf '[%s\n]\n' "$entries" > compile_commands.json
