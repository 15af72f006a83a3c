// RUN: %check_prodready %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++17
// Strict mode: JSON values from parameters carry no evidence of outside data,
// so the default mode reports only the parsed ones (see
// unchecked-container-access-evidence.cpp); Strict reports every unchecked key.

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

using nlohmann::json;

// --- The chain from the production-readiness plan ---------------------------

std::string completion(const std::string &body) {
  json response = json::parse(body);
  return response["choices"][0]["message"]["content"].get<std::string>();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: JSON key "choices" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: the next access in this chain is not checked either
  // CHECK-NOTES: :[[@LINE-3]]:32: note: the next access in this chain is not checked either
  // CHECK-NOTES: :[[@LINE-4]]:43: note: the next access in this chain is not checked either
  // CHECK-FIXES: return response.at("choices").at(0).at("message").at("content").get<std::string>();
}

std::string completionChecked(const std::string &body) {
  json response = json::parse(body);
  if (!response.contains("choices") || !response["choices"].is_array() ||
      response["choices"].empty())
    throw std::runtime_error("no choices in the response");
  const json &choice = response["choices"][0];
  if (!choice.contains("message"))
    throw std::runtime_error("no message in the choice");
  auto content = choice["message"].find("content");
  if (content == choice["message"].end())
    throw std::runtime_error("no content in the message");
  return choice["message"]["content"].get<std::string>();
}

// --- Each access form ---------------------------------------------------------

int constKey(const json &config) {
  return config["port"].get<int>();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: JSON key "port" is not checked to exist on every path; a missing key is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return config.at("port").get<int>();
}

int constIndex(const json &list) {
  return list[1].get<int>();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: JSON array index is not checked against the array's size on every path; out of range it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return list.at(1).get<int>();
}

std::string variableKey(const json &config, const std::string &name) {
  return config[name].get<std::string>();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: JSON key 'name' is not checked to exist on every path; a missing key is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return config.at(name).get<std::string>();
}

std::string variableKeyChecked(const json &config, const std::string &name) {
  if (config.contains(name))
    return config[name].get<std::string>();
  return "";
}

double nonConstChain(json &doc) {
  double total = doc["usage"]["total"];
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: JSON key "usage" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-2]]:30: note: the next access in this chain is not checked either
  // CHECK-FIXES: double total = doc.at("usage").at("total");
  return total;
}

// --- Guards ------------------------------------------------------------------

int containsGuard(const json &j) {
  if (j.contains("id"))
    return j["id"].get<int>();
  return -1;
}

int findGuard(const json &j) {
  auto it = j.find("id");
  if (it != j.end())
    return j["id"].get<int>();
  return -1;
}

int earlyReturnOnMissing(const json &j) {
  if (!j.contains("id"))
    return -1;
  return j["id"];
}

int arrayGuard(const json &j) {
  if (j.is_array() && !j.empty())
    return j[0].get<int>();
  return 0;
}

int sizeGuard(const json &j) {
  if (j.size() > 2)
    return j[2].get<int>() + j[1].get<int>();
  return 0;
}

int typeGuard(json &j) {
  if (j["count"].is_number_integer())
    return j["count"].get<int>();
  return 0;
}

int rangeOverMember(json &j) {
  int sum = 0;
  for (const auto &item : j["items"])
    sum += item.get<int>();
  return sum;
}

int loopOverArray(const json &j) {
  int sum = 0;
  for (size_t i = 0; i < j.size(); ++i)
    sum += j[i].get<int>();
  return sum;
}

json buildRequest(const std::string &prompt) {
  json request;
  request["model"] = "gpt";
  request["messages"][0]["role"] = "user";
  request["messages"][0]["content"] = prompt;
  request["options"]["stream"] = false;
  request["stop"].push_back("\n");
  return request;
}

bool inspectOnly(json &j) {
  return j["debug"].is_boolean() && j["debug"] == true;
}

std::string withValue(const json &j) {
  return j.value("name", std::string("anonymous"));
}

// --- Stale guards ---------------------------------------------------------------

int erasedKey(json &j) {
  if (!j.contains("id"))
    return -1;
  j.erase("id");
  return j["id"].get<int>();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: JSON key "id" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-FIXES: return j.at("id").get<int>();
}

int reassigned(json &j, const std::string &text) {
  if (!j.contains("id"))
    return -1;
  j = json::parse(text);
  return j["id"].get<int>();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: JSON key "id" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-FIXES: return j.at("id").get<int>();
}
