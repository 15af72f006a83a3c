// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17
// Non-blocking sockets driven by poll/select/epoll, event-loop callbacks,
// and timeouts set by helpers: what real servers and clients do.

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

// --- Non-blocking, driven by a wait with a timeout: silent ---------------------

ssize_t fcntlThenPoll(const sockaddr_in &address, char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
  pollfd entry{fd, POLLOUT, 0};
  if (poll(&entry, 1, 3000) <= 0)
    return -1;
  entry.events = POLLIN;
  if (poll(&entry, 1, 3000) <= 0)
    return -1;
  return recv(fd, buffer, size, 0);
}

ssize_t sockNonblockThenSelect(const sockaddr_in &address, char *buffer,
                               size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(fd, &readable);
  timeval limit{2, 0};
  if (select(fd + 1, &readable, nullptr, nullptr, &limit) <= 0)
    return -1;
  return read(fd, buffer, size);
}

void epollServer(int listener) {
  int epfd = epoll_create1(0);
  epoll_event events[16];
  for (;;) {
    int n = epoll_wait(epfd, events, 16, 1000);
    for (int i = 0; i < n; ++i) {
      int client = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
      char buffer[512];
      recv(client, buffer, sizeof buffer, 0);
    }
  }
}

ssize_t ioctlNonBlocking(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  ioctl(fd, FIONBIO, &on);
  // A non-blocking read that nothing waits for returns EAGAIN at once.
  return recv(fd, buffer, size, 0);
}

ssize_t pollLaterInTheLoop(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  pollfd entry{fd, POLLIN, 0};
  ssize_t total = 0;
  for (;;) {
    // The first read may find nothing; the poll at the end of the loop
    // waits, with a timeout, before the next one.
    ssize_t n = recv(fd, buffer, size, 0);
    if (n == 0)
      break;
    total += n > 0 ? n : 0;
    if (poll(&entry, 1, 500) <= 0)
      break;
  }
  return total;
}

// --- Event-loop callbacks: the descriptor is not this function's ----------------

struct Connection {
  int fd;
  char buffer[4096];
};

void onReadable(Connection &connection) {
  recv(connection.fd, connection.buffer, sizeof connection.buffer, 0);
}

class Server {
public:
  void onEvent(int fd) {
    char buffer[256];
    recv(fd, buffer, sizeof buffer, 0);
    recv(client_, buffer, sizeof buffer, 0);
  }

private:
  int client_ = -1;
};

template <typename Loop> void watch(Loop &loop) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  loop.onReadable(fd, [fd] {
    char buffer[256];
    recv(fd, buffer, sizeof buffer, 0);
  });
}

// --- Timeouts set by helpers of this file: silent -------------------------------

static void setReceiveTimeout(int fd, int ms) {
  timeval limit{ms / 1000, (ms % 1000) * 1000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
}

static void configure(int unused, int fd) {
  (void)unused;
  setReceiveTimeout(fd, 5000);
}

static void makeNonBlocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
}

ssize_t helperSetsTimeout(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  setReceiveTimeout(fd, 5000);
  return recv(fd, buffer, size, 0);
}

ssize_t helperTwoDeep(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  configure(0, fd);
  return recv(fd, buffer, size, 0);
}

ssize_t helperMakesNonBlocking(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  makeNonBlocking(fd);
  return recv(fd, buffer, size, 0);
}

// --- Near misses: still reported ------------------------------------------------

ssize_t pollForever(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  pollfd entry{fd, POLLIN, 0};
  poll(&entry, 1, -1);
  return recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on a socket driven by 'poll' with an infinite timeout can wait forever; give 'poll' a timeout [prodready-missing-timeout]
}

ssize_t selectWithoutTimeval(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(fd, &readable);
  select(fd + 1, &readable, nullptr, nullptr, NULL);
  return recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on a socket driven by 'select' with an infinite timeout can wait forever; give 'select' a timeout [prodready-missing-timeout]
}

void epollForever(int listener) {
  int epfd = epoll_create1(0);
  epoll_event events[16];
  for (;;) {
    epoll_wait(epfd, events, 16, -1);
    int client = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
    char buffer[512];
    recv(client, buffer, sizeof buffer, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on a socket driven by 'epoll_wait' with an infinite timeout can wait forever; give 'epoll_wait' a timeout [prodready-missing-timeout]
  }
}

ssize_t pollForeverLaterInTheLoop(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  pollfd entry{fd, POLLIN, 0};
  ssize_t total = 0;
  for (;;) {
    ssize_t n = recv(fd, buffer, size, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on a socket driven by 'poll' with an infinite timeout can wait forever; give 'poll' a timeout [prodready-missing-timeout]
    if (n == 0)
      break;
    total += n > 0 ? n : 0;
    poll(&entry, 1, -1);
  }
  return total;
}

ssize_t blockingReadBeforeThePoll(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  pollfd entry{fd, POLLIN, 0};
  ssize_t total = 0;
  for (;;) {
    // Blocking: the first read waits before any poll.
    ssize_t n = recv(fd, buffer, size, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
    if (n <= 0)
      break;
    total += n;
    if (poll(&entry, 1, 500) <= 0)
      break;
  }
  return total;
}

ssize_t timeoutOnAnotherSocket(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int other = socket(AF_INET, SOCK_STREAM, 0);
  timeval limit{5, 0};
  setsockopt(other, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  return recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
}

ssize_t helperConfiguresOtherParameter(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int other = socket(AF_INET, SOCK_STREAM, 0);
  configure(fd, other);
  return recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
}

ssize_t blockingModeRestored(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
}

ssize_t ioctlOff(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int off = 0;
  ioctl(fd, FIONBIO, &off);
  return recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
}

ssize_t timeoutAfterTheRead(char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ssize_t n = recv(fd, buffer, size, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
  setReceiveTimeout(fd, 5000);
  return n;
}

void acceptedSocketIsBlocking(int listener) {
  // accept() does not pass O_NONBLOCK on to the new socket (Linux).
  fcntl(listener, F_SETFL, O_NONBLOCK);
  int client = accept(listener, nullptr, nullptr);
  char buffer[512];
  recv(client, buffer, sizeof buffer, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
}
