// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++17
// Request data of cpp-httplib (Debian's libcpp-httplib-dev) and JSON parsed
// with nlohmann::json (nlohmann-json3-dev) are untrusted.

#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

namespace fs = std::filesystem;
const fs::path Uploads = "/srv/uploads";

void routes(httplib::Server &Server) {
  Server.Post("/upload", [](const httplib::Request &Req, httplib::Response &Res) {
    std::string Name = Req.get_param_value("name");
    std::ofstream Out(Uploads / Name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream Out(Uploads / std::filesystem::path(Name).filename());
    Out << Req.body;
    Res.status = 201;
  });
  Server.Delete("/file", [](const httplib::Request &Req, httplib::Response &) {
    fs::remove(Uploads / Req.get_header_value("X-File"));
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: path built from request data reaches 'std::filesystem::remove' unsanitized
    // CHECK-FIXES: fs::remove(Uploads / std::filesystem::path(Req.get_header_value("X-File")).filename());
  });
  Server.Put("/raw", [](const httplib::Request &Req, httplib::Response &) {
    std::ofstream Out(Req.body);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: request data is used as the whole path for 'std::ofstream'; it can name any file
  });
  Server.Get("/safe", [](const httplib::Request &Req, httplib::Response &) {
    std::ofstream Out(Uploads / fs::path(Req.get_param_value("name")).filename());
  });
}

void fromJson(const std::string &Body) {
  nlohmann::json Request = nlohmann::json::parse(Body);
  std::string Target = Request["target"].get<std::string>();
  std::ofstream Out(Uploads / Target);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from data parsed from an answer reaches 'std::ofstream' unsanitized
  // CHECK-FIXES: std::ofstream Out(Uploads / std::filesystem::path(Target).filename());
}
