// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++17
// A path joined in a template is reported once however many times the
// template is instantiated. Where the source of the data depends on the
// template's types (a request type), only the instantiations know it.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <string>

namespace fs = std::filesystem;
const fs::path Reports = "/var/lib/app/reports";
const fs::path Uploads = "/srv/uploads";

// --- The environment, in a template instantiated three times ----------------

template <class Body> void writeReport(const Body &Content) {
  std::ofstream Out(Reports / std::getenv("REPORT_NAME"));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from the environment reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-FIXES: std::ofstream Out(Reports / std::filesystem::path(std::getenv("REPORT_NAME")).filename());
  Out << Content;
}

void useWriteReport() {
  writeReport(std::string("report"));
  writeReport(42);
  writeReport(2.5);
}

// --- Request data through a template parameter -------------------------------

template <class Request> void saveUpload(const Request &Req) {
  std::ofstream Out(Uploads / Req.get_param_value("name"));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-FIXES: std::ofstream Out(Uploads / std::filesystem::path(Req.get_param_value("name")).filename());
  Out << Req.body;
}

// Instantiated with a request type whose parameters are the program's own
// too: reported for the other, without the fix that one did not ask for.
template <class Request> void saveNamed(const Request &Req) {
  std::ofstream Out(Uploads / Req.get_param_value("name")); // mixed
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
  // CHECK-FIXES: std::ofstream Out(Uploads / Req.get_param_value("name")); // mixed
}

struct LocalRequest {
  std::string get_param_value(const char *) const { return "fixed.txt"; }
  std::string body;
};

void routes(httplib::Server &Server) {
  Server.Post("/upload", [](const httplib::Request &Req, httplib::Response &) {
    saveUpload(Req);
    saveNamed(Req);
    saveNamed(LocalRequest());
  });
}

// --- Near misses -------------------------------------------------------------------

template <class Request> void saveSanitized(const Request &Req) {
  std::ofstream Out(Uploads / fs::path(Req.get_param_value("name")).filename());
}

// A request type whose parameters are the program's own.
template <class Request> void saveLocal(const Request &Req) {
  std::ofstream Out(Uploads / Req.get_param_value("name"));
}

void useSanitized(const httplib::Request &Req) {
  saveSanitized(Req);
  saveLocal(LocalRequest());
}
