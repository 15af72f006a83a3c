// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c11
// C validators return int: non-zero when the name is safe.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int safe_name(const char *name) {
  if (strstr(name, "..") != NULL)
    return 0;
  if (name[0] == '/')
    return 0;
  return 1;
}

// 0 means "fine" here (errno style). FIXME: such validators are not
// recognized yet, so open_status below is reported although it is safe.
static int check_name(const char *name) {
  if (strstr(name, "..") != NULL || name[0] == '/')
    return -1;
  return 0;
}

static int no_dots(const char *name) { return strstr(name, "..") == NULL; }

FILE *open_checked(void) {
  const char *name = getenv("SPOOL_NAME");
  char path[256];
  if (!name || !safe_name(name))
    return NULL;
  snprintf(path, sizeof path, "/var/spool/app/%s", name);
  return fopen(path, "r");
}

FILE *open_dots_only(void) {
  const char *name = getenv("SPOOL_NAME");
  char path[256];
  if (!name || !no_dots(name))
    return NULL;
  snprintf(path, sizeof path, "/var/spool/app/%s", name);
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from the environment reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

FILE *open_status(void) {
  const char *name = getenv("SPOOL_NAME");
  char path[256];
  if (!name || check_name(name) != 0)
    return NULL;
  snprintf(path, sizeof path, "/var/spool/app/%s", name);
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from the environment reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}
