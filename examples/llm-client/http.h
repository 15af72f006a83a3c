// A minimal HTTP POST over libcurl.
#pragma once

#include <string>

std::string postJson(const std::string &Url, const std::string &ApiKey,
                     const std::string &Body, long TimeoutMs);
