// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c11
// C buffers reached through pointers: a heap block's size is known from its
// allocation, so an untrusted index into it needs the same two bounds as
// one into `int data[10]`; a buffer the function was given is bounded by
// whatever upper bound the function checks.

#include <stdlib.h>
#include <string.h>

int heapConstant(void) {
  int *data = (int *)malloc(10 * sizeof(int));
  int i = atoi(getenv("SLOT"));
  int x = data[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted index into buffer 'data' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  if (i >= 0 && i < 10)
    x += data[i];
  if (i >= 0 && i <= 10)
    x += data[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: untrusted index into buffer 'data' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  free(data);
  return x;
}

// The same rules as for an array of the same size.
int arrayConstant(void) {
  int data[10] = {0};
  int i = atoi(getenv("SLOT"));
  if (i >= 0 && i <= 10)
    return data[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted index into array 'data' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  if (i >= 0 && i < 10)
    return data[i];
  return 0;
}

int heapCounted(int n) {
  long *cells = calloc(n, sizeof(long));
  int i = atoi(getenv("CELL"));
  int x = 0;
  if (i >= 0 && i < n)
    x = cells[i];
  if (i < n)
    x += cells[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted index into buffer 'cells' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  free(cells);
  return x;
}

// realloc gives the block a new size.
int grown(void) {
  char *text = malloc(8);
  text = realloc(text, 64);
  int i = atoi(getenv("AT"));
  if (i >= 0 && i < 64)
    return text[i];
  return 0;
}

// A buffer of unknown size: the function bounds the index by the length it
// was given, the caller answers for the rest.
int given(const int *table, size_t len) {
  size_t i = strtoul(getenv("ROW"), NULL, 10);
  int x = 0;
  if (i < len)
    x = table[i];
  // Unchecked, but the buffer is the caller's: whether it is large enough
  // cannot be told here (reported when the caller passes an untrusted
  // index, see unchecked-container-access-calls.c).
  x += table[strtoul(getenv("COL"), NULL, 10)];
  return x;
}

// A length is bounded by its string: not an index the outside chooses.
void chomp(void) {
  char *line = malloc(128);
  strcpy(line, getenv("LINE"));
  size_t len = strlen(line);
  if (len > 0 && line[len - 1] == '\n')
    line[len - 1] = '\0';
  free(line);
}

// A pointer moved inside its block no longer knows how much is left;
// a bounded index is then the best the function can do.
int moved(void) {
  char *p = malloc(16);
  int i = atoi(getenv("AT"));
  p++;
  if (i >= 0 && i < 15)
    return p[i];
  return 0;
}

// An index read from an untrusted message is untrusted like the message.
int fromMessage(const unsigned char *message) {
  unsigned char *copy = malloc(64);
  memcpy(copy, getenv("MSG"), 64);
  int k = copy[0];
  int table[8] = {0};
  return table[k];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted index into array 'table' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}
