// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c++17
// RUN: %check_prodready -fix-notes -check-suffix=NOTES %s prodready-unbounded-log-file %t-notes -- -- -std=c++17
// Boost.Log file sinks without a size keyword, followed through the call
// (keyword packs in locals) and the backend's setters; the fix adds a
// rotation size on a note.

#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/utility/setup/file.hpp>
#include <boost/make_shared.hpp>

namespace logging = boost::log;
namespace sinks = boost::log::sinks;
namespace keywords = boost::log::keywords;

void simple() {
  logging::add_file_log("simple.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::log::add_file_log' without 'rotation_size', 'max_size' or 'max_files' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:3: warning: 'boost::log::add_file_log' without
  // CHECK-FIXES-NOTES: logging::add_file_log("simple.log", boost::log::keywords::rotation_size = 10 * 1024 * 1024);
}

void keywordsOnly() {
  logging::add_file_log(keywords::file_name = "app_%N.log",
                        keywords::open_mode = std::ios_base::app);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'boost::log::add_file_log' without
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:3: warning: 'boost::log::add_file_log' without
  // CHECK-FIXES-NOTES: keywords::open_mode = std::ios_base::app, boost::log::keywords::rotation_size = 10 * 1024 * 1024);
}

void backend() {
  auto file = boost::make_shared<sinks::text_file_backend>(
      keywords::file_name = "backend_%N.log");
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'boost::log::sinks::text_file_backend' without 'rotation_size', 'max_size' or 'max_files' writes
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:15: warning: 'boost::log::sinks::text_file_backend' without
  // CHECK-FIXES-NOTES: keywords::file_name = "backend_%N.log", boost::log::keywords::rotation_size = 10 * 1024 * 1024);
  using sink_t = sinks::synchronous_sink<sinks::text_file_backend>;
  auto sink = boost::make_shared<sink_t>(file);
  logging::core::get()->add_sink(sink);
}

void frontend() {
  using sink_t = sinks::synchronous_sink<sinks::text_file_backend>;
  auto sink = boost::make_shared<sink_t>(keywords::file_name = "front.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'boost::log::sinks::text_file_backend' without
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:15: warning: 'boost::log::sinks::text_file_backend' without
  // CHECK-FIXES-NOTES: auto sink = boost::make_shared<sink_t>(keywords::file_name = "front.log", boost::log::keywords::rotation_size = 10 * 1024 * 1024);
}

// ---- Silent --------------------------------------------------------------

void rotated() {
  logging::add_file_log(keywords::file_name = "r_%N.log",
                        keywords::rotation_size = 10 * 1024 * 1024);
  logging::add_file_log("collected_%N.log", keywords::target = "old",
                        keywords::max_size = 100 * 1024 * 1024);
  logging::add_file_log((keywords::file_name = "pack_%N.log",
                         keywords::max_files = 10));
}

void throughLocals() {
  auto limits = (keywords::file_name = "local_%N.log",
                 keywords::rotation_size = 1024 * 1024);
  logging::add_file_log(limits);
}

void laterLimits() {
  auto file = boost::make_shared<sinks::text_file_backend>(
      keywords::file_name = "later_%N.log");
  file->set_rotation_size(5 * 1024 * 1024);

  auto sink = logging::add_file_log("collected.log");
  sink->locked_backend()->set_file_collector(sinks::file::make_collector(
      keywords::target = "archive", keywords::max_files = 20));
}
