// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-regex-in-loop %t -- -- -std=c++17
// RUN: %check_prodready -check-suffix=ONCE %s prodready-regex-in-loop %t-once -- \
// RUN:   -config="{CheckOptions: {prodready-regex-in-loop.RunOnceFunctions: 'main;::app::init;Config::load'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=NONE %s prodready-regex-in-loop %t-none -- \
// RUN:   -config="{CheckOptions: {prodready-regex-in-loop.RunOnceFunctions: ''}}" \
// RUN:   -- -std=c++17
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-regex-in-loop' \
// RUN:   -config="{CheckOptions: {prodready-regex-in-loop.RunOnceFunctions: 'main;init()'}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION: warning: invalid value 'init()' in option 'RunOnceFunctions' of check 'prodready-regex-in-loop': expected ';'-separated function names such as 'main;::app::init'; ignoring it [clang-tidy-config]
//
// RunOnceFunctions (default 'main'): functions that run once, whose
// regexes outside loops are compiled once anyway. Their loops are still
// reported. Names as in every prodready option: bare, partly or fully
// qualified.

#include <regex>
#include <string>
#include <vector>

namespace app {
std::vector<std::regex> Rules;
void init() {
  std::regex Comment("^#");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:14: warning: 'Comment' is compiled from a constant pattern on every call of 'init'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:14: warning: 'Comment' is compiled from a constant pattern on every call of 'init'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES-DEFAULT: static const std::regex Comment("^#");
  std::regex_search("# x", Comment);
  for (int I = 0; I < 3; ++I) {
    std::regex Each("[0-9]");
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: 'Each' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-MESSAGES-ONCE: :[[@LINE-2]]:16: warning: 'Each' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-MESSAGES-NONE: :[[@LINE-3]]:16: warning: 'Each' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    std::regex_search("1", Each);
  }
}
} // namespace app

namespace settings {
struct Config {
  bool load(const std::string &Text) {
    std::regex Line("^(\\w+)=(.*)$");
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: 'Line' is compiled from a constant pattern on every call of 'load'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-MESSAGES-NONE: :[[@LINE-2]]:16: warning: 'Line' is compiled from a constant pattern on every call of 'load'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    return std::regex_match(Text, Line);
  }
};
} // namespace settings

// Another 'init': '::app::init' names only the one above.
void init() {
  std::regex Other("x");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:14: warning: 'Other' is compiled from a constant pattern on every call of 'init'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-MESSAGES-ONCE: :[[@LINE-2]]:14: warning: 'Other' is compiled from a constant pattern on every call of 'init'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:14: warning: 'Other' is compiled from a constant pattern on every call of 'init'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  std::regex_search("x", Other);
}

// With an empty list, main is a function like any other.
int main() {
  std::regex Arg("^--");
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:14: warning: 'Arg' is compiled from a constant pattern on every call of 'main'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  return std::regex_search("--x", Arg);
}
