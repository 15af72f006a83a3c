// RUN: %check_prodready %s prodready-unchecked-http-status %t -- -- -std=c++17
// A response used unchecked in a template is reported once however many
// times the template is instantiated; one read through a template
// parameter (a client type) only by its instantiations.

#include <curl/curl.h>
#include <httplib.h>
#include <string>

template <class Client> std::string fetchBody(Client &Cli) {
  return Cli.Get("/config")->body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Get' returns an empty 'httplib::Result' when the request fails; using its response unchecked is undefined behaviour [prodready-unchecked-http-status]
}

std::string useFetchBody(httplib::Client &Cli) { return fetchBody(Cli); }

template <class Tag> void fireAndForget(CURL *Handle) {
  curl_easy_perform(Handle);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the CURLcode of 'curl_easy_perform' is ignored; a failed transfer (timeout, refused connection, TLS error) goes unnoticed [prodready-unchecked-http-status]
}

void useFireAndForget(CURL *Handle) {
  fireAndForget<int>(Handle);
  fireAndForget<long>(Handle);
  fireAndForget<char>(Handle);
}

// --- Near misses ------------------------------------------------------------------

template <class Client> std::string fetchChecked(Client &Cli) {
  auto Res = Cli.Get("/config");
  if (!Res || Res->status != 200)
    return "";
  return Res->body;
}

std::string useFetchChecked(httplib::Client &Cli) { return fetchChecked(Cli); }
