#!/bin/sh
# Copies the src/ of the sample in $1 to $2 and writes a
# compile_commands.json for the files that follow (relative to $2), each
# compiled with clang++ -std=c++17 in $2.
set -e
sample="$1"
dest="$2"
shift 2
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$sample/src" "$dest/"
cd "$dest"
entries=""
for f in "$@"; do
  entries="$entries${entries:+,}
  {\"directory\": \"$dest\", \"file\": \"$f\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-c\", \"$f\"]}"
done
printf '[%s\n]\n' "$entries" > compile_commands.json
