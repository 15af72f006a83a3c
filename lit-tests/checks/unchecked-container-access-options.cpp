// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-unchecked-container-access %t -- -- -std=c++17
// RUN: %check_prodready -check-suffix=STRICT %s prodready-unchecked-container-access %t-strict -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=UNTRUSTED %s prodready-unchecked-container-access %t-untrusted -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.UntrustedOnly: true}}" \
// RUN:   -- -std=c++17
// The options below show on internal containers, that is in Strict mode.
// RUN: %check_prodready -check-suffix=NOASSERT %s prodready-unchecked-container-access %t-noassert -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict, prodready-unchecked-container-access.TrustAsserts: false}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=GUARD %s prodready-unchecked-container-access %t-guard -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict, prodready-unchecked-container-access.GuardFunctions: '::app::check'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=CONTAINERS %s prodready-unchecked-container-access %t-containers -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict, prodready-unchecked-container-access.Containers: 'std::vector;::app::SmallVec'}}" \
// RUN:   -- -std=c++17
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unchecked-container-access' \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.UntrustedOnly: maybe}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION: warning: invalid configuration value 'maybe' for option 'prodready-unchecked-container-access.UntrustedOnly'; expected a bool [clang-tidy-config]
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unchecked-container-access' \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Stric}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-MODE
// BAD-MODE: warning: invalid configuration value 'Stric' for option 'prodready-unchecked-container-access.Mode'; did you mean 'Strict'? [clang-tidy-config]

#include <cassert>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace app {
void check(bool condition, const char *message);

template <typename T> class SmallVec {
public:
  unsigned size() const;
  bool empty() const;
  T &operator[](unsigned i);
  T &at(unsigned i);
};
} // namespace app

// Reported in Strict mode; by default (Mode: Evidence) and with
// UntrustedOnly, only with evidence of risk (here: data from outside).
int parameterVector(const std::vector<int> &v) { return v[0]; }
// CHECK-MESSAGES-STRICT: :[[@LINE-1]]:58: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-MESSAGES-NOASSERT: :[[@LINE-2]]:58: warning: index into 'std::vector'
// CHECK-MESSAGES-GUARD: :[[@LINE-3]]:58: warning: index into 'std::vector'
// CHECK-MESSAGES-CONTAINERS: :[[@LINE-4]]:58: warning: index into 'std::vector'

int parsedAnswer(const std::string &body) {
  auto answer = nlohmann::json::parse(body);
  return answer["n"].get<int>();
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:16: warning: JSON key "n" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:16: warning: JSON key "n" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-MESSAGES-UNTRUSTED: :[[@LINE-3]]:16: warning: JSON key "n" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-MESSAGES-NOASSERT: :[[@LINE-4]]:16: warning: JSON key "n"
  // CHECK-MESSAGES-GUARD: :[[@LINE-5]]:16: warning: JSON key "n"
}

int untrustedIndex(const std::vector<int> &v) {
  int i = std::atoi(std::getenv("INDEX"));
  return v[i];
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:11: warning: untrusted index into 'std::vector' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:11: warning: untrusted index into 'std::vector' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-MESSAGES-UNTRUSTED: :[[@LINE-3]]:11: warning: untrusted index into 'std::vector' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-MESSAGES-NOASSERT: :[[@LINE-4]]:11: warning: untrusted index into 'std::vector'
  // CHECK-MESSAGES-GUARD: :[[@LINE-5]]:11: warning: untrusted index into 'std::vector'
  // CHECK-MESSAGES-CONTAINERS: :[[@LINE-6]]:11: warning: untrusted index into 'std::vector'
}

// An assert is a guard unless TrustAsserts is off (release builds drop it).
int asserted(const std::vector<int> &v) {
  assert(!v.empty());
  return v[0];
  // CHECK-MESSAGES-NOASSERT: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}

// A project's own check function, listed in GuardFunctions.
int checked(const std::vector<int> &v) {
  app::check(!v.empty(), "no values");
  return v[0];
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-MESSAGES-NOASSERT: :[[@LINE-2]]:11: warning: index into 'std::vector'
  // CHECK-MESSAGES-CONTAINERS: :[[@LINE-3]]:11: warning: index into 'std::vector'
}

// Containers replaces the list: a project type in, std::string_view out.
int projectContainer(app::SmallVec<int> &v) { return v[0]; }
// CHECK-MESSAGES-CONTAINERS: :[[@LINE-1]]:55: warning: index into 'app::SmallVec' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES-CONTAINERS: int projectContainer(app::SmallVec<int> &v) { return v.at(0); }

char firstCharacter(std::string_view text) { return text[0]; }
// CHECK-MESSAGES-STRICT: :[[@LINE-1]]:57: warning: index into 'std::string_view' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-MESSAGES-NOASSERT: :[[@LINE-2]]:57: warning: index into 'std::string_view'
// CHECK-MESSAGES-GUARD: :[[@LINE-3]]:57: warning: index into 'std::string_view'
