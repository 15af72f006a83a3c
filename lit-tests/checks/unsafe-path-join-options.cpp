// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.Sources: '::app::read_request_field', prodready-unsafe-path-join.Sinks: '::storage::write_file', prodready-unsafe-path-join.Sanitizers: '::app::is_safe_name;::app::safe_name'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-unsafe-path-join %t-default -- -- -std=c++17
// RUN: %check_prodready -check-suffix=REPORT %s prodready-unsafe-path-join %t-report -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=IGNORE %s prodready-unsafe-path-join %t-ignore -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Ignore}}" \
// RUN:   -- -std=c++17
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unsafe-path-join' \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Always}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION: warning: invalid configuration value 'Always' for option 'prodready-unsafe-path-join.OperatorInputs' [clang-tidy-config]

#include <filesystem>
#include <fstream>
#include <string>

namespace app {
std::string read_request_field(const char *Field);
bool is_safe_name(const std::string &Name);
std::string safe_name(const std::string &Name);
} // namespace app
namespace storage {
void write_file(const std::string &Path, const std::string &Data);
}

void handler() {
  std::string Name = app::read_request_field("name");
  storage::write_file("/srv/" + Name, "data");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from untrusted data reaches 'storage::write_file' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  std::ofstream Out("/srv/" + Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from untrusted data reaches 'std::ofstream' unsanitized
  // A user-listed predicate sanitizes the path it dominates, not the other.
  if (app::is_safe_name(Name))
    std::ofstream Safe("/srv/" + Name);
  else
    std::ofstream Unsafe("/srv/" + Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: path built from untrusted data reaches 'std::ofstream' unsanitized
  if (!app::is_safe_name(Name))
    return;
  std::ofstream After("/srv/" + Name);
  std::ofstream Cleaned("/srv/" + app::safe_name(app::read_request_field("x")));
}

// Without the options, the project's functions are unknown: silent.
// The command line is the operator's: used as the whole path, it is
// reported only with OperatorInputs: Report; joined under a base directory
// the program chose, unless OperatorInputs is Ignore.
void handlerDefault(int argc, char **argv) {
  std::ofstream Out(argv[1]);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:21: warning: the command line is used as the whole path for 'std::ofstream'; it can name any file [prodready-unsafe-path-join]
  std::ofstream Saved(std::string("/srv/answers/") + argv[2]);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from the command line reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:23: warning: path built from the command line reaches 'std::ofstream' unsanitized
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:23: warning: path built from the command line reaches 'std::ofstream' unsanitized
}
int main(int argc, char **argv) { handlerDefault(argc, argv); }
