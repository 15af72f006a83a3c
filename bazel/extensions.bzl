"""Bzlmod: `use_repo(use_extension("@prodready//:extensions.bzl", "prodready"), "prodready_bin")`."""

load(":repositories.bzl", "prodready_binary")

def _prodready_impl(module_ctx):
    path = ""
    for module in module_ctx.modules:
        for driver in module.tags.driver:
            path = path or driver.path
    prodready_binary(name = "prodready_bin", path = path)

prodready = module_extension(
    implementation = _prodready_impl,
    tag_classes = {"driver": tag_class(attrs = {"path": attr.string()})},
)
