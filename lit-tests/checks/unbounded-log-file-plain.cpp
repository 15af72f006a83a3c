// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c++17
// Plain files opened for append on a log path: reported when something
// long-lived keeps them or an open-ended loop writes them.

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

class Service {
public:
  Service() { log_.open("logs/service.log", std::ios::app); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::ofstream' keeps log file 'logs/service.log' open for append in field 'log_', and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
  void handle(const std::string &request) { log_ << request << '\n'; }

private:
  std::ofstream log_;
};

class Audit {
public:
  explicit Audit(const std::string &dir)
      : out_(dir + "/audit.log", std::ios::out | std::ios::app) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::ofstream' keeps log file '*/audit.log' open for append in field 'out_', and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]

private:
  std::ofstream out_;
};

std::ofstream gAccess("/var/log/myapp/access", std::ios::app);
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::ofstream' keeps log file '/var/log/myapp/access' open for append in global 'gAccess', and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]

FILE *gTrace;
void openTrace() {
  gTrace = fopen("trace.log", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'fopen' keeps log file 'trace.log' open for append in global 'gTrace', and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
}

std::ostream &events() {
  static std::ofstream stream("events.log", std::ios_base::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'std::ofstream' keeps log file 'events.log' open for append in static 'stream', and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
  return stream;
}

std::atomic<bool> running{true};
std::string next();

void worker() {
  std::ofstream out("worker.log", std::ios::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' appends to log file 'worker.log' in a loop with no fixed end, and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
  while (running)
    out << next() << '\n';
}

void poller() {
  FILE *f = std::fopen("logs/poll.txt", "a+");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' appends to log file 'logs/poll.txt' in a loop with no fixed end
  for (;;)
    fprintf(f, "%s\n", next().c_str());
}

void redirect() {
  freopen("/var/log/daemon.log", "a", stderr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'freopen' sends stderr to log file '/var/log/daemon.log' in append mode for the rest of the process, and nothing rotates it; it grows until the disk is full [prodready-unbounded-log-file]
}

// The path comes through a parameter: the calls of the TU say what it is.
class Journal {
public:
  explicit Journal(const std::string &file) : file_(file, std::ios::app) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'std::ofstream' keeps log file 'journal.log' open for append in field 'file_'
private:
  std::ofstream file_;
};
Journal journal("journal.log");

// A local moved into a member is long-lived too.
struct Sink {
  void open() {
    auto stream = std::make_shared<std::ofstream>("logs/sink", std::ios::app);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::ofstream' keeps log file 'logs/sink' open for append in field 'stream_'
    stream_ = stream;
  }
  std::shared_ptr<std::ostream> stream_;
};

// ---- Silent --------------------------------------------------------------

// Not a log path.
class Data {
public:
  Data() { out_.open("data.csv", std::ios::app); }
  std::ofstream out_;
};

// Not appending.
class Fresh {
public:
  Fresh() { out_.open("fresh.log"); }
  std::ofstream out_;
};

// One line per call, closed at once (a CLI's --log file): bounded per run.
void note(const std::string &line) {
  std::ofstream out("tool.log", std::ios::app);
  out << line << '\n';
}

// A loop over the program's data writes a bounded amount.
void report(const std::vector<std::string> &lines) {
  std::ofstream out("report.log", std::ios::app);
  for (const std::string &line : lines)
    out << line << '\n';
  for (size_t i = 0; i < lines.size(); ++i)
    out << i << '\n';
}

// Reading input until it ends is bounded by the input.
void copy(FILE *in) {
  FILE *out = fopen("copy.log", "a");
  char buffer[256];
  while (fgets(buffer, sizeof buffer, in))
    fputs(buffer, out);
  fclose(out);
}

// A size check on the way to the open.
void guarded(const std::filesystem::path &p, const std::string &line) {
  std::ofstream out;
  if (std::filesystem::exists(p) && std::filesystem::file_size(p) > 1 << 20)
    std::filesystem::rename(p, p.string() + ".1");
  out.open(p / "app.log", std::ios::app);
  while (running)
    out << line;
}

// The class rotates its file.
class Rotated {
public:
  Rotated() { log_.open("rotated.log", std::ios::app); }
  void write(const std::string &line) {
    if (log_.tellp() > 1 << 20)
      rotate();
    log_ << line;
  }

private:
  void rotate();
  std::ofstream log_;
};

// Other standard streams and modes.
void quiet() {
  freopen("/dev/null", "a", stderr);
  freopen("output.log", "w", stdout);
  FILE *in = fopen("input.log", "r");
  fclose(in);
}
