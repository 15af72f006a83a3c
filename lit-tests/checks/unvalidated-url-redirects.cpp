// RUN: %check_prodready %s prodready-unvalidated-url %t -- -- -std=c++17
// CURLOPT_FOLLOWLOCATION on a handle with no protocol restriction, whoever
// chose the URL; the handle followed through locals, fields and helpers of
// the file. The fix restricts redirects to AllowedProtocols ("https"),
// with CURLOPT_REDIR_PROTOCOLS_STR (curl 7.85 and later, as installed).

#include <curl/curl.h>
#include <memory>
#include <string>

// --- Reported --------------------------------------------------------------

void download(const char *Url) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, Url);
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled on a handle with no 'CURLOPT_REDIR_PROTOCOLS_STR' or 'CURLOPT_PROTOCOLS_STR' restriction; a redirect can move the transfer to plain HTTP or to another protocol [prodready-unvalidated-url]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-FIXES-NEXT: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_perform(H);
  curl_easy_cleanup(H);
}

// In a condition, after a comment, in a nested block: the restriction goes
// after the whole statement.
bool quiet(const char *Url) {
  CURL *H = curl_easy_init();
  if (!H)
    return false;
  {
    if (curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, true) != CURLE_OK) // follow
      return false; // no redirects
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'CURLOPT_FOLLOWLOCATION' is enabled on a handle with no 'CURLOPT_REDIR_PROTOCOLS_STR'
    // CHECK-FIXES: return false; // no redirects
    // CHECK-FIXES-NEXT: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  }
  curl_easy_setopt(H, CURLOPT_URL, Url);
  return curl_easy_perform(H) == CURLE_OK;
}

// A helper that creates the handle and turns redirects on.
static CURL *makeHandle() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 10000L);
  return H;
}

// A field no function of the file restricts; the handle reached through a
// smart pointer.
struct Holder {
  CURL *handle = nullptr;
};
class Session {
public:
  Session() : Curl(std::make_shared<Holder>()) {
    Curl->handle = curl_easy_init();
    curl_easy_setopt(Curl->handle, CURLOPT_FOLLOWLOCATION, 1L);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
    // CHECK-FIXES: curl_easy_setopt(Curl->handle, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  }

private:
  std::shared_ptr<Holder> Curl;
};

// A helper given the handle, whose callers in the file pass handles that
// are never restricted: reported in the helper.
static void setCommonOptions(CURL *Handle, const char *Url) {
  curl_easy_setopt(Handle, CURLOPT_URL, Url);
  curl_easy_setopt(Handle, CURLOPT_FOLLOWLOCATION, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
  // CHECK-FIXES: curl_easy_setopt(Handle, CURLOPT_REDIR_PROTOCOLS_STR, "https");
}

void useCommonOptions(const char *Url) {
  CURL *H = curl_easy_init();
  setCommonOptions(H, Url);
  curl_easy_perform(H);
}

// The same through a constructor that takes the handle.
class FileHandle {
public:
  FileHandle(const char *Url, CURL *Handle) : Handle(Handle) {
    curl_easy_setopt(Handle, CURLOPT_URL, Url);
    curl_easy_setopt(Handle, CURLOPT_FOLLOWLOCATION, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'CURLOPT_FOLLOWLOCATION' is enabled
    // CHECK-FIXES: curl_easy_setopt(Handle, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  }

private:
  CURL *Handle;
};

FileHandle *openFile(const char *Url) {
  CURL *H = curl_easy_init();
  return new FileHandle(Url, H);
}

// --- Not reported ----------------------------------------------------------

// A helper whose caller restricts the handle it passes.
static void follow(CURL *Handle) {
  curl_easy_setopt(Handle, CURLOPT_FOLLOWLOCATION, 1L);
}

void restrictedCaller() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_PROTOCOLS_STR, "https");
  follow(H);
}


// Restricted in the function, before or after.
void restricted(const char *Url) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  CURL *G = curl_easy_init();
  curl_easy_setopt(G, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(G, CURLOPT_FOLLOWLOCATION, 1L);
  // The older bitmask options count too.
  CURL *F = curl_easy_init();
  curl_easy_setopt(F, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTPS);
  curl_easy_setopt(F, CURLOPT_FOLLOWLOCATION, 1L);
}

// Restricted by a helper it is passed to.
static void harden(CURL *H) {
  curl_easy_setopt(H, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "https");
}

void viaHelper() {
  CURL *H = curl_easy_init();
  harden(H);
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
}

// Created by a helper that restricted it.
static CURL *makeSafeHandle() {
  CURL *H = curl_easy_init();
  harden(H);
  return H;
}

void fromSafeHelper() {
  CURL *H = makeSafeHandle();
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
}

// A field restricted in another member function of the file.
class Fetcher {
public:
  Fetcher() : Curl(curl_easy_init()) {
    curl_easy_setopt(Curl, CURLOPT_FOLLOWLOCATION, 1L);
  }
  void secure() { curl_easy_setopt(Curl, CURLOPT_REDIR_PROTOCOLS_STR, "https"); }

private:
  CURL *Curl;
};

// Redirects off, or a setting the caller chooses.
void settings(bool Follow) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, Follow ? 1L : 0L);
}

// The handle is a caller's, and no caller is in this file: it may be
// restricted there.
void configure(CURL *H) { curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L); }

void suppressed() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L); // NOLINT(prodready-unvalidated-url)
}
