// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.Sources: '::app::read_request_field', prodready-unsafe-path-join.Sinks: '::storage::write_file', prodready-unsafe-path-join.Sanitizers: '::app::is_safe_name;::app::safe_name'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-unsafe-path-join %t-default -- -- -std=c++17

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
void handlerDefault(int argc, char **argv) {
  std::ofstream Out(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted data is used as the whole path for 'std::ofstream'; it can name any file
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:21: warning: untrusted data is used as the whole path for 'std::ofstream'; it can name any file
}
int main(int argc, char **argv) { handlerDefault(argc, argv); }
