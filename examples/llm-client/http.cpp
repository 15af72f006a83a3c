// A minimal HTTP POST over libcurl.
#include "http.h"

#include <curl/curl.h>
#include <stdexcept>

namespace {

size_t appendToString(char *Data, size_t Size, size_t Count, void *Out) {
  static_cast<std::string *>(Out)->append(Data, Size * Count);
  return Size * Count;
}

} // namespace

std::string postJson(const std::string &Url, const std::string &ApiKey,
                     const std::string &Body, long TimeoutMs) {
  CURL *Handle = curl_easy_init();
  if (!Handle)
    throw std::runtime_error("curl_easy_init failed");
  std::string Response;
  std::string Auth = "Authorization: Bearer " + ApiKey;
  curl_slist *Headers = curl_slist_append(nullptr, Auth.c_str());
  Headers = curl_slist_append(Headers, "Content-Type: application/json");
  curl_easy_setopt(Handle, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(Handle, CURLOPT_HTTPHEADER, Headers);
  curl_easy_setopt(Handle, CURLOPT_POSTFIELDS, Body.c_str());
  curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, TimeoutMs);
  curl_easy_setopt(Handle, CURLOPT_WRITEFUNCTION, appendToString);
  curl_easy_setopt(Handle, CURLOPT_WRITEDATA, &Response);
  CURLcode Code = curl_easy_perform(Handle);
  curl_slist_free_all(Headers);
  curl_easy_cleanup(Handle);
  if (Code != CURLE_OK)
    throw std::runtime_error(curl_easy_strerror(Code));
  return Response;
}
