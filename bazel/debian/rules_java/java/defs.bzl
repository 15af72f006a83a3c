"""Stand-in for rules_java under Debian bookworm's bazel-bootstrap 4.2.3.

Bazel's own tools load @rules_java, which bookworm does not package in a
version that 4.2.3 reads (bazel-rules-cc 0.0.4 needs Bazel 5). These
macros forward to the native rules, which is all 4.2.3's tools need. Used
only through `--override_repository` (examples/bazel/.bazelrc, config
`debian`); current Bazel fetches the real rules_java.
"""

def java_binary(**attrs):
    native.java_binary(**attrs)

def java_import(**attrs):
    native.java_import(**attrs)

def java_library(**attrs):
    native.java_library(**attrs)

def java_lite_proto_library(**attrs):
    native.java_lite_proto_library(**attrs)

def java_package_configuration(**attrs):
    native.java_package_configuration(**attrs)

def java_plugin(**attrs):
    native.java_plugin(**attrs)

def java_proto_library(**attrs):
    native.java_proto_library(**attrs)

def java_runtime(**attrs):
    native.java_runtime(**attrs)

def java_test(**attrs):
    native.java_test(**attrs)

def java_toolchain(**attrs):
    native.java_toolchain(**attrs)
