#include <cstdlib>
#include <string>
#include <sys/socket.h>
#include <vector>

// The fields of a reply a peer sent, split at commas.
std::vector<std::string> readFields(int fd) {
  char buf[512];
  ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  std::vector<std::string> fields;
  if (n <= 0)
    return fields;
  std::string reply(buf, static_cast<size_t>(n));
  size_t start = 0;
  for (size_t comma; (comma = reply.find(',', start)) != std::string::npos;
       start = comma + 1)
    fields.push_back(reply.substr(start, comma - start));
  fields.push_back(reply.substr(start));
  return fields;
}

// A slot number a peer sent.
int readSlot(int fd) {
  char buf[16];
  ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  return std::atoi(buf);
}
