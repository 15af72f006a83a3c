// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c++20
// The remaining sinks and propagation forms of the catalog.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char **argv) {
  const char *Name = argv[1];

  // Sinks.
  std::FILE *Reopened = std::freopen(Name, "w", stdout);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: the command line is used as the whole path for 'freopen'; it can name any file [prodready-unsafe-path-join]
  int Dir = open("/srv", O_RDONLY);
  int At = openat(Dir, Name, O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the command line is used as the whole path for 'openat'
  std::ofstream Later;
  Later.open(Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the command line is used as the whole path for 'std::ofstream::open'
  fs::copy(Name, "/srv/backup");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the command line is used as the whole path for 'std::filesystem::copy'
  fs::create_directory(Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the command line is used as the whole path for 'std::filesystem::create_directory'
  fs::resize_file(Name, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the command line is used as the whole path for 'std::filesystem::resize_file'
  fs::permissions(Name, fs::perms::owner_all);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the command line is used as the whole path for 'std::filesystem::permissions'
  std::remove(Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the command line is used as the whole path for 'remove'
  std::rename("/srv/tmp", Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the command line is used as the whole path for 'rename'

  // Propagation: `+=`, `concat`, fmt::format, a pointer to a local buffer.
  std::string Joined = "/srv/";
  Joined += Name;
  std::ofstream A(Joined);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the command line reaches 'std::ofstream' unsanitized
  fs::path Concat = "/srv/file-";
  Concat.concat(Name);
  std::ofstream B(Concat);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the command line reaches 'std::ofstream' unsanitized
  std::ofstream C(fmt::format("/srv/{}.txt", Name));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the command line reaches 'std::ofstream' unsanitized
  char Buffer[256];
  char *Cursor = Buffer;
  std::strcpy(Cursor, Name);
  std::FILE *D = std::fopen(Buffer, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: the command line is used as the whole path for 'fopen'

  // Sanitizers: lexically_normal alone is not one; compared, it is.
  fs::path Normal = (fs::path("/srv") / Name).lexically_normal();
  std::ofstream E(Normal);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the command line reaches 'std::ofstream' unsanitized
  if (Normal.string().starts_with("/srv/"))
    std::ofstream F(Normal);
  std::fclose(Reopened);
  std::fclose(D);
  return At;
}
