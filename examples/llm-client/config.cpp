// Reads the client configuration from environment variables.
#include "config.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace {

// Returns the variable, or null when it is not set.
const char *env(const char *Name) { return std::getenv(Name); }

} // namespace

ClientConfig loadConfig() {
  ClientConfig Config;

  // API_BASE unset -> std::string from a null pointer: a crash at start-up.
  Config.ApiBase = std::getenv("API_BASE");

  // Checked: the key is required and its absence is reported.
  const char *Key = std::getenv("API_KEY");
  if (!Key) {
    std::cerr << "API_KEY is not set\n";
    std::exit(2);
  }
  Config.ApiKey = Key;

  // Through a helper: still null when MODEL is unset.
  Config.Model = env("MODEL");

  // TEMPERATURE=not_a_number -> std::invalid_argument, never caught.
  Config.Temperature = std::stof(std::getenv("TEMPERATURE"));

  // MAX_TOKENS=lots -> silently 0 tokens.
  Config.MaxTokens = std::atoi(std::getenv("MAX_TOKENS"));

  // The end pointer is never looked at: "30s" becomes 30.
  if (const char *Timeout = std::getenv("TIMEOUT_MS")) {
    char *End = nullptr;
    Config.TimeoutMs = std::strtol(Timeout, &End, 10);
  }

  // A stream whose failure state is never checked.
  if (const char *Retries = std::getenv("RETRIES")) {
    std::istringstream In(Retries);
    In >> Config.Retries;
  }

  return Config;
}
