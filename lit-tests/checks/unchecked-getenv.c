// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c11
// C has no std::string; the C library sinks apply, with no fix-it.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t length(void) {
  const char *Home = getenv("HOME");
  return strlen(Home);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Home' may be null ('getenv' returns null when 'HOME' is unset); passing it to 'strlen' is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES: return strlen(Home);
}

size_t checked(void) {
  const char *Home = getenv("HOME");
  if (Home == NULL)
    return 0;
  return strlen(Home);
}

int copy(char *Out, size_t Size) {
  char *Shell = getenv("SHELL");
  if (!Shell || strlen(Shell) >= Size)
    return -1;
  strcpy(Out, Shell);
  return 0;
}
