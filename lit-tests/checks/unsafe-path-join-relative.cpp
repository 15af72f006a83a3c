// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++20
// Confinement checks written with std::filesystem: a normalized path whose
// lexically_relative() to the base does not start with "..", a loop or an
// algorithm over a path's components that rejects "..", and the C and
// std::string searches for '/' and "..".

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;
const fs::path Root = "/srv/share";

void relativeToRoot(const httplib::Request &Req) {
  fs::path Full = fs::weakly_canonical(Root / Req.get_param_value("file"));
  fs::path Rel = Full.lexically_relative(Root);
  if (Rel.empty() || *Rel.begin() == "..")
    throw std::invalid_argument("outside the share");
  std::ifstream In(Full);
  std::ifstream Again(Root / Rel);
}

void relativeAsText(const httplib::Request &Req) {
  fs::path Full = (Root / Req.get_param_value("file")).lexically_normal();
  if (Full.lexically_relative(Root).string().starts_with(".."))
    return;
  fs::remove(Full);
}

void relativeComputed(const httplib::Request &Req) {
  fs::path Rel = fs::relative(Root / Req.get_param_value("file"), Root);
  if (Rel.native().rfind("..", 0) == 0)
    return;
  std::ofstream Out(Root / Rel);
}

void componentLoop(const httplib::Request &Req) {
  fs::path Name = Req.get_param_value("file");
  if (Name.is_absolute())
    return;
  for (const fs::path &Part : Name) {
    if (Part == "..")
      return;
  }
  std::ofstream Out(Root / Name);
}

void componentLoopWithRoot(const httplib::Request &Req) {
  fs::path Name = Req.get_param_value("file");
  for (const auto &Part : Name)
    if (Part == ".." || Part == "/")
      throw std::invalid_argument("bad path");
  std::ofstream Out(Root / Name);
}

void componentAlgorithms(const httplib::Request &Req) {
  fs::path A = Req.get_param_value("a");
  if (A.has_root_directory() ||
      std::any_of(A.begin(), A.end(),
                  [](const fs::path &Part) { return Part == ".."; }))
    return;
  std::ofstream OutA(Root / A);
  fs::path B = Req.get_param_value("b");
  if (B.is_absolute() || std::find(B.begin(), B.end(), "..") != B.end())
    return;
  std::ofstream OutB(Root / B);
  fs::path C = Req.get_param_value("c");
  if (!C.is_relative() &&
      !std::all_of(C.begin(), C.end(),
                   [](const fs::path &Part) { return Part != ".."; }))
    return;
  if (C.is_relative() &&
      std::none_of(C.begin(), C.end(),
                   [](const fs::path &Part) { return Part == ".."; }))
    std::ofstream OutC(Root / C);
}

// The C searches, and std::string's, in C++.
void searches(const httplib::Request &Req) {
  std::string Name = Req.get_param_value("name");
  if (std::strchr(Name.c_str(), '/'))
    return;
  std::ofstream A(Root / Name);
  std::string Other = Req.get_param_value("other");
  if (Other.find('/') != std::string::npos)
    return;
  std::ofstream B("/srv/share/" + Other);
  std::string Third = Req.get_param_value("third");
  if (Third.find("..") != std::string::npos)
    return;
  std::ofstream C("/srv/share/" + Third);
}

// --- Near misses: reported --------------------------------------------------

// Not normalized: "x/../../etc/passwd" is relative to the root as
// "x/../../etc/passwd", whose first component is "x".
void relativeNotNormalized(const httplib::Request &Req) {
  fs::path Full = Root / Req.get_param_value("file");
  fs::path Rel = Full.lexically_relative(Root);
  if (Rel.empty() || *Rel.begin() == "..")
    return;
  std::ifstream In(Full);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: path built from request data reaches 'std::ifstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
}

// The branch where it does climb out.
void relativeWrongBranch(const httplib::Request &Req) {
  fs::path Full = fs::weakly_canonical(Root / Req.get_param_value("file"));
  if (Full.lexically_relative(Root).string().starts_with(".."))
    fs::remove(Full);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from request data reaches 'std::filesystem::remove' unsanitized
}

// An absolute name has no ".." component, and `Root / Name` is then Name.
void componentLoopOnly(const httplib::Request &Req) {
  fs::path Name = Req.get_param_value("file");
  for (const auto &Part : Name)
    if (Part == "..")
      return;
  std::ofstream Out(Root / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized
}

// Components skipped before the test are not tested.
void componentLoopSkipping(const httplib::Request &Req) {
  fs::path Name = Req.get_param_value("file");
  if (Name.is_absolute())
    return;
  bool First = true;
  for (const auto &Part : Name) {
    if (First) {
      First = false;
      continue;
    }
    if (Part == "..")
      return;
  }
  std::ofstream Out(Root / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized
}

// Rejecting nothing: the loop only logs.
void componentLoopLogging(const httplib::Request &Req) {
  fs::path Name = Req.get_param_value("file");
  if (Name.is_absolute())
    return;
  int Climbs = 0;
  for (const auto &Part : Name)
    if (Part == "..")
      ++Climbs;
  std::ofstream Out(Root / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized
}

// none_of is true when there is no "..": here it is used the wrong way.
void noneOfInverted(const httplib::Request &Req) {
  fs::path Name = Req.get_param_value("file");
  if (Name.is_absolute() ||
      std::none_of(Name.begin(), Name.end(),
                   [](const fs::path &Part) { return Part == ".."; }))
    return;
  std::ofstream Out(Root / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized
}

// Free of ".." but joined with '/', which an absolute name replaces.
void dotDotOnlyPathJoin(const httplib::Request &Req) {
  std::string Name = Req.get_param_value("file");
  if (Name.find("..") != std::string::npos)
    return;
  std::ofstream Out(Root / Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized
  // CHECK-FIXES: std::ofstream Out(Root / std::filesystem::path(Name).filename());
}
