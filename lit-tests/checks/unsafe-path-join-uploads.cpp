// RUN: %check_prodready %s prodready-unsafe-path-join %t -- -- -std=c++17
// cpp-httplib multipart uploads: the file name (and the content) of an
// uploaded file are the client's, however they are reached: through
// get_file_value(), the `files` map, a reference or a structured binding.

#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <string>

namespace fs = std::filesystem;
const fs::path Inbox = "/var/lib/inbox";

void registerUploads(httplib::Server &Server) {
  Server.Post("/one", [](const httplib::Request &Req, httplib::Response &) {
    httplib::MultipartFormData File = Req.get_file_value("attachment");
    std::ofstream Out(Inbox / File.filename);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: path built from request data reaches 'std::ofstream' unsanitized; a '..' or absolute component in it escapes the intended directory [prodready-unsafe-path-join]
    // CHECK-FIXES: std::ofstream Out(Inbox / std::filesystem::path(File.filename).filename());
    Out << File.content;
  });
  Server.Post("/all", [](const httplib::Request &Req, httplib::Response &) {
    for (const auto &Entry : Req.files) {
      std::ofstream Out(Inbox / Entry.second.filename);
      // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: path built from request data reaches 'std::ofstream' unsanitized
      // CHECK-FIXES: std::ofstream Out(Inbox / std::filesystem::path(Entry.second.filename).filename());
    }
  });
  Server.Post("/named", [](const httplib::Request &Req, httplib::Response &) {
    for (const auto &[Field, File] : Req.files)
      fs::rename("/var/lib/inbox/.partial", Inbox / File.filename);
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: path built from request data reaches 'std::filesystem::rename' unsanitized
    // CHECK-FIXES: fs::rename("/var/lib/inbox/.partial", Inbox / std::filesystem::path(File.filename).filename());
  });
  Server.Post("/first", [](const httplib::Request &Req, httplib::Response &) {
    const auto &Files = Req.files;
    auto It = Files.find("attachment");
    if (It != Files.end())
      std::ofstream Out(It->second.filename);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: request data is used as the whole path for 'std::ofstream'; it can name any file
  });
  // The content names a file to open: also the client's.
  Server.Post("/manifest", [](const httplib::Request &Req,
                              httplib::Response &) {
    const std::string &Listed = Req.get_file_value("manifest").content;
    std::ifstream In(Inbox / Listed);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: path built from request data reaches 'std::ifstream' unsanitized
    // CHECK-FIXES: std::ifstream In(Inbox / std::filesystem::path(Listed).filename());
  });
}

// --- Not reported: the file name alone, a name of the server's own ---------

void registerSafeUploads(httplib::Server &Server) {
  Server.Post("/safe", [](const httplib::Request &Req, httplib::Response &) {
    for (const auto &[Field, File] : Req.files) {
      std::ofstream Out(Inbox / fs::path(File.filename).filename());
      Out << File.content;
    }
  });
  Server.Post("/numbered", [](const httplib::Request &Req,
                              httplib::Response &) {
    std::size_t Count = Req.files.size();
    std::ofstream Out(Inbox / ("upload-" + std::to_string(Count)));
    Out << Req.get_file_value("attachment").content;
  });
}
