// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c11
// An untrusted index passed to a function that indexes with it: reported
// at the access, with a note at each call on the way. Checks of the index,
// in the callee or in a caller before the call, count.

#include <stdlib.h>

static int grid[16];

int cell(const int *g, int i) { return g[i]; }
// CHECK-NOTES: :[[@LINE-1]]:41: warning: untrusted index into buffer 'g' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-NOTES: :[[@LINE+22]]:27: note: the untrusted index comes from here
// CHECK-NOTES: :[[@LINE+21]]:11: note: the untrusted index is passed to 'cell' here, which uses it as an index without checking it

int cellChecked(const int *g, int i) {
  if (i < 0 || i >= 16)
    return 0;
  return g[i];
}

int lookup(int k) { return grid[k]; }
// CHECK-NOTES: :[[@LINE-1]]:32: warning: untrusted index into array 'grid' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-NOTES: :[[@LINE+13]]:24: note: the untrusted index comes from here
// CHECK-NOTES: :[[@LINE+12]]:11: note: the untrusted index is passed to 'forward' here, which uses it as an index without checking it
// CHECK-NOTES: :[[@LINE+2]]:29: note: and passed on to 'lookup' here

int forward(int k) { return lookup(k); }
int forwardChecked(int k) { return k >= 0 && k < 16 ? lookup(k) : 0; }
// Only the upper bound is checked here; the caller checks the lower one.
int upperOnly(int k) { return k < 16 ? grid[k] : 0; }

int main(int argc, char **argv) {
  (void)argc;
  int a = cell(grid, atoi(argv[1]));
  int b = cellChecked(grid, atoi(argv[1]));
  int c = forward(atoi(argv[2]));
  int d = forwardChecked(atoi(argv[2]));
  int n = atoi(argv[3]);
  int e = 0;
  if (n >= 0 && n < 16)
    e = lookup(n);
  if (n >= 0)
    e += upperOnly(n);
  // A constant is the program's own choice.
  e += lookup(3);
  return a + b + c + d + e;
}
