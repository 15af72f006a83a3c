#include <spdlog/sinks/basic_file_sink.h>

std::shared_ptr<spdlog::logger> makeLogger() {
  return spdlog::basic_logger_mt("daemon", "logs/daemon.log");
}
