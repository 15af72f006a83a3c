# The Debian package (docs/packaging.md). `cpack -G DEB` in the build
# directory writes prodready_<version>_<arch>.deb holding what the install()
# rules of the top-level CMakeLists.txt install (the clang-tidy plugin, the
# driver, prodready-clangd, the helper header and the docs), under /usr.
# scripts/package-test.sh installs it into a fresh Debian root and runs it.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME prodready)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR prodready)
set(CPACK_PACKAGE_CONTACT
  "prodready maintainers <maintainers@users.noreply.b-seed-0870b297.example>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/prodready/prodready")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "production-readiness checks for C++ (clang-tidy module, driver, clangd)")
# CPack indents the lines and writes " ." for the empty one.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"prodready finds, in C and C++ code, the defects that production-readiness
reviews keep finding by hand (unchecked getenv, network calls without
timeouts or retries, unvalidated URLs, SQL injection, unbounded log files,
...) and fixes them where a safe rewrite exists.

The package holds the clang-tidy module libprodready.so (for
clang-tidy-${LLVM_VERSION_MAJOR} -load), the prodready driver for CI (diffs,
baselines, SARIF, a result cache), prodready-clangd (clangd ${LLVM_VERSION_MAJOR}
with the checks built in) and the prodready/env.h header that fix-its
include.")

set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# prodready_<version>_<arch>.deb, Debian's own naming.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Debian ships binaries stripped; the plugin keeps its dynamic symbols.
set(CPACK_STRIP_FILES ON)

# Depends: dpkg-shlibdeps computes the shared libraries' packages
# (libclang-cpp19, libllvm19, gRPC and protobuf for prodready-clangd,
# libc6, libstdc++6, ...). It cannot see what is needed without being
# linked: the clang-tidy that loads the plugin (the plugin resolves
# clang-tidy's symbols from the process that loads it), and clang's resource
# directory (stddef.h, the intrinsics headers) that the driver and
# prodready-clangd pass as -resource-dir, compiled in as
# ${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}, which Debian ships in
# libclang-common-N-dev.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# No RUNPATH in the package (the reason is in the script).
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/PackagingRemoveRpath.cmake)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-tidy-${LLVM_VERSION_MAJOR}, libclang-common-${LLVM_VERSION_MAJOR}-dev")

# `cpack --config CPackSourceConfig.cmake` (package_source) should not pack
# the build tree or git's.
set(CPACK_SOURCE_IGNORE_FILES "/[.]git/" "/build[^/]*/" "/node_modules/")

include(CPack)
