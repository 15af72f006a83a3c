// The default fix, for plain clang-tidy -fix: no helper header can be added
// to the project there, so the fix defines a small parse function with
// standard headers only (once per file and type) and calls it. The fixed
// file compiles with no include path (check_prodready.py compiles it).
// RUN: %check_prodready %s prodready-unvalidated-env-parse %t -- -- -std=c++17

// The helpers' standard headers (two insertions at one place: clang-tidy
// keeps them in the order of the findings).
// CHECK-FIXES-DAG: #include <cerrno>
// CHECK-FIXES-DAG: #include <charconv>
// CHECK-FIXES-DAG: #include <cstring>
// CHECK-FIXES-DAG: #include <system_error>
#include <cstdlib>
#include <stdexcept>
#include <string>

// CHECK-FIXES:      // Added by prodready: 'text' as an int, or 'fallback' when it is
// CHECK-FIXES-NEXT: // null (the variable is unset), not a number or out of range.
// CHECK-FIXES-NEXT: static int parse_int_or(const char *text, int fallback) {
// CHECK-FIXES-NEXT:   if (text == nullptr)
// CHECK-FIXES-NEXT:     return fallback;
// CHECK-FIXES-NEXT:   int value = 0;
// CHECK-FIXES-NEXT:   const char *end = text + std::strlen(text);
// CHECK-FIXES-NEXT:   auto [last, ec] = std::from_chars(text, end, value);
// CHECK-FIXES-NEXT:   return ec == std::errc() && last == end ? value : fallback;
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: namespace app {

namespace app {

/// The maximum number of tokens of an answer.
int maxTokens() {
  return std::atoi(std::getenv("MAX_TOKENS"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' cannot report errors: a malformed value of 'MAX_TOKENS' silently becomes 0 [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return parse_int_or(std::getenv("MAX_TOKENS"), 0);
}

int port() {
  // A second int in the file: the same helper, defined once.
  return std::stoi(std::getenv("PORT"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::stoi' throws 'std::invalid_argument' on a malformed value of 'PORT' that is not caught here; the program terminates
  // CHECK-FIXES: return parse_int_or(std::getenv("PORT"), 0);
}

} // namespace app

// CHECK-FIXES:      // Added by prodready: 'text' as a double, or 'fallback' when it is
// CHECK-FIXES-NEXT: // null (the variable is unset), not a number or out of range.
// CHECK-FIXES-NEXT: static double parse_double_or(const char *text, double fallback) {
// CHECK-FIXES-NEXT:   if (text == nullptr)
// CHECK-FIXES-NEXT:     return fallback;
// CHECK-FIXES-NEXT:   char *end = nullptr;
// CHECK-FIXES-NEXT:   errno = 0;
// CHECK-FIXES-NEXT:   double value = std::strtod(text, &end);
// CHECK-FIXES-NEXT:   return end != text && *end == '\0' && errno != ERANGE ? value : fallback;
// CHECK-FIXES-NEXT: }
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: // The helper goes above the comment that describes the function.

// The helper goes above the comment that describes the function.
// The sampling temperature.
double temperature() {
  std::string Text = std::getenv("TEMPERATURE");
  // A std::string is passed as its C string.
  return std::stod(Text);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::stod' throws 'std::invalid_argument' on a malformed value of 'TEMPERATURE' that is not caught here; the program terminates
  // CHECK-FIXES: return parse_double_or(Text.c_str(), 0);
}

// CHECK-FIXES: static unsigned long parse_unsigned_long_or(const char *text, unsigned long fallback) {
unsigned long workers() {
  return std::strtoul(std::getenv("WORKERS"), nullptr, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'strtoul' is called without an end pointer: a malformed value of 'WORKERS' silently becomes 0
  // CHECK-FIXES: return parse_unsigned_long_or(std::getenv("WORKERS"), 0);
}

long retries() {
  try {
    // Inside a try the rewrite changes which handler runs: on a note only.
    return std::stol(std::getenv("RETRIES"));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::stol' throws 'std::out_of_range' on an out-of-range value of 'RETRIES' that is not caught here; the program terminates
    // CHECK-MESSAGES: :[[@LINE-2]]:12: note: use a checked parse with fallback 0 (the exception handlers here no longer run)
    // CHECK-FIXES: return std::stol(std::getenv("RETRIES"));
  } catch (const std::invalid_argument &) {
    return 3;
  }
}
