// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++20
// std::regex compiled again and again from a constant pattern: in every
// kind of loop, in a per-element algorithm callback, and as a non-static
// local of a function. The fix-it makes the regex a function-local
// 'static const' (compiled once); temporaries get a note (see
// regex-in-loop-notes.cpp), and no fix is offered where one would be
// wrong (regex-in-loop-nofix.cpp).

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

constexpr const char *kDate = R"(\d{4}-\d{2}-\d{2})";
const std::string kWord = "\\w+";
static const char kKey[] = "^[a-z]+=";

// --- Loops -------------------------------------------------------------------

int rangeFor(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    std::regex Re(kDate);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Re' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Re(kDate);
    N += std::regex_search(Line, Re);
  }
  return N;
}

int indexFor(const std::vector<std::string> &Lines) {
  int N = 0;
  for (size_t I = 0; I < Lines.size(); ++I) {
    std::regex Re(R"(^\s*#)", std::regex::icase | std::regex::optimize);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Re' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Re(R"(^\s*#)", std::regex::icase | std::regex::optimize);
    N += std::regex_search(Lines[I], Re);
  }
  return N;
}

int whileLoop(std::vector<std::string> Lines) {
  int N = 0;
  while (!Lines.empty()) {
    const std::regex Re(kWord + "=" + kKey);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Re' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Re(kWord + "=" + kKey);
    N += std::regex_match(Lines.back(), Re);
    Lines.pop_back();
  }
  return N;
}

int doLoop(std::vector<std::string> &Lines) {
  int N = 0;
  do {
    auto Re = std::regex(std::string("a") + "b*");
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Re' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const auto Re = std::regex(std::string("a") + "b*");
    N += std::regex_match(Lines.back(), Re);
    Lines.pop_back();
  } while (!Lines.empty());
  return N;
}

// The condition of a loop runs on every iteration too.
int inCondition(std::string Text) {
  int N = 0;
  std::smatch M;
  while (std::regex_search(Text, M, std::regex("[0-9]+"))) {
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: a temporary 'std::regex' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    ++N;
    Text = M.suffix();
  }
  return N;
}

// A reassignment in a loop recompiles.
void reassigned(const std::vector<std::string> &Lines) {
  std::regex Re;
  for (const std::string &Line : Lines) {
    Re.assign("^abc", std::regex::icase);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Re' is recompiled by 'assign' from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
    std::regex_search(Line, Re);
    Re = "x+";
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Re' is recompiled by assignment from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
    std::regex_search(Line, Re);
    Re = std::regex("y+");
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Re' is recompiled by assignment from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
    std::regex_search(Line, Re);
  }
}

// A lambda a standard algorithm calls for each element is a loop body.
long perElement(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_search(L, std::regex("x+"));
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a temporary 'std::regex' is compiled from a constant pattern for every element 'std::count_if' visits; compiling a regex costs 10 to 100 times as much as a match; no fix-it: a 'static' in a lambda is shared by all its calls and copies [prodready-regex-in-loop]
  });
}

void rangesAlgorithm(std::vector<std::string> &Lines) {
  std::ranges::for_each(Lines, [](std::string &L) {
    std::wregex Wide(L"x");
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Wide' is compiled from a constant pattern for every element 'std::ranges::for_each' visits; compiling a regex costs 10 to 100 times as much as a match; no fix-it: a 'static' in a lambda is shared by all its calls and copies [prodready-regex-in-loop]
    L = std::to_string(Wide.mark_count());
  });
}

// --- Non-static locals: compiled on every call -----------------------------

bool isComment(const std::string &Line) {
  std::regex Re(R"(^\s*#)", std::regex::icase);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Re' is compiled from a constant pattern on every call of 'isComment'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const std::regex Re(R"(^\s*#)", std::regex::icase);
  return std::regex_search(Line, Re);
}

std::string trim(const std::string &S) {
  const std::regex Edges("^\\s+|\\s+$");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Edges' is compiled from a constant pattern on every call of 'trim'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const std::regex Edges("^\\s+|\\s+$");
  return std::regex_replace(S, Edges, "");
}

// East const: `static` goes first, no second `const`.
std::string squeeze(const std::string &S) {
  std::regex const Spaces(" +");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Spaces' is compiled from a constant pattern on every call of 'squeeze'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static std::regex const Spaces(" +");
  return std::regex_replace(S, Spaces, " ");
}

// Iterating the matches only reads the regex.
std::vector<std::string> words(const std::string &S) {
  std::regex Word("[a-z]+");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Word' is compiled from a constant pattern on every call of 'words'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const std::regex Word("[a-z]+");
  std::vector<std::string> Out;
  for (std::sregex_iterator It(S.begin(), S.end(), Word), End; It != End; ++It)
    Out.push_back(It->str());
  return Out;
}

// A helper that takes the regex by const reference only reads it.
static bool matches(const std::string &S, const std::regex &Re) {
  return std::regex_search(S, Re);
}

bool isNumber(const std::string &S) {
  return matches(S, std::regex("^[0-9]+$"));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary 'std::regex' is compiled from a constant pattern on every call of 'isNumber'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
}

// A method: on every call.
struct Parser {
  bool header(const std::string &Line) const {
    std::regex Re("^\\[(\\w+)\\]$");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Re' is compiled from a constant pattern on every call of 'header'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Re("^\\[(\\w+)\\]$");
    return std::regex_match(Line, Re);
  }
};

// --- main: once outside loops, reported inside them ------------------------

int main(int Argc, char **Argv) {
  std::regex Once("^--[a-z]+$");
  int N = 0;
  for (int I = 1; I < Argc; ++I) {
    N += std::regex_match(Argv[I], Once);
    std::regex Flag("^-[a-z]$");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Flag' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const std::regex Flag("^-[a-z]$");
    N += std::regex_match(Argv[I], Flag);
  }
  return N;
}
