// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c11
// The last character of a line read from a file: line[strlen(line) - 1]
// reads line[SIZE_MAX] on an empty line (a blank line once stripped, a
// line of a file with a NUL byte), unless the length is checked first.

#include <stdio.h>
#include <string.h>

// The shape of mosquitto's config reader: strip trailing newlines.
void stripUnchecked(FILE *config) {
  char line[1024];
  while (fgets(line, sizeof line, config)) {
    while (line[strlen(line) - 1] == '\n' || line[strlen(line) - 1] == '\r')
      // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted index into array 'line' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
      // CHECK-MESSAGES: :[[@LINE-2]]:50: warning: untrusted index into array 'line' is not checked against both bounds
      line[strlen(line) - 1] = '\0';
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: untrusted index into array 'line' is not checked against both bounds
  }
}

void stripChecked(FILE *config) {
  char line[1024];
  while (fgets(line, sizeof line, config)) {
    while (strlen(line) > 0 &&
           (line[strlen(line) - 1] == '\n' || line[strlen(line) - 1] == '\r'))
      line[strlen(line) - 1] = '\0';
  }
}

void stripByLength(FILE *config) {
  char line[1024];
  while (fgets(line, sizeof line, config)) {
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\n')
      line[len - 1] = '\0';
    size_t again = strlen(line);
    if (again != 0 && line[again - 1] == '\r')
      line[again - 1] = '\0';
  }
}

int lastCharacter(FILE *config) {
  char line[256];
  if (!fgets(line, sizeof line, config))
    return -1;
  size_t len = strlen(line);
  if (!len)
    return -1;
  return line[len - 1];
}

int terminatorIsInside(FILE *config) {
  char line[256];
  if (!fgets(line, sizeof line, config))
    return -1;
  return line[strlen(line)];
}

// --- Near misses: reported --------------------------------------------------

int lengthNotChecked(FILE *config) {
  char line[256];
  if (!fgets(line, sizeof line, config))
    return -1;
  size_t len = strlen(line);
  return line[len - 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: untrusted index into array 'line' is not checked against both bounds
}

// The first write may leave an empty string.
void stripTwice(FILE *config) {
  char line[256];
  if (!fgets(line, sizeof line, config))
    return;
  if (strlen(line) > 0) {
    line[strlen(line) - 1] = '\0';
    line[strlen(line) - 1] = '\0';
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: untrusted index into array 'line' is not checked against both bounds
  }
}

// Another buffer's length was checked.
void otherBuffer(FILE *config) {
  char line[256], copy[256];
  if (!fgets(line, sizeof line, config))
    return;
  strcpy(copy, line);
  if (strlen(copy) > 0)
    line[strlen(line) - 1] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: untrusted index into array 'line' is not checked against both bounds
}

// Refilled after the check.
void refilled(FILE *config) {
  char line[256];
  if (!fgets(line, sizeof line, config) || strlen(line) == 0)
    return;
  if (!fgets(line, sizeof line, config))
    return;
  line[strlen(line) - 1] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: untrusted index into array 'line' is not checked against both bounds
}

// One past the terminator may be past the array.
int pastTerminator(FILE *config) {
  char line[256];
  if (!fgets(line, sizeof line, config))
    return -1;
  return line[strlen(line) + 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: untrusted index into array 'line' is not checked against both bounds
}
