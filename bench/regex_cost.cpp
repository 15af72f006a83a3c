// What compiling a regex costs next to matching with it: the measurement
// behind prodready-regex-in-loop's message and its documentation
// (docs/checks/regex-in-loop.md). Build and run:
//
//   g++ -O2 -std=c++17 bench/regex_cost.cpp -o /tmp/regex_cost -lboost_regex
//   /tmp/regex_cost
//
// For each pattern: the time to construct a std::regex and a boost::regex
// from it, and the time of one regex_search with the compiled regex on a
// configuration-file line, averaged over many rounds.

#include <boost/regex.hpp>
#include <chrono>
#include <cstdio>
#include <regex>
#include <string>

namespace {

template <class F> double microsecondsPerCall(F Body, int Rounds) {
  auto Start = std::chrono::steady_clock::now();
  for (int I = 0; I < Rounds; ++I)
    Body();
  std::chrono::duration<double, std::micro> Elapsed =
      std::chrono::steady_clock::now() - Start;
  return Elapsed.count() / Rounds;
}

} // namespace

int main() {
  const char *Patterns[] = {R"(^\s*(\w+)\s*=\s*(.*?)\s*$)",
                            R"(\d{4}-\d{2}-\d{2})",
                            R"(^[a-zA-Z_][a-zA-Z0-9_]*$)", R"(^\s+|\s+$)"};
  const std::string Line = "  timeout_ms = 2500   ";
  const int Rounds = 20000;
  volatile bool Sink = false;
  for (const char *Pattern : Patterns) {
    double StdCompile = microsecondsPerCall(
        [&] { Sink = std::regex(Pattern).mark_count() > 0; }, Rounds);
    const std::regex Std(Pattern);
    double StdMatch = microsecondsPerCall(
        [&] { Sink = std::regex_search(Line, Std); }, Rounds);
    double BoostCompile = microsecondsPerCall(
        [&] { Sink = boost::regex(Pattern).mark_count() > 0; }, Rounds);
    const boost::regex Boost(Pattern);
    double BoostMatch = microsecondsPerCall(
        [&] { Sink = boost::regex_search(Line, Boost); }, Rounds);
    std::printf("%-30s std: compile %7.2f us, match %5.2f us (%4.0fx)   "
                "boost: compile %6.2f us, match %5.2f us (%3.0fx)\n",
                Pattern, StdCompile, StdMatch, StdCompile / StdMatch,
                BoostCompile, BoostMatch, BoostCompile / BoostMatch);
  }
  return Sink ? 0 : 0;
}
