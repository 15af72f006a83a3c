#include <string>

#define SMTP_PASSWORD "Sm7p-Pa55w0rd"

std::string db_password = "hunter2-db";
const char *github = "ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK";
const char *password_prompt = "Password: ";

std::string mail() { return SMTP_PASSWORD; }
