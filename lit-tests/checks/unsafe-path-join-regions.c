// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c11
// One buffer, however it is reached: a pointer into it (moved with `+=` or
// made with `buf + n`) writes into it, and a project function that fills
// its pointer parameter from outside fills the caller's buffer.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

FILE *cursor(void) {
  char path[256] = "/var/data/";
  char *end = path;
  end += strlen(path);
  strcpy(end, getenv("NAME"));
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from the environment reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

FILE *heapCursor(void) {
  char *path = malloc(256);
  strcpy(path, "/var/data/");
  char *tail = path + strlen(path);
  strcpy(tail, getenv("NAME"));
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from the environment reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

// A pointer pointed at another buffer writes there, not into `path`.
FILE *reseated(void) {
  char path[256] = "/var/data/";
  char scratch[256];
  char *p = path;
  p = scratch;
  strcpy(p, getenv("NAME"));
  return fopen(path, "r");
}

static void readName(int sock, char *out, size_t size) {
  ssize_t n = recv(sock, out, size - 1, 0);
  out[n > 0 ? n : 0] = '\0';
}

FILE *outParameter(int sock) {
  char name[64];
  readName(sock, name, sizeof name);
  return fopen(name, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: data from the network is used as the whole path for 'fopen'; it can name any file [prodready-unsafe-path-join]
}

// Both ways: the caller's base, the callee's untrusted tail.
static void appendReceived(int sock, char *dir, size_t used) {
  recv(sock, dir + used, 64, 0);
}

FILE *outParameterAtOffset(int sock) {
  char path[256] = "/srv/inbox/";
  appendReceived(sock, path, strlen(path));
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from data from the network reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

// A helper that writes only the program's own text.
static void defaultName(char *out, size_t size) {
  snprintf(out, size, "%s", "default.conf");
}

FILE *cleanOutParameter(void) {
  char name[64];
  defaultName(name, sizeof name);
  return fopen(name, "r");
}

// A helper that receives into its own buffer and returns a number.
static int receiveCount(int sock) {
  char buf[16];
  recv(sock, buf, sizeof buf, 0);
  return atoi(buf);
}

FILE *notAnOutParameter(int sock, char *name) {
  strcpy(name, "/tmp/count");
  receiveCount(sock);
  return fopen(name, "r");
}
