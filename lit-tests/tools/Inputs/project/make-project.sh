#!/bin/sh
# Copies the sample project to $1, writes its compile_commands.json and
# commits it as the first revision of a fresh git repository.
set -e
src="$(dirname "$0")"
rm -rf "$1"
mkdir -p "$1"
cp -R "$src/src" "$src/include" "$src/.clang-tidy" "$1/"
cd "$1"
entries=""
for f in src/fetch.cpp src/main.cpp src/store.cpp; do
  entries="$entries${entries:+,}
  {\"directory\": \"$1\", \"file\": \"$f\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-Iinclude\", \"-c\", \"$f\"]}"
done
printf '[%s\n]\n' "$entries" > compile_commands.json
git init -q -b main .
git add -A
git -c user.name=prodready -c user.email=ci@prodready.invalid commit -q -m "first revision"
