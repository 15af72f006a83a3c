#include <cstdlib>
#include <string>

std::string apiBase() {
  const char *base = std::getenv("API_BASE");
  return base ? base : "https://api.example.com";
}
