// RUN: %check_prodready %s prodready-missing-retry %t
// A call a signal interrupted (EINTR) is restarted at once by design: a
// loop that repeats only then is no retry of a failed attempt, whether it
// tests errno itself or through a helper (coturn's socket_eintr()). A loop
// that repeats on any failure is one.

#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int socket_eintr(void) { return errno == EINTR; }

int dial_restarting(int fd, const struct sockaddr_in *addr) {
  int err;
  do {
    err = connect(fd, (const struct sockaddr *)addr, sizeof *addr);
  } while (err < 0 && errno == EINTR);
  return err;
}

int dial_restarting_helper(int fd, const struct sockaddr_in *addr) {
  int err;
  do {
    err = connect(fd, (const struct sockaddr *)addr, sizeof *addr);
  } while (err < 0 && socket_eintr());
  return err;
}

int dial_restarting_if(int fd, const struct sockaddr_in *addr) {
  for (;;) {
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    return 0;
  }
}

int dial_hammering(int fd, const struct sockaddr_in *addr) {
  int err;
  do {
    err = connect(fd, (const struct sockaddr *)addr, sizeof *addr);
  } while (err < 0);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: retry loop around 'connect' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
  return err;
}
