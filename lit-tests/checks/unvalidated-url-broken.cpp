// RUN: %check_prodready -expect-compile-error %s prodready-unvalidated-url %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <cstdlib>
#include <curl/curl.h>
#include <string>

void unknownTypes() {
  UnknownUrl Url = std::getenv("API_BASE");
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, Url);
  curl_easy_setopt(H, CURLOPT_URL, std::getenv("API_BASE"));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: URL from the environment reaches 'CURLOPT_URL'
}

void unknownHandle() {
  curl_easy_setopt(undeclared_handle(), CURLOPT_FOLLOWLOCATION, 1L);
  CURL *H = make_handle_undeclared();
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(H, CURLOPT_URL, undeclared_join("https://", std::getenv("HOST")));
}

void badOption() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_NOT_AN_OPTION, std::getenv("X"));
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION);
  curl_easy_setopt(H, CURLOPT_URL);
  std::string Url = "https://" + std::string(std::getenv("HOST"));
  if (Url.starts_with(undeclared_prefix))
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  for (;;
}
