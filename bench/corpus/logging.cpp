// Benchmark input for bench/run.py: a service's logging layer that uses
// spdlog, Boost.Log, iostreams and stdio densely - loggers and sinks of
// every kind, bounded and not, streams kept in fields and written in loops,
// size checks and rotations - so that prodready-unbounded-log-file's cost
// is measured on code it has work to do in. Its findings are intended.

#include <atomic>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/utility/setup/file.hpp>
#include <boost/make_shared.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/hourly_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
namespace keywords = boost::log::keywords;

namespace bench {

std::atomic<bool> running{true};

struct Options {
  std::string dir = "logs";
  std::size_t maxBytes = 10 * 1024 * 1024;
  std::size_t maxFiles = 5;
  bool console = true;
  bool async = false;
};

class LoggerRegistry {
public:
  explicit LoggerRegistry(Options options) : options_(std::move(options)) {}

  std::shared_ptr<spdlog::logger> main() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = loggers_.find("main");
    if (found != loggers_.end())
      return found->second;
    std::vector<spdlog::sink_ptr> sinks;
    if (options_.console)
      sinks.push_back(std::make_shared<spdlog::sinks::stdout_color_sink_mt>());
    sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        options_.dir + "/main.log", options_.maxBytes, options_.maxFiles));
    auto logger = std::make_shared<spdlog::logger>("main", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    loggers_["main"] = logger;
    return logger;
  }

  std::shared_ptr<spdlog::logger> access() {
    auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(options_.dir + "/access.log");
    sink->set_pattern("%Y-%m-%d %H:%M:%S %v");
    auto logger = std::make_shared<spdlog::logger>("access", sink);
    spdlog::register_logger(logger);
    return logger;
  }

  std::shared_ptr<spdlog::logger> audit() {
    return spdlog::daily_logger_mt("audit", options_.dir + "/audit.log", 0, 0, false, 30);
  }

  std::shared_ptr<spdlog::logger> metrics() {
    return spdlog::hourly_logger_mt("metrics", options_.dir + "/metrics.log");
  }

  std::shared_ptr<spdlog::logger> debug() {
    if (options_.async)
      return spdlog::basic_logger_mt<spdlog::async_factory>("debug", options_.dir + "/debug.log");
    return spdlog::basic_logger_mt("debug", options_.dir + "/debug.log", true);
  }

private:
  Options options_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<spdlog::logger>> loggers_;
};

void setupBoost(const Options &options) {
  boost::log::add_file_log(keywords::file_name = options.dir + "/boost_%N.log",
                           keywords::rotation_size = options.maxBytes,
                           keywords::target = options.dir + "/old",
                           keywords::max_files = options.maxFiles);
  boost::log::add_file_log(options.dir + "/events.log");
  auto backend = boost::make_shared<boost::log::sinks::text_file_backend>(
      keywords::file_name = options.dir + "/backend_%N.log");
  using Sink = boost::log::sinks::synchronous_sink<boost::log::sinks::text_file_backend>;
  auto sink = boost::make_shared<Sink>(backend);
  boost::log::core::get()->add_sink(sink);
}

class RequestJournal {
public:
  RequestJournal() { out_.open("logs/requests.log", std::ios::out | std::ios::app); }

  void record(const std::string &method, const std::string &path, int status,
              std::chrono::milliseconds elapsed) {
    std::lock_guard<std::mutex> lock(mutex_);
    out_ << method << ' ' << path << ' ' << status << ' ' << elapsed.count()
         << "ms\n";
    if (status >= 500)
      out_.flush();
  }

private:
  std::mutex mutex_;
  std::ofstream out_;
};

class RotatingJournal {
public:
  explicit RotatingJournal(fs::path file) : file_(std::move(file)) { reopen(); }

  void write(const std::string &line) {
    if (static_cast<std::size_t>(out_.tellp()) > limit_) {
      out_.close();
      fs::rename(file_, file_.string() + ".1");
      reopen();
    }
    out_ << line << '\n';
  }

private:
  void reopen() { out_.open(file_ / "journal.log", std::ios::app); }

  fs::path file_;
  std::size_t limit_ = 1 << 20;
  std::ofstream out_;
};

FILE *gTrace = nullptr;

void openTrace(const Options &options) {
  std::string path = options.dir + "/trace.log";
  gTrace = std::fopen(path.c_str(), "a");
  if (!gTrace)
    spdlog::warn("cannot open {}", path);
}

void trace(const char *what) {
  if (gTrace)
    std::fprintf(gTrace, "%s\n", what);
}

std::string nextEvent() { return "event"; }

void eventPump() {
  std::ofstream out("logs/pump.log", std::ios::app);
  while (running.load()) {
    out << nextEvent() << '\n';
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void summary(const std::vector<std::string> &lines) {
  std::ofstream out("summary.log", std::ios::app);
  for (const std::string &line : lines)
    out << line << '\n';
  std::size_t count = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    count += lines[i].size();
  out << count << '\n';
}

void appendOnce(const std::string &line) {
  std::ofstream out("once.log", std::ios::app);
  out << line;
}

void guardedAppend(const fs::path &dir, const std::string &line) {
  fs::path file = dir / "guarded.log";
  if (fs::exists(file) && fs::file_size(file) > (1u << 20))
    fs::remove(file);
  std::ofstream out(file, std::ios::app);
  out << line;
}

void copyInput(FILE *in) {
  FILE *out = std::fopen("copy.log", "a");
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, in))
    std::fputs(buffer, out);
  std::fclose(out);
}

void redirect(bool daemonize) {
  if (daemonize)
    std::freopen("/var/log/bench-daemon.log", "a", stderr);
}

int run(int argc, char **argv) {
  Options options;
  if (argc > 1)
    options.dir = argv[1];
  LoggerRegistry registry(options);
  auto logger = registry.main();
  registry.access()->info("started");
  registry.audit()->info("audit");
  registry.metrics()->info("metrics");
  registry.debug()->debug("debug");
  setupBoost(options);
  openTrace(options);
  RequestJournal journal;
  RotatingJournal rotating(options.dir);
  std::thread pump(eventPump);
  for (int i = 0; i < 100; ++i) {
    journal.record("GET", "/health", 200, std::chrono::milliseconds(i));
    rotating.write("tick " + std::to_string(i));
    trace("tick");
    logger->info("tick {}", i);
  }
  running = false;
  pump.join();
  summary({"a", "b"});
  appendOnce("done");
  guardedAppend(options.dir, "done");
  redirect(argc > 2);
  spdlog::shutdown();
  return 0;
}

} // namespace bench

int main(int argc, char **argv) { return bench::run(argc, argv); }
