// Runtime configuration of the client, read from the environment.
#pragma once

#include <string>

struct ClientConfig {
  std::string ApiBase;
  std::string ApiKey;
  std::string Model;
  float Temperature = 0.7f;
  int MaxTokens = 256;
  long TimeoutMs = 30000;
  int Retries = 3;
};

ClientConfig loadConfig();
