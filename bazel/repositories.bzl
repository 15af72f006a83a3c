"""The prodready driver as a Bazel repository, @prodready_bin.

The driver is not built by Bazel: it is the `prodready` that the .deb
installs (or a build tree's), linked into the repository so that actions
name it as an input. Bazel hashes it like any input, so a new driver makes
every analysis action run again, and a remote executor receives it (it
needs the same LLVM 19 runtime libraries: see docs/bazel.md).
"""

def _prodready_binary_impl(repository_ctx):
    path = repository_ctx.attr.path or repository_ctx.os.environ.get("PRODREADY", "")
    if not path:
        found = repository_ctx.which("prodready")
        if not found:
            fail("prodready: no 'prodready' on PATH; install the .deb, or set " +
                 "--repo_env=PRODREADY=/path/to/prodready, or give " +
                 "prodready_dependencies(path = ...)")
        path = str(found)
    binary = repository_ctx.path(path)
    if not binary.exists:
        fail("prodready: '%s' does not exist" % path)
    repository_ctx.symlink(binary, "prodready")
    repository_ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % repository_ctx.name)
    repository_ctx.file("BUILD.bazel", "\n".join([
        "package(default_visibility = [\"//visibility:public\"])",
        "exports_files([\"prodready\"])",
        "",
    ]))

prodready_binary = repository_rule(
    implementation = _prodready_binary_impl,
    attrs = {"path": attr.string(doc = "Absolute path of the prodready driver")},
    environ = ["PRODREADY", "PATH"],
    local = True,
)

def prodready_dependencies(path = ""):
    """Defines @prodready_bin, the driver the aspect runs (WORKSPACE setups)."""
    prodready_binary(name = "prodready_bin", path = path)
