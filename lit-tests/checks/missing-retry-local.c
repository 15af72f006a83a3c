// RUN: %check_prodready %s prodready-missing-retry %t -- -- -D_GNU_SOURCE
// A Unix-domain socket is local IPC, also through glibc's transparent
// union of socket addresses (_GNU_SOURCE in C); an Internet socket is not.

#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int dial_local(const char *path) {
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (connect(s, (struct sockaddr *)&addr, sizeof addr) < 0) {
    close(s);
    return -1;
  }
  return s;
}

int dial_inet(const struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(s, (const struct sockaddr *)addr, sizeof *addr) < 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    close(s);
    return -1;
  }
  return s;
}
