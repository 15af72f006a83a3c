# Compiler settings that keep a clean build of this 2-core-friendly project
# short: C++17 (what LLVM's headers need), ccache when installed, and no
# exported symbols beyond what the plugin registry needs.
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

find_program(PRODREADY_CCACHE ccache)
if(PRODREADY_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # Precompiled headers change their mtime on every rebuild; these
  # sloppiness settings let ccache still hit.
  set(CMAKE_CXX_COMPILER_LAUNCHER
    ${CMAKE_COMMAND} -E env
    "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
    ${PRODREADY_CCACHE})
endif()

add_compile_options(-Wall -Wextra -Wno-unused-parameter)
