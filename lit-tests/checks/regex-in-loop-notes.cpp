// RUN: %check_prodready -fix-notes %s prodready-regex-in-loop %t -- -- -std=c++17
// A temporary regex given straight to a matching function: a note offers
// hoisting it into a 'static const' local declared before the statement
// (applied with --fix-notes), named 're' unless the function, the file or
// an earlier fix already uses that name. The fixed file compiles, and a
// second run changes nothing.

#include <regex>
#include <string>
#include <vector>

bool isBlank(const std::string &Line) {
  return std::regex_match(Line, std::regex("^\\s*$"));
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'isBlank'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:33: note: compile it once: hoist it into 'static const auto re' before the statement
  // CHECK-FIXES:      static const auto re = std::regex("^\\s*$");
  // CHECK-FIXES-NEXT: return std::regex_match(Line, re);
}

// In a loop: declared before the statement of the block that holds it,
// here the loop itself (the pattern is constant: where it is compiled
// once does not matter).
int count(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, std::regex{"a+", std::regex::icase}))
      // CHECK-NOTES: :[[@LINE-1]]:33: warning: a temporary 'std::regex' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
      // CHECK-NOTES: :[[@LINE-2]]:33: note: compile it once: hoist it into 'static const auto re' before the statement
      ++N;
  // CHECK-FIXES:      static const auto re = std::regex{"a+", std::regex::icase};
  // CHECK-FIXES-NEXT: for (const std::string &Line : Lines)
  // CHECK-FIXES-NEXT: if (std::regex_search(Line, re))
  return N;
}

// 're' is taken: the next free name; two temporaries in one function get
// two names.
std::string clean(std::string S, const std::string &re) {
  S = std::regex_replace(S, std::regex("\\s+"), " ");
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'clean'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: compile it once: hoist it into 'static const auto regex_' before the statement
  // CHECK-FIXES:      static const auto regex_ = std::regex("\\s+");
  // CHECK-FIXES-NEXT: S = std::regex_replace(S, regex_, " ");
  S = std::regex_replace(S, std::regex("^ | $"), re);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'clean'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: compile it once: hoist it into 'static const auto compiled_re' before the statement
  // CHECK-FIXES:      static const auto compiled_re = std::regex("^ | $");
  // CHECK-FIXES-NEXT: S = std::regex_replace(S, compiled_re, re);
  return S;
}

// After a label a declaration before the statement could be jumped over:
// no fix, and the message says why.
int labeled(const std::string &S, int Tries) {
retry:
  if (std::regex_search(S, std::regex("x")) && --Tries > 0)
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'labeled'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: no statement before it can declare the regex [prodready-regex-in-loop]
    goto retry;
  return Tries;
}

int dispatch(int Kind, const std::string &S) {
  switch (Kind) {
  case 1:
    return std::regex_search(S, std::regex("one"));
    // CHECK-NOTES: :[[@LINE-1]]:33: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'dispatch'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: no statement before it can declare the regex [prodready-regex-in-loop]
  default:
    return 0;
  }
}
