// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++17
// A pattern built from data inside a loop that does not change that data
// is compiled to the same regex on every iteration: reported, with a note
// at the loop naming what it reads, and no fix-it (where to build it once
// is the author's choice). A pattern that depends on anything the loop
// changes is not reported.

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

int prefixed(const std::vector<std::string> &Lines, const std::string &Prefix) {
  int N = 0;
  for (const std::string &Line : Lines) {
    std::regex Re(Prefix + "[0-9]+");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Re' is compiled on every iteration of the loop from a pattern the loop does not change; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop does not change 'Prefix'; compile the regex once before it
    N += std::regex_search(Line, Re);
  }
  return N;
}

struct Filter {
  std::string Pattern;
  bool Icase = false;
  // A const member function: its fields do not change in the loop.
  int count(const std::vector<std::string> &Lines) const {
    int N = 0;
    for (size_t I = 0; I < Lines.size(); ++I) {
      N += std::regex_search(Lines[I], std::regex(Pattern, Icase ? std::regex::icase : std::regex::ECMAScript));
      // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a temporary 'std::regex' is compiled on every iteration of the loop from a pattern the loop does not change; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop does not change 'Pattern' and 'Icase'; compile the regex once before it
    }
    return N;
  }
};

long perElement(const std::vector<std::string> &Lines, const char *Word) {
  return std::count_if(Lines.begin(), Lines.end(), [&](const std::string &L) {
    return std::regex_search(L, std::regex(std::string("\\b") + Word + "\\b"));
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a temporary 'std::regex' is compiled for every element 'std::count_if' visits from a pattern that does not change between elements; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'Word' is the same for every element; compile the regex once before 'std::count_if'
  });
}

// --- Silent: the pattern changes in the loop -----------------------------------

void loopVariable(const std::vector<std::string> &Patterns, const std::string &Text) {
  for (const std::string &P : Patterns) {
    std::regex Re(P); // the loop variable
    std::regex_search(Text, Re);
  }
  for (size_t I = 0; I < Patterns.size(); ++I)
    std::regex_search(Text, std::regex(Patterns[I]));
  std::for_each(Patterns.begin(), Patterns.end(), [&](const std::string &P) {
    std::regex_search(Text, std::regex(P)); // the element
  });
}

void changedInLoop(std::vector<std::string> Lines, std::string Pattern) {
  while (!Lines.empty()) {
    std::regex Re(Pattern); // Pattern is reassigned below
    std::regex_search(Lines.back(), Re);
    Pattern = Lines.back();
    Lines.pop_back();
  }
  std::string Acc;
  for (const std::string &Line : Lines) {
    Acc += Line; // grows every iteration
    std::regex_search(Line, std::regex(Acc));
  }
}

void readInCondition(std::istream &In, const std::string &Text) {
  std::string Line;
  while (std::getline(In, Line)) // the condition writes Line
    std::regex_search(Text, std::regex(Line));
}

// Fields in a non-const member function, globals, and calls of the
// program's own functions may change behind the loop's back.
std::string Global = "g+";
std::string nextPattern();
struct Mutable {
  std::string Pattern;
  void run(const std::vector<std::string> &Lines) {
    for (const std::string &Line : Lines) {
      std::regex_search(Line, std::regex(Pattern));
      std::regex_search(Line, std::regex(Global));
      std::regex_search(Line, std::regex(nextPattern()));
    }
  }
};

// A pointer to mutable characters may be written through an alias.
void buffer(char *Pattern, const std::vector<std::string> &Lines) {
  for (const std::string &Line : Lines)
    std::regex_search(Line, std::regex(Pattern));
}

// A pattern built from data outside loops is not reported: whether the
// function is called again with the same data is not known here.
bool once(const std::string &S, const std::string &Word) {
  return std::regex_search(S, std::regex(Word));
}
