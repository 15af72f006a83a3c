/* A stand-in for the curl.h of libcurl before 7.85: CURLOPT_PROTOCOLS and
   CURLOPT_REDIR_PROTOCOLS take a bitmask of CURLPROTO_* values, and the
   _STR options do not exist yet. For prodready-unvalidated-url's fix.
   The _MS timeouts are older (7.16.2) and present, as in every libcurl
   a project still builds with: prodready-missing-timeout's fix uses them. */
#ifndef PRODREADY_TEST_OLD_CURL_H
#define PRODREADY_TEST_OLD_CURL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef void CURL;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum {
  CURLOPT_URL = 10002,
  CURLOPT_TIMEOUT = 13,
  CURLOPT_FOLLOWLOCATION = 52,
  CURLOPT_CONNECTTIMEOUT = 78,
  CURLOPT_TIMEOUT_MS = 155,
  CURLOPT_CONNECTTIMEOUT_MS = 156,
  CURLOPT_PROTOCOLS = 181,
  CURLOPT_REDIR_PROTOCOLS = 182
} CURLoption;

#define CURLPROTO_HTTP (1 << 0)
#define CURLPROTO_HTTPS (1 << 1)
#define CURLPROTO_FTP (1 << 2)

CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);

#ifdef __cplusplus
}
#endif

#endif
