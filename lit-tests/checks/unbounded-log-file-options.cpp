// RUN: %check_prodready -check-suffix=LIMITS %s prodready-unbounded-log-file %t -- \
// RUN:   -config="{CheckOptions: {prodready-unbounded-log-file.MaxFileSizeBytes: 52428800, prodready-unbounded-log-file.MaxFiles: 3}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=ROTATION %s prodready-unbounded-log-file %t-rotation -- \
// RUN:   -config="{CheckOptions: {prodready-unbounded-log-file.RotationFunctions: 'Logs::reopen'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=PATHS %s prodready-unbounded-log-file %t-paths -- \
// RUN:   -config="{CheckOptions: {prodready-unbounded-log-file.IgnorePaths: 'options\\.cpp'}}" \
// RUN:   -- -std=c++17
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unbounded-log-file' \
// RUN:   -config="{CheckOptions: {prodready-unbounded-log-file.MaxFileSizeBytes: 0, prodready-unbounded-log-file.MaxFiles: 300000, prodready-unbounded-log-file.IgnorePaths: '('}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION-DAG: warning: invalid value '0' for option 'MaxFileSizeBytes' of check 'prodready-unbounded-log-file': expected a positive number of bytes; using 10485760 [clang-tidy-config]
// BAD-OPTION-DAG: warning: invalid value '300000' for option 'MaxFiles' of check 'prodready-unbounded-log-file': expected a number of files from 1 to 200000; using 5 [clang-tidy-config]
// BAD-OPTION-DAG: warning: invalid value '(' for option 'IgnorePaths' of check 'prodready-unbounded-log-file': parentheses not balanced; no path is ignored [clang-tidy-config]
// BAD-OPTION-DAG: warning: 'spdlog::basic_logger_mt' writes a log file
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unbounded-log-file' \
// RUN:   -config="{CheckOptions: {prodready-unbounded-log-file.MaxFiles: many}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=NOT-A-NUMBER
// NOT-A-NUMBER: warning: invalid configuration value 'many' for option 'prodready-unbounded-log-file.MaxFiles'; expected an integer [clang-tidy-config]

#include <fstream>
#include <spdlog/sinks/basic_file_sink.h>

void make() {
  auto logger = spdlog::basic_logger_mt("app", "app.log");
  // CHECK-MESSAGES-LIMITS: :[[@LINE-1]]:17: warning: 'spdlog::basic_logger_mt' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-FIXES-LIMITS: auto logger = spdlog::rotating_logger_mt("app", "app.log", 50 * 1024 * 1024, 3);
}

namespace Logs {
std::ofstream *current;
void reopen();
} // namespace Logs

class Server {
public:
  Server() : log_("server.log", std::ios::app) {}
  // CHECK-MESSAGES-LIMITS: :[[@LINE-1]]:14: warning: 'std::ofstream' keeps log file 'server.log' open for append in field 'log_'
  void onHangup() { Logs::reopen(); }

private:
  std::ofstream log_;
};
