#include "config/config.h"
#include "store/store.h"

#include <cstdio>
#include <fstream>

#ifndef SERVER_NAME
#error "the analysis must see the rule's copts"
#endif

int main(int Argc, char **Argv) {
  std::printf("%s: %d threads\n", SERVER_NAME, workerThreads());
  if (Argc < 2)
    return 1;
  // "../../etc/passwd" writes anywhere: reported per file, where
  // outputDir() could be a directory the program chose. With the whole
  // program, outputDir() is OUTPUT_DIR, the operator's own choice, and
  // the operator's argument under it is not reported (OperatorInputs:
  // ComponentsOnly, docs/checks/unsafe-path-join.md).
  std::ofstream Out(outputDir() + "/" + Argv[1]);
  for (const std::string &Key : matchingKeys({"a", "b"}, "a.*"))
    Out << Key << "\n";
  return 0;
}
