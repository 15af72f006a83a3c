// A third-party header included as a system header.
#include <cstdlib>
#include <string>
#define SYSTEM_HOME_DIR std::getenv("HOME")
inline std::string systemHome() { return std::getenv("HOME"); }
