// A service with credentials in its source (the secrets are fake).
#include <string>

#define SMTP_PASSWORD "Sm7p-Pa55w0rd"

const char *db_password = "hunter2-db"; const char *other = "kept";
static const std::string kGithubToken = "ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK";
std::string broker_url = "amqp://orders:Tr0ub4dor@rabbit.internal:5672/";

void mail(std::string &Out) {
  Out = SMTP_PASSWORD;
}
