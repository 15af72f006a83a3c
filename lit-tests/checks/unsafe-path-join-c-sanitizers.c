// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c11 -D_DEFAULT_SOURCE
// C sanitizers: a name rejected when it holds a '/' (strchr, strpbrk) is one
// component; a name rejected when it holds ".." and appended as text under
// a directory the program chose stays below it; a realpath() result whose
// prefix is compared with the base directory is inside it.

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define SPOOL "/var/spool/jobs/"

void withoutSlash(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  if (strchr(name, '/') != NULL) {
    fprintf(stderr, "bad name\n");
    return;
  }
  char path[256];
  snprintf(path, sizeof path, SPOOL "%s", name);
  FILE *f = fopen(path, "w");
  if (f)
    fclose(f);
}

void withoutSeparators(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  if (strpbrk(name, "/\\"))
    return;
  char path[256] = SPOOL;
  strncat(path, name, sizeof path - strlen(path) - 1);
  remove(path);
}

void withoutDotDot(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  if (strstr(name, "..") != NULL)
    return;
  char path[256];
  snprintf(path, sizeof path, "%s/%s", SPOOL, name);
  FILE *f = fopen(path, "r");
  if (f)
    fclose(f);
}

void resolvedInsideBase(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  char joined[256];
  snprintf(joined, sizeof joined, SPOOL "%s", name);
  char resolved[PATH_MAX];
  if (realpath(joined, resolved) == NULL)
    return;
  if (strncmp(resolved, SPOOL, strlen(SPOOL)) != 0)
    return;
  FILE *f = fopen(resolved, "r");
  if (f)
    fclose(f);
}

void allocatedInsideBase(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  char joined[256];
  snprintf(joined, sizeof joined, SPOOL "%s", name);
  char *resolved = realpath(joined, NULL);
  if (!resolved || memcmp(resolved, SPOOL, sizeof SPOOL - 1))
    return;
  remove(resolved);
  free(resolved);
}

// --- Near misses: reported --------------------------------------------------

void slashCheckedAfterUse(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  char path[256];
  snprintf(path, sizeof path, SPOOL "%s", name);
  FILE *f = fopen(path, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from data from the network reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  if (strchr(name, '/'))
    return;
  if (f)
    fclose(f);
}

void backslashOnly(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  if (strchr(name, '\\'))
    return;
  char path[256] = SPOOL;
  strcat(path, name);
  remove(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: path built from data from the network reaches 'remove' unsanitized
}

// Free of ".." but used as the whole path: an absolute name is any file.
void dotDotWholePath(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  if (strstr(name, ".."))
    return;
  FILE *f = fopen(name, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: data from the network is used as the whole path for 'fopen'; it can name any file
  if (f)
    fclose(f);
}

// Canonical but never compared with the base.
void resolvedOnly(int sock) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  char joined[256];
  snprintf(joined, sizeof joined, SPOOL "%s", name);
  char resolved[PATH_MAX];
  if (realpath(joined, resolved) == NULL)
    return;
  FILE *f = fopen(resolved, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from data from the network reaches 'fopen' unsanitized
  if (f)
    fclose(f);
}

// The prefix compared on one branch only.
void resolvedOtherBranch(int sock, int strict) {
  char name[128] = {0};
  if (recv(sock, name, sizeof name - 1, 0) <= 0)
    return;
  char joined[256];
  snprintf(joined, sizeof joined, SPOOL "%s", name);
  char resolved[PATH_MAX];
  if (realpath(joined, resolved) == NULL)
    return;
  if (strict && strncmp(resolved, SPOOL, strlen(SPOOL)) != 0)
    return;
  remove(resolved);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: path built from data from the network reaches 'remove' unsanitized
}
