// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++17
// A regex in a template is reported once however many times the template
// is instantiated, with one fix-it; a template nothing instantiates is
// analyzed through its pattern; a pattern that depends on the template's
// arguments is analyzed per instantiation.

#include <regex>
#include <string>
#include <vector>

template <class T> int countDigits(const std::vector<T> &Items) {
  int N = 0;
  for (const T &Item : Items) {
    std::regex Digits("[0-9]+");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Digits' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Digits("[0-9]+");
    N += std::regex_search(std::to_string(Item), Digits);
  }
  return N;
}

int useCountDigits() {
  return countDigits(std::vector<int>{1, 2}) + countDigits(std::vector<long>{3});
}

// Never instantiated: the calls that depend on T are not resolved, and
// whether they modify the regex is not known.
template <class T> bool pattern(const T &S) {
  std::regex Re("^p$");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'pattern'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: what the template does with 'Re' depends on its arguments [prodready-regex-in-loop]
  return std::regex_match(S, Re);
}
template <class T> bool patternKnown(const T &S) {
  std::regex Re("^k$");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'patternKnown'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const std::regex Re("^k$");
  return S.size() > 1 && std::regex_match(std::string("k"), Re);
}

// Members of a class template.
template <class Char> struct Tokenizer {
  bool isSpace(const std::basic_string<Char> &S) const {
    return std::regex_match(S, std::basic_regex<Char>(Tokenizer::spaces()));
  }
  static const Char *spaces();
  bool isWord(const std::string &S) const {
    std::regex Word("\\w+");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Word' is compiled from a constant pattern on every call of 'isWord'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Word("\\w+");
    return std::regex_match(S, Word);
  }
};

bool useTokenizer() {
  Tokenizer<char> A;
  Tokenizer<wchar_t> B;
  return A.isWord("a") && B.isWord("b") && A.isSpace(" ");
}

// A generic lambda called per element.
template <class Range> long countBlank(const Range &Lines) {
  long N = 0;
  for (const auto &Line : Lines)
    N += std::regex_match(Line, std::regex("^\\s*$"));
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a temporary 'std::regex' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  return N;
}

long useCountBlank() {
  return countBlank(std::vector<std::string>{"", "a"}) +
         countBlank(std::vector<const char *>{"", "b"});
}
