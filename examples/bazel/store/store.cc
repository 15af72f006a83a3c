#include "store/store.h"

#include <regex>

#if !defined(CONFIG_API) || !defined(STORE_CACHE_SIZE)
#error "the analysis must see the defines of the target and its deps"
#endif

std::vector<std::string> matchingKeys(const std::vector<std::string> &Keys,
                                      const std::string &Pattern) {
  std::vector<std::string> Matches;
  for (const std::string &Key : Keys)
    // The same pattern is compiled again for every key.
    if (std::regex_match(Key, std::regex(Pattern)))
      Matches.push_back(Key);
  return Matches;
}
