# A second build with sanitizers and the fuzz targets (docs/testing.md):
#
#   cmake -S . -B build-sanitize -G Ninja -DPRODREADY_SANITIZE=ON
#
# PRODREADY_SANITIZE compiles and links everything of ours with
# AddressSanitizer and UndefinedBehaviorSanitizer (runtime of clang, from
# Debian's libclang-rt-N-dev). LLVM's own libraries are not instrumented:
# a report names our code. The plugin is a shared library loaded into an
# uninstrumented clang-tidy, so its tests preload the ASan runtime (see
# lit-tests/lit.cfg.py).
#
# PRODREADY_FUZZ (on by default with PRODREADY_SANITIZE) adds libFuzzer's
# coverage instrumentation and builds the fuzz targets of the driver's
# readers (driver/fuzz).
option(PRODREADY_SANITIZE
  "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
include(CMakeDependentOption)
cmake_dependent_option(PRODREADY_FUZZ
  "Build the libFuzzer targets of the driver's readers" ON
  "PRODREADY_SANITIZE" OFF)

if(PRODREADY_SANITIZE)
  set(_prodready_sanitizers address,undefined)
  # Every UB report is an error (a test fails), not a message that scrolls
  # by. vptr needs RTTI, which LLVM's headers turn off.
  # -O1 (after the build type's -O3, so it wins): what the sanitizers'
  # documentation recommends, and it halves the build of this second tree.
  add_compile_options(-fsanitize=${_prodready_sanitizers}
    -fno-sanitize-recover=all -fno-sanitize=vptr -fno-omit-frame-pointer -g1 -O1)
  if(PRODREADY_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
  # The ASan runtime as a shared library, for every binary: the plugin's
  # tests preload it into clang-tidy, and lit's commands (the driver among
  # them) all run with it preloaded, which a static copy would conflict
  # with.
  execute_process(
    COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libclang_rt.asan-x86_64.so
    OUTPUT_VARIABLE PRODREADY_ASAN_RUNTIME OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT EXISTS "${PRODREADY_ASAN_RUNTIME}")
    message(FATAL_ERROR "PRODREADY_SANITIZE: clang's sanitizer runtimes are "
      "not installed (libclang-rt-${PRODREADY_LLVM_VERSION}-dev; "
      "scripts/setup.sh installs it)")
  endif()
  get_filename_component(_prodready_asan_dir ${PRODREADY_ASAN_RUNTIME} DIRECTORY)
  add_link_options(-fsanitize=${_prodready_sanitizers} -fno-sanitize=vptr
    -shared-libasan -Wl,-rpath,${_prodready_asan_dir})
endif()
