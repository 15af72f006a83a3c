// prodready/env.h - checked parsing of numbers from environment variables.
//
// Header-only, C++17, no dependencies beyond the standard library. This is the
// helper that prodready-unvalidated-env-parse fix-its call: they rewrite
//
//     int max_tokens = std::atoi(std::getenv("MAX_TOKENS"));
// into
//     int max_tokens = prodready::parse_number_or<int>(std::getenv("MAX_TOKENS"), 0);
//
// which keeps the value for well-formed input and, for missing or malformed
// input, returns the fallback instead of crashing (std::stoi) or silently
// using garbage (std::atoi). Malformed input (set, but not a number of type T
// that fits) is reported through a replaceable handler, by default one line
// on stderr, so a typo in a deployment is visible in the logs.
//
// Copy this file into your tree, or add prodready's installed include
// directory to your include path (see docs/checks/unvalidated-env-parse.md).
#ifndef PRODREADY_ENV_H
#define PRODREADY_ENV_H

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace prodready {

/// Called with the offending text when a value is set but malformed.
using parse_error_handler = void (*)(std::string_view text);

namespace detail {
inline void default_parse_error_handler(std::string_view text) {
  std::fprintf(stderr,
               "prodready: ignoring malformed number \"%.*s\"; "
               "using the fallback value\n",
               static_cast<int>(text.size()), text.data());
}
inline parse_error_handler &current_parse_error_handler() {
  static parse_error_handler handler = &default_parse_error_handler;
  return handler;
}

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

inline std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

template <class T> std::optional<T> parse_floating(std::string_view text) {
  // strtod needs a terminated string; environment values are short.
  std::string copy(text);
  char *end = nullptr;
  errno = 0;
  long double value = std::strtold(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || errno == ERANGE)
    return std::nullopt;
  if (value > static_cast<long double>(std::numeric_limits<T>::max()) ||
      value < static_cast<long double>(std::numeric_limits<T>::lowest()))
    return std::nullopt;
  return static_cast<T>(value);
}
} // namespace detail

/// Replaces the handler for malformed values; returns the previous one.
/// Pass nullptr to ignore malformed values silently.
inline parse_error_handler set_parse_error_handler(parse_error_handler handler) {
  parse_error_handler previous = detail::current_parse_error_handler();
  detail::current_parse_error_handler() = handler;
  return previous;
}

/// Parses all of \p text (surrounding white space allowed, a leading '+'
/// allowed) as a T. std::nullopt if it is empty, has trailing characters,
/// is negative for an unsigned T, or does not fit in T.
template <class T>
std::optional<T> parse_number(std::string_view text) noexcept {
  static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>,
                "parse_number parses integers and floating-point numbers");
  text = detail::trim(text);
  if (text.size() > 1 && text.front() == '+' && text[1] != '-')
    text.remove_prefix(1);
  if (text.empty())
    return std::nullopt;
  if constexpr (std::is_floating_point_v<T>) {
    try {
      return detail::parse_floating<T>(text);
    } catch (...) { // std::bad_alloc from the copy.
      return std::nullopt;
    }
  } else {
    T value{};
    const char *first = text.data();
    const char *last = first + text.size();
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last)
      return std::nullopt;
    return value;
  }
}

/// A null pointer (an unset variable) is std::nullopt.
template <class T> std::optional<T> parse_number(const char *text) noexcept {
  if (text == nullptr)
    return std::nullopt;
  return parse_number<T>(std::string_view(text));
}

/// The number in \p text, or \p fallback when \p text is missing (null),
/// or malformed; malformed text is reported to the parse error handler.
template <class T>
T parse_number_or(std::string_view text, T fallback) noexcept {
  if (std::optional<T> value = parse_number<T>(text))
    return *value;
  if (parse_error_handler handler = detail::current_parse_error_handler())
    handler(text);
  return fallback;
}

template <class T> T parse_number_or(const char *text, T fallback) noexcept {
  if (text == nullptr)
    return fallback;
  return parse_number_or<T>(std::string_view(text), fallback);
}

// Without these, a std::string argument would be ambiguous between the
// string_view and const char* overloads for some callers.
template <class T>
T parse_number_or(const std::string &text, T fallback) noexcept {
  return parse_number_or<T>(std::string_view(text), fallback);
}

} // namespace prodready

#endif // PRODREADY_ENV_H
