// RUN: rm -rf %t && mkdir -p %t/tests %t/src
// RUN: cp %s %t/tests/logger.cpp && cp %s %t/src/logger_test.cpp
// RUN: cp %s %t/src/test_logger.cpp && cp %s %t/src/logger.cpp
// RUN: %clang_tidy -load %prodready_plugin --checks='-*,prodready-unbounded-log-file' --config={} \
// RUN:   %t/tests/logger.cpp %t/src/logger_test.cpp %t/src/test_logger.cpp %t/src/logger.cpp \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// Tests' logs are not production's: by default IgnorePaths leaves out test
// directories and test files by name; only src/logger.cpp is reported.

#include <spdlog/sinks/basic_file_sink.h>

auto logger = spdlog::basic_logger_mt("test", "logs/test.log");
// CHECK: src{{/|\\}}logger.cpp:[[@LINE-1]]:15: warning: 'spdlog::basic_logger_mt' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
