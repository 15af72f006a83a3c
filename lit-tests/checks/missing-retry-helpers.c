// RUN: %check_prodready %s prodready-missing-retry %t -- -- -std=c11 -D_DEFAULT_SOURCE
// C helpers: a backoff that sleeps, a check that exits on failure.

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void backoff(int attempt) { usleep(100000u << attempt); }

static void note_failure(int attempt) { fprintf(stderr, "%d\n", attempt); }

static void die_on_error(CURLcode rc) {
  if (rc != CURLE_OK) {
    fprintf(stderr, "%s\n", curl_easy_strerror(rc));
    exit(1);
  }
}

static void warn_on_error(CURLcode rc) {
  if (rc != CURLE_OK)
    fprintf(stderr, "%s\n", curl_easy_strerror(rc));
}

int fetch_with_backoff(CURL *h) {
  int attempt;
  for (attempt = 0; attempt < 5; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return 0;
    backoff(attempt);
  }
  return -1;
}

int fetch_hammering(CURL *h) {
  int attempt;
  for (attempt = 0; attempt < 5; ++attempt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' has no delay between attempts; a struggling server gets a retry storm [prodready-missing-retry]
    if (curl_easy_perform(h) == CURLE_OK)
      return 0;
    note_failure(attempt);
  }
  return -1;
}

void fetch_or_die(CURL *h) {
  die_on_error(curl_easy_perform(h));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
}

void fetch_or_warn(CURL *h) { warn_on_error(curl_easy_perform(h)); }
