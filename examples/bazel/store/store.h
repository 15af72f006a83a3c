#pragma once
#include <string>
#include <vector>

std::vector<std::string> matchingKeys(const std::vector<std::string> &Keys,
                                      const std::string &Pattern);

void exportKeys(int Socket, const std::vector<std::string> &Keys);
