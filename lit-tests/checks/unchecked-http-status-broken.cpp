// RUN: %check_prodready -expect-compile-error %s prodready-unchecked-http-status %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <curl/curl.h>
#include <httplib.h>
#include <string>

std::string unknownClient(UnknownClient &cli) { return cli.Get("/")->body; }

std::string unknownBody(CURL *h) {
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &undeclared_body);
  curl_easy_perform(h, 1);
  return undeclared_body;
}

std::string unterminated(httplib::Client &cli) {
  auto res = cli.Get("/");
  return res->body
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'res' holds no response when the request failed; using it unchecked is undefined behaviour [prodready-unchecked-http-status]
}
