"""prodready on Bazel: one analysis action per source file (docs/bazel.md).

    bazel build //... --aspects @prodready//:prodready.bzl%prodready_aspect \\
        --output_groups=report

runs `prodready check FILE -- FLAGS` for every C and C++ source of every
cc_library, cc_binary and cc_test named, with the flags Bazel's own compile
action of that file would have (the C++ toolchain's, --copt, the rule's
copts, defines and include paths from CcInfo). Each action's inputs are
exactly the file, the headers its target can include, the .clang-tidy files
of --@prodready//:config and the driver; its output is the file's JSON
report. So the actions are cached by content (--disk_cache, --remote_cache)
and run remotely (--remote_executor) like compile actions.

prodready_report merges the reports of some targets into one JSON, SARIF or
Code Climate report (and, with whole_program, links the function summaries
across files); prodready_fix is a `bazel run` target that applies a report's
fix-its to the workspace.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load(":settings.bzl", "ProdreadySettingInfo")

ProdreadyInfo = provider(
    doc = "The prodready analysis of a target's sources.",
    fields = {
        "reports": "depset of the per-file JSON reports",
        "compile_entries": "depset of the per-file compile_commands.json " +
                           "entries (whole-program re-analysis)",
        "inputs": "depset of every file the analyses read",
    },
)

_C_EXTENSIONS = ["c"]
_CXX_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C"]

# Flags of GCC toolchains (Bazel's autodetected one on Linux) that clang
# rejects: without them the file is analyzed as GCC would compile it.
_GCC_ONLY_FLAGS = [
    "-fno-canonical-system-headers",
    "-fstack-usage",
    "-fno-tree-pre",
    "-fno-var-tracking",
    "-fconserve-stack",
]

def _sources(rule_attr):
    sources = []
    for src in getattr(rule_attr, "srcs", []):
        for f in src.files.to_list():
            if f.is_source and f.extension in _C_EXTENSIONS + _CXX_EXTENSIONS:
                sources.append(f)
    return sources

def _rule_copts(ctx):
    """The rule's copts as cc rules read them: make variables, then shell words."""
    copts = []
    for copt in getattr(ctx.rule.attr, "copts", []):
        copts.extend(ctx.tokenize(ctx.expand_make_variables("copts", copt, {})))
    return copts

def _compile_flags(ctx, cc_toolchain, feature_configuration, compilation_context, is_cxx):
    """The flags of Bazel's compile action for a file, without -c, -o, the file."""
    fragment = ctx.fragments.cpp
    language_flags = fragment.cxxopts if is_cxx else fragment.conlyopts
    defines = compilation_context.defines.to_list()
    if hasattr(compilation_context, "local_defines"):
        defines = defines + compilation_context.local_defines.to_list()
    variables = cc_common.create_compile_variables(
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        user_compile_flags = fragment.copts + language_flags + _rule_copts(ctx),
        include_directories = compilation_context.includes,
        quote_include_directories = compilation_context.quote_includes,
        system_include_directories = compilation_context.system_includes,
        framework_include_directories = compilation_context.framework_includes,
        preprocessor_defines = depset(defines),
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = feature_configuration,
        action_name = ACTION_NAMES.cpp_compile if is_cxx else ACTION_NAMES.c_compile,
        variables = variables,
    )
    flags = [flag for flag in flags if flag not in _GCC_ONLY_FLAGS]
    return flags + (["-xc++"] if is_cxx else ["-xc"])

def _analyze(ctx, driver, config_files, headers, src, flags, fail_on, whole_program):
    """One file's analysis action; headers includes the toolchain's files."""
    report = ctx.actions.declare_file("%s.prodready/%s.json" % (ctx.label.name, src.path))
    args = ctx.actions.args()
    args.add(driver.path)
    args.add(report.path)
    args.add("check")
    args.add("--quiet")
    args.add("--format", "json")
    args.add("-o", report.path)
    args.add("--fail-on", fail_on)
    if whole_program:
        # A whole-program shard of one file: its report carries the file's
        # function summaries for prodready_report to link.
        args.add("--whole-program")
        args.add("--shard", "1/1")
    args.add(src.path)
    args.add("--")
    args.add_all(flags)
    ctx.actions.run_shell(
        # On failure (--fail-on), the findings are printed for Bazel's log.
        command = '"$1" "${@:3}" || { status=$?; [ -f "$2" ] && ' +
                  '"$1" merge --format text "$2" >&2; exit $status; }',
        arguments = [args],
        inputs = depset([src] + config_files, transitive = [headers]),
        tools = [driver],
        outputs = [report],
        mnemonic = "Prodready",
        progress_message = "prodready %s" % src.short_path,
    )
    return report

def _compile_entry(ctx, src, flags):
    """src's compile_commands.json entry, its directory the execution root."""
    entry = ctx.actions.declare_file("%s.prodready/%s.compile.json" % (ctx.label.name, src.path))
    ctx.actions.write(entry, json.encode({
        "directory": "@PRODREADY_EXECROOT@",
        "file": src.path,
        "arguments": ["clang++"] + flags + ["-c", src.path],
    }))
    return entry

def _prodready_aspect_impl(target, ctx):
    if CcInfo not in target or ctx.rule.kind not in ["cc_library", "cc_binary", "cc_test"]:
        return []
    cc_toolchain = find_cpp_toolchain(ctx)
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compilation_context = target[CcInfo].compilation_context
    driver = ctx.executable._driver
    config_files = ctx.files._config
    fail_on = ctx.attr._fail_on[ProdreadySettingInfo].value
    whole_program = ctx.attr._whole_program[ProdreadySettingInfo].value
    sources = _sources(ctx.rule.attr)
    # The toolchain's files (a hermetic toolchain's sysroot) are inputs of
    # Bazel's compile actions: the analyses read them too.
    headers = depset(transitive = [compilation_context.headers, cc_toolchain.all_files])
    reports = []
    entries = []
    for src in sources:
        flags = _compile_flags(
            ctx,
            cc_toolchain,
            feature_configuration,
            compilation_context,
            src.extension in _CXX_EXTENSIONS,
        )
        reports.append(_analyze(
            ctx,
            driver,
            config_files,
            headers,
            src,
            flags,
            fail_on,
            whole_program,
        ))
        entries.append(_compile_entry(ctx, src, flags))
    return [
        OutputGroupInfo(report = depset(reports)),
        ProdreadyInfo(
            reports = depset(reports),
            compile_entries = depset(entries),
            inputs = depset(sources + config_files, transitive = [headers]),
        ),
    ]

prodready_aspect = aspect(
    implementation = _prodready_aspect_impl,
    fragments = ["cpp"],
    attrs = {
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
        "_driver": attr.label(
            default = Label("//:driver"),
            executable = True,
            cfg = "exec",
            allow_files = True,
        ),
        "_config": attr.label(default = Label("//:config"), allow_files = True),
        "_fail_on": attr.label(default = Label("//:fail_on")),
        "_whole_program": attr.label(default = Label("//:whole_program")),
    },
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)

_REPORT_EXTENSIONS = {
    "json": ".json",
    "sarif": ".sarif",
    "codeclimate": ".codeclimate.json",
}

def _prodready_report_impl(ctx):
    infos = [target[ProdreadyInfo] for target in ctx.attr.targets if ProdreadyInfo in target]
    reports = depset(transitive = [info.reports for info in infos]).to_list()
    out = ctx.actions.declare_file(ctx.label.name + _REPORT_EXTENSIONS[ctx.attr.format])
    driver = ctx.executable._driver
    args = ctx.actions.args()
    args.add(driver.path)
    args.add(out.path)
    args.add("merge")
    args.add("--format", ctx.attr.format)
    args.add("-o", out.path)
    inputs = list(reports)
    transitive = []
    if ctx.attr._link_summaries:
        entries = depset(transitive = [info.compile_entries for info in infos]).to_list()
        database = ctx.actions.declare_file(ctx.label.name + ".prodready/compile_commands.entries")
        ctx.actions.write(database, "\n".join([entry.path for entry in entries]) + "\n")
        inputs = inputs + entries + [database]
        transitive = [info.inputs for info in infos]
        args.add("--whole-program")
        args.add("-p", "@DATABASE@")
        args.add(database.path)
        command = _WHOLE_PROGRAM_MERGE
    else:
        command = '"$1" "${@:3}"'
    args.add_all(reports)
    if not reports:
        fail("%s: no C or C++ source in %s" % (ctx.label, [str(t.label) for t in ctx.attr.targets]))
    ctx.actions.run_shell(
        command = command,
        arguments = [args],
        inputs = depset(inputs, transitive = transitive),
        tools = [driver],
        outputs = [out],
        mnemonic = "ProdreadyMerge",
        progress_message = "prodready merge %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]))]

# The re-analysis reads compile_commands.json, whose directories must be
# absolute: written where the action runs (its sandbox or a remote worker).
_WHOLE_PROGRAM_MERGE = """
set -e
driver="$1"; shift 2
database_dir="$(mktemp -d)"
trap 'rm -rf "$database_dir"' EXIT
args=()
while [ "$#" -gt 0 ]; do
  if [ "$1" = "@DATABASE@" ]; then
    args+=("$database_dir"); list="$2"; shift 2; continue
  fi
  args+=("$1"); shift
done
{ printf '['; sep=''
  while read -r entry; do printf '%s' "$sep"; sed "s|@PRODREADY_EXECROOT@|$PWD|g" "$entry"; sep=','; done < "$list"
  printf ']\\n'; } > "$database_dir/compile_commands.json"
"$driver" "${args[@]}"
"""

# The whole-program report's targets are analyzed with
# --@prodready//:whole_program set, whatever the command line says.
_WHOLE_PROGRAM_SETTING = str(Label("//:whole_program"))

def _whole_program_transition_impl(settings, attr):
    return {_WHOLE_PROGRAM_SETTING: True}

_whole_program_transition = transition(
    implementation = _whole_program_transition_impl,
    inputs = [],
    outputs = [_WHOLE_PROGRAM_SETTING],
)

_REPORT_ATTRS = {
    "format": attr.string(default = "sarif", values = ["json", "sarif", "codeclimate"]),
    "_driver": attr.label(
        default = Label("//:driver"),
        executable = True,
        cfg = "exec",
        allow_files = True,
    ),
}

_prodready_report = rule(
    implementation = _prodready_report_impl,
    attrs = dict(_REPORT_ATTRS, **{
        "targets": attr.label_list(aspects = [prodready_aspect]),
        "_link_summaries": attr.bool(default = False),
    }),
)

_prodready_whole_program_report = rule(
    implementation = _prodready_report_impl,
    attrs = dict(_REPORT_ATTRS, **{
        "targets": attr.label_list(
            aspects = [prodready_aspect],
            cfg = _whole_program_transition,
        ),
        "_link_summaries": attr.bool(default = True),
        # Bazel 4 to 6 allow Starlark transitions only with this attribute.
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    }),
)

def prodready_report(name, targets, format = "sarif", whole_program = False, **kwargs):
    """Merges the prodready reports of targets' sources into one report.

    Args:
      name: the target; its output is NAME.sarif, NAME.json or
        NAME.codeclimate.json.
      targets: cc_library, cc_binary and cc_test targets whose sources to
        analyze (not their dependencies: name those too).
      format: "sarif" (default), "json" or "codeclimate".
      whole_program: link the files' function summaries and analyze again
        the files that call a function of another file (the targets are
        analyzed with --@prodready//:whole_program, in their own
        configuration, whatever the command line says).
      **kwargs: common attributes (tags, visibility, testonly).
    """
    report_rule = _prodready_whole_program_report if whole_program else _prodready_report
    report_rule(name = name, targets = targets, format = format, **kwargs)

def _prodready_fix_impl(ctx):
    report = ctx.file.report
    driver = ctx.executable._driver
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(script, is_executable = True, content = """#!/bin/sh
# Applies the fix-its of {report} to the workspace (bazel run only).
set -e
report="$(pwd)/{report}"
driver="$(pwd)/{driver}"
cd "${{BUILD_WORKSPACE_DIRECTORY:?run this with 'bazel run'}}"
exec "$driver" fix "$report"
""".format(report = report.short_path, driver = driver.short_path))
    return [DefaultInfo(
        executable = script,
        runfiles = ctx.runfiles(files = [report, driver]),
    )]

prodready_fix = rule(
    implementation = _prodready_fix_impl,
    doc = "`bazel run` applies the fix-its of a JSON report to the workspace.",
    executable = True,
    attrs = {
        "report": attr.label(allow_single_file = [".json"], mandatory = True),
        "_driver": attr.label(
            default = Label("//:driver"),
            executable = True,
            cfg = "exec",
            allow_files = True,
        ),
    },
)
