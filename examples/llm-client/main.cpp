// llm-client: sends one prompt to a chat-completion API and prints the
// reply. Configuration comes from the environment (see config.cpp).
#include "config.h"
#include "http.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int Argc, char **Argv) {
  if (Argc < 2) {
    std::cerr << "usage: llm-client PROMPT [ANSWER_NAME]\n";
    return 2;
  }
  ClientConfig Config = loadConfig();
  std::string Prompt = Argv[1];
  std::string Body = "{\"model\":\"" + Config.Model +
                     "\",\"temperature\":" + std::to_string(Config.Temperature) +
                     ",\"max_tokens\":" + std::to_string(Config.MaxTokens) +
                     ",\"messages\":[{\"role\":\"user\",\"content\":\"" +
                     Prompt + "\"}]}";
  // Greets whoever runs it; USER may be unset in a container.
  std::cerr << "request by " << std::getenv("USER") << "\n";
  std::string Answer = postJson(Config.ApiBase + "/chat/completions",
                               Config.ApiKey, Body, Config.TimeoutMs);
  // {"choices":[{"message":{"content":"..."}}]} on success; an error object
  // or an empty list of choices fails here.
  nlohmann::json Reply = nlohmann::json::parse(Answer);
  std::cout << Reply["choices"][0]["message"]["content"].get<std::string>()
            << "\n";
  // Keeps a copy under answers/; ANSWER_NAME="../../.bashrc" writes anywhere.
  if (Argc > 2) {
    std::ofstream Saved(std::filesystem::path("answers") / Argv[2]);
    Saved << Answer;
  }
  return 0;
}
