#!/bin/sh
# Copies the whole-program sample to $1 and writes its compile_commands.json:
# a name read from a socket in net.cpp, passed on by names.cpp, reaches a
# path in export.cpp and a query in store.cpp; an environment variable read
# in config.cpp reaches a URL in client.cpp; util.cpp validates names.
set -e
src="$(dirname "$0")"
rm -rf "$1"
mkdir -p "$1"
cp -R "$src/src" "$1/"
cd "$1"
entries=""
for f in src/net.cpp src/names.cpp src/util.cpp src/config.cpp src/export.cpp src/store.cpp src/client.cpp; do
  entries="$entries${entries:+,}
  {\"directory\": \"$1\", \"file\": \"$f\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-c\", \"$f\"]}"
done
printf '[%s\n]\n' "$entries" > compile_commands.json
