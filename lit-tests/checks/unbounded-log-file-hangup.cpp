// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c++17
// A program that handles SIGHUP follows logrotate's convention: the log
// files are rotated outside and reopened on the signal. Nothing in such a
// translation unit is reported.

#include <csignal>
#include <fstream>
#include <spdlog/sinks/basic_file_sink.h>

volatile std::sig_atomic_t reopen = 0;
void onHangup(int) { reopen = 1; }

class Daemon {
public:
  Daemon() {
    log_.open("/var/log/daemon.log", std::ios::app);
    logger_ = spdlog::basic_logger_mt("daemon", "/var/log/daemon-events.log");
    std::signal(SIGHUP, onHangup);
  }

private:
  std::ofstream log_;
  std::shared_ptr<spdlog::logger> logger_;
};
