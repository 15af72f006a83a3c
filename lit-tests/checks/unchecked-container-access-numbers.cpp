// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c++17
// A number parsed from untrusted text is still an untrusted index, however
// it was parsed (it is only harmless once printed into a path).

#include <charconv>
#include <cstdlib>
#include <httplib.h>
#include <string>

static const char *const Levels[4] = {"debug", "info", "warn", "error"};

const char *levelByStoi(const httplib::Request &Req) {
  int Level = std::stoi(Req.get_param_value("level"));
  return Levels[Level];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted index into array 'Levels' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
}

const char *levelByFromChars(const httplib::Request &Req) {
  std::string Text = Req.get_param_value("level");
  int Level = 0;
  std::from_chars(Text.data(), Text.data() + Text.size(), Level);
  return Levels[Level];
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted index into array 'Levels' is not checked against both bounds
}

const char *levelChecked(const httplib::Request &Req) {
  std::string Text = Req.get_param_value("level");
  unsigned Level = 0;
  auto [End, Error] =
      std::from_chars(Text.data(), Text.data() + Text.size(), Level);
  if (Error != std::errc() || Level >= 4)
    return "info";
  return Levels[Level];
}
