#!/bin/sh
# Copies the sample to $1 and writes its compile_commands.json: reply.cpp
# returns the fields and a slot number a peer sent; handlers.cpp indexes
# them, checked and unchecked.
set -e
here="$(dirname "$0")"
exec sh "$here/../copy-sample.sh" "$here" "$1" src/reply.cpp src/handlers.cpp
