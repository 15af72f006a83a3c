// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c++17
// RUN: %check_prodready -fix-notes -check-suffix=APPLIED %s prodready-unbounded-log-file %t-applied -- -- -std=c++17
// The notes: the fix of a truncated spdlog file (applied with
// --fix-notes only), the write that makes a local file grow.

#include <fstream>
#include <spdlog/sinks/basic_file_sink.h>
#include <string>
// CHECK-FIXES-APPLIED: #include <spdlog/sinks/basic_file_sink.h>
// CHECK-FIXES-APPLIED-NEXT: #include <spdlog/sinks/rotating_file_sink.h>

void truncated(bool fresh) {
  auto always = spdlog::basic_logger_mt("always", "always.log", true);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'spdlog::basic_logger_mt' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: use a rotating logger (5 files of 10 MiB), rotating the old file away at start where it was truncated
  // CHECK-FIXES: auto always = spdlog::basic_logger_mt("always", "always.log", true);
  // CHECK-MESSAGES-APPLIED: :[[@LINE-4]]:17: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES-APPLIED: auto always = spdlog::rotating_logger_mt("always", "always.log", 10 * 1024 * 1024, 5, true);
  auto chosen = std::make_shared<spdlog::sinks::basic_file_sink_st>("chosen.log", fresh);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'spdlog::sinks::basic_file_sink_st' writes
  // CHECK-NOTES: :[[@LINE-2]]:17: note: use a rotating file sink (5 files of 10 MiB), rotating the old file away at start where it was truncated
  // CHECK-MESSAGES-APPLIED: :[[@LINE-3]]:17: warning: 'spdlog::sinks::basic_file_sink_st' writes
  // CHECK-FIXES-APPLIED: auto chosen = std::make_shared<spdlog::sinks::rotating_file_sink_st>("chosen.log", 10 * 1024 * 1024, 5, fresh);
  chosen->set_level(spdlog::level::info);
}

// Event handlers after `false`: it stays, as rotate_on_open (same meaning).
void handlers(const spdlog::file_event_handlers &events) {
  auto logger = spdlog::basic_logger_mt("events", "events.log", false, events);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES: auto logger = spdlog::rotating_logger_mt("events", "events.log", 10 * 1024 * 1024, 5, false, events);
  // CHECK-MESSAGES-APPLIED: :[[@LINE-3]]:17: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES-APPLIED: auto logger = spdlog::rotating_logger_mt("events", "events.log", 10 * 1024 * 1024, 5, false, events);
}

extern bool running;
std::string next();
void worker() {
  std::fstream out("logs/worker", std::ios::out | std::ios::app);
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'std::fstream' appends to log file 'logs/worker' in a loop with no fixed end, and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-MESSAGES-APPLIED: :[[@LINE-2]]:16: warning: 'std::fstream' appends
  do {
    out << next();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: written here, in the loop
  } while (running);
}
