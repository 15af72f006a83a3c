#!/bin/sh
# Copies the whole-program sample to $1 and writes its compile_commands.json:
# a name read from a socket in net.cpp, passed on by names.cpp, reaches a
# path in export.cpp and a query in store.cpp; an environment variable read
# in config.cpp reaches a URL in client.cpp; util.cpp validates names.
set -e
here="$(dirname "$0")"
exec sh "$here/../copy-sample.sh" "$here" "$1" src/net.cpp src/names.cpp \
  src/util.cpp src/config.cpp src/export.cpp src/store.cpp src/client.cpp
