// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c++17
// Only the standard library's filesystem operations are sinks; a project's
// own `filesystem` namespace (or one inside its namespace) is not std's.

#include <cstdlib>
#include <filesystem>
#include <string>

namespace filesystem {
void remove(const std::string &);
}
namespace app::filesystem {
void remove(const std::string &);
}

int main(int argc, char **argv) {
  filesystem::remove(argv[1]);
  app::filesystem::remove(argv[1]);
  std::filesystem::remove(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the command line is used as the whole path for 'std::filesystem::remove'; it can name any file [prodready-unsafe-path-join]
  return 0;
}

// A field written in one method and read in another, while the writer is
// itself being analyzed: no crash, and the write from untrusted data counts.
#include <fstream>
struct Store {
  std::string Path;
  void load(int argc, char **argv);
  void open() { std::ofstream Out(Path); }
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: the environment is used as the whole path for 'std::ofstream'; it can name any file
  void save() { open(); Path = std::getenv("STORE_PATH"); open(); }
};
