// RUN: %check_prodready %s prodready-unvalidated-url %t -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-url.Sinks: 'net::Http::get:0;net::Downloader:1', prodready-unvalidated-url.Validators: 'net::isTrustedUrl;net::pinnedUrl', prodready-unvalidated-url.Sources: 'app::readSetting', prodready-unvalidated-url.AllowedProtocols: 'https,http'}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=REPORT %s prodready-unvalidated-url %t-report -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-url.OperatorInputs: Report}}" \
// RUN:   -- -std=c++17
// RUN: %check_prodready -check-suffix=IGNORE %s prodready-unvalidated-url %t-ignore -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-url.OperatorInputs: Ignore}}" \
// RUN:   -- -std=c++17
// RUN: %clang_tidy -load %prodready_plugin %s --checks='-*,prodready-unvalidated-url' \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-url.Sinks: 'net::Http::get;fetch:x;:1', prodready-unvalidated-url.AllowedProtocols: 'https,gopher2', prodready-unvalidated-url.OperatorInputs: Always}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s -check-prefix=BAD-OPTION
// BAD-OPTION-DAG: warning: invalid entry 'net::Http::get' in option 'Sinks' of check 'prodready-unvalidated-url': expected a function name and the index of its URL argument, such as 'http::get:0'; the entry is ignored [clang-tidy-config]
// BAD-OPTION-DAG: warning: invalid entry 'fetch:x' in option 'Sinks'
// BAD-OPTION-DAG: warning: invalid entry ':1' in option 'Sinks'
// BAD-OPTION-DAG: warning: invalid protocol 'gopher2' in option 'AllowedProtocols' of check 'prodready-unvalidated-url': expected libcurl protocol names separated by commas, such as 'https' or 'https,http'; it is ignored [clang-tidy-config]
// BAD-OPTION-DAG: warning: invalid configuration value 'Always' for option 'prodready-unvalidated-url.OperatorInputs'

#include <cstdlib>
#include <curl/curl.h>
#include <string>

namespace net {
struct Http {
  std::string get(const std::string &Url);
};
struct Downloader {
  Downloader(int Retries, const std::string &Url);
};
bool isTrustedUrl(const std::string &Url);
std::string pinnedUrl(const std::string &Url);
} // namespace net
namespace app {
std::string readSetting(const char *Name);
}

void sinks(net::Http &Client) {
  std::string Url = std::getenv("FEED_URL");
  Client.get(Url);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: URL from the environment reaches 'net::Http::get' with neither its scheme nor its host validated
  net::Downloader D(3, Url);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: URL from the environment reaches 'net::Downloader'
}

void validators(net::Http &Client) {
  std::string Url = app::readSetting("feed");
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: URL from untrusted data reaches 'CURLOPT_URL'
  if (net::isTrustedUrl(Url))
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(H, CURLOPT_URL, net::pinnedUrl(Url).c_str());
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled on a handle with no 'CURLOPT_REDIR_PROTOCOLS_STR' or 'CURLOPT_PROTOCOLS_STR' restriction
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https,http");
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
  // CHECK-FIXES-REPORT: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  // CHECK-MESSAGES-IGNORE: :[[@LINE-5]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
  curl_easy_cleanup(H);
}

// The operator's input: the environment by default; all of it with
// OperatorInputs: Report; none with Ignore.
int main(int Argc, char **Argv) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, std::getenv("MIRROR_URL"));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: URL from the environment reaches 'CURLOPT_URL'
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:36: warning: URL from the environment reaches 'CURLOPT_URL'
  if (Argc > 1)
    curl_easy_setopt(H, CURLOPT_URL, Argv[1]);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:38: warning: URL from the command line reaches 'CURLOPT_URL'
  curl_easy_cleanup(H);
  return 0;
}
