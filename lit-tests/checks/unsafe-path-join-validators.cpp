// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++17
// A project function that returns true only for a safe name sanitizes it
// where its result is tested before the sink, as the same test written
// inline does. One that checks less, or whose result is not acted on, does
// not.

#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <string>

namespace fs = std::filesystem;
const fs::path Uploads = "/srv/uploads";

static bool isSafeName(const std::string &name) {
  if (name.empty() || name.find("..") != std::string::npos)
    return false;
  return name[0] != '/';
}

static bool isSafeComponent(const std::string &dir, const std::string &name) {
  return !dir.empty() && isSafeName(name);
}

static bool noDotDot(const std::string &name) {
  return name.find("..") == std::string::npos;
}

static bool nonEmpty(const std::string &name) { return !name.empty(); }

// The canonical path is inside the base: the name names a file in it.
static bool staysInside(const fs::path &base, const std::string &name) {
  fs::path full = fs::weakly_canonical(base / name);
  return full.string().rfind(base.string(), 0) == 0;
}

// A prefix of a path that was not canonicalized proves nothing.
static bool prefixOnly(const fs::path &base, const std::string &name) {
  fs::path full = base / name;
  return full.string().rfind(base.string(), 0) == 0;
}

void routes(httplib::Server &server) {
  server.Post("/checked", [](const httplib::Request &req, httplib::Response &res) {
    std::string name = req.get_param_value("name");
    if (!isSafeName(name)) {
      res.status = 400;
      return;
    }
    std::ofstream out(Uploads / name);
    out << req.body;
  });
  server.Post("/nested", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    if (isSafeComponent("uploads", name)) {
      std::ofstream out(Uploads / name);
      out << req.body;
    }
  });
  server.Post("/inside", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    if (!staysInside(Uploads, name))
      return;
    std::ofstream out(Uploads / name);
    out << req.body;
  });
  server.Post("/prefix", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    if (!prefixOnly(Uploads, name))
      return;
    std::ofstream out(Uploads / name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream out(Uploads / std::filesystem::path(name).filename());
  });
  server.Post("/dots", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    if (!noDotDot(name))
      return;
    std::ofstream out(Uploads / name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream out(Uploads / std::filesystem::path(name).filename());
  });
  server.Post("/empty", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    if (!nonEmpty(name))
      return;
    std::ofstream out(Uploads / name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream out(Uploads / std::filesystem::path(name).filename());
  });
  server.Post("/ignored", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    isSafeName(name);
    std::ofstream out(Uploads / name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream out(Uploads / std::filesystem::path(name).filename());
  });
  server.Post("/inverted", [](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    if (isSafeName(name))
      return;
    std::ofstream out(Uploads / name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream out(Uploads / std::filesystem::path(name).filename());
  });
}
