#include "settings.h"
#include <string>
#include <vector>

int firstScore(const std::vector<int> &scores) { return scores.at(0); }

int lastScore(const std::vector<int> &scores) {
  if (scores.empty())
    return 0;
  return scores[scores.size() - 1];
}
