//===--- PluginFlags.h - prodready driver ----------------------*- C++ -*-===//
//
// The driver never runs code that a compilation database names: a pull
// request that edits compile_commands.json (or a build file that generates
// it) must not be able to execute code in CI. Compiler flags that load a
// shared object into the compiler - and so into the driver - are removed
// unless `--allow-plugins` is given.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_PLUGINFLAGS_H
#define PRODREADY_DRIVER_CORE_PLUGINFLAGS_H

#include <string>
#include <vector>

namespace prodready::driver {

/// Removes from the compile command \p Args:
///   -fplugin=X, -fpass-plugin=X, -fplugin-arg-*,
///   -Xclang -load -Xclang X, -Xclang -plugin -Xclang X,
///   -Xclang -add-plugin -Xclang X, -Xclang -plugin-arg-* -Xclang X
///   (also as -Xclang=...), the cc1 forms -load X, -plugin X, -add-plugin X,
///   and --config files, which can carry any of these.
/// Returns what was removed, one entry per flag (a flag and its value
/// joined by a space), for the warning.
std::vector<std::string> stripPluginFlags(std::vector<std::string> &Args);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_PLUGINFLAGS_H
