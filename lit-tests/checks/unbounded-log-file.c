// RUN: %check_prodready %s prodready-unbounded-log-file %t -- -- -std=c11
// C: fopen in append mode on a log path, kept in a global or written in
// an open-ended loop.

#include <stdio.h>
#include <sys/stat.h>

static FILE *logFile;
static volatile int running = 1;

void openLog(void) {
  logFile = fopen("/var/log/cdaemon.log", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' keeps log file '/var/log/cdaemon.log' open for append in global 'logFile', and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
}

void logLine(const char *line) { fputs(line, logFile); }

#define LOG_DIR "logs/"
void loop(void) {
  FILE *out = fopen(LOG_DIR "loop.txt", "ab");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'fopen' appends to log file 'logs/loop.txt' in a loop with no fixed end, and nothing rotates or size-checks it; it grows until the disk is full [prodready-unbounded-log-file]
  while (running)
    fprintf(out, "tick\n");
}

void daemonize(void) {
  freopen("daemon.log", "a+", stdout);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'freopen' sends stdout to log file 'daemon.log' in append mode for the rest of the process, and nothing rotates it; it grows until the disk is full [prodready-unbounded-log-file]
}

// ---- Silent --------------------------------------------------------------

static FILE *statsFile;
void openStats(void) { statsFile = fopen("stats.dat", "a"); }

static FILE *checked;
void openChecked(void) {
  struct stat info;
  if (stat("checked.log", &info) == 0 && info.st_size > 1024 * 1024)
    rename("checked.log", "checked.log.1");
  checked = fopen("checked.log", "a");
}

void once(const char *line) {
  FILE *out = fopen("once.log", "a");
  if (!out)
    return;
  fputs(line, out);
  fclose(out);
}
