// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++17
// A number parsed from untrusted text and formatted back into a path spells
// no '..' and no '/': the path is the program's. Text taken from the same
// input is still reported.

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
const fs::path Store = "/var/lib/store";

void byId(const httplib::Request &Req) {
  int Id = std::stoi(Req.get_param_value("id"));
  std::ifstream In(Store / (std::to_string(Id) + ".json"));
  long Page = std::strtol(Req.get_param_value("page").c_str(), nullptr, 10);
  char Name[64];
  std::snprintf(Name, sizeof Name, "/var/lib/store/page-%ld.html", Page);
  std::FILE *F = std::fopen(Name, "r");
  if (F)
    std::fclose(F);
  double Scale = std::stod(Req.body);
  std::ostringstream Out;
  Out << "/var/cache/scaled-" << Scale << ".png";
  std::ofstream Cache(Out.str());
}

void byFromChars(const httplib::Request &Req) {
  std::string Text = Req.get_header_value("X-Shard");
  unsigned Shard = 0;
  std::from_chars(Text.data(), Text.data() + Text.size(), Shard);
  fs::remove(Store / ("shard-" + std::to_string(Shard)));
}

// The number goes through a helper that formats it.
std::string shardFile(int Shard) { return "shard-" + std::to_string(Shard); }

void throughHelper(const httplib::Request &Req) {
  std::ofstream Out(Store / shardFile(std::atoi(Req.body.c_str())));
}

// --- Text, not a number: reported ------------------------------------------

void byName(const httplib::Request &Req) {
  std::string Name = Req.get_param_value("name");
  std::ostringstream Out;
  Out << "/var/cache/" << Name << ".png";
  std::ofstream Cache(Out.str());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  char Path[64];
  std::snprintf(Path, sizeof Path, "/var/lib/store/%s-%d", Name.c_str(),
                std::stoi(Req.body));
  std::remove(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: path built from request data reaches 'remove' unsanitized
}

// A character is text: it can be '/' or '.'.
void byCharacter(const httplib::Request &Req) {
  char Drive = Req.body[0];
  std::string Path = "/mnt/";
  Path += Drive;
  std::ofstream Out(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized
  char Code = static_cast<char>(std::stoi(Req.body));
  std::ofstream Other(Store / std::string(1, Code));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized
}
