#include "config.h"
#include <cstdlib>
#include <string>

Config loadConfig() {
  Config Result;
  Result.MaxTokens = std::atoi(std::getenv("MAX_TOKENS"));
  Result.Temperature = std::stod(std::getenv("TEMPERATURE"));
  return Result;
}
