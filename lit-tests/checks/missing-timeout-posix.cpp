// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int connectTo(const sockaddr_in &address) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(fd, reinterpret_cast<const sockaddr *>(&address),
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
              sizeof address) != 0)
    return -1;
  return fd;
}

ssize_t receive(int fd, char *buffer, size_t size) {
  // A descriptor from a parameter: the caller (or an event loop) owns its
  // mode and timeouts, which this function cannot see.
  return recv(fd, buffer, size, 0);
}

ssize_t readReply(const sockaddr_in &address, char *buffer, size_t size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ssize_t n = read(fd, buffer, size);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
  close(fd);
  return n;
}

ssize_t readFile(int fd, char *buffer, size_t size) {
  // A descriptor the function did not create as a socket: a file, a pipe.
  return read(fd, buffer, size);
}

ssize_t receiveWithTimeout(int fd, char *buffer, size_t size) {
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return recv(fd, buffer, size, 0);
}

ssize_t receiveAfterPoll(int fd, char *buffer, size_t size) {
  pollfd entry{fd, POLLIN, 0};
  if (poll(&entry, 1, 5000) <= 0)
    return -1;
  return recv(fd, buffer, size, 0);
}

int acceptNonBlocking(int listener) {
  fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK);
  return accept(listener, nullptr, nullptr);
}
