#include <string>

std::string rawName(int fd);

// Another unit's data, passed on: known only once rawName's summary is.
std::string readName(int fd) { return rawName(fd); }
