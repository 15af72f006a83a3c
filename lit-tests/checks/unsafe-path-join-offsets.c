// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c11
// Untrusted text written at an offset into a C buffer (after a base
// directory the program put there) joins it into the path, as strcat does.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

void openReceivedName(int sock) {
  char path[256] = "/var/spool/";
  size_t len = strlen(path);
  recv(sock, path + len, sizeof path - len - 1, 0);
  FILE *f = fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from data from the network reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  if (f)
    fclose(f);
}

void openNamedJob(void) {
  char path[256] = "/var/spool/";
  size_t len = strlen(path);
  strncat(path + len, getenv("JOB"), sizeof path - len - 1);
  FILE *f = fopen(path, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the environment reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  if (f)
    fclose(f);
}

void openAtIndex(int sock) {
  char path[256] = "/srv/files/";
  recv(sock, &path[11], 200, 0);
  FILE *f = fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from data from the network reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  if (f)
    fclose(f);
}

// The operator's own directory, with a constant name after it: the base is
// theirs to choose.
void openConfig(void) {
  char path[256];
  strncpy(path, getenv("HOME"), 200);
  path[200] = '\0';
  strcat(path + strlen(path), "/.apprc");
  FILE *f = fopen(path, "r");
  if (f)
    fclose(f);
}
