#include <filesystem>
#include <fstream>
#include <string>
#include <sys/socket.h>

std::string readName(int fd);
bool isSafeName(const std::string &name);

void save(int fd) {
  std::ofstream out(std::filesystem::path("/srv/exports") / readName(fd));
}

void saveChecked(int fd) {
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n <= 0)
    return;
  std::string name(buf, static_cast<size_t>(n));
  if (!isSafeName(name))
    return;
  std::ofstream out(std::filesystem::path("/srv/exports") / name);
}
