// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c++17

#include <array>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/socket.h>
#include <vector>

static const char *const Levels[4] = {"debug", "info", "warn", "error"};
static int Counters[16];

// --- Untrusted indices into raw arrays and std::array -------------------------

const char *levelFromEnvironment() {
  int level = std::atoi(std::getenv("LOG_LEVEL"));
  return Levels[level];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: untrusted index into array 'Levels' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:25: note: the untrusted index comes from here
}

const char *levelUpperBoundOnly() {
  int level = std::atoi(std::getenv("LOG_LEVEL"));
  if (level >= 4)
    return "info";
  return Levels[level];  // a negative level is not rejected
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: untrusted index into array 'Levels' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-5]]:25: note: the untrusted index comes from here
}

const char *levelLowerBoundOnly() {
  int level = std::atoi(std::getenv("LOG_LEVEL"));
  if (level < 0)
    return "info";
  return Levels[level];  // a level past the end is not rejected
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: untrusted index into array 'Levels' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-5]]:25: note: the untrusted index comes from here
}

const char *levelBothBounds() {
  int level = std::atoi(std::getenv("LOG_LEVEL"));
  if (level < 0 || level >= 4)
    return "info";
  return Levels[level];
}

const char *levelUnsigned() {
  unsigned level = std::strtoul(std::getenv("LOG_LEVEL"), nullptr, 10);
  if (level < 4)
    return Levels[level];
  return "info";
}

void countFromStdin() {
  int slot = 0;
  std::cin >> slot;
  ++Counters[slot];
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: untrusted index into array 'Counters' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the untrusted index comes from here
}

void countModulo() {
  unsigned slot = 0;
  std::cin >> slot;
  ++Counters[slot % 16];
}

int tableChecked() {
  std::array<int, 8> table{};
  int index = std::atoi(std::getenv("INDEX"));
  if (index >= 0 && index < static_cast<int>(table.size()))
    return table[index];
  return 0;
}

int fromSocket(int fd) {
  unsigned char header[2];
  if (recv(fd, header, sizeof header, 0) != 2)
    return -1;
  int widths[8] = {};
  return widths[header[0]];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: untrusted index into array 'widths' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: the untrusted index comes from here
}

int fromSocketMasked(int fd) {
  unsigned char header[2];
  if (recv(fd, header, sizeof header, 0) != 2)
    return -1;
  int widths[8] = {};
  unsigned kind = header[0] % 8;
  return widths[kind];
}

// --- Untrusted indices into vectors need a check too --------------------------

int vectorFromEnvironment(const std::vector<int> &weights) {
  int i = std::atoi(std::getenv("WEIGHT"));
  return weights[i];
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: untrusted index into 'std::vector' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the untrusted index comes from here
  // CHECK-FIXES: return weights.at(i);
}

int vectorChecked(const std::vector<int> &weights) {
  int i = std::atoi(std::getenv("WEIGHT"));
  // The comparison converts i to size_t: a negative i fails it too.
  if (i < weights.size())
    return weights[i];
  return 0;
}

// --- Trusted indices into arrays are not this check's business ---------------

int trustedIndex(int i) { return Counters[i]; }
int constantIndex() { return Counters[3]; }

int main(int argc, char **argv) {
  std::array<int, 8> table{};
  if (argc < 2)
    return 0;
  int index = std::atoi(argv[1]);
  return table[index] + tableChecked();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: untrusted index into 'std::array' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:25: note: the untrusted index comes from here
  // CHECK-FIXES: return table.at(index) + tableChecked();
}
