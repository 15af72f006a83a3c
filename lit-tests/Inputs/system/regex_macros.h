// A system header (included with -isystem) with regex code: a macro that
// declares a non-static regex, and an inline function that compiles one
// on every call. Neither is the user's code.
#pragma once
#include <regex>
#include <string>

#define SYSTEM_DECLARE_REGEX(Name, Pattern) std::regex Name(Pattern)

inline bool system_is_blank(const std::string &S) {
  std::regex Blank("^\\s*$");
  return std::regex_match(S, Blank);
}
