// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c11
// C code: raw arrays indexed by untrusted integers.

#include <stdio.h>
#include <stdlib.h>

static const char *const Names[3] = {"low", "medium", "high"};

const char *priorityName(void) {
  int priority = atoi(getenv("PRIORITY"));
  return Names[priority];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted index into array 'Names' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}

const char *priorityNameChecked(void) {
  int priority = atoi(getenv("PRIORITY"));
  if (priority < 0 || priority > 2)
    return "medium";
  return Names[priority];
}

int histogram(void) {
  int counts[10] = {0};
  int value;
  while (scanf("%d", &value) == 1) {
    if (value >= 10)
      continue;
    counts[value]++;
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: untrusted index into array 'counts' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  }
  return counts[0];
}
