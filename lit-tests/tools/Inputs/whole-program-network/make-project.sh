#!/bin/sh
# Copies the network sample to $1 and writes its compile_commands.json:
# helpers in http.cpp and retry.cpp (a timeout set for every handle, one
# set on one branch only, a protocol restriction, a backoff) used in
# fetch.cpp.
set -e
here="$(dirname "$0")"
exec sh "$here/../copy-sample.sh" "$here" "$1" src/http.cpp src/retry.cpp \
  src/fetch.cpp
