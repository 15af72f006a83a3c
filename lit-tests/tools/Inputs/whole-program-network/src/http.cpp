#include <curl/curl.h>
#include <stdexcept>

// Every handle of the service gets its timeouts here.
void configure(CURL *h) {
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
}

// Only slow requests get one: the others wait forever.
void configureSlow(CURL *h, bool slow) {
  if (slow)
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 60000L);
}

// Redirects may only go to https.
void restrictProtocols(CURL *h) {
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
}

// Throws unless the transfer succeeded.
void checkCurl(CURLcode rc) {
  if (rc != CURLE_OK)
    throw std::runtime_error(curl_easy_strerror(rc));
}
