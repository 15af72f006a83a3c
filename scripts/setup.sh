#!/usr/bin/env bash
# Installs everything prodready needs to build, test and benchmark on Debian
# bookworm. Idempotent: packages already present are left alone, so running it
# twice is cheap. Needs root (or sudo) for apt-get.
#
#   scripts/setup.sh            # LLVM/Clang 19 (default)
#   scripts/setup.sh --tests    # also the npm packages of the editor tests
#   PRODREADY_LLVM_VERSION=22 scripts/setup.sh
#
# apt's and npm's output goes to build/setup.log (PRODREADY_BUILD_DIR); each
# step prints one line, and a failed step prints the end of the log.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
llvm_version="${PRODREADY_LLVM_VERSION:-19}"
with_tests=false
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=true ;;
    *) echo "setup: unknown argument '$arg' (expected --tests)" >&2; exit 2 ;;
  esac
done

wanted=(
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
  debootstrap  # scripts/package-test.sh: a fresh Debian root for the package
  # The sanitizer build and the fuzz targets (docs/testing.md): clang's
  # ASan, UBSan and libFuzzer runtimes.
  "libclang-rt-${llvm_version}-dev"
  # prodready-clangd: Debian's static clangd libraries are built with the
  # remote index, so linking needs protobuf's development library (gRPC's
  # comes with libgrpc++-dev); clangd itself for the editor benchmark;
  # Node.js runs the LSP end-to-end test's client (vscode-jsonrpc).
  libprotobuf-dev "clangd-${llvm_version}" nodejs
  # The Bazel ruleset's end-to-end test (test/bazel, docs/bazel.md):
  # bookworm's Bazel 4.2.3, which brings bazel-rules-cc and bazel-skylib.
  bazel-bootstrap
)
# Each package once (llvm-19-tools is named twice with LLVM 19).
packages=()
declare -A listed=()
for pkg in "${wanted[@]}"; do
  if [ -z "${listed[$pkg]:-}" ]; then
    listed[$pkg]=1
    packages+=("$pkg")
  fi
done

build="${PRODREADY_BUILD_DIR:-$root/build}"
mkdir -p "$build"
log="$build/setup.log"
: > "$log"

# Runs a step with its output in the log; on failure, shows the log's end.
step() {
  local what="$1"
  shift
  echo "setup: $what"
  if ! "$@" >>"$log" 2>&1; then
    echo "setup: failed: $what; the end of $log:" >&2
    tail -n 20 "$log" >&2
    return 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for pkg in "${packages[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done
if ! command -v npm >/dev/null && ! is_installed npm; then
  # Debian's nodejs ships without npm (NodeSource's includes it).
  missing+=(npm)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "setup: ${#missing[@]} packages are missing (${missing[*]}); run this script as root, or install sudo" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  step "updating the package lists (log: $log)" as_root apt-get update -q
  step "installing ${#missing[@]} packages: ${missing[*]}" \
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The LSP client of prodready-clangd's end-to-end tests (lit-tests/editor):
# npm packages pinned by package-lock.json, installed beside the tests, only
# for the tests. Without them the editor tests are reported unsupported.
editor="$root/lit-tests/editor"
if $with_tests; then
  if [ ! -d "$editor/node_modules/vscode-languageserver-protocol" ] ||
     [ "$editor/package-lock.json" -nt "$editor/node_modules/.package-lock.json" ]; then
    if ! (cd "$editor" && step "installing the editor tests' npm packages" \
            npm ci --no-audit --no-fund --loglevel=error); then
      echo "setup: npm could not install them (is the npm registry reachable? behind a proxy, set npm's proxy and https-proxy, and NODE_EXTRA_CA_CERTS for its CA); the editor tests (lit-tests/editor) will be reported unsupported" >&2
    fi
  fi
fi
echo "setup: done"
