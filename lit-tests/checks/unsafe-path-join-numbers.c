// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c11
// C: numbers read from a socket or a request line (strtol, atoi,
// sscanf("%d")) and printed into a path with "%d" are not path text.

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

void serveRecord(int sock) {
  char line[64];
  ssize_t n = recv(sock, line, sizeof line - 1, 0);
  if (n <= 0)
    return;
  line[n] = '\0';
  long id = strtol(line, NULL, 10);
  char path[128];
  snprintf(path, sizeof path, "/var/lib/records/%ld.dat", id);
  FILE *f = fopen(path, "r");
  if (f)
    fclose(f);
  int slot = atoi(line);
  sprintf(path, "/var/lib/slots/%d", slot);
  unlink(path);
  int user = 0, item = 0;
  if (sscanf(line, "%d/%d", &user, &item) != 2)
    return;
  snprintf(path, sizeof path, "/var/lib/users/%d/items/%d", user, item);
  FILE *g = fopen(path, "w");
  if (g)
    fclose(g);
}

void serveName(int sock) {
  char line[64];
  ssize_t n = recv(sock, line, sizeof line - 1, 0);
  if (n <= 0)
    return;
  line[n] = '\0';
  char name[32];
  if (sscanf(line, "%31s", name) != 1)
    return;
  char path[128];
  snprintf(path, sizeof path, "/var/lib/records/%s.dat", name);
  FILE *f = fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from data from the network reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  if (f)
    fclose(f);
}
