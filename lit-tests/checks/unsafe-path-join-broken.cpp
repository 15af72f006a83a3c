// RUN: %check_prodready -expect-compile-error %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c++17
// Broken code must not crash the analysis.

#include <fstream>
#include <string>

void unknownTypes(int argc, char **argv) {
  UnknownPath P = argv[1];
  std::ofstream Out(P);
  std::ofstream Direct(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the command line is used as the whole path for 'std::ofstream'; it can name any file [prodready-unsafe-path-join]
}

void missingCallee(const std::string &Name) {
  std::ofstream Out(undeclared_join("/tmp", Name));
}

std::string recursive(const std::string &S) { return recursive(S + "x"); }

int main(int argc, char **argv) {
  unknownTypes(argc, argv);
  missingCallee(argv[1]);
  std::ofstream R(recursive(argv[1]));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the command line is used as the whole path for 'std::ofstream'
  for (;;
}

