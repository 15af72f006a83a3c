// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c++17

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
const fs::path OutputDir = "/var/lib/app/out";

// --- Sources ---------------------------------------------------------------

void fromArgv(int argc, char **argv);

void fromEnvironment() {
  std::ofstream Log(OutputDir / std::getenv("LOG_NAME"));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from the environment reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-FIXES: std::ofstream Log(OutputDir / std::filesystem::path(std::getenv("LOG_NAME")).filename());
}

void fromStdin() {
  std::string Name;
  std::cin >> Name;
  fs::remove(OutputDir / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: path built from standard input reaches 'std::filesystem::remove' unsanitized
  // CHECK-FIXES: fs::remove(OutputDir / std::filesystem::path(Name).filename());
  char Line[256];
  if (std::fgets(Line, sizeof Line, stdin))
    unlink(Line);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: standard input is used as the whole path for 'unlink'; it can name any file
}

void fromSocket(int Socket) {
  char Name[128];
  ssize_t Got = recv(Socket, Name, sizeof Name - 1, 0);
  if (Got <= 0)
    return;
  Name[Got] = '\0';
  int Fd = open(Name, O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: data from the network is used as the whole path for 'open'; it can name any file
  close(Fd);
}

void fromFile() {
  std::ifstream List("/etc/app/files.txt");
  std::string Line;
  while (std::getline(List, Line)) {
    std::ifstream In(OutputDir / Line);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: path built from data read from a file reaches 'std::ifstream' unsanitized
    // CHECK-FIXES: std::ifstream In(OutputDir / std::filesystem::path(Line).filename());
  }
}

// --- Propagation -----------------------------------------------------------

struct Job {
  std::string Output;
  int Priority = 0;
};

void propagation(const char *Untrusted) {
  const char *Name = std::getenv("NAME");
  // String joins: no fix (a rewrite would not stay correct in general).
  std::string Joined = "/srv/data/" + std::string(Name);
  std::ofstream A(Joined);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the environment reaches 'std::ofstream' unsanitized
  std::string Appended = "/srv/data/";
  Appended.append(Name);
  std::fstream B(Appended);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: path built from the environment reaches 'std::fstream' unsanitized
  fs::path Dir = OutputDir;
  Dir /= Name;
  // CHECK-FIXES: Dir /= std::filesystem::path(Name).filename();
  fs::create_directories(Dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: path built from the environment reaches 'std::filesystem::create_directories' unsanitized
  // C buffers: strcpy + strcat, sprintf.
  char Buffer[512];
  std::strcpy(Buffer, "/srv/data/");
  std::strcat(Buffer, Name);
  FILE *C = std::fopen(Buffer, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: path built from the environment reaches 'fopen' unsanitized
  char Formatted[512];
  std::sprintf(Formatted, "/srv/%s.log", Name);
  mkdir(Formatted, 0700);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: path built from the environment reaches 'mkdir' unsanitized
  char Copy[512];
  std::memcpy(Copy, Name, std::strlen(Name) + 1);
  rmdir(Copy);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the environment is used as the whole path for 'rmdir'
  // References and pointers to locals.
  std::string Target;
  std::string &Alias = Target;
  Alias = Name;
  fs::remove_all(Target);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the environment is used as the whole path for 'std::filesystem::remove_all'
  // Struct fields.
  Job Work;
  Work.Output = Name;
  std::ofstream D(Work.Output);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the environment is used as the whole path for 'std::ofstream'
  // Containers.
  std::vector<std::string> Queue;
  Queue.push_back(Name);
  std::ofstream E(Queue.front());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the environment is used as the whole path for 'std::ofstream'
  std::map<std::string, std::string> Files;
  Files["report"] = Name;
  fs::copy_file("/etc/template", Files["report"]);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the environment is used as the whole path for 'std::filesystem::copy_file'
  // Lambda captures.
  auto Write = [&] { std::ofstream F(Joined); };
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: path built from the environment reaches 'std::ofstream' unsanitized
  auto WriteCopy = [Target] { fs::rename("/tmp/x", Target); };
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: the environment is used as the whole path for 'std::filesystem::rename'
  Write();
  WriteCopy();
  std::fclose(C);
  (void)Untrusted;
}

// --- Across functions ------------------------------------------------------

void writeReport(const std::string &Name, const std::string &Text) {
  std::ofstream Out(OutputDir / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from the command line reaches 'std::ofstream' unsanitized
  // CHECK-FIXES: std::ofstream Out(OutputDir / std::filesystem::path(Name).filename());
  Out << Text;
}

std::string readName() {
  std::string Name;
  std::getline(std::cin, Name);
  return Name;
}

std::string safeName(const std::string &Name) {
  return fs::path(Name).filename().string();
}

std::string GlobalTarget;

void fromArgv(int argc, char **argv) {
  if (argc < 3)
    return;
  writeReport(argv[1], "report");
  writeReport(safeName(argv[2]), "report");
  std::ofstream Named(readName());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: standard input is used as the whole path for 'std::ofstream'
}

void usesGlobal() {
  creat(GlobalTarget.c_str(), 0600);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the command line is used as the whole path for 'creat'
}

int main(int argc, char **argv) {
  fromArgv(argc, argv);
  GlobalTarget = argv[2];
  opendir(argv[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the command line is used as the whole path for 'opendir'
  return 0;
}

// --- Sanitized or trusted: must stay silent --------------------------------

bool isSafeName(const std::string &Name);

void sanitized(const std::string &Base) {
  std::string Name;
  std::getline(std::cin, Name);
  // The file name only.
  std::ofstream A(OutputDir / fs::path(Name).filename());
  std::ofstream B(OutputDir / basename(const_cast<char *>(Name.c_str())));
  // Rejection of ".." and absolute paths, on the path that follows.
  if (Name.find("..") == std::string::npos && !fs::path(Name).is_absolute()) {
    std::ofstream C(OutputDir / Name);
  }
  std::string Other;
  std::getline(std::cin, Other);
  if (Other.find("..") != std::string::npos || Other.empty() || Other[0] == '/')
    return;
  std::ofstream D(OutputDir / Other);
  // Canonicalized and compared against the base directory.
  fs::path Full = fs::weakly_canonical(OutputDir / Name);
  if (Full.string().rfind(OutputDir.string(), 0) != 0)
    return;
  std::ofstream E(Full);
  fs::path Again = fs::weakly_canonical(OutputDir / Name);
  auto [End, Unused] = std::mismatch(OutputDir.begin(), OutputDir.end(), Again.begin());
  if (End == OutputDir.end())
    std::ofstream F(Again);
  // Constant paths and trusted parameters.
  std::ofstream G("/var/log/app.log");
  std::ofstream H(OutputDir / "fixed.txt");
  std::ofstream I(Base);
}
