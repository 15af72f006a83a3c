// RUN: %check_prodready %s prodready-sql-injection %t -- -- -std=c++17
// libpqxx (6.4 here): transaction_base::exec, exec0, exec1, exec_n,
// exec_params (the query, not the parameters) and connection::prepare
// (the definition, not the name); quote, quote_name and esc quote.

#include <iostream>
#include <pqxx/pqxx>
#include <string>

void report(pqxx::connection &Conn) {
  std::string Region;
  std::getline(std::cin, Region);
  pqxx::work Txn(Conn);
  pqxx::result Rows =
      Txn.exec("SELECT * FROM sales WHERE region = '" + Region + "'");
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: SQL built from standard input reaches 'pqxx::transaction_base::exec': a quote in it can rewrite the query (SQL injection); bind it to a '$1' placeholder with exec_params() [prodready-sql-injection]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the untrusted value comes from 'getline' here
  // CHECK-NOTES: :[[@LINE-3]]:16: note: it is joined into the query here
  Txn.exec0("DELETE FROM sales WHERE region = '" + Region + "'");
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: SQL built from standard input reaches 'pqxx::transaction_base::exec0'
  // CHECK-NOTES: :[[@LINE-9]]:3: note: the untrusted value comes from 'getline' here
  // CHECK-NOTES: :[[@LINE-3]]:13: note: it is joined into the query here
  Txn.exec1("SELECT count(*) FROM sales WHERE region = '" + Region + "'");
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: SQL built from standard input reaches 'pqxx::transaction_base::exec1'
  // CHECK-NOTES: :[[@LINE-13]]:3: note: the untrusted value comes from 'getline' here
  // CHECK-NOTES: :[[@LINE-3]]:13: note: it is joined into the query here
  Txn.exec_n(1, "SELECT 1 FROM sales WHERE region = '" + Region + "'");
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: SQL built from standard input reaches 'pqxx::transaction_base::exec_n'
  // CHECK-NOTES: :[[@LINE-17]]:3: note: the untrusted value comes from 'getline' here
  // CHECK-NOTES: :[[@LINE-3]]:17: note: it is joined into the query here
  Txn.exec_params("SELECT * FROM sales WHERE region = '" + Region + "'");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: SQL built from standard input reaches 'pqxx::transaction_base::exec_params'
  // CHECK-NOTES: :[[@LINE-21]]:3: note: the untrusted value comes from 'getline' here
  // CHECK-NOTES: :[[@LINE-3]]:19: note: it is joined into the query here
  Conn.prepare("by_region",
               "SELECT * FROM sales WHERE region = '" + Region + "'");
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: SQL built from standard input reaches 'pqxx::connection_base::prepare'
  // CHECK-NOTES: :[[@LINE-26]]:3: note: the untrusted value comes from 'getline' here
  // CHECK-NOTES: :[[@LINE-3]]:16: note: it is joined into the query here

  // The fix: a parameter; or the value quoted by pqxx.
  Txn.exec_params("SELECT * FROM sales WHERE region = $1", Region);
  Txn.exec_params1("SELECT count(*) FROM sales WHERE region = $1", Region);
  Conn.prepare("by_region_ok", "SELECT * FROM sales WHERE region = $1");
  Txn.exec_prepared("by_region_ok", Region);
  Txn.exec("SELECT * FROM sales WHERE region = " + Txn.quote(Region));
  Txn.exec("SELECT * FROM sales WHERE region = '" + Txn.esc(Region) + "'");
  Txn.exec("SELECT " + Txn.quote_name(Region) + " FROM sales");
  Txn.exec("SELECT * FROM " + Conn.quote_name(Region));
  Txn.exec("SELECT * FROM sales WHERE region LIKE '" + Txn.esc_like(Region) +
           "%'");
  Txn.commit();
}
