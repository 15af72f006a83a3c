// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c11
// A buffer filled by a project function: the notes show where the data
// enters (inside the helper) and the call that writes it into the buffer.

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

static void readName(int sock, char *out, size_t size) {
  ssize_t n = recv(sock, out, size - 1, 0);
  out[n > 0 ? n : 0] = '\0';
}

FILE *openReceived(int sock) {
  char name[64];
  readName(sock, name, sizeof name);
  return fopen(name, "r");
}
// CHECK-NOTES: :[[@LINE-2]]:16: warning: data from the network is used as the whole path for 'fopen'; it can name any file [prodready-unsafe-path-join]
// CHECK-NOTES: :[[@LINE-10]]:15: note: the untrusted value comes from 'recv' here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'readName' writes it into an argument here

// Through two helpers: the outermost call is the step shown here.
static void readTwice(int sock, char *out) { readName(sock, out, 32); }

FILE *openNested(int sock) {
  char name[32];
  readTwice(sock, name);
  return fopen(name, "r");
}
// CHECK-NOTES: :[[@LINE-2]]:16: warning: data from the network is used as the whole path for 'fopen'; it can name any file [prodready-unsafe-path-join]
// CHECK-NOTES: :[[@LINE-22]]:15: note: the untrusted value comes from 'recv' here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'readTwice' writes it into an argument here

// A helper given the untrusted text by its caller is an ordinary call: the
// data entered here, no note for the call.
static void copyName(char *out, const char *in) { strcpy(out, in); }

FILE *openCopied(int sock) {
  char raw[32], name[32];
  recv(sock, raw, sizeof raw - 1, 0);
  copyName(name, raw);
  return fopen(name, "r");
}
// CHECK-NOTES: :[[@LINE-2]]:16: warning: data from the network is used as the whole path for 'fopen'; it can name any file [prodready-unsafe-path-join]
// CHECK-NOTES: :[[@LINE-5]]:3: note: the untrusted value comes from 'recv' here
