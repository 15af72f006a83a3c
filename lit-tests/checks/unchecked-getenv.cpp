// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c++17

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>

void takesString(const std::string &S);

// --- Direct uses of the result -------------------------------------------

void directUses() {
  std::string Base = std::getenv("API_BASE");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'getenv' returns null when 'API_BASE' is unset; constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  // The value gets a name on a line of its own (not a lambda called in
  // place), and the use falls back when it is null.
  // CHECK-FIXES:      const char *api_base = std::getenv("API_BASE");
  // CHECK-FIXES-NEXT: std::string Base = api_base ? api_base : "";

  std::string Direct(getenv("HOME"));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'getenv' returns null when 'HOME' is unset; constructing 'std::string' from it is undefined behaviour
  // CHECK-FIXES:      const char *home = getenv("HOME");
  // CHECK-FIXES-NEXT: std::string Direct(home ? home : "");

  std::string_view View = std::getenv("USER");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'getenv' returns null when 'USER' is unset; constructing 'std::string_view' from it is undefined behaviour

  takesString(std::getenv("REGION"));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'getenv' returns null when 'REGION' is unset; constructing 'std::string' from it is undefined behaviour

  std::string Assigned;
  Assigned = std::getenv("MODEL");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'getenv' returns null when 'MODEL' is unset; assigning it to 'std::string' is undefined behaviour
  Assigned += std::getenv("SUFFIX");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'getenv' returns null when 'SUFFIX' is unset; appending it to 'std::string' is undefined behaviour
  std::string Url = Assigned + std::getenv("PATH_PART");
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'getenv' returns null when 'PATH_PART' is unset; concatenating it with 'std::string' is undefined behaviour
  bool Same = Assigned == std::getenv("EXPECTED");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'getenv' returns null when 'EXPECTED' is unset; comparing it with 'std::string' is undefined behaviour
  Assigned.append(std::getenv("MORE"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'getenv' returns null when 'MORE' is unset; passing it to 'std::string::append' is undefined behaviour

  std::cout << std::getenv("GREETING") << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'getenv' returns null when 'GREETING' is unset; writing it to a stream is undefined behaviour
  // CHECK-FIXES:      const char *greeting = std::getenv("GREETING");
  // CHECK-FIXES-NEXT: std::cout << (greeting ? greeting : "") << "\n";

  size_t Length = strlen(getenv("TOKEN"));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'getenv' returns null when 'TOKEN' is unset; passing it to 'strlen' is undefined behaviour
  int Cmp = std::strcmp(std::getenv("MODE"), "debug");
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'getenv' returns null when 'MODE' is unset; passing it to 'strcmp' is undefined behaviour
  char First = *std::getenv("INITIAL");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'getenv' returns null when 'INITIAL' is unset; dereferencing it is undefined behaviour
  char Second = std::getenv("INITIAL")[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'getenv' returns null when 'INITIAL' is unset; indexing it is undefined behaviour
  (void)Same; (void)Length; (void)Cmp; (void)First; (void)Second; (void)View;
}

// Paths and numbers are not text: the fix goes on a note (--fix-notes).
void nonTextSinks() {
  FILE *Out = std::fopen(std::getenv("OUT_FILE"), "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'getenv' returns null when 'OUT_FILE' is unset; passing it to 'fopen' is undefined behaviour
  // CHECK-FIXES: FILE *Out = std::fopen(std::getenv("OUT_FILE"), "w");
  int Port = atoi(getenv("PORT"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'getenv' returns null when 'PORT' is unset; passing it to 'atoi' is undefined behaviour
  (void)Out; (void)Port;
}

// --- Through a local -------------------------------------------------------

void throughLocals(bool Verbose) {
  const char *Home = std::getenv("HOME");
  std::string H = Home;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Home' may be null ('getenv' returns null when 'HOME' is unset); constructing 'std::string' from it is undefined behaviour
  // CHECK-FIXES: std::string H = Home ? Home : "";
  std::cout << Home;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Home' may be null ('getenv' returns null when 'HOME' is unset); writing it to a stream is undefined behaviour
  // CHECK-FIXES: std::cout << (Home ? Home : "");

  // Checked on one branch only: the other path still reaches the use.
  const char *Level = std::getenv("LOG_LEVEL");
  if (Verbose && Level)
    std::cout << Level;
  std::string L(Level);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Level' may be null ('getenv' returns null when 'LOG_LEVEL' is unset); constructing 'std::string' from it is undefined behaviour
  // CHECK-FIXES: std::string L(Level ? Level : "");

  // A check after the use does not help the use.
  const char *Key = getenv("KEY");
  size_t N = strlen(Key);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Key' may be null ('getenv' returns null when 'KEY' is unset); passing it to 'strlen' is undefined behaviour
  if (!Key)
    return;

  // Assigned on one path only.
  const char *Name = "default";
  if (Verbose)
    Name = std::getenv("NAME");
  std::string S = Name;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Name' may be null ('getenv' returns null when 'NAME' is unset); constructing 'std::string' from it is undefined behaviour

  // Inside the null branch.
  const char *Dir = std::getenv("DIR");
  if (Dir == nullptr)
    std::cout << "DIR is " << Dir;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'Dir' may be null ('getenv' returns null when 'DIR' is unset); writing it to a stream is undefined behaviour
  (void)N;
}

// --- Through a helper of this file -----------------------------------------

static const char *readEnv(const char *Name) { return std::getenv(Name); }

static const char *envOrNull(const char *Name) {
  const char *Value = std::getenv(Name);
  if (!Value)
    return nullptr;
  return Value;
}

void throughHelpers() {
  std::string Endpoint = readEnv("ENDPOINT");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'readEnv' may return null when an environment variable is unset; constructing 'std::string' from it is undefined behaviour
  // CHECK-FIXES:      const char *endpoint = readEnv("ENDPOINT");
  // CHECK-FIXES-NEXT: std::string Endpoint = endpoint ? endpoint : "";
  const char *Region = envOrNull("REGION");
  std::string R = Region;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Region' may be null ('envOrNull' may return null when an environment variable is unset); constructing 'std::string' from it is undefined behaviour
}

// --- Other contexts --------------------------------------------------------

std::string GlobalBase = std::getenv("GLOBAL_BASE");
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'getenv' returns null when 'GLOBAL_BASE' is unset; constructing 'std::string' from it is undefined behaviour
// Outside a function no statement can go before the use: a lambda called
// in place evaluates the call once.
// CHECK-FIXES: std::string GlobalBase = [] { auto *value = std::getenv("GLOBAL_BASE"); return value ? value : ""; }();

struct Config {
  std::string Model = std::getenv("MODEL_NAME");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'getenv' returns null when 'MODEL_NAME' is unset; constructing 'std::string' from it is undefined behaviour
  std::string Zone;
  Config() : Zone(std::getenv("ZONE")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'getenv' returns null when 'ZONE' is unset; constructing 'std::string' from it is undefined behaviour
};

void inLambda() {
  auto Read = [](const char *Name) {
    const char *V = std::getenv(Name);
    return std::string(V);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'V' may be null ('getenv' returns null when the variable is unset); constructing 'std::string' from it is undefined behaviour
  };
  (void)Read;
}

// --- Correct code: must stay silent ----------------------------------------

[[noreturn]] void die(const char *Message);

std::string guarded(bool Flag) {
  std::string Result;
  // Checked by an if.
  if (const char *P = std::getenv("A"))
    Result = P;
  const char *Q = std::getenv("B");
  if (Q != nullptr) {
    Result += Q;
    std::cout << Q;
  }
  // Early return, throw and noreturn calls.
  const char *R = std::getenv("C");
  if (!R)
    return Result;
  Result += R;
  const char *S = std::getenv("D");
  if (S == nullptr)
    throw 1;
  Result += S;
  const char *T = std::getenv("E");
  if (!T)
    std::exit(1);
  Result += T;
  const char *U = std::getenv("F");
  if (!U)
    die("F is not set");
  Result += U;
  // assert() is a guard the author wrote on purpose.
  const char *V = std::getenv("G");
  assert(V);
  Result += V;
  // A conditional with a fallback.
  const char *W = std::getenv("H");
  std::string WithDefault = W ? W : "fallback";
  std::string Direct = std::getenv("I") ? std::getenv("I") : "fallback";
  // Short-circuit guards.
  const char *X = std::getenv("J");
  if (X && strlen(X) > 0 && X[0] != '-')
    Result += X;
  if (!X || std::strcmp(X, "off") == 0)
    return Result;
  Result += X;
  // Replaced by a default when unset.
  const char *Y = std::getenv("K");
  if (!Y)
    Y = "default";
  Result += Y;
  // A loop that waits until the variable is set.
  const char *Z = nullptr;
  while (!Z)
    Z = std::getenv("L");
  Result += Z;
  // Re-reading a variable that was just checked.
  if (std::getenv("M"))
    Result += std::getenv("M");
  if (!getenv("N"))
    return Result;
  Result.append(getenv("N"));
  return Result;
}

void notSinks() {
  // printf("%s", nullptr) prints "(null)" with glibc: not reported.
  std::printf("%s\n", std::getenv("PRINTED"));
  // A pointer and a length: no terminated string is read.
  const char *P = std::getenv("SIZED");
  std::string Sized(P, 0);
  // Passing the pointer on, or comparing it, is fine.
  takesString(P ? P : "");
  bool IsSet = std::getenv("FLAG") != nullptr;
  (void)IsSet;
  // A helper that never returns null is not a source.
  struct Local {};
}

static const char *envOr(const char *Name, const char *Default) {
  const char *Value = std::getenv(Name);
  return Value ? Value : Default;
}

void safeHelper() {
  std::string S = envOr("SAFE", "x");
  std::cout << envOr("SAFE", "y");
}

// --- Helpers that end the program ------------------------------------------
// A call to a function that exits or throws on every path ends the path
// like exit() does, marked [[noreturn]] or not.

static void usage(const char *Why) {
  std::cerr << Why << "\n";
  std::exit(2);
}
static void fail(const std::string &Why) { throw std::runtime_error(Why); }
// Exits on one path only: not a check.
static void exitIf(bool Fatal) {
  if (Fatal)
    std::exit(1);
}

void endedByHelpers(bool Fatal) {
  const char *Key = std::getenv("API_KEY");
  if (!Key)
    usage("API_KEY is not set");
  std::string K = Key;
  const char *Org = std::getenv("ORG");
  if (Org == nullptr)
    fail("ORG is not set");
  std::string O = Org;
  const char *Team = std::getenv("TEAM");
  if (!Team)
    exitIf(Fatal);
  std::string T = Team;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Team' may be null ('getenv' returns null when 'TEAM' is unset); constructing 'std::string' from it is undefined behaviour
  // CHECK-FIXES: std::string T = Team ? Team : "";
}
