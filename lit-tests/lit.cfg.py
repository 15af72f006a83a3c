# lit configuration of prodready's check and tool tests. The paths of the
# built plugin and of the LLVM tools come from lit.site.cfg.py, which CMake
# generates in the build tree.
import os
import shutil
import lit.formats

config.name = "prodready"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "check_prodready.py", "lit.cfg.py",
                   "node_modules", "lsp-session.js", "lsp-client.js", "package.json",
                   "package-lock.json"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.prodready_binary_dir, "lit-tests")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])

# The sanitizer build (docs/testing.md): the plugin is instrumented, the
# clang-tidy that loads it is not, so clang-tidy runs with the ASan runtime
# preloaded (the driver links it). LLVM keeps some allocations for the
# process' life on purpose: leaks are not reported. LLVM gives each thread
# that may crash an alternate signal stack of its own, which ASan would
# take for its own and unmap when the thread ends ("failed to deallocate"):
# use_sigaltstack=0 leaves signal stacks to LLVM. Any other report fails
# the test.
clang_tidy = config.clang_tidy
preload = []
if getattr(config, "asan_runtime", ""):
    config.environment["ASAN_OPTIONS"] = \
        "detect_leaks=0:abort_on_error=1:use_sigaltstack=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.environment["LLVM_SYMBOLIZER_PATH"] = os.path.join(
        config.llvm_tools_dir, "llvm-symbolizer")
    config.available_features.add("sanitizers")
    clang_tidy = "env LD_PRELOAD=%s %s" % (config.asan_runtime, config.clang_tidy)
    preload = ["--preload=" + config.asan_runtime]

check_prodready = " ".join([
    "python3", os.path.join(config.test_source_root, "check_prodready.py"),
    "--clang-tidy=" + config.clang_tidy,
    "--load=" + config.prodready_plugin,
    "--clangxx=" + config.clangxx,
    "--filecheck=" + os.path.join(config.llvm_tools_dir, "FileCheck"),
] + preload)
config.substitutions.append(("%check_prodready", check_prodready))
config.substitutions.append(("%clang_tidy", clang_tidy))
config.substitutions.append(("%prodready_driver", config.prodready_driver))
# A JSON report without its `run` object, to compare the findings of two runs.
config.substitutions.append(
    ("%without_run", "python3 " + os.path.join(config.test_source_root, "tools", "Inputs", "without-run.py")))
if os.path.exists(config.prodready_driver):
    config.available_features.add("prodready-driver")
# Tests that build a sample project with its own CMake.
if shutil.which("cmake"):
    config.available_features.add("cmake")
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%build_dir", config.prodready_binary_dir))
config.substitutions.append(("%prodready_plugin", config.prodready_plugin))
config.substitutions.append(("%runtime_include", config.runtime_include_dir))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))

# prodready-clangd's end-to-end tests: an LSP client in Node.js (Microsoft's
# vscode-languageserver-protocol, installed by scripts/setup.sh with npm ci).
editor_dir = os.path.join(config.test_source_root, "editor")
config.substitutions.append(("%prodready_clangd", config.prodready_clangd))
config.substitutions.append(
    ("%lsp_session", "node " + os.path.join(editor_dir, "lsp-session.js")))
if os.path.exists(config.prodready_clangd) and os.path.isdir(
        os.path.join(editor_dir, "node_modules", "vscode-languageserver-protocol")):
    config.available_features.add("prodready-clangd")
