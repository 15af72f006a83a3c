#include <cstdlib>
#include <curl/curl.h>
#include <string>
#include <vector>

std::string home() { return std::getenv("HOME"); }

int first(const std::vector<int> &values) { return values[0]; }

bool fetch(const char *url) {
  CURL *handle = curl_easy_init();
  if (!handle)
    return false;
  curl_easy_setopt(handle, CURLOPT_URL, url);
  CURLcode rc = curl_easy_perform(handle);
  curl_easy_cleanup(handle);
  return rc == CURLE_OK;
}
