#include <fstream>
#include <spdlog/sinks/basic_file_sink.h>

std::shared_ptr<spdlog::logger> app() { return spdlog::basic_logger_mt("app", "logs/app.log"); }

class Service {
public:
  Service();
  std::ofstream log_;
};
Service::Service() { log_.open("service.log", std::ios::app); }

class Rotated {
public:
  Rotated();
  void write(const char *line);
  std::ofstream log_;
};
Rotated::Rotated() { log_.open("rotated.log", std::ios::app); }
void Rotated::write(const char *line) {
  if (log_.tellp() > 1 << 20)
    log_.close();
  log_ << line;
}
