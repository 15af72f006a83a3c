// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c++17
// spdlog's basic file loggers and sinks become rotating ones; rotating
// sinks, and daily or hourly sinks with max_files, are bounded.

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/hourly_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <vector>

void factories() {
  auto app = spdlog::basic_logger_mt("app", "logs/app.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'spdlog::basic_logger_mt' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-FIXES: auto app = spdlog::rotating_logger_mt("app", "logs/app.log", 10 * 1024 * 1024, 5);
  auto single = spdlog::basic_logger_st("single", "single.log", false);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'spdlog::basic_logger_st' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-FIXES: auto single = spdlog::rotating_logger_st("single", "single.log", 10 * 1024 * 1024, 5);
  auto commented = spdlog::basic_logger_mt("c", "c.log", /*truncate=*/false);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES: auto commented = spdlog::rotating_logger_mt("c", "c.log", 10 * 1024 * 1024, 5);
  auto async = spdlog::basic_logger_mt<spdlog::async_factory>("async", "async.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES: auto async = spdlog::rotating_logger_mt<spdlog::async_factory>("async", "async.log", 10 * 1024 * 1024, 5);
}

// Truncated at start: still unbounded while the process runs; the rotating
// logger would keep the old file as app.1.log, so the fix is a note.
void truncated() {
  auto fresh = spdlog::basic_logger_mt("fresh", "fresh.log", true);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES: auto fresh = spdlog::basic_logger_mt("fresh", "fresh.log", true);
}

void sinks(const std::string &path) {
  auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, 10 * 1024 * 1024, 5);
  file->set_level(spdlog::level::info);
  auto console = std::make_shared<spdlog::sinks::stdout_color_sink_mt>();
  std::vector<spdlog::sink_ptr> all{console, file};
  auto logger = std::make_shared<spdlog::logger>("multi", all.begin(), all.end());
  auto other = std::make_shared<spdlog::logger>("other", file);
  spdlog::register_logger(logger);

  spdlog::sink_ptr unique = std::make_unique<spdlog::sinks::basic_file_sink_st>(path, false);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'spdlog::sinks::basic_file_sink_st' writes
  // CHECK-FIXES: spdlog::sink_ptr unique = std::make_unique<spdlog::sinks::rotating_file_sink_st>(path, 10 * 1024 * 1024, 5);

  spdlog::sinks::basic_file_sink_mt direct("direct.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: spdlog::sinks::rotating_file_sink_mt direct("direct.log", 10 * 1024 * 1024, 5);
  direct.set_pattern("%v");

  auto created = spdlog::create<spdlog::sinks::basic_file_sink_mt>("created", "created.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: auto created = spdlog::create<spdlog::sinks::rotating_file_sink_mt>("created", "created.log", 10 * 1024 * 1024, 5);

  spdlog::sink_ptr raw(new spdlog::sinks::basic_file_sink<std::mutex>("raw.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: spdlog::sink_ptr raw(new spdlog::sinks::rotating_file_sink<std::mutex>("raw.log", 10 * 1024 * 1024, 5));
}

// A value whose class a use still needs keeps the class: no fix.
const spdlog::filename_t &keptClass() {
  static auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>("kept.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: static auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>("kept.log");
  return file->filename();
}

std::shared_ptr<spdlog::sinks::basic_file_sink_mt> returned() {
  std::shared_ptr<spdlog::sinks::basic_file_sink_mt> file =
      std::make_shared<spdlog::sinks::basic_file_sink_mt>("returned.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: std::make_shared<spdlog::sinks::basic_file_sink_mt>("returned.log");
  return file;
}

using FileSink = spdlog::sinks::basic_file_sink_mt;
void alias() {
  // The alias is the user's name: renaming it would change every use.
  auto file = std::make_shared<FileSink>("alias.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::basic_file_sink_mt' writes
  // CHECK-FIXES: auto file = std::make_shared<FileSink>("alias.log");
}

// Daily and hourly files pile up without max_files.
void calendar() {
  auto daily = spdlog::daily_logger_mt("daily", "daily.log", 2, 30);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'spdlog::daily_logger_mt' without 'max_files' starts a new log file every day and never deletes one; they fill the disk [prodready-unbounded-log-file]
  auto zero = std::make_shared<spdlog::sinks::daily_file_sink_mt>("zero.log", 0, 0, false, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::daily_file_sink_mt' without 'max_files' starts a new log file every day
  auto hourly = spdlog::hourly_logger_st("hourly", "hourly.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'spdlog::hourly_logger_st' without 'max_files' starts a new log file every hour and never deletes one; they fill the disk [prodready-unbounded-log-file]
}

// Bounded: rotating sinks, daily and hourly sinks that keep N files.
void bounded(uint16_t keep) {
  auto rotating = spdlog::rotating_logger_mt("rotating", "r.log", 1024 * 1024, 3);
  auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>("s.log", 1024, 2);
  auto daily = spdlog::daily_logger_mt("week", "week.log", 0, 0, false, 7);
  auto computed = spdlog::daily_logger_st("computed", "c.log", 0, 0, false, keep);
  auto hours = std::make_shared<spdlog::sinks::hourly_file_sink_st>("h.log", false, 24);
  auto console = spdlog::stdout_color_mt("console");
}

#define MAKE_LOGGER(name) spdlog::basic_logger_mt(name, name ".log")
void macro() {
  // Reported, but a macro's expansion is not rewritten.
  auto m = MAKE_LOGGER("macro");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::basic_logger_mt' writes
  // CHECK-FIXES: auto m = MAKE_LOGGER("macro");
}

void suppressed() {
  auto quiet = spdlog::basic_logger_mt("quiet", "quiet.log"); // NOLINT(prodready-unbounded-log-file)
  // NOLINTNEXTLINE(prodready-unbounded-log-file)
  auto next = spdlog::basic_logger_mt("next", "next.log");
}
