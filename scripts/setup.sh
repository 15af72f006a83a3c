#!/usr/bin/env bash
# Installs everything prodready needs to build, test and benchmark on Debian
# bookworm. Idempotent: packages already present are left alone, so running it
# twice is cheap. Needs root (or sudo) for apt-get.
#
#   scripts/setup.sh            # LLVM/Clang 19 (default)
#   PRODREADY_LLVM_VERSION=22 scripts/setup.sh
set -euo pipefail

llvm_version="${PRODREADY_LLVM_VERSION:-19}"

packages=(
  # Build tools.
  cmake ninja-build ccache g++ python3 git
  # LLVM/Clang: headers and libraries for the plugin, the clang-tidy that
  # loads it, clang for compiling fixed files, FileCheck/not/lit for tests.
  "llvm-${llvm_version}-dev" "libclang-${llvm_version}-dev"
  "libclang-cpp${llvm_version}-dev"
  "clang-${llvm_version}" "clang-tidy-${llvm_version}"
  "llvm-${llvm_version}-tools"
  # lit.py: shipped by LLVM 19's tools package only (not by 22's).
  llvm-19-tools
  # Test libraries (and the test frameworks whose assertions the checks
  # model: GoogleTest, doctest, Catch2).
  libgtest-dev nlohmann-json3-dev doctest-dev catch2
  # Real headers of the libraries the checks model (tests include them).
  libcurl4-openssl-dev libboost-dev libboost-log-dev libcpp-httplib-dev libspdlog-dev
  libsqlite3-dev libpq-dev libpqxx-dev libgrpc++-dev libssl-dev
  # The MySQL C API (MariaDB Connector/C: mysql.h in /usr/include/mariadb).
  libmariadb-dev
  # Boost.Regex (its ICU support brings libicu-dev) for regex-in-loop.
  libboost-regex-dev
  # SARIF schema validation of the driver's output.
  python3-jsonschema
  # prodready-clangd: Debian's static clangd libraries are built with the
  # remote index, so linking needs protobuf's development library (gRPC's
  # comes with libgrpc++-dev); clangd itself for the editor benchmark;
  # Node.js runs the LSP end-to-end test's client (vscode-jsonrpc).
  libprotobuf-dev "clangd-${llvm_version}" nodejs
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

export DEBIAN_FRONTEND=noninteractive
if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's nodejs ships without npm (NodeSource's includes it).
if ! command -v npm >/dev/null; then
  echo "setup: installing npm"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends npm
fi
# The LSP client of prodready-clangd's end-to-end tests (lit-tests/editor):
# npm packages pinned by package-lock.json, installed beside the tests.
editor="$(cd "$(dirname "$0")/.." && pwd)/lit-tests/editor"
if [ ! -d "$editor/node_modules/vscode-languageserver-protocol" ] ||
   [ "$editor/package-lock.json" -nt "$editor/node_modules/.package-lock.json" ]; then
  echo "setup: installing the editor tests' npm packages"
  (cd "$editor" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: done"
