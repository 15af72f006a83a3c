// RUN: %check_prodready -expect-compile-error %s prodready-missing-timeout %t -- -- -std=c++17
// Broken code must not crash the analysis.

#include <curl/curl.h>

void unknownHandle(const char *url) {
  UnknownHandle h = make_unknown();
  curl_easy_perform(h);
}

void unknownHelper(const char *url) {
  CURL *h = undeclared_factory();
  curl_easy_perform(h);
}

void knownHandle() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h, extra_argument);
}

void recursiveHelper(CURL *h);
CURL *makeRecursive() { CURL *h = makeRecursive(); recursiveHelper(h); return h; }
void recursiveHelper(CURL *h) { recursiveHelper(h); }
void useRecursive() {
  CURL *h = makeRecursive();
  curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on a handle without CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS can block forever on a stalled server [prodready-missing-timeout]
}

void unterminated() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h
}

#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>

void brokenSocketCalls(char *buffer) {
  int fd = socket(AF_INET, UNDECLARED_FLAG | SOCK_NONBLOCK, 0);
  fcntl(fd, F_SETFL);
  pollfd entry{fd, POLLIN, 0};
  poll(&entry, 1, undeclared_timeout);
  select(fd + 1);
  recv(fd, buffer, 16, 0);
}

void configureSocket(int fd) { configureSocket(fd); }
void recursiveSocketHelper(char *buffer) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  configureSocket(fd);
  recv(fd, buffer, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' on a socket with no SO_RCVTIMEO/SO_SNDTIMEO, poll/select or non-blocking mode in this function can block forever [prodready-missing-timeout]
}

void brokenHelper(int fd) { undeclared_set_timeout(fd); }
void socketGivenToBrokenCode(char *buffer) {
  // What the undeclared function does to the socket is unknown: silent.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  brokenHelper(fd);
  recv(fd, buffer, 16, 0);
}
