# Run by CPack (CPACK_PRE_BUILD_SCRIPTS, cmake/Packaging.cmake) on the staged
# package before dpkg-shlibdeps reads it: removes the RUNPATH that
# CMAKE_INSTALL_RPATH gives the installed binaries.
#
# `cmake --install --prefix PREFIX` keeps it: there the binaries must find the
# libclang-cpp and libLLVM they were built against wherever that LLVM is. In
# the Debian package they are Debian's libclang-cpp19 and libllvm19, whose
# libraries are in the default search path (/usr/lib/<multiarch>), so the
# RUNPATH is not needed (Debian discourages it: lintian's
# custom-library-search-path), and it misleads dpkg-shlibdeps: the
# libLLVM.so.N.M it finds first through it, /usr/lib/llvm-N/lib/libLLVM.so.N.M,
# is a symlink owned by llvm-N-dev, which has no shlibs information ("no
# dependency information found"; it then falls back to libllvmN's copy).
file(GLOB_RECURSE _prodready_staged LIST_DIRECTORIES false
  "${CPACK_TEMPORARY_DIRECTORY}/*")
foreach(f IN LISTS _prodready_staged)
  if(IS_SYMLINK "${f}")
    continue()
  endif()
  file(READ "${f}" _prodready_magic LIMIT 4 HEX)
  if(_prodready_magic STREQUAL "7f454c46")  # "\x7fELF"
    file(RPATH_REMOVE FILE "${f}")
  endif()
endforeach()
