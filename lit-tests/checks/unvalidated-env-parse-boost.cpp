// With the helper header named (HelperHeader), as a project that has it on
// its include path sets it. unvalidated-env-parse-self-contained.cpp has the
// default fix, which needs no header.
// RUN: %check_prodready %s prodready-unvalidated-env-parse %t -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-env-parse.HelperHeader: '<prodready/env.h>'}}" \
// RUN:   -- -std=c++17 -I%runtime_include
// boost::lexical_cast, from Debian's libboost-dev.

// CHECK-FIXES: #include <prodready/env.h>
#include <boost/lexical_cast.hpp>
#include <cstdlib>
#include <string>

double ratio() {
  return boost::lexical_cast<double>(std::getenv("RATIO"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::lexical_cast' throws 'boost::bad_lexical_cast' on a malformed value of 'RATIO' that is not caught here; the program terminates [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return prodready::parse_number_or<double>(std::getenv("RATIO"), 0);
}

unsigned caught() {
  try {
    return boost::lexical_cast<unsigned>(std::getenv("WORKERS"));
  } catch (const boost::bad_lexical_cast &) {
    return 4;
  }
}

unsigned caughtAsBase() {
  try {
    return boost::lexical_cast<unsigned>(std::getenv("SHARDS"));
  } catch (const std::bad_cast &) {
    return 1;
  }
}

std::string notANumber() {
  // Converting to a string cannot fail on malformed input: no fix, but
  // still a throwing conversion of an environment value.
  return boost::lexical_cast<std::string>(std::getenv("NAME"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::lexical_cast' throws 'boost::bad_lexical_cast' on a malformed value of 'NAME' that is not caught here; the program terminates
  // CHECK-FIXES: return boost::lexical_cast<std::string>(std::getenv("NAME"));
}
