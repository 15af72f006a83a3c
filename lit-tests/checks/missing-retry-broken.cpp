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

#include <netdb.h>
#include <sys/socket.h>

int brokenCandidates(addrinfo *res) {
  for (addrinfo *p = res; p; p = p->undeclared_next)
    if (connect(undeclared_fd, p->ai_addr, p->ai_addrlen) == 0)
      return 0;
  return -1;
}

static bool brokenAttempt(CURL *h) {
  // Its callers do not compile: no caller is known to handle the failure.
  if (curl_easy_perform(h) != CURLE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    return false;
  return true;
}
void brokenCaller(CURL *h) {
  if (!brokenAttempt(h, extra))
    undeclared_fallback();
  while (undeclared_cond || brokenAttempt(h))
    ;
}
