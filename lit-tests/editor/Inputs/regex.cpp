#include <regex>
#include <string>

bool isComment(const std::string &Line) {
  std::regex Re("^\\s*#", std::regex::icase);
  return std::regex_search(Line, Re);
}

bool isBlank(const std::string &Line) {
  return std::regex_match(Line, std::regex("^\\s*$"));
}
