#!/usr/bin/env bash
# Builds the Debian package (cpack -G DEB in the build directory) and installs
# it with apt-get into a fresh Debian bookworm root (debootstrap --variant=
# minbase, then chroot), where it runs what a user runs: clang-tidy-19 loading
# the plugin (the prodready checks listed, the same as the build tree's), the
# driver on examples/llm-client (the same findings as the build tree's
# driver, no compiler errors) and prodready-clangd (clang's resource
# directory passed, no errors). docs/packaging.md describes it.
#
#   scripts/package-test.sh [--keep] [--no-cache] [--skip-code N]
#
#   --keep          leave the root (build/package-test/root.*) for a look
#   --no-cache      debootstrap again instead of unpacking the cached root
#   --skip-code N   exit status when the test cannot run (default 0; ctest
#                   passes 77, its SKIP_RETURN_CODE)
#
# Needs root (debootstrap, mount, chroot), debootstrap (scripts/setup.sh
# installs it) and the Debian mirror of /etc/apt/sources.list(.d)
# (PRODREADY_DEBIAN_MIRROR overrides it); without them it prints one line
# saying why and exits with the skip code. The debootstrapped root is cached
# as a tarball under build/package-test/ for a week: each run unpacks a fresh
# root from it, so only debootstrap's own work is skipped.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${PRODREADY_BUILD_DIR:-$root/build}"
suite=bookworm
llvm=19
keep=false
use_cache=true
skip_code=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=true ;;
    --no-cache) use_cache=false ;;
    --skip-code) skip_code="$2"; shift ;;
    *) echo "package-test: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

skip() {
  echo "package-test: skipped: $*"
  exit "$skip_code"
}

# The mirror the machine's apt uses for $suite: deb822 .sources stanzas, then
# one-line sources.list entries.
find_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; enabled = 1
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[ \t]*#/) continue
          if (sub(/^Types:[ \t]*/, "", line)) types = line
          else if (sub(/^URIs:[ \t]*/, "", line)) uris = line
          else if (sub(/^Suites:[ \t]*/, "", line)) suites = line
          else if (line ~ /^Enabled:[ \t]*no/) enabled = 0
        }
        if (enabled && (" " types " ") ~ / deb / && (" " suites " ") ~ (" " suite " ")) {
          split(uris, u, /[ \t]+/); print u[1]; exit
        }
      }' "$f"
  done
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
    awk -v suite="$suite" '
      $1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }'
}

[ "$(id -u)" -eq 0 ] ||
  skip "needs root (debootstrap, mount and chroot)"
command -v debootstrap >/dev/null ||
  skip "debootstrap is not installed (scripts/setup.sh installs it)"
mirror="${PRODREADY_DEBIAN_MIRROR:-$(find_mirror | head -n 1 || true)}"
[ -n "$mirror" ] ||
  skip "no Debian $suite mirror in /etc/apt/sources.list(.d); set PRODREADY_DEBIAN_MIRROR"
mirror="${mirror%/}"
if command -v wget >/dev/null &&
   ! wget -q -T 20 -t 2 -O /dev/null "$mirror/dists/$suite/Release"; then
  skip "the Debian mirror $mirror is not reachable"
fi

arch="$(dpkg --print-architecture)"
state="$build/package-test"
mkdir -p "$state"
log="$state/package-test.log"
: > "$log"
start=$SECONDS

# Runs a step with its output in the log; on failure, shows the log's end.
step() {
  local what="$1" t0=$SECONDS
  shift
  echo "package-test: $what"
  if ! "$@" >>"$log" 2>&1; then
    echo "package-test: failed: $what; the end of $log:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  echo "package-test:   ($((SECONDS - t0)) s)"
}

fail() {
  echo "package-test: FAILED: $*" >&2
  exit 1
}

# 1. The package, from the current build.
step "building the plugin, the driver and prodready-clangd" \
  cmake --build "$build" --target prodready prodready-driver prodready-clangd
rm -f "$state"/prodready_*.deb
step "cpack -G DEB" bash -c "cd '$build' && cpack -G DEB -B '$state'"
rm -rf "$state/_CPack_Packages"  # cpack's staging copy
deb="$(ls "$state"/prodready_*_"$arch".deb)"
echo "package-test: $(basename "$deb"), $(du -h "$deb" | cut -f1)"

# 2. A fresh root: debootstrap, or a copy unpacked from the cached tarball of
# an earlier debootstrap (same suite, mirror and architecture; a week old at
# most).
work="$(mktemp -d "$state/root.XXXXXX")"
chroot_dir="$work/root"
mkdir "$chroot_dir"
cleanup() {
  local rc=$? m
  for m in proc; do
    if mountpoint -q "$chroot_dir/$m"; then
      umount "$chroot_dir/$m" 2>/dev/null || umount -l "$chroot_dir/$m"
    fi
  done
  if $keep; then
    echo "package-test: the root is kept in $chroot_dir"
  elif mountpoint -q "$chroot_dir/proc"; then
    echo "package-test: $chroot_dir/proc is still mounted; not removing $work" >&2
  else
    rm -rf --one-file-system "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

key="$(printf '%s %s %s minbase' "$suite" "$mirror" "$arch" | md5sum | cut -c1-12)"
tarball="$state/debootstrap-$suite-$arch-$key.tar"
if $use_cache && [ -f "$tarball" ] && [ -z "$(find "$tarball" -mtime +7)" ]; then
  step "unpacking a fresh $suite root from $(basename "$tarball")" \
    tar --numeric-owner -xpf "$tarball" -C "$chroot_dir"
else
  step "debootstrap --variant=minbase $suite from $mirror" \
    debootstrap --variant=minbase --arch="$arch" "$suite" "$chroot_dir" "$mirror"
  step "caching the root in $(basename "$tarball")" bash -c "
    tar --numeric-owner -cpf '$tarball.tmp' -C '$chroot_dir' . &&
    mv '$tarball.tmp' '$tarball' &&
    find '$state' -maxdepth 1 -name 'debootstrap-*.tar' ! -name '$(basename "$tarball")' -delete"
fi
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
mount -t proc proc "$chroot_dir/proc"

in_root() {
  chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# 3. Install the package alone, with apt resolving its Depends (no
# Recommends: Depends alone must be enough).
cp "$deb" "$chroot_dir/tmp/"
step "apt-get update in the root" in_root apt-get update -q
step "apt-get install ./$(basename "$deb") in the root" \
  in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")"
in_root dpkg -s prodready | grep -E '^(Version|Depends):' >>"$log"

# 4. clang-tidy-19 loads the plugin and lists the same prodready checks as
# with the build tree's plugin.
plugin="$(in_root dpkg -L prodready | grep '/libprodready\.so$')" ||
  fail "the package has no libprodready.so"
echo "package-test: clang-tidy-$llvm -load $plugin --list-checks"
list_checks() { grep -o 'prodready-[a-z-]*' | sort; }
installed_checks="$(in_root "clang-tidy-$llvm" -load "$plugin" \
  --checks='-*,prodready-*' --list-checks | list_checks)" ||
  fail "clang-tidy-$llvm could not load $plugin"
expected_checks="$("clang-tidy-$llvm" -load "$build/lib/libprodready.so" \
  --checks='-*,prodready-*' --list-checks | list_checks)"
[ -n "$installed_checks" ] || fail "clang-tidy-$llvm lists no prodready checks"
[ "$installed_checks" = "$expected_checks" ] ||
  fail "the installed plugin lists other checks than the build tree's:
$(diff <(echo "$expected_checks") <(echo "$installed_checks"))"
echo "package-test:   $(echo "$installed_checks" | wc -l) prodready checks, as in the build tree"

version="$(in_root prodready --version 2>&1)" || fail "prodready --version: $version"
echo "package-test: $(echo "$version" | head -n 1)"
in_root "clang++-$llvm" -std=c++17 -fsyntax-only -x c++ - <<<'#include <prodready/env.h>' ||
  fail "/usr/include/prodready/env.h does not compile"

# 5. The example: its libraries' headers, and a compilation database like
# the one CMake writes for it (scripts/run-example.sh) without CMake and a
# compiler in the root: the analysis only reads the commands.
step "installing the example's libraries' headers in the root" \
  in_root apt-get install -y -q --no-install-recommends \
  libcurl4-openssl-dev nlohmann-json3-dev libcpp-httplib-dev
write_database() {  # DIR
  local dir="$1" sep="" f
  {
    echo "["
    for f in "$dir"/*.cpp; do
      f="$(basename "$f")"
      printf '%s{"directory": "%s", "file": "%s/%s",\n "command": "/usr/bin/c++ -std=gnu++17 -o %s.o -c %s/%s"}\n' \
        "$sep" "$dir" "$dir" "$f" "$f" "$dir" "$f"
      sep=","
    done
    echo "]"
  } > "$dir/compile_commands.json"
}
# One copy in the root, one outside for the build tree's driver.
mkdir -p "$chroot_dir/src" "$work/host"
cp -r "$root/examples/llm-client" "$chroot_dir/src/llm-client"
cp -r "$root/examples/llm-client" "$work/host/llm-client"
write_database "$work/host/llm-client"
sed "s|$work/host/llm-client|/src/llm-client|g" \
  "$work/host/llm-client/compile_commands.json" \
  > "$chroot_dir/src/llm-client/compile_commands.json"

summary() {  # the findings count and the per-check counts, not the times
  grep -E '^prodready: [0-9]+ findings? in|^  by check:' | sed 's/, [0-9.]* s$//'
}
echo "package-test: prodready check on examples/llm-client in the root"
t0=$SECONDS
report="$(in_root sh -c 'cd /src/llm-client && prodready check -p . --fail-on=never' 2>&1)" ||
  { echo "$report" | tail -n 30 >&2; fail "prodready check exited with an error"; }
echo "$report" >>"$log"
installed_summary="$(echo "$report" | summary)"
echo "$installed_summary" | sed 's/^/package-test:   /'
echo "package-test:   ($((SECONDS - t0)) s)"
if echo "$report" | grep -q 'clang-diagnostic-'; then
  echo "$report" | grep 'clang-diagnostic-' | head -n 5 >&2
  fail "the example does not compile in the root (missing headers?)"
fi
echo "$installed_summary" | grep -qE '^prodready: [1-9][0-9]* findings' ||
  fail "no findings in examples/llm-client"
expected_summary="$(cd "$work/host/llm-client" &&
  "$build/bin/prodready" check -p . --fail-on=never 2>&1 >/dev/null | summary)"
[ "$installed_summary" = "$expected_summary" ] ||
  fail "the installed driver's findings differ from the build tree's:
$expected_summary"

# 6. prodready-clangd passes the resource directory of LLVM $llvm (from
# libclang-common-$llvm-dev) and parses the example without errors.
echo "package-test: prodready-clangd --check on examples/llm-client/http.cpp in the root"
clangd_log="$(in_root prodready-clangd --check=/src/llm-client/http.cpp 2>&1)" ||
  { echo "$clangd_log" | tail -n 20 >&2; fail "prodready-clangd --check failed"; }
echo "$clangd_log" >>"$log"
echo "$clangd_log" | grep -q "internal (cc1) args are: .* -resource-dir /usr/lib/llvm-$llvm/lib/clang/$llvm " ||
  fail "prodready-clangd does not pass /usr/lib/llvm-$llvm/lib/clang/$llvm as -resource-dir"
echo "$clangd_log" | grep -q 'All checks completed, 0 errors' ||
  fail "prodready-clangd reports errors in http.cpp"

echo "package-test: passed in $((SECONDS - start)) s ($(basename "$deb") installed into a fresh $suite root)"
