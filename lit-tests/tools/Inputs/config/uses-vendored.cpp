#include "third_party/lib/vendored.h"

std::string user() { return vendoredHome(); }
