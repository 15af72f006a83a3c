// RUN: %check_prodready -expect-compile-error %s prodready-unbounded-log-file %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <fstream>
#include <spdlog/sinks/basic_file_sink.h>

void unknownArguments() {
  auto logger = spdlog::basic_logger_mt("app", undeclared_path);
  auto other = spdlog::basic_logger_mt(undeclared_name);
  std::ofstream out(undeclared_file, std::ios::app);
  FILE *f = fopen("x.log", undeclared_mode);
}

void unknownSink() {
  auto sink = std::make_shared<spdlog::sinks::unknown_file_sink_mt>("a.log");
  // The sink is known; only its arguments are wrong.
  auto sink2 = std::make_shared<spdlog::sinks::basic_file_sink_mt>("b.log", 1, 2, 3, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'spdlog::sinks::basic_file_sink_mt' writes a log file that is never rotated or size-limited; it grows until the disk is full [prodready-unbounded-log-file]
}

class Broken {
public:
  Broken() : log_(path_, std::ios::app) {}
  void write() { log_ << undeclared; }
private:
  std::ofstream log_;
  UnknownType path_;
};

template <typename T> void dependent(T path) {
  auto logger = spdlog::basic_logger_mt("t", path);
  std::ofstream out(path + ".log", std::ios::app);
  while (true)
    out << T::value;
}

void unterminated() {
  auto logger = spdlog::basic_logger_mt("u", "u.log"
