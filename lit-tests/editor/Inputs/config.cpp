#include <cstdlib>

int maxTokens() { return std::atoi(std::getenv("MAX_TOKENS")); }
