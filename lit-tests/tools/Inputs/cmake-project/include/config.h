#pragma once

struct Config {
  int MaxTokens;
  double Temperature;
};

Config loadConfig();
