#include <curl/curl.h>

void configure(CURL *h);
void configureSlow(CURL *h, bool slow);
void checkCurl(CURLcode rc);
void backoff(int attempt);
void restrictProtocols(CURL *h);

void fetch(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  configure(h);
  checkCurl(curl_easy_perform(h));
  curl_easy_cleanup(h);
}

void fetchMaybeSlow(const char *url, bool slow) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  configureSlow(h, slow);
  checkCurl(curl_easy_perform(h));
  curl_easy_cleanup(h);
}

bool fetchWithRetries(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  configure(h);
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK) {
      curl_easy_cleanup(h);
      return true;
    }
    backoff(attempt);
  }
  curl_easy_cleanup(h);
  return false;
}

void follow(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  configure(h);
  restrictProtocols(h);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  checkCurl(curl_easy_perform(h));
  curl_easy_cleanup(h);
}
