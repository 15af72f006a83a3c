// RUN: %check_prodready %s prodready-regex-in-loop %t -- -- -std=c++17
// Boost.Regex (libboost-regex-dev's headers): boost::regex, boost::wregex
// and the ICU-backed boost::u32regex, compiled by construction, by
// boost::make_u32regex, and recompiled by assign/set_expression/operator=.

#include <boost/regex.hpp>
#include <boost/regex/icu.hpp>
#include <string>
#include <vector>

static const char *const kIdentifier = "^[a-zA-Z_][a-zA-Z0-9_]*$";

// icinga2's ConfigWriter::EmitIdentifier: called for every key written.
bool isIdentifier(const std::string &Name) {
  boost::regex Expr(kIdentifier);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Expr' is compiled from a constant pattern on every call of 'isIdentifier'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const boost::regex Expr(kIdentifier);
  boost::smatch What;
  return boost::regex_search(Name, What, Expr);
}

int versions(const std::vector<std::string> &Tags) {
  int N = 0;
  for (const std::string &Tag : Tags) {
    const boost::regex Version("^[vr]?(2\\.\\d+\\.\\d+).*$", boost::regex::perl | boost::regex::icase);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'Version' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
    // CHECK-FIXES: static const boost::regex Version("^[vr]?(2\\.\\d+\\.\\d+).*$", boost::regex::perl | boost::regex::icase);
    N += boost::regex_match(Tag, Version);
    N += boost::regex_match(Tag, boost::regex("^r"));
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a temporary 'boost::regex' is compiled from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  }
  return N;
}

std::wstring wide(const std::wstring &S) {
  boost::wregex Spaces(L"\\s+");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Spaces' is compiled from a constant pattern on every call of 'wide'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const boost::wregex Spaces(L"\\s+");
  return boost::regex_replace(S, Spaces, L" ");
}

bool unicode(const std::string &S) {
  boost::u32regex Letters = boost::make_u32regex("^\\p{L}+$");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Letters' is compiled from a constant pattern on every call of 'unicode'; compiling a regex costs 10 to 100 times as much as a match [prodready-regex-in-loop]
  // CHECK-FIXES: static const boost::u32regex Letters = boost::make_u32regex("^\\p{L}+$");
  return boost::u32regex_match(S, Letters);
}

void reassign(const std::vector<std::string> &Lines) {
  boost::regex Re;
  for (const std::string &Line : Lines) {
    Re.set_expression("a|b");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Re' is recompiled by 'set_expression' from a constant pattern on every iteration of the loop; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
    boost::regex_search(Line, Re);
  }
}

// A local reassigned on every call.
bool local(const std::string &S, bool Strict) {
  boost::regex Re;
  if (Strict)
    Re.assign("^x$");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Re' is recompiled by 'assign' from a constant pattern on every call of 'local'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
  else
    Re = "x";
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Re' is recompiled by assignment from a constant pattern on every call of 'local'; compiling a regex costs 10 to 100 times as much as a match; no fix-it: it changes a regex that exists already [prodready-regex-in-loop]
  return boost::regex_search(S, Re);
}

// --- Silent ---------------------------------------------------------------------

// Set up once and kept: a member, a parameter the caller keeps.
struct Matcher {
  boost::regex Re;
  explicit Matcher(const std::string &P) { Re.assign(P); }
  void reset() { Re.set_expression("^$"); }
};
void configure(boost::regex &Out) { Out.assign("^cfg$"); }

// Static, namespace scope.
const boost::regex Global("^g$");
bool staticLocal(const std::string &S) {
  static const boost::regex Re("^s$");
  return boost::regex_match(S, Re) || boost::regex_match(S, Global);
}

// Copies compile nothing.
bool copies(const std::string &S, const boost::regex &Given) {
  boost::regex Copy(Given);
  return boost::regex_match(S, Copy);
}
