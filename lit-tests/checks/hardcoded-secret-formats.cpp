// RUN: %check_prodready %s prodready-hardcoded-secret %t -- -- -std=c++17
// A literal in a well-known credential format is reported whatever holds
// it. Near misses (documentation examples, patterns, prefixes alone,
// placeholders, headers without a key) are silent.

#include <string>
#include <vector>

void send(const char *Text);

void formats() {
  send("AKIAZ7Q4JDCPL2XAY3QM");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of an AWS access key id; anyone who can read the source or the binary can use it, and rotating it needs a new build [prodready-hardcoded-secret]
  send("aws_access_key_id=ASIAZ7Q4JDCPL2XAY3QM");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of an AWS access key id; {{.*}}
  send("ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a GitHub token; {{.*}}
  send("github_pat_11ABCDEFG0123456789abcdef_XYZ");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a GitHub token; {{.*}}
  send("xoxb-1234567890-0987654321-AbCdEfGhIjKl");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a Slack token; {{.*}}
  send("https://hooks.slack.com/services/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");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a Slack webhook URL; {{.*}}
  send("sk_live_4eC39HqLyjWDarjtT1zdp7dc");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a Stripe live secret key; {{.*}}
  send("sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vX7zB9");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of an OpenAI-style API key; {{.*}}
  send("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a Google API key; {{.*}}
  send("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
       "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: string literal has the format of a JSON Web Token; {{.*}}
  send("amqp://orders:Tr0ub4dor@rabbit.internal:5672/");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a URL with a password; {{.*}}
  send("host=db.internal port=5432 user=app password=Tr0ub4dor");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of a database connection string with a password; {{.*}}
  send("Authorization: Basic dXNlcjpUcjB1YjRkb3I=");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal has the format of an 'Authorization' header with basic credentials; {{.*}}
}

// A PEM key, split over adjacent literals as keys usually are.
const char *const kServerKey =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: string literal has the format of a PEM private key; {{.*}}
    "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiJjRazXBZ1BjP5CE/Wm4ZZHGZx\n"
    "hL9w1l2NIbW0C1XQjd9wLmTD3j0P4A2hmRn6BIt+5/kG8nI8QmP7xkMjb1fDzYp0\n"
    "-----END RSA PRIVATE KEY-----\n";

// The name would say so too; the format is the more precise message.
std::string github_token = "ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK";
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: string literal has the format of a GitHub token; {{.*}}

// --- Near misses --------------------------------------------------------------

void nearMisses(const std::string &User, const std::string &Password) {
  send("AKIAIOSFODNN7EXAMPLE");                // AWS's documentation key
  send("AKIA[0-9A-Z]{16}");                    // a pattern that finds keys
  send("ghp_");                                 // a prefix to test for
  send("-----BEGIN RSA PRIVATE KEY-----");      // a PEM parser's marker
  send("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n");
  send("sk-SK");                                // a locale
  send("https://user:password@example.com");    // documentation
  send("https://%s:%s@%s/");                    // a format
  send("postgres://app@db/app");                // no password
  send("Authorization: Bearer ");               // the token is appended
  send("Authorization: Bearer %s");
  send("Bearer token");
  send("host=db user=app password=");
  send("host=db user=app password=${PGPASSWORD}");
  send("xoxb-XXXXXXXXXXXX");
  send("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");
  send("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");  // unsigned
  std::string Url = "https://" + User + ":" + Password + "@example.com";
  send(Url.c_str());
  std::vector<std::string> Prefixes = {"ghp_", "gho_", "xoxb-", "AKIA"};
}
