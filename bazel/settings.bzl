"""Command-line settings of the prodready aspect (`--@prodready//:fail_on=error`).

Defined here rather than taken from bazel-skylib so that the rules load
nothing but Bazel's own tools.
"""

ProdreadySettingInfo = provider(
    doc = "The value of a prodready build setting.",
    fields = ["value"],
)

def _string_setting_impl(ctx):
    value = ctx.build_setting_value
    if ctx.attr.values and value not in ctx.attr.values:
        fail("%s: '%s' is not one of %s" % (ctx.label, value, ", ".join(ctx.attr.values)))
    return [ProdreadySettingInfo(value = value)]

prodready_string_flag = rule(
    implementation = _string_setting_impl,
    build_setting = config.string(flag = True),
    attrs = {"values": attr.string_list()},
)

def _bool_setting_impl(ctx):
    return [ProdreadySettingInfo(value = ctx.build_setting_value)]

prodready_bool_flag = rule(
    implementation = _bool_setting_impl,
    build_setting = config.bool(flag = True),
)
