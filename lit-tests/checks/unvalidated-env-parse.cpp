// With the helper header named (HelperHeader), as a project that has it on
// its include path sets it. unvalidated-env-parse-self-contained.cpp has the
// default fix, which needs no header.
// RUN: %check_prodready %s prodready-unvalidated-env-parse %t -- \
// RUN:   -config="{CheckOptions: {prodready-unvalidated-env-parse.HelperHeader: '<prodready/env.h>'}}" \
// RUN:   -- -std=c++17 -I%runtime_include

// CHECK-FIXES: #include <prodready/env.h>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>

// --- Throwing conversions outside a matching try ---------------------------

float temperature() {
  return std::stof(std::getenv("TEMPERATURE"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::stof' throws 'std::invalid_argument' on a malformed value of 'TEMPERATURE' that is not caught here; the program terminates [prodready-unvalidated-env-parse]
  // CHECK-FIXES: return prodready::parse_number_or<float>(std::getenv("TEMPERATURE"), 0);
}

int maxTokens() {
  const char *Raw = std::getenv("MAX_TOKENS");
  std::string Text = Raw ? Raw : "1024";
  int Tokens = std::stoi(Text);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::stoi' throws 'std::invalid_argument' on a malformed value of 'MAX_TOKENS' that is not caught here; the program terminates
  // CHECK-FIXES: int Tokens = prodready::parse_number_or<int>(Text, 0);
  return Tokens;
}

long long withIndex() {
  std::string Text = std::getenv("LIMIT");
  size_t Used = 0;
  // Not fixed: the index out-parameter would be lost.
  long long Limit = std::stoll(Text, &Used);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::stoll' throws 'std::invalid_argument' on a malformed value of 'LIMIT' that is not caught here; the program terminates
  // CHECK-FIXES: long long Limit = std::stoll(Text, &Used);
  return Limit + Used;
}

unsigned long partlyCaught() {
  try {
    return std::stoul(std::getenv("WORKERS"));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::stoul' throws 'std::out_of_range' on an out-of-range value of 'WORKERS' that is not caught here; the program terminates
    // CHECK-FIXES: return std::stoul(std::getenv("WORKERS"));
  } catch (const std::invalid_argument &) {
    return 4;
  }
}

// --- Silent conversions ----------------------------------------------------

struct Settings {
  int Port;
  double Ratio;
  long Retries;
};

Settings silent() {
  Settings S;
  S.Port = std::atoi(std::getenv("PORT"));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'atoi' cannot report errors: a malformed value of 'PORT' silently becomes 0
  // CHECK-FIXES: S.Port = prodready::parse_number_or<int>(std::getenv("PORT"), 0);
  const char *Ratio = std::getenv("RATIO");
  if (Ratio)
    S.Ratio = atof(Ratio);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'atof' cannot report errors: a malformed value of 'RATIO' silently becomes 0
  // CHECK-FIXES: S.Ratio = prodready::parse_number_or<double>(Ratio, 0);
  S.Retries = std::strtol(std::getenv("RETRIES"), nullptr, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'strtol' is called without an end pointer: a malformed value of 'RETRIES' silently becomes 0
  // CHECK-FIXES: S.Retries = prodready::parse_number_or<long>(std::getenv("RETRIES"), 0);
  return S;
}

long hexNotFixed() {
  // Base 16: the helper parses decimal only, so no fix.
  return std::strtol(std::getenv("MASK"), nullptr, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'strtol' is called without an end pointer: a malformed value of 'MASK' silently becomes 0
  // CHECK-FIXES: return std::strtol(std::getenv("MASK"), nullptr, 16);
}

long endNotChecked() {
  const char *Text = std::getenv("TIMEOUT");
  char *End = nullptr;
  long Timeout = std::strtol(Text, &End, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the end pointer of 'strtol' is not checked: a malformed value of 'TIMEOUT' silently becomes 0
  return Timeout;
}

double errnoNotChecked() {
  const char *Text = std::getenv("SCALE");
  char *End = nullptr;
  double Scale = std::strtod(Text, &End);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'errno' is not checked after 'strtod': an out-of-range value of 'SCALE' is silently clamped
  if (End == Text || *End != '\0')
    return 1.0;
  return Scale;
}

int scanfUnchecked() {
  int Value = 0;
  std::sscanf(std::getenv("LEVEL"), "%d", &Value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of 'sscanf' is not checked: a malformed value of 'LEVEL' leaves its targets unassigned
  return Value;
}

int fromCharsUnchecked() {
  std::string Text = std::getenv("SHARDS");
  int Shards = 1;
  std::from_chars(Text.data(), Text.data() + Text.size(), Shards);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'ec' of 'std::from_chars' is not checked: a malformed value of 'SHARDS' leaves the target unassigned
  auto [Ptr, Ec] = std::from_chars(Text.data(), Text.data() + Text.size(), Shards);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the 'ec' of 'std::from_chars' is not checked: a malformed value of 'SHARDS' leaves the target unassigned
  (void)Ptr;
  return Shards;
}

int streamUnchecked() {
  std::istringstream In(std::getenv("BATCH"));
  int Batch = 0;
  In >> Batch;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the stream state is not checked after reading a number from 'BATCH': a malformed value silently becomes 0
  return Batch;
}

// Through a helper of this file that returns the text.
static std::string envText(const char *Name, const char *Default) {
  const char *Value = std::getenv(Name);
  return Value ? Value : Default;
}

int throughHelper() {
  return std::stoi(envText("QUEUE", "8"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::stoi' throws 'std::invalid_argument' on a malformed value of an environment variable that is not caught here; the program terminates
  // CHECK-FIXES: return prodready::parse_number_or<int>(envText("QUEUE", "8"), 0);
}

// A global initialized from the environment.
static const char *const GlobalRate = std::getenv("RATE");
int throughGlobal() {
  return atoi(GlobalRate);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'atoi' cannot report errors: a malformed value of 'RATE' silently becomes 0
  // CHECK-FIXES: return prodready::parse_number_or<int>(GlobalRate, 0);
}

// --- Validated parses: must stay silent ------------------------------------

int caught() {
  try {
    return std::stoi(std::getenv("A"));
  } catch (const std::exception &) {
    return 1;
  }
}

int caughtBoth() {
  try {
    return std::stoi(std::getenv("B"));
  } catch (const std::invalid_argument &) {
    return 1;
  } catch (const std::out_of_range &) {
    return 2;
  }
}

int caughtAll() {
  try {
    int Value = std::stoi(std::getenv("C"));
    return Value;
  } catch (...) {
    return 1;
  }
}

long strtolChecked() {
  const char *Text = std::getenv("D");
  if (!Text)
    return 0;
  char *End = nullptr;
  errno = 0;
  long Value = std::strtol(Text, &End, 10);
  if (End == Text || *End != '\0' || errno == ERANGE)
    return 0;
  return Value;
}

long strtolEndFromCaller(char **End) {
  return std::strtol(std::getenv("E"), End, 10);
}

int scanfChecked() {
  int Value = 0;
  if (std::sscanf(std::getenv("F"), "%d", &Value) != 1)
    return -1;
  int Count = std::sscanf(std::getenv("G"), "%d", &Value);
  if (Count != 1)
    return -1;
  return Value;
}

int fromCharsChecked() {
  std::string Text = std::getenv("H");
  int Value = 0;
  auto [Ptr, Ec] = std::from_chars(Text.data(), Text.data() + Text.size(), Value);
  if (Ec != std::errc())
    return -1;
  auto Result = std::from_chars(Text.data(), Text.data() + Text.size(), Value);
  if (Result.ec != std::errc{})
    return -1;
  if (std::from_chars(Text.data(), Text.data() + Text.size(), Value).ec != std::errc())
    return -1;
  (void)Ptr;
  return Value;
}

int streamChecked() {
  std::istringstream In(std::getenv("I"));
  int Value = 0;
  if (!(In >> Value))
    return -1;
  std::istringstream Second(std::getenv("J"));
  Second >> Value;
  if (Second.fail())
    return -1;
  return Value;
}

// Text that does not come from the environment is not this check's business.
int notFromEnvironment(const std::string &Argument) {
  int A = std::stoi(Argument);
  int B = std::atoi("42");
  std::istringstream In("7");
  int C = 0;
  In >> C;
  return A + B + C;
}
