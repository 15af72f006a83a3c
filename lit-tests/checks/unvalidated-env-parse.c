// RUN: %check_prodready %s prodready-unvalidated-env-parse %t -- -- -std=c11
// In C the silent conversions are reported; there is no fix-it.

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int port(void) {
  return atoi(getenv("PORT"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' cannot report errors: a malformed value of 'PORT' silently becomes 0 [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return atoi(getenv("PORT"));
}

int level(void) {
  int Level = 0;
  sscanf(getenv("LEVEL"), "%d", &Level);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of 'sscanf' is not checked: a malformed value of 'LEVEL' leaves its targets unassigned
  return Level;
}

long checked(void) {
  const char *Text = getenv("LIMIT");
  char *End;
  errno = 0;
  long Value = strtol(Text ? Text : "0", &End, 10);
  if (*End != '\0' || errno != 0)
    return -1;
  return Value;
}
