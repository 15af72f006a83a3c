#include <cstdlib>
#include <curl/curl.h>
#include <string>

bool fetch(const std::string &path) {
  CURL *handle = curl_easy_init();
  if (!handle)
    return false;
  const char *base = std::getenv("API_BASE");
  std::string url = std::string(base ? base : "") + path;
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, 30000L);
  CURLcode rc = curl_easy_perform(handle);
  curl_easy_cleanup(handle);
  return rc == CURLE_OK;
}
