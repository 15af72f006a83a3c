# Locates the LLVM and Clang development files of the major version
# PRODREADY_LLVM_VERSION (Debian: /usr/lib/llvm-<N>) and the tools the tests
# run. Fails at configure time, naming the packages to install, when they are
# missing: a half-configured build that fails 10 minutes later helps nobody.

set(_prodready_llvm_root "/usr/lib/llvm-${PRODREADY_LLVM_VERSION}")
set(_prodready_packages
    "llvm-${PRODREADY_LLVM_VERSION}-dev libclang-${PRODREADY_LLVM_VERSION}-dev libclang-cpp${PRODREADY_LLVM_VERSION}-dev clang-${PRODREADY_LLVM_VERSION} clang-tidy-${PRODREADY_LLVM_VERSION} llvm-${PRODREADY_LLVM_VERSION}-tools")

find_package(LLVM CONFIG QUIET NO_DEFAULT_PATH
  PATHS "${_prodready_llvm_root}/lib/cmake/llvm")
if(NOT LLVM_FOUND OR NOT LLVM_VERSION_MAJOR EQUAL PRODREADY_LLVM_VERSION)
  message(FATAL_ERROR
    "LLVM ${PRODREADY_LLVM_VERSION} development files not found "
    "(looked in ${_prodready_llvm_root}). Install them with:\n"
    "  sudo apt-get install ${_prodready_packages}\n"
    "or run scripts/setup.sh, or pick another installed major with "
    "-DPRODREADY_LLVM_VERSION=<N>.")
endif()

find_package(Clang CONFIG QUIET
  HINTS "${LLVM_LIBRARY_DIR}/cmake/clang" NO_DEFAULT_PATH)
find_path(PRODREADY_CLANG_TIDY_INCLUDE_DIR clang-tidy/ClangTidyCheck.h
  HINTS "${LLVM_INCLUDE_DIRS}" NO_DEFAULT_PATH)
find_library(PRODREADY_CLANG_CPP_LIBRARY
  NAMES "clang-cpp" "clang-cpp.so.${PRODREADY_LLVM_VERSION}"
  HINTS "${LLVM_LIBRARY_DIR}" NO_DEFAULT_PATH)
if(NOT Clang_FOUND OR NOT PRODREADY_CLANG_TIDY_INCLUDE_DIR
   OR NOT PRODREADY_CLANG_CPP_LIBRARY)
  message(FATAL_ERROR
    "Clang ${PRODREADY_LLVM_VERSION} development files (clang-tidy headers or "
    "libclang-cpp) not found in ${LLVM_LIBRARY_DIR}. Install them with:\n"
    "  sudo apt-get install ${_prodready_packages}\n"
    "or run scripts/setup.sh.")
endif()

find_program(PRODREADY_CLANG_TIDY NAMES clang-tidy
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(PRODREADY_CLANGXX NAMES clang++
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
if(NOT PRODREADY_CLANG_TIDY OR NOT PRODREADY_CLANGXX)
  message(FATAL_ERROR
    "clang-tidy or clang++ ${PRODREADY_LLVM_VERSION} not found in "
    "${LLVM_TOOLS_BINARY_DIR}. Install them with:\n"
    "  sudo apt-get install ${_prodready_packages}")
endif()

message(STATUS "prodready: LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_LIBRARY_DIR}")

# One interface target carries LLVM/Clang's include paths and definitions.
# Nothing links LLVM statically: the plugin resolves clang and clang-tidy
# symbols from the clang-tidy process that loads it, and the unit tests link
# the shared libclang-cpp/libLLVM, exactly as clang-tidy itself does.
add_library(prodready_llvm_headers INTERFACE)
target_include_directories(prodready_llvm_headers SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS} ${PRODREADY_CLANG_TIDY_INCLUDE_DIR})
separate_arguments(_prodready_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(prodready_llvm_headers INTERFACE ${_prodready_llvm_defs})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(prodready_llvm_headers INTERFACE -fno-rtti)
endif()

add_library(prodready_llvm_shared INTERFACE)
target_link_libraries(prodready_llvm_shared INTERFACE
  prodready_llvm_headers ${PRODREADY_CLANG_CPP_LIBRARY} LLVM)
