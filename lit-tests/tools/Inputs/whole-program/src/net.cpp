#include <string>
#include <sys/socket.h>

// Reads a name a client sent.
std::string rawName(int fd) {
  char buf[256];
  ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  if (n <= 0)
    return "";
  return std::string(buf, static_cast<size_t>(n));
}
