#include "config.h"
#include <cstdio>

int main() {
  Config C = loadConfig();
  std::printf("%d %g\n", C.MaxTokens, C.Temperature);
  return 0;
}
