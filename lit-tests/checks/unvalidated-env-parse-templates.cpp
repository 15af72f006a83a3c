// With the helper header named (HelperHeader), as in unvalidated-env-parse.cpp.
// RUN: %check_prodready %s prodready-unvalidated-env-parse %t -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-env-parse.HelperHeader: '<prodready/env.h>'}}" \
// RUN:   -- -std=c++17 -I%runtime_include
// A conversion in a template is reported once however many times the
// template is instantiated; its fix is offered only when every
// instantiation asks for the same one.

// CHECK-FIXES: #include <prodready/env.h>
#include <boost/lexical_cast.hpp>
#include <cstdlib>
#include <stdexcept>
#include <string>

template <class T> float temperature() {
  return std::stof(std::getenv("TEMPERATURE"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::stof' throws 'std::invalid_argument' on a malformed value of 'TEMPERATURE' that is not caught here; the program terminates [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return prodready::parse_number_or<float>(std::getenv("TEMPERATURE"), 0);
}

float useTemperature() {
  return temperature<int>() + temperature<long>() + temperature<char>();
}

// The target type is the template's: each instantiation would rewrite the
// call with its own type, so none does.
template <class T> T fromEnvironment(const char *Name) {
  return boost::lexical_cast<T>(std::getenv(Name));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::lexical_cast' throws 'boost::bad_lexical_cast' on a malformed value of an environment variable that is not caught here; the program terminates [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return boost::lexical_cast<T>(std::getenv(Name));
}

double useFromEnvironment() {
  return fromEnvironment<int>("WORKERS") + fromEnvironment<double>("RATIO");
}

// Never instantiated: the pattern.
template <class T> int port() {
  return std::atoi(std::getenv("PORT"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' cannot report errors: a malformed value of 'PORT' silently becomes 0 [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return prodready::parse_number_or<int>(std::getenv("PORT"), 0);
}

// --- Near misses ------------------------------------------------------------------

template <class T> double ratio() {
  try {
    return std::stod(std::getenv("RATIO"));
  } catch (const std::exception &) {
    return 1.0;
  }
}

double useRatio() { return ratio<int>() + ratio<long>(); }
