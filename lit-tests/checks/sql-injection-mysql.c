// RUN: %check_prodready %s prodready-sql-injection %t -- -- -std=c11 -isystem /usr/include/mariadb
// The MySQL C API (MariaDB's headers) in C: mysql_query, mysql_real_query,
// mysql_send_query and mysql_stmt_prepare, with the query built by
// snprintf and strcat into a buffer; mysql_real_escape_string quotes.

#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

void serve(MYSQL *Db, int Socket) {
  char Name[128];
  ssize_t N = recv(Socket, Name, sizeof Name - 1, 0);
  if (N <= 0)
    return;
  Name[N] = '\0';
  char Query[512];
  snprintf(Query, sizeof Query, "SELECT id FROM users WHERE name = '%s'",
           Name);
  mysql_query(Db, Query);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: SQL built from data from the network reaches 'mysql_query': a quote in it can rewrite the query (SQL injection); bind it to a '?' placeholder with mysql_stmt_bind_param() [prodready-sql-injection]
  // CHECK-NOTES: :[[@LINE-9]]:15: note: the untrusted value comes from 'recv' here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: it is joined into the query here

  char Delete[512] = "DELETE FROM sessions WHERE user = '";
  strcat(Delete, Name);
  strcat(Delete, "'");
  mysql_real_query(Db, Delete, strlen(Delete));
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: SQL built from data from the network reaches 'mysql_real_query'
  // CHECK-NOTES: :[[@LINE-17]]:15: note: the untrusted value comes from 'recv' here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: it is joined into the query here

  // A whole statement from the network: whoever sends it runs it.
  char Statement[256];
  recv(Socket, Statement, sizeof Statement, 0);
  mysql_send_query(Db, Statement, strlen(Statement));
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: data from the network is run as SQL by 'mysql_send_query': whoever sends it can run any statement (SQL injection) [prodready-sql-injection]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the untrusted value comes from 'recv' here

  // Preparing a statement built from the data does not help.
  MYSQL_STMT *Prepared = mysql_stmt_init(Db);
  mysql_stmt_prepare(Prepared, Query, strlen(Query));
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: SQL built from data from the network reaches 'mysql_stmt_prepare'
  // CHECK-NOTES: :[[@LINE-31]]:15: note: the untrusted value comes from 'recv' here
  // CHECK-NOTES: :[[@LINE-27]]:3: note: it is joined into the query here

  // Escaped first: not reported.
  char Escaped[2 * sizeof Name + 1];
  mysql_real_escape_string(Db, Escaped, Name, strlen(Name));
  char Safe[512];
  snprintf(Safe, sizeof Safe, "SELECT id FROM users WHERE name = '%s'",
           Escaped);
  mysql_query(Db, Safe);
  // A number read from the data: not reported.
  char ById[128];
  snprintf(ById, sizeof ById, "SELECT name FROM users WHERE id = %d",
           atoi(Name));
  mysql_query(Db, ById);
  // The fix: a placeholder and a bound parameter.
  mysql_stmt_prepare(Prepared, "SELECT id FROM users WHERE name = ?", 35);
  mysql_stmt_close(Prepared);
}

// Read by a helper into the caller's buffer: the note shows the call.
static void readLine(int Socket, char *Out, size_t Size) {
  ssize_t N = recv(Socket, Out, Size - 1, 0);
  Out[N > 0 ? N : 0] = '\0';
}

void fromHelper(MYSQL *Db, int Socket) {
  char Name[64];
  readLine(Socket, Name, sizeof Name);
  char Query[256];
  snprintf(Query, sizeof Query, "DELETE FROM t WHERE name = '%s'", Name);
  mysql_query(Db, Query);
}
// CHECK-NOTES: :[[@LINE-2]]:19: warning: SQL built from data from the network reaches 'mysql_query'
// CHECK-NOTES: :[[@LINE-12]]:15: note: the untrusted value comes from 'recv' here
// CHECK-NOTES: :[[@LINE-7]]:3: note: 'readLine' writes it into an argument here
// CHECK-NOTES: :[[@LINE-6]]:3: note: it is joined into the query here

// A parameter of a function other code can call, between quotes.
void byOwner(MYSQL *Db, const char *Owner) {
  char Query[256];
  snprintf(Query, sizeof Query, "SELECT * FROM jobs WHERE owner = '%s'", Owner);
  mysql_query(Db, Query);
}
// CHECK-NOTES: :[[@LINE-2]]:19: warning: SQL built from non-constant text (parameter 'Owner' of 'byOwner') reaches 'mysql_query': it is put between quotes unescaped, and a quote in it rewrites the query (SQL injection); bind it to a '?' placeholder with mysql_stmt_bind_param() [prodready-sql-injection]
// CHECK-NOTES: :[[@LINE-6]]:37: note: 'Owner' is a parameter of 'byOwner': its callers decide what it holds
// CHECK-NOTES: :[[@LINE-5]]:3: note: it is joined into the query here
