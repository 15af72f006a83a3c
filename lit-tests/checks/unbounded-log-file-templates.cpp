// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c++17
// A template is analyzed through its instantiations and reported once per
// location, with the fix when every instantiation agrees.

#include <fstream>
#include <spdlog/sinks/basic_file_sink.h>
#include <string>
// CHECK-FIXES: #include <spdlog/sinks/rotating_file_sink.h>

template <typename Name> auto makeLogger(const Name &name) {
  return spdlog::basic_logger_mt(name, "logs/app.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'spdlog::basic_logger_mt' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
  // CHECK-FIXES: return spdlog::rotating_logger_mt(name, "logs/app.log", 10 * 1024 * 1024, 5);
}

template <typename Line> class Recorder {
public:
  Recorder() { out_.open("recorder.log", std::ios::app); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::ofstream' keeps log file 'recorder.log' open for append in field 'out_'
  void record(const Line &line) { out_ << line; }

private:
  std::ofstream out_;
};

void use() {
  makeLogger(std::string("a"));
  makeLogger("b");
  Recorder<int> numbers;
  Recorder<std::string> words;
}

// Never instantiated: analyzed as written.
template <typename T> void unused(T) {
  auto logger = spdlog::basic_logger_st("unused", "unused.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'spdlog::basic_logger_st' writes
  // CHECK-FIXES: auto logger = spdlog::rotating_logger_st("unused", "unused.log", 10 * 1024 * 1024, 5);
}
