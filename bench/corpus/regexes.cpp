// A dense bench file for prodready-regex-in-loop (bench/run.py): the shapes
// of regex use found in real code - log classifiers, configuration and
// request parsers, routers, tokenizers - with std::regex and Boost.Regex,
// compiled where it is wasteful (non-static locals, loops, per-element
// callbacks, temporaries) and where it is not (statics, members, builders,
// patterns from data). Generated once and committed; it only has to parse.

#include <algorithm>
#include <boost/regex.hpp>
#include <map>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

namespace bench {

constexpr const char *kDate = R"(\d{4}-\d{2}-\d{2})";
const std::string kIdent = "[A-Za-z_][A-Za-z0-9_]*";
static const std::regex kComment(R"(^\s*[#;])");

struct Route {
  std::regex Pattern;
  std::string Name;
};


bool isMatch0(const std::string &Line) {
  std::regex Re("^\\s*$");
  return std::regex_search(Line, Re);
}

int countLines1(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("^(\\w+)\\s*=\\s*(.*)$", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf2(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("\\b(ERROR|WARN|INFO)\\b"));
  });
}

bool staticMatch3(const std::string &Line) {
  static const std::regex Re("^/api/v(\\d+)/(\\w+)$");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields4(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "(\\d+)\\.(\\d+)\\.(\\d+)");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes5(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("[^a-z0-9]+");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean6(std::string S) {
  boost::regex Spaces("^[a-f0-9]{40}$", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally7(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " \\s+")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch8(const std::string &Line) {
  std::regex Re("^--?([a-z-]+)(=(.*))?$");
  return std::regex_search(Line, Re);
}

int countLines9(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("\\[(\\w+)\\]", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf10(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("^\\s*$"));
  });
}

bool staticMatch11(const std::string &Line) {
  static const std::regex Re("^(\\w+)\\s*=\\s*(.*)$");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields12(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "\\b(ERROR|WARN|INFO)\\b");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes13(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("^/api/v(\\d+)/(\\w+)$");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean14(std::string S) {
  boost::regex Spaces("(\\d+)\\.(\\d+)\\.(\\d+)", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally15(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " [^a-z0-9]+")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch16(const std::string &Line) {
  std::regex Re("^[a-f0-9]{40}$");
  return std::regex_search(Line, Re);
}

int countLines17(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("\\s+", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf18(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("^--?([a-z-]+)(=(.*))?$"));
  });
}

bool staticMatch19(const std::string &Line) {
  static const std::regex Re("\\[(\\w+)\\]");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields20(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "^\\s*$");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes21(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("^(\\w+)\\s*=\\s*(.*)$");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean22(std::string S) {
  boost::regex Spaces("\\b(ERROR|WARN|INFO)\\b", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally23(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " ^/api/v(\\d+)/(\\w+)$")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch24(const std::string &Line) {
  std::regex Re("(\\d+)\\.(\\d+)\\.(\\d+)");
  return std::regex_search(Line, Re);
}

int countLines25(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("[^a-z0-9]+", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf26(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("^[a-f0-9]{40}$"));
  });
}

bool staticMatch27(const std::string &Line) {
  static const std::regex Re("\\s+");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields28(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "^--?([a-z-]+)(=(.*))?$");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes29(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("\\[(\\w+)\\]");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean30(std::string S) {
  boost::regex Spaces("^\\s*$", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally31(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " ^(\\w+)\\s*=\\s*(.*)$")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch32(const std::string &Line) {
  std::regex Re("\\b(ERROR|WARN|INFO)\\b");
  return std::regex_search(Line, Re);
}

int countLines33(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("^/api/v(\\d+)/(\\w+)$", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf34(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("(\\d+)\\.(\\d+)\\.(\\d+)"));
  });
}

bool staticMatch35(const std::string &Line) {
  static const std::regex Re("[^a-z0-9]+");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields36(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "^[a-f0-9]{40}$");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes37(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("\\s+");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean38(std::string S) {
  boost::regex Spaces("^--?([a-z-]+)(=(.*))?$", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally39(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " \\[(\\w+)\\]")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch40(const std::string &Line) {
  std::regex Re("^\\s*$");
  return std::regex_search(Line, Re);
}

int countLines41(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("^(\\w+)\\s*=\\s*(.*)$", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf42(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("\\b(ERROR|WARN|INFO)\\b"));
  });
}

bool staticMatch43(const std::string &Line) {
  static const std::regex Re("^/api/v(\\d+)/(\\w+)$");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields44(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "(\\d+)\\.(\\d+)\\.(\\d+)");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes45(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("[^a-z0-9]+");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean46(std::string S) {
  boost::regex Spaces("^[a-f0-9]{40}$", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally47(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " \\s+")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch48(const std::string &Line) {
  std::regex Re("^--?([a-z-]+)(=(.*))?$");
  return std::regex_search(Line, Re);
}

int countLines49(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("\\[(\\w+)\\]", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf50(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("^\\s*$"));
  });
}

bool staticMatch51(const std::string &Line) {
  static const std::regex Re("^(\\w+)\\s*=\\s*(.*)$");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields52(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "\\b(ERROR|WARN|INFO)\\b");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes53(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("^/api/v(\\d+)/(\\w+)$");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean54(std::string S) {
  boost::regex Spaces("(\\d+)\\.(\\d+)\\.(\\d+)", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally55(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " [^a-z0-9]+")))
      ++Counts[M[0].str()];
  return Counts;
}

bool isMatch56(const std::string &Line) {
  std::regex Re("^[a-f0-9]{40}$");
  return std::regex_search(Line, Re);
}

int countLines57(const std::vector<std::string> &Lines) {
  int N = 0;
  for (const std::string &Line : Lines) {
    const std::regex Re("\\s+", std::regex::icase);
    N += std::regex_search(Line, Re);
  }
  return N;
}

long countIf58(const std::vector<std::string> &Lines) {
  return std::count_if(Lines.begin(), Lines.end(), [](const std::string &L) {
    return std::regex_match(L, std::regex("^--?([a-z-]+)(=(.*))?$"));
  });
}

bool staticMatch59(const std::string &Line) {
  static const std::regex Re("\\[(\\w+)\\]");
  return std::regex_match(Line, Re) || std::regex_search(Line, kComment);
}

std::vector<std::string> fields60(const std::vector<std::string> &Lines, const std::string &Sep) {
  std::vector<std::string> Out;
  for (const std::string &Line : Lines) {
    std::regex Split(Sep + "^\\s*$");
    for (std::sregex_token_iterator It(Line.begin(), Line.end(), Split, -1), End; It != End; ++It)
      Out.push_back(*It);
  }
  return Out;
}

std::vector<Route> routes61(const std::vector<std::string> &Patterns) {
  std::vector<Route> Routes;
  for (const std::string &P : Patterns)
    Routes.push_back({std::regex(P), P});
  std::regex Fallback("^(\\w+)\\s*=\\s*(.*)$");
  Routes.push_back({Fallback, "fallback"});
  return Routes;
}

std::string clean62(std::string S) {
  boost::regex Spaces("\\b(ERROR|WARN|INFO)\\b", boost::regex::perl);
  S = boost::regex_replace(S, Spaces, " ");
  return boost::regex_match(S, boost::regex(kIdent)) ? S : std::string();
}

std::map<std::string, int> tally63(const std::vector<std::string> &Lines) {
  std::map<std::string, int> Counts;
  std::smatch M;
  for (const std::string &Line : Lines)
    if (std::regex_search(Line, M, std::regex(std::string(kDate) + " ^/api/v(\\d+)/(\\w+)$")))
      ++Counts[M[0].str()];
  return Counts;
}

} // namespace bench
