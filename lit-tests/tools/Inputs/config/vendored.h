#pragma once
#include <cstdlib>
#include <string>

inline std::string vendoredHome() { return std::getenv("HOME"); }
