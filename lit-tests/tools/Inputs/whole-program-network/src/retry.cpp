#include <chrono>
#include <thread>

// Waits longer after each failed attempt.
void backoff(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
}
