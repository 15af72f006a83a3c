// RUN: %check_prodready %s prodready-unvalidated-url %t -- -- -std=c++17
// libcurl: an untrusted URL reaching CURLOPT_URL or CURLOPT_CURLU with
// neither its scheme nor its host validated, with the notes that explain
// it; and the near misses that stay silent.

#include <cstdlib>
#include <cstring>
#include <curl/curl.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

// --- Reported --------------------------------------------------------------

// The catalog's case: API_BASE=http://evil.example/api sends the request,
// bearer token included, to whoever set it.
void chat(const std::string &Body, const std::string &Token) {
  CURL *H = curl_easy_init();
  std::string Base = std::getenv("API_BASE");
  std::string Url = Base + "/chat/completions";
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: URL from the environment reaches 'CURLOPT_URL' with neither its scheme nor its host validated; whoever sets it can send the request, and the credentials it carries, to any server [prodready-unvalidated-url]
  // CHECK-NOTES: :[[@LINE-4]]:22: note: the untrusted value comes from 'getenv' here
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, Body.c_str());
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_perform(H);
  curl_easy_cleanup(H);
}

// A scheme alone does not fix the host.
void hostFromEnvironment() {
  CURL *H = curl_easy_init();
  std::string Url = "https://" + std::string(std::getenv("API_HOST")) + "/v1";
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: URL built from the environment reaches 'CURLOPT_URL' with neither its scheme nor its host validated
  // CHECK-NOTES: :[[@LINE-3]]:46: note: the untrusted value comes from 'getenv' here
  // CHECK-NOTES: :[[@LINE-4]]:21: note: it is joined into the URL here, after text that does not fix the host
  curl_easy_cleanup(H);
}

// Nor does a host without the '/' that ends it: "@evil.example/" or
// ".evil.example" would still choose the server.
void hostWithoutSlash() {
  CURL *H = curl_easy_init();
  char Url[256];
  snprintf(Url, sizeof Url, "https://api.example.com%s", std::getenv("PATH_PART"));
  curl_easy_setopt(H, CURLOPT_URL, Url);
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: URL built from the environment reaches 'CURLOPT_URL'
  // CHECK-NOTES: :[[@LINE-3]]:58: note: the untrusted value comes from 'getenv' here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: it is joined into the URL here, after text that does not fix the host
  curl_easy_cleanup(H);
}

// A URL from a request, through a helper of the file.
static void fetch(CURL *H, const std::string &Url) {
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
}
// CHECK-NOTES: :[[@LINE-2]]:36: warning: URL from request data reaches 'CURLOPT_URL' with neither its scheme nor its host validated
// CHECK-NOTES: :[[@LINE+5]]:12: note: the untrusted value comes from 'get_param_value' here
// CHECK-NOTES: :[[@LINE+4]]:3: note: it is passed to 'fetch' here

void webhook(const httplib::Request &Req, httplib::Response &Res) {
  CURL *H = curl_easy_init();
  fetch(H, Req.get_param_value("callback"));
  curl_easy_cleanup(H);
}

// A client whose base URL comes from the environment, stored through a
// setter and used by another method (a header-only API client's shape).
class Session {
public:
  void setUrl(const std::string &Url) { Url_ = Url; }
  void perform() {
    curl_easy_setopt(Curl_, CURLOPT_URL, Url_.c_str());
    // CHECK-NOTES: :[[@LINE-1]]:42: warning: URL from the environment reaches 'CURLOPT_URL'
    // CHECK-NOTES: :[[@LINE+12]]:28: note: the untrusted value comes from 'getenv' here
    curl_easy_perform(Curl_);
  }

private:
  CURL *Curl_ = curl_easy_init();
  std::string Url_;
};

class ApiClient {
public:
  ApiClient() {
    if (const char *Base = std::getenv("OPENAI_API_BASE"))
      BaseUrl_ = std::string(Base) + "/";
    else
      BaseUrl_ = "https://api.example.com/v1/";
  }
  void get(const std::string &Path) {
    Session_.setUrl(BaseUrl_ + Path);
    Session_.perform();
  }

private:
  std::string BaseUrl_;
  Session Session_;
};

// A CURLU handle holds the URL it was given.
void throughCurlu(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  CURLU *U = curl_url();
  curl_url_set(U, CURLUPART_URL, Req.body.c_str(), 0);
  curl_easy_setopt(H, CURLOPT_CURLU, U);
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: URL from request data reaches 'CURLOPT_CURLU' with neither its scheme nor its host validated
  // CHECK-NOTES: :[[@LINE-3]]:34: note: the untrusted value comes from request field 'body' here
  curl_url_cleanup(U);
  curl_easy_cleanup(H);
}

// Setting the host of a CURLU from the request chooses the server.
void curluHost(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  CURLU *U = curl_url();
  curl_url_set(U, CURLUPART_URL, "https://api.example.com/v1", 0);
  curl_url_set(U, CURLUPART_HOST, Req.get_header_value("X-Backend").c_str(), 0);
  curl_easy_setopt(H, CURLOPT_CURLU, U);
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: URL from request data reaches 'CURLOPT_CURLU'
  // CHECK-NOTES: :[[@LINE-3]]:35: note: the untrusted value comes from 'get_header_value' here
  curl_url_cleanup(U);
  curl_easy_cleanup(H);
}

// A validation on one branch protects only that branch.
void oneBranch(const char *Mode) {
  CURL *H = curl_easy_init();
  std::string Url = std::getenv("FEED_URL");
  if (std::strcmp(Mode, "strict") == 0) {
    if (Url.rfind("https://", 0) != 0)
      return;
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  } else {
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
    // CHECK-NOTES: :[[@LINE-1]]:38: warning: URL from the environment reaches 'CURLOPT_URL'
    // CHECK-NOTES: :[[@LINE-8]]:21: note: the untrusted value comes from 'getenv' here
  }
  curl_easy_cleanup(H);
}

// A deny list is not a validation: everything else gets through.
void denyList(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  std::string Url = Req.get_param_value("url");
  if (Url == "http://169.254.169.254/")
    return;
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: URL from request data reaches 'CURLOPT_URL'
  // CHECK-NOTES: :[[@LINE-5]]:21: note: the untrusted value comes from 'get_param_value' here
  curl_easy_cleanup(H);
}

// JSON parsed from a request keeps who sent it.
void jsonRequest(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  nlohmann::json Body = nlohmann::json::parse(Req.body);
  std::string Callback = Body["callback"].get<std::string>();
  curl_easy_setopt(H, CURLOPT_URL, Callback.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: URL from request data reaches 'CURLOPT_URL'
  // CHECK-NOTES: :[[@LINE-4]]:25: note: the untrusted value comes from 'parse' here
  curl_easy_cleanup(H);
}

// --- Not reported: validated -----------------------------------------------

void schemeStartsWith() {
  CURL *H = curl_easy_init();
  std::string Url = std::getenv("FEED_URL");
  if (Url.compare(0, 8, "https://") != 0)
    return;
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str()); // The scheme is https.
  curl_easy_cleanup(H);
}

void schemeStrncmp() {
  CURL *H = curl_easy_init();
  const char *Url = std::getenv("FEED_URL");
  if (!Url || std::strncmp(Url, "https://", 8) != 0)
    return;
  curl_easy_setopt(H, CURLOPT_URL, Url);
  curl_easy_cleanup(H);
}

void schemeFind(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  std::string Url = Req.body;
  if (Url.find("https://") == 0)
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  std::string Other = Req.body;
  if (Other.substr(0, 8) == "https://")
    curl_easy_setopt(H, CURLOPT_URL, Other.c_str());
  curl_easy_cleanup(H);
}

// Parsed with curl_url, its host compared with the one allowed: the
// CURLU and the text it was given are both validated.
void curlUrlHost(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  std::string Url = Req.get_param_value("url");
  CURLU *U = curl_url();
  if (curl_url_set(U, CURLUPART_URL, Url.c_str(), 0) != CURLUE_OK)
    return;
  char *Host = nullptr;
  curl_url_get(U, CURLUPART_HOST, &Host, 0);
  if (!Host || std::strcmp(Host, "api.example.com") != 0) {
    curl_free(Host);
    return;
  }
  curl_free(Host);
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(H, CURLOPT_CURLU, U);
  curl_url_cleanup(U);
  curl_easy_cleanup(H);
}

void curlUrlScheme(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  CURLU *U = curl_url();
  curl_url_set(U, CURLUPART_URL, Req.body.c_str(), 0);
  char *Scheme = nullptr;
  if (curl_url_get(U, CURLUPART_SCHEME, &Scheme, 0) != CURLUE_OK ||
      std::strcmp(Scheme, "https") != 0)
    return;
  curl_easy_setopt(H, CURLOPT_CURLU, U);
  curl_url_cleanup(U);
  curl_easy_cleanup(H);
}

// A project function that returns true only for an allowed URL.
static bool isAllowedUrl(const std::string &Url) {
  return Url.rfind("https://api.example.com/", 0) == 0;
}

void projectValidator(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  std::string Url = Req.get_param_value("url");
  if (!isAllowedUrl(Url))
    return;
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  curl_easy_cleanup(H);
}

// --- Not reported: the host is fixed, or nobody else chose the URL ---------

void constantUrls() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, "https://api.example.com/v1/models");
  const std::string Base = "https://api.example.com";
  curl_easy_setopt(H, CURLOPT_URL, (Base + "/v1/models").c_str());
  curl_easy_cleanup(H);
}

// A constant scheme and host, then an untrusted path or query: the server
// is the program's choice (path traversal in URLs is out of scope).
void constantHostPrefix(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  std::string Model = std::getenv("MODEL");
  std::string A = "https://api.example.com/v1/models/" + Model;
  curl_easy_setopt(H, CURLOPT_URL, A.c_str());
  const std::string Base = "https://api.example.com";
  std::string B = Base + "/v1/search?q=" + Req.get_param_value("q");
  curl_easy_setopt(H, CURLOPT_URL, B.c_str());
  std::string C = "https://api.example.com/v1/";
  C += Req.get_param_value("id");
  curl_easy_setopt(H, CURLOPT_URL, C.c_str());
  char D[256];
  snprintf(D, sizeof D, "https://api.example.com/v1/%s", Req.body.c_str());
  curl_easy_setopt(H, CURLOPT_URL, D);
  curl_easy_cleanup(H);
}

// A base the program holds (a member, a parameter it was constructed
// with) and an untrusted path after it.
struct Client {
  std::string BaseUrl;
  void get(const httplib::Request &Req) {
    CURL *H = curl_easy_init();
    std::string Url = BaseUrl + "/items/" + Req.get_param_value("id");
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
    curl_easy_cleanup(H);
  }
};

// A link in an answer of the service the program already trusts with its
// data (an image URL the API returned) is that service's choice.
void linkFromAnswer(CURL *H, const std::string &Answer) {
  nlohmann::json Reply = nlohmann::json::parse(Answer);
  std::string Image = Reply["data"][0]["url"].get<std::string>();
  curl_easy_setopt(H, CURLOPT_URL, Image.c_str());
}

// A path or query part of a CURLU does not choose the server.
void curluPath(const httplib::Request &Req) {
  CURL *H = curl_easy_init();
  CURLU *U = curl_url();
  curl_url_set(U, CURLUPART_URL, "https://api.example.com/", 0);
  curl_url_set(U, CURLUPART_PATH, Req.body.c_str(), 0);
  curl_url_set(U, CURLUPART_QUERY, Req.get_param_value("q").c_str(), 0);
  curl_easy_setopt(H, CURLOPT_CURLU, U);
  curl_url_cleanup(U);
  curl_easy_cleanup(H);
}

// The command line and standard input are what the user asked the
// program to fetch (curl-like tools, downloaders).
int main(int Argc, char **Argv) {
  CURL *H = curl_easy_init();
  if (Argc > 1)
    curl_easy_setopt(H, CURLOPT_URL, Argv[1]);
  char Line[512];
  if (fgets(Line, sizeof Line, stdin))
    curl_easy_setopt(H, CURLOPT_URL, Line);
  // A path sanitizer means nothing for a URL.
  if (const char *Mirror = std::getenv("MIRROR"))
    curl_easy_setopt(H, CURLOPT_URL, basename(const_cast<char *>(Mirror)));
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: URL from the environment reaches 'CURLOPT_URL'
  // CHECK-NOTES: :[[@LINE-3]]:28: note: the untrusted value comes from 'getenv' here
  // NOLINTNEXTLINE(prodready-unvalidated-url)
  curl_easy_setopt(H, CURLOPT_URL, std::getenv("TRUSTED_URL"));
  curl_easy_cleanup(H);
  return 0;
}
