// RUN: %check_prodready -fix-notes %s prodready-regex-in-loop %t -- -- -std=c++20
// Reported, but without a fix-it where 'static const' would change what
// the code does or not compile; the message says why. Run with
// --fix-notes: no note carries a fix either (the file is left as it is,
// and still compiles).

#include <coroutine>
#include <locale>
#include <regex>
#include <string>
#include <vector>

void retune(std::regex &Re);

// Modified later: 'assign', 'imbue', a non-const reference.
std::string assigned(const std::string &S, bool Icase) {
  std::regex Re("a+");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'assigned'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: 'Re' is modified later [prodready-regex-in-loop]
  if (Icase)
    Re.assign("a+", std::regex::icase);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Re' is recompiled by 'assign' from a constant pattern on every call of 'assigned'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
  return std::regex_replace(S, Re, "b");
}

std::string imbued(const std::string &S) {
  std::regex Re("[[:alpha:]]+");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'imbued'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: 'Re' is modified later [prodready-regex-in-loop]
  Re.imbue(std::locale::classic());
  return std::regex_replace(S, Re, "");
}

bool retuned(const std::string &S) {
  std::regex Re("b+");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'retuned'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: 'Re' is modified later [prodready-regex-in-loop]
  retune(Re);
  return std::regex_search(S, Re);
}

// The pattern reads a local: constant, but a static would be initialized
// from it once, and the local may not be what the code means to keep.
bool localPattern(const std::string &S) {
  const std::string Pattern = "^[0-9]+$";
  std::regex Re(Pattern);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'localPattern'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: the pattern reads the local 'Pattern' [prodready-regex-in-loop]
  return std::regex_match(S, Re);
}

// A local that is never modified is as constant as a const one.
bool unmodifiedLocal(const std::string &S) {
  std::string Pattern = R"(\d+)";
  return std::regex_search(S, std::regex(Pattern));
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'unmodifiedLocal'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: the pattern reads the local 'Pattern' [prodready-regex-in-loop]
}

// In a lambda a 'static' is shared by every call and every copy.
auto makeFilter() {
  return [](const std::string &S) {
    std::regex Re("^#");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Re' is compiled from a constant pattern on every call of the lambda; compiling a regex costs 10 to 100 times as much as a match; no fix-it: a 'static' in a lambda is shared by all its calls and copies [prodready-regex-in-loop]
    return std::regex_search(S, Re);
  };
}

// The same at namespace scope.
auto IsComment = [](const std::string &S) {
  std::regex Re("^;");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of the lambda; compiling a regex costs 10 to 100 times as much as a match; no fix-it: a 'static' in a lambda is shared by all its calls and copies [prodready-regex-in-loop]
  return std::regex_search(S, Re);
};

// Several declarators: 'static const' would apply to all of them.
bool twoAtOnce(const std::string &S) {
  std::regex A("a"), B("b");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'A' is compiled from a constant pattern on every call of 'twoAtOnce'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: the declaration declares more than 'A' [prodready-regex-in-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: 'B' is compiled from a constant pattern on every call of 'twoAtOnce'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: the declaration declares more than 'B' [prodready-regex-in-loop]
  return std::regex_search(S, A) || std::regex_search(S, B);
}

// A reference bound to a temporary, and a declaration in an 'if'.
bool bound(const std::string &S) {
  const std::regex &Re = std::regex("c+");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Re' is compiled from a constant pattern on every call of 'bound'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: 'Re' is a reference [prodready-regex-in-loop]
  if (std::regex Other("d+"); std::regex_search(S, Other))
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Other' is compiled from a constant pattern on every call of 'bound'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: 'Other' is not declared in a block [prodready-regex-in-loop]
    return true;
  return std::regex_search(S, Re);
}

// Written in a macro: the fix would edit the macro.
#define DECLARE_REGEX(Name, Pattern) std::regex Name(Pattern)
bool macro(const std::string &S) {
  DECLARE_REGEX(Re, "e+");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Re' is compiled from a constant pattern on every call of 'macro'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it is written in a macro [prodready-regex-in-loop]
  return std::regex_search(S, Re);
}

// A coroutine.
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task scan(std::vector<std::string> Lines) {
  std::regex Re("f+");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'scan'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: a 'static' in a coroutine is shared by all its frames [prodready-regex-in-loop]
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, Re))
      co_return;
}
