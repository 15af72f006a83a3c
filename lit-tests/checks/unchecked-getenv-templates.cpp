// RUN: %check_prodready %s prodready-unchecked-getenv %t -- -- -std=c++17
// A getenv in a template is reported once however many times the template
// is instantiated (CHECK-MESSAGES fails on any other warning), with one fix;
// a template nothing instantiates is analyzed through its pattern.

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

// --- Instantiated three times ------------------------------------------------

template <class T> std::string setting() {
  std::string Value = std::getenv("API_BASE");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'getenv' returns null when 'API_BASE' is unset; constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES:      const char *api_base = std::getenv("API_BASE");
  // CHECK-FIXES-NEXT: std::string Value = api_base ? api_base : "";
  return Value;
}

std::string useSetting() {
  return setting<int>() + setting<long>() + setting<char>();
}

// --- Never instantiated: the pattern ----------------------------------------

template <class T> size_t homeLength() {
  return std::strlen(std::getenv("HOME"));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'getenv' returns null when 'HOME' is unset; passing it to 'strlen' is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES:      const char *home = std::getenv("HOME");
  // CHECK-FIXES-NEXT: return std::strlen(home ? home : "");
}

// --- Members of a class template ------------------------------------------------

template <class T> struct Config {
  std::string region() const { return std::getenv("REGION"); }
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'getenv' returns null when 'REGION' is unset; constructing 'std::string' from it is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES: std::string region() const { const char *region_env = std::getenv("REGION"); return region_env ? region_env : ""; }
  void printZone() const;
  std::string zoneOr(const char *Fallback) const {
    const char *Zone = std::getenv("ZONE");
    return Zone ? Zone : Fallback;
  }
};

template <class T> void Config<T>::printZone() const {
  const char *Zone = std::getenv("ZONE");
  std::cout << Zone;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Zone' may be null ('getenv' returns null when 'ZONE' is unset); writing it to a stream is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES: std::cout << (Zone ? Zone : "");
}

std::string useConfig() {
  Config<int> A;
  Config<short> B;
  A.printZone();
  B.printZone();
  return A.region() + B.region() + A.zoneOr("a") + B.zoneOr("b");
}

// --- A generic lambda ---------------------------------------------------------

size_t useLambda() {
  auto Length = [](auto Name) { return std::strlen(std::getenv(Name)); };
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: 'getenv' returns null when the variable is unset; passing it to 'strlen' is undefined behaviour [prodready-unchecked-getenv]
  // CHECK-FIXES: auto Length = [](auto Name) { const char *value = std::getenv(Name); return std::strlen(value ? value : ""); };
  std::string Other = "OTHER";
  return Length("USER") + Length(Other.c_str());
}

// --- Near misses ------------------------------------------------------------------

template <class T> std::string checkedSetting() {
  const char *Value = std::getenv("API_BASE");
  if (!Value)
    return "https://api.example.com";
  return Value;
}

std::string useCheckedSetting() {
  return checkedSetting<int>() + checkedSetting<long>();
}
