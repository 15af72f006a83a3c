// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c++17
// C strings in C++: a buffer of a struct filled from a socket, its last
// character read through std::strlen.

#include <cstring>
#include <sys/socket.h>

struct Message {
  char text[512];
};

char lastOfMessage(int sock) {
  Message m;
  ssize_t got = recv(sock, m.text, sizeof m.text - 1, 0);
  if (got <= 0)
    return 0;
  m.text[got] = '\0';
  return m.text[std::strlen(m.text) - 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted index into an array is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}

char lastOfMessageChecked(int sock) {
  Message m;
  ssize_t got = recv(sock, m.text, sizeof m.text - 1, 0);
  if (got <= 0)
    return 0;
  m.text[got] = '\0';
  if (std::strlen(m.text) == 0)
    return 0;
  return m.text[std::strlen(m.text) - 1];
}

void trimChecked(int sock) {
  char buffer[128];
  ssize_t got = recv(sock, buffer, sizeof buffer - 1, 0);
  if (got <= 0)
    return;
  buffer[got] = '\0';
  for (std::size_t n = std::strlen(buffer); n > 0 && buffer[n - 1] == ' ';
       n = std::strlen(buffer))
    buffer[n - 1] = '\0';
}
