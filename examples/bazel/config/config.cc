#include "config/config.h"

#include <cstdlib>

// OUTPUT_DIR unset: std::string from a null pointer.
std::string outputDir() { return std::getenv("OUTPUT_DIR"); }

// THREADS=lots silently becomes 0 threads.
int workerThreads() {
  const char *Threads = std::getenv("THREADS");
  return Threads ? std::atoi(Threads) : 4;
}
