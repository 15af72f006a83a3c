// RUN: %check_prodready %s prodready-unsafe-path-join %t -- \
// RUN:   -config="{CheckOptions: {prodready-unsafe-path-join.OperatorInputs: Report}}" \
// RUN:   -- -std=c11
// C forms: strcat and snprintf into a buffer, then fopen and open.

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  char Path[256] = "/var/spool/app/";
  strncat(Path, argv[1], sizeof Path - strlen(Path) - 1);
  FILE *F = fopen(Path, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: path built from the command line reaches 'fopen' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  char Other[256];
  snprintf(Other, sizeof Other, "/var/spool/app/%s.dat", getenv("JOB"));
  int Fd = open(Other, O_CREAT | O_WRONLY, 0600);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: path built from the environment reaches 'open' unsanitized
  // A constant path, and a name checked for ".." and "/" first.
  FILE *Log = fopen("/var/log/app.log", "a");
  const char *Name = argv[2];
  if (strstr(Name, "..") == NULL && Name[0] != '/') {
    char Safe[256];
    snprintf(Safe, sizeof Safe, "/var/spool/app/%s", Name);
    FILE *S = fopen(Safe, "r");
    if (S)
      fclose(S);
  }
  // Checking one element of argv does not vouch for another.
  if (strstr(argv[3], "..") == NULL && argv[3][0] != '/')
    unlink(argv[3]);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the command line is used as the whole path for 'unlink'; it can name any file
  if (F)
    fclose(F);
  if (Log)
    fclose(Log);
  close(Fd);
  return 0;
}
