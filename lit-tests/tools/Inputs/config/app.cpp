#include <cstdlib>
#include <string>

std::string home() { return std::getenv("HOME"); }

int unused() {
  int never_read = 0;
  return 1;
}
