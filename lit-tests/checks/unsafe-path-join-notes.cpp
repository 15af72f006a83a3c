// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c++17
// The notes: where the untrusted value comes from, the calls it travels
// through, and where it is joined into the path.

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

void store(const fs::path &Dir, const std::string &Name) {
  std::ofstream Out(Dir / Name);
}
// CHECK-NOTES: :[[@LINE-2]]:21: warning: path built from the command line reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
// CHECK-NOTES: :[[@LINE+6]]:21: note: the untrusted value comes from 'argv' here
// CHECK-NOTES: :[[@LINE+5]]:3: note: it is passed to 'store' here
// CHECK-NOTES: :[[@LINE-5]]:21: note: it is joined into the path here
// CHECK-FIXES: std::ofstream Out(Dir / std::filesystem::path(Name).filename());

int main(int argc, char **argv) {
  store("/var/out", argv[1]);
  std::ofstream Direct(argv[2]);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: the command line is used as the whole path for 'std::ofstream'; it can name any file
  // CHECK-NOTES: :[[@LINE-2]]:24: note: the untrusted value comes from 'argv' here
  return argc;
}
