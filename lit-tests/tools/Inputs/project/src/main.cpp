#include <cstdio>

int main(int argc, char **argv) {
  int verbose = 0;
  if (verbose = argc > 1)
    std::puts(argv[1]);
  return 0;
}
