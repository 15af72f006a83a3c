#include <cstdlib>
#include <string>
#include <vector>

int first(const std::vector<int> &values) { return values[0]; }

std::string home() { return std::getenv("HOME"); }
