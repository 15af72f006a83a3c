#pragma once
#include <cstdlib>
#include <string>

// Included by two translation units: its finding is reported once.
inline std::string configDir() { return [] { auto *value = std::getenv("APP_CONFIG_DIR"); return value ? value : ""; }(); }
