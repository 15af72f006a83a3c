// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++17
// Who controls the input decides (OperatorInputs: ComponentsOnly, the
// default). The command line, the environment, standard input and the
// files the program reads (its configuration) are the operator's: a tool
// opening the file its user named, or writing under the directory its
// environment names, is doing its job. They are reported only when joined
// as a component under a base directory the program chose. Data from the
// network, requests and answers parsed from elsewhere is reported as a
// component or as the whole path. The message names the source.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/socket.h>

namespace fs = std::filesystem;

// --- The operator's input: the whole path or the base is the user's choice.

int main(int argc, char **argv) {
  std::ifstream Input(argv[1]);
  fs::path OutputDir = std::getenv("OUTPUT_DIR");
  std::ofstream Report(OutputDir / "report.txt");
  std::FILE *Log = std::fopen(std::getenv("LOG_FILE"), "a");
  (void)Log;
  // Under a directory the program chose, the name should stay a name.
  std::ofstream Answer(fs::path("answers") / argv[2]);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: path built from the command line reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-FIXES: std::ofstream Answer(fs::path("answers") / std::filesystem::path(argv[2]).filename());
  std::ofstream Named(fs::path("answers") / fs::path(argv[2]).filename());
  return 0;
}

void cacheEntry() {
  std::string Name = std::getenv("ENTRY");
  std::ofstream Entry("/var/cache/app/" + Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from the environment reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

void includedFile(std::ifstream &Config) {
  std::string Line;
  std::getline(Config, Line);
  std::ifstream Included(Line);
  std::string Template;
  std::getline(Config, Template);
  std::ifstream Shared(fs::path("/usr/share/app/templates") / Template);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: path built from data read from a file reaches 'std::ifstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-FIXES: std::ifstream Shared(fs::path("/usr/share/app/templates") / std::filesystem::path(Template).filename());
}

void fromStandardInput() {
  std::string Path;
  std::cin >> Path;
  std::remove(Path.c_str());
  char Buffer[256];
  std::snprintf(Buffer, sizeof Buffer, "%s/%s", std::getenv("HOME"), Path.c_str());
  std::remove(Buffer);
  std::snprintf(Buffer, sizeof Buffer, "%s/%s", "/tmp/app", Path.c_str());
  std::remove(Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: path built from standard input reaches 'remove' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

// --- Others' input: reported as the whole path too. ------------------------

void fromSocket(int Socket) {
  char Name[256];
  ssize_t Received = recv(Socket, Name, sizeof Name - 1, 0);
  if (Received <= 0)
    return;
  Name[Received] = '\0';
  std::FILE *File = std::fopen(Name, "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: data from the network is used as the whole path for 'fopen'; it can name any file [prodready-unsafe-path-join]
  (void)File;
}

// A JSON text of unknown origin is an answer from elsewhere; one read
// from the program's own configuration file is the operator's.
void fromAnswer(const std::string &Body) {
  nlohmann::json Reply = nlohmann::json::parse(Body);
  std::ofstream Out(Reply["file"].get<std::string>());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: data parsed from an answer is used as the whole path for 'std::ofstream'; it can name any file [prodready-unsafe-path-join]
}

void fromConfiguration(std::ifstream &ConfigFile) {
  nlohmann::json Config = nlohmann::json::parse(ConfigFile);
  std::ofstream Out(Config["log_file"].get<std::string>());
}
