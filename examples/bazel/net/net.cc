#include "net/net.h"

#include <sys/socket.h>
#include <sys/types.h>

std::string receiveName(int Socket) {
  char Buffer[256];
  ssize_t Received = recv(Socket, Buffer, sizeof Buffer - 1, 0);
  if (Received <= 0)
    return "";
  Buffer[Received] = '\0';
  return Buffer;
}
