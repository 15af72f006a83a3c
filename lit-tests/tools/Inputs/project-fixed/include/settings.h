#pragma once
#include <cstdlib>
#include <string>

// Included by two translation units: its finding is reported once.
inline std::string configDir() { const char *app_config_dir = std::getenv("APP_CONFIG_DIR"); return app_config_dir ? app_config_dir : ""; }
