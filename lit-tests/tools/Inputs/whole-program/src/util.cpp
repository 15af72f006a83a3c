#include <string>

// True only for a plain file name: no '..', no '/'.
bool isSafeName(const std::string &name) {
  if (name.empty() || name.find("..") != std::string::npos)
    return false;
  return name.find('/') == std::string::npos;
}
