// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++17 -Wno-enum-constexpr-conversion
// Boost.Xpressive's dynamic regexes (libboost-dev's headers): compiled by
// sregex::compile / cregex::compile. Its static regexes are built from
// expression templates and are not reported.

#include <boost/xpressive/xpressive.hpp>
#include <string>
#include <vector>

using namespace boost::xpressive;

bool isDate(const std::string &S) {
  sregex Date = sregex::compile("(\\d{4})-(\\d\\d)-(\\d\\d)");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Date' is compiled from a constant pattern on every call of 'isDate'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const sregex Date = sregex::compile("(\\d{4})-(\\d\\d)-(\\d\\d)");
  return regex_match(S, Date);
}

int count(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    auto Word = boost::xpressive::sregex::compile("\\w+", regex_constants::icase);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Word' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const auto Word = boost::xpressive::sregex::compile("\\w+", regex_constants::icase);
    N += regex_search(Line, Word);
    N += regex_search(Line.c_str(), cregex::compile("x"));
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: a temporary 'boost::xpressive::cregex' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  }
  return N;
}

// --- Silent ---------------------------------------------------------------------

// A static regex: an expression template, not a pattern to compile.
bool staticRegex(const std::string &S) {
  sregex Digits = +_d;
  return regex_match(S, Digits);
}

bool alreadyStatic(const std::string &S) {
  static const sregex Re = sregex::compile("^ok$");
  return regex_match(S, Re);
}

// Built from the loop's element.
void fromElements(const std::vector<std::string> &Patterns, const std::string &S) {
  for (const std::string &P : Patterns)
    regex_search(S, sregex::compile(P));
}
