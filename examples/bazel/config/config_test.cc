#include "config/config.h"

#include <cstdlib>

int main() {
  setenv("THREADS", "8", 1);
  return workerThreads() == 8 ? 0 : 1;
}
