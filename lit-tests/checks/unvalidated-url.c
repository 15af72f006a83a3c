// RUN: %check_prodready %s prodready-unvalidated-url %t -- -- -std=c11
// C: the environment and the network into CURLOPT_URL, buffers built with
// snprintf and strcat, validations with strncmp, and the redirect fix.

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

void from_environment(void) {
  CURL *h = curl_easy_init();
  char url[512];
  snprintf(url, sizeof url, "%s/v1/models", getenv("API_BASE"));
  curl_easy_setopt(h, CURLOPT_URL, url);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: URL from the environment reaches 'CURLOPT_URL' with neither its scheme nor its host validated; whoever sets it can send the request, and the credentials it carries, to any server [prodready-unvalidated-url]
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled on a handle with no 'CURLOPT_REDIR_PROTOCOLS_STR' or 'CURLOPT_PROTOCOLS_STR' restriction
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-FIXES-NEXT: curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void from_socket(int sock) {
  CURL *h = curl_easy_init();
  char host[128];
  char url[256];
  ssize_t got = recv(sock, host, sizeof host - 1, 0);
  if (got <= 0)
    return;
  host[got] = '\0';
  strcpy(url, "http://");
  strcat(url, host);
  curl_easy_setopt(h, CURLOPT_URL, url);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: URL built from data from the network reaches 'CURLOPT_URL'
  curl_easy_cleanup(h);
}

/* Not reported: a constant host before the untrusted path, a validated
   scheme, a suppressed finding. */
void constant_host(int sock) {
  CURL *h = curl_easy_init();
  char id[64];
  char url[256];
  ssize_t got = recv(sock, id, sizeof id - 1, 0);
  if (got <= 0)
    return;
  id[got] = '\0';
  snprintf(url, sizeof url, "https://api.example.com/items/%s", id);
  curl_easy_setopt(h, CURLOPT_URL, url);
  strcpy(url, "https://api.example.com/");
  strcat(url, id);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_cleanup(h);
}

void validated(void) {
  CURL *h = curl_easy_init();
  const char *url = getenv("FEED_URL");
  if (url == NULL || strncmp(url, "https://", 8) != 0)
    return;
  curl_easy_setopt(h, CURLOPT_URL, url);
  /* NOLINTBEGIN(prodready-unvalidated-url) */
  curl_easy_setopt(h, CURLOPT_URL, getenv("LEGACY_URL"));
  /* NOLINTEND(prodready-unvalidated-url) */
  curl_easy_cleanup(h);
}
