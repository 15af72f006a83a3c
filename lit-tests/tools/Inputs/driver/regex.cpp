#include <regex>
#include <string>

bool isComment(const std::string &Line) {
  std::regex Re("^\\s*#");
  return std::regex_search(Line, Re);
}
