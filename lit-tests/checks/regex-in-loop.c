// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c11
// C has no regex classes: POSIX regcomp is out of this check's scope, and
// C code is analyzed without a crash or a finding.

#include <regex.h>
#include <stddef.h>

int count(const char *const *Lines, size_t N) {
  int Matches = 0;
  for (size_t I = 0; I < N; ++I) {
    regex_t Re;
    if (regcomp(&Re, "^[0-9]+$", REG_EXTENDED) != 0)
      return -1;
    Matches += regexec(&Re, Lines[I], 0, NULL, 0) == 0;
    regfree(&Re);
  }
  return Matches;
}
