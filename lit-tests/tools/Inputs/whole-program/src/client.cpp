#include <curl/curl.h>
#include <string>

std::string apiBase();

void fetchModels(CURL *h) {
  std::string url = apiBase() + "/models";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
}
