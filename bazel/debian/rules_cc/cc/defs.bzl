"""Stand-in for rules_cc under Debian bookworm's bazel-bootstrap 4.2.3.

Bazel's own tools load @rules_cc, which bookworm does not package in a
version that 4.2.3 reads (bazel-rules-cc 0.0.4 needs Bazel 5). These
macros forward to the native rules, which is all 4.2.3's tools need. Used
only through `--override_repository` (examples/bazel/.bazelrc, config
`debian`); current Bazel fetches the real rules_cc.
"""

def cc_binary(**attrs):
    native.cc_binary(**attrs)

def cc_import(**attrs):
    native.cc_import(**attrs)

def cc_library(**attrs):
    native.cc_library(**attrs)

def cc_proto_library(**attrs):
    native.cc_proto_library(**attrs)

def cc_test(**attrs):
    native.cc_test(**attrs)

def cc_toolchain(**attrs):
    native.cc_toolchain(**attrs)

def cc_toolchain_suite(**attrs):
    native.cc_toolchain_suite(**attrs)

def objc_library(**attrs):
    native.objc_library(**attrs)
