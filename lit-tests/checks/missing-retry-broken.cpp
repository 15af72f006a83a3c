// RUN: %check_prodready -expect-compile-error %s prodready-missing-retry %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <curl/curl.h>
#include <stdexcept>

void unknownResult(CURL *h) {
  UnknownCode rc = curl_easy_perform(h);
  if (rc != CURLE_OK)
    throw std::runtime_error("failed");
}

void unknownCondition(CURL *h) {
  if (curl_easy_perform(h) != UNDECLARED_OK)
    throw std::runtime_error("failed");
}

void unknownLoop(CURL *h) {
  for (auto attempt : undeclared_attempts)
    if (curl_easy_perform(h) == CURLE_OK)
      return;
}

void unterminated(CURL *h) {
  while (curl_easy_perform(h) != CURLE_OK
}
