#include "vendored.h"

std::string vendoredUser() { return std::getenv("USER"); }
