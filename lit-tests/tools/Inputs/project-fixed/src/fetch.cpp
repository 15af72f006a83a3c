#include "settings.h"
#include <curl/curl.h>
#include <string>

bool fetch(const std::string &url) {
  CURL *handle = curl_easy_init();
  if (!handle)
    return false;
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, 30000L);
  CURLcode rc = curl_easy_perform(handle);
  curl_easy_cleanup(handle);
  return rc == CURLE_OK;
}
