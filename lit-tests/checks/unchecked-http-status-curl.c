// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c11
// libcurl in C: a body collected into a buffer struct is used after the
// status was only printed; deciding on the status (or storing it for the
// caller) is a check.

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
  char *data;
  size_t size;
};

static size_t collect(char *ptr, size_t size, size_t count, void *userdata) {
  struct buffer *b = userdata;
  char *grown = realloc(b->data, b->size + size * count + 1);
  if (!grown)
    return 0;
  memcpy(grown + b->size, ptr, size * count);
  b->data = grown;
  b->size += size * count;
  b->data[b->size] = '\0';
  return size * count;
}

int printStatus(CURL *h, FILE *out) {
  struct buffer page = {0};
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &page);
  if (curl_easy_perform(h) != CURLE_OK)
    return -1;
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  fprintf(stderr, "HTTP %ld\n", code);
  fputs(page.data, out);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: response body 'page' is used without checking the HTTP status (CURLINFO_RESPONSE_CODE); an error page would be taken as data [prodready-unchecked-http-status]
  free(page.data);
  return 0;
}

int checkStatus(CURL *h, FILE *out) {
  struct buffer page = {0};
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &page);
  if (curl_easy_perform(h) != CURLE_OK)
    return -1;
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  fprintf(stderr, "HTTP %ld\n", code);
  if (code >= 400) {
    free(page.data);
    return -1;
  }
  fputs(page.data, out);
  free(page.data);
  return 0;
}

int reportStatus(CURL *h, FILE *out, long *status) {
  struct buffer page = {0};
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &page);
  if (curl_easy_perform(h) != CURLE_OK)
    return -1;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
  fputs(page.data, out);
  free(page.data);
  return 0;
}
