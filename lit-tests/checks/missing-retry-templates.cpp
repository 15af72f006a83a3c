// RUN: %check_prodready %s prodready-missing-retry %t -- -- -std=c++17
// A network call in a template is reported once however many times the
// template is instantiated; one made through a template parameter (a
// client type) only by its instantiations.

#include <chrono>
#include <curl/curl.h>
#include <httplib.h>
#include <stdexcept>
#include <string>
#include <thread>

template <class Payload> void upload(CURL *Handle, const Payload &) {
  if (curl_easy_perform(Handle) != CURLE_OK)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_perform' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
    throw std::runtime_error("upload failed");
}

void useUpload(CURL *Handle) {
  upload(Handle, 1);
  upload(Handle, std::string("x"));
  upload(Handle, 2.0);
}

template <class Client> std::string config(Client &Cli) {
  auto Res = Cli.Get("/config");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Get' is not retried: its failure leads straight to an error exit, so one transient network error fails the operation [prodready-missing-retry]
  if (!Res || Res->status != 200)
    throw std::runtime_error("no configuration");
  return Res->body;
}

std::string useConfig(httplib::Client &Cli) { return config(Cli); }

// --- Near misses ------------------------------------------------------------------

template <class Client> std::string configRetried(Client &Cli) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto Res = Cli.Get("/config");
    if (Res && Res->status == 200)
      return Res->body;
    std::this_thread::sleep_for(std::chrono::milliseconds(200 << Attempt));
  }
  throw std::runtime_error("no configuration");
}

std::string useConfigRetried(httplib::Client &Cli) {
  return configRetried(Cli);
}
