// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++20
// Near misses: regexes that are compiled once, that are the function's
// product, or that are not regexes a compiler builds at run time. Any
// warning fails this test.

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

// Compiled once: static, thread_local, namespace scope, class members.
const std::regex Global("^g$");
static std::regex FileLocal("^f$");
struct Holder {
  std::regex Member{"m+"};
  static const std::regex Shared;
  Holder() : Member("^ctor$") {}
  void reset() { Member.assign("^reset$"); }
};
const std::regex Holder::Shared("s+");

bool locals(const std::string &S) {
  static const std::regex A("a+");
  static std::regex B("b+");
  thread_local std::regex C("c+");
  static const std::regex D = std::regex("d+");
  static const bool E = std::regex_match("e", std::regex("e"));
  return std::regex_match(S, A) || std::regex_match(S, B) ||
         std::regex_match(S, C) || std::regex_match(S, D) || E;
}

// A loop inside a static's initializer runs once... but a constant pattern
// there is stored, not used and thrown away.
static const std::vector<std::regex> Table = [] {
  std::vector<std::regex> Rules;
  for (const char *P : {"a", "b"})
    Rules.emplace_back(P);
  return Rules;
}();

// A global's initializer, lambdas called in place there included.
static const bool Checked = [] {
  std::regex Re("^x$");
  return std::regex_match("x", Re);
}();
const unsigned long Version = []() -> unsigned long {
  std::regex Re(R"(^[rv]?(\d+)\.(\d+))");
  std::smatch M;
  std::string V = "v2.14";
  return std::regex_search(V, M, Re) ? std::stoul(M[1].str()) : 0;
}();

// Builders: the regex is what the function is for.
std::regex makeRegex() {
  std::regex Re("^built$", std::regex::icase);
  return Re;
}
std::regex makeTemporary() { return std::regex("^tmp$"); }
void addRules(std::vector<std::regex> &Rules, std::map<std::string, std::regex> &Named) {
  std::regex Comment("^#");
  Rules.push_back(Comment);
  std::regex Blank("^$");
  Rules.push_back(std::move(Blank));
  Rules.push_back(std::regex("^;"));
  Named["key"] = std::regex("^k=");
  std::regex Copy("^c$");
  Named.emplace("copy", Copy);
}
struct Rule {
  std::regex Re;
};
Rule makeRule() {
  std::regex Re("^r$");
  return Rule{Re};
}
auto makeShared() { return std::make_shared<std::regex>("^sh$"); }
void setMember(Holder &H) {
  std::regex Re("^set$");
  H.Member = Re;
}

// main outside loops runs once.
int main(int Argc, char **Argv) {
  std::regex Flag("^--[a-z-]+$");
  return Argc > 1 && std::regex_match(Argv[1], Flag);
}

// Not compiles: copies, moves, default construction, unevaluated operands.
bool notCompiles(const std::string &S, const std::regex &Given, std::regex Moved) {
  std::regex Copy = Given;
  std::regex Empty;
  std::regex Taken(std::move(Moved));
  using T = decltype(std::regex("x"));
  constexpr auto Size = sizeof(std::regex("y"));
  return std::regex_match(S, Copy) || std::regex_match(S, Taken) ||
         std::regex_match(S, Empty) || Size == sizeof(T);
}

// Patterns that vary: parameters, fields, computed values.
bool fromData(const std::string &S, const std::string &Pattern, const char *P2) {
  std::regex A(Pattern);
  std::regex B(P2, std::regex::icase);
  std::string Built = "^" + Pattern;
  std::regex C(Built);
  return std::regex_match(S, A) || std::regex_match(S, B) || std::regex_match(S, C);
}
bool flagsVary(const std::string &S, bool Icase) {
  std::regex Re("^i$", Icase ? std::regex::icase : std::regex::ECMAScript);
  return std::regex_match(S, Re);
}
bool modifiedLocal(const std::string &S, bool Strict) {
  std::string Pattern = "a";
  if (Strict)
    Pattern += "$";
  std::regex Re(Pattern);
  return std::regex_search(S, Re);
}

// A do-while(0) runs once.
#define ONCE(Stmt) do { Stmt; } while (0)
bool onceMacro(const std::string &S) {
  bool R = false;
  do {
    static const std::regex Re("^o$");
    R = std::regex_match(S, Re);
  } while (0);
  return R;
}

// A lambda stored, not called per element: its temporaries are given to
// a function that keeps the regex.
std::function<bool(const std::string &)> keep(std::vector<std::regex> &Out) {
  return [&Out](const std::string &S) {
    Out.push_back(std::regex("^kept$"));
    return !S.empty();
  };
}

// Compile-time pattern libraries (CTRE-like): no std/boost regex type.
namespace ctre_like {
template <std::size_t N> struct fixed_string {
  char Data[N];
  constexpr fixed_string(const char (&S)[N]) { std::copy_n(S, N, Data); }
};
template <fixed_string P> constexpr bool match(std::string_view S) { return S.size() == sizeof(P.Data) - 1; }
} // namespace ctre_like
int countCtre(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines)
    N += ctre_like::match<"[a-z]+">(Line);
  return N;
}

// Local classes are functions of their own: their static regexes are fine.
bool localClass(const std::string &S) {
  struct Local {
    static bool test(const std::string &T) {
      static const std::regex Re("^l$");
      return std::regex_match(T, Re);
    }
  };
  return Local::test(S);
}
