// Unit tests of the hard-coded secret model: identifier words, names that
// hold or describe secrets, value classification, credential formats
// (SecretModel.h), and the sites found in small ASTs (SecretSites.h).
#include "analysis/SecretModel.h"
#include "TestAST.h"
#include "analysis/SecretSites.h"
#include "analysis/UserCodeScanner.h"

using namespace clang::tidy::prodready;
using namespace clang::tidy::prodready::secrets;

namespace {

std::vector<std::string> words(llvm::StringRef Name) {
  auto W = splitIdentifier(Name);
  return std::vector<std::string>(W.begin(), W.end());
}

using Words = std::vector<std::string>;

TEST(SecretModelTest, SplitsIdentifiersIntoWords) {
  EXPECT_EQ(words("db_password"), (Words{"db", "password"}));
  EXPECT_EQ(words("apiKey"), (Words{"api", "key"}));
  EXPECT_EQ(words("kApiKey"), (Words{"api", "key"}));
  EXPECT_EQ(words("API_KEY"), (Words{"api", "key"}));
  EXPECT_EQ(words("APIKEY"), (Words{"api", "key"}));
  EXPECT_EQ(words("HTTPAuthToken"), (Words{"http", "auth", "token"}));
  EXPECT_EQ(words("m_sPassword"), (Words{"password"}));
  EXPECT_EQ(words("dbpassword"), (Words{"db", "password"}));
  EXPECT_EQ(words("password2"), (Words{"password"}));
  EXPECT_EQ(words("X-Api-Key"), (Words{"api", "key"}));
  EXPECT_EQ(words("bypass"), (Words{"bypass"}));
}

TEST(SecretModelTest, NamesThatHoldSecrets) {
  for (llvm::StringRef Name :
       {"password",    "db_password",   "DB_PASSWORD",      "passwd",
        "pwd",         "kClientSecret", "client_secret",    "apiKey",
        "api_key",     "APIKEY",        "access_token",     "authToken",
        "private_key", "signing_key",   "credentials",      "mqtt_pass",
        "m_sPass",     "new_password",  "default_password", "password_str",
        "hmac_key",    "secret"})
    EXPECT_TRUE(classifyName(Name).has_value()) << Name.str();
  EXPECT_EQ(classifyName("db_password")->Kind, SecretKind::Password);
  EXPECT_EQ(classifyName("apiKey")->Kind, SecretKind::ApiKey);
  EXPECT_EQ(classifyName("private_key")->Kind, SecretKind::PrivateKey);
  EXPECT_FALSE(classifyName("access_token")->NeedsGeneratedValue);
}

TEST(SecretModelTest, NamesThatDescribeSecrets) {
  for (llvm::StringRef Name : {"password_prompt", "token_type",
                               "secret_name",     "password_env_var",
                               "kTokenHeader",    "max_password_length",
                               "token_url",       "password_path",
                               "key_file",        "password_field",
                               "secret_label",    "token_regex",
                               "auth_method",     "auth_type",
                               "password_hash",   "key",
                               "map_key",         "public_key",
                               "first_pass",      "render_pass",
                               "api_key_id",      "password_db",
                               "tokenizer",       "bypass",
                               "kPasswordKey",    "session_key"})
    EXPECT_FALSE(classifyName(Name).has_value()) << Name.str();
}

TEST(SecretModelTest, AmbiguousNounsNeedGeneratedValues) {
  // A lexer's token, an auth mode: only a generated value counts.
  EXPECT_TRUE(classifyName("token")->NeedsGeneratedValue);
  EXPECT_TRUE(classifyName("next_token")->NeedsGeneratedValue);
  EXPECT_TRUE(classifyName("auth")->NeedsGeneratedValue);
  EXPECT_EQ(classifyValue("identifier", Evidence::Name, true),
            ValueClass::NotGenerated);
  EXPECT_EQ(
      classifyValue("9f86d081884c7d659a2feaa0c55ad015", Evidence::Name, true),
      ValueClass::Plausible);
}

TEST(SecretModelTest, ValuesThatAreNotSecrets) {
  auto Class = [](llvm::StringRef V, llvm::StringRef Id = "password") {
    return classifyValue(V, Evidence::Name, false, Id);
  };
  EXPECT_EQ(Class(""), ValueClass::Empty);
  EXPECT_EQ(Class("********"), ValueClass::Mask);
  EXPECT_EQ(Class("XXXX-XXXX"), ValueClass::Mask);
  EXPECT_EQ(Class("<your key>"), ValueClass::Placeholder);
  EXPECT_EQ(Class("${API_KEY}"), ValueClass::Placeholder);
  EXPECT_EQ(Class("%s"), ValueClass::Placeholder);
  EXPECT_EQ(Class("REDACTED"), ValueClass::Placeholder);
  EXPECT_EQ(Class("your-api-key"), ValueClass::Placeholder);
  EXPECT_EQ(Class("API_TOKEN"), ValueClass::EnvironmentName);
  EXPECT_EQ(Class("PGPASSWORD"), ValueClass::EnvironmentName);
  EXPECT_EQ(Class("db.password"), ValueClass::KeyName);
  EXPECT_EQ(Class("access_token"), ValueClass::KeyName);
  EXPECT_EQ(Class("Password"), ValueClass::KeyName);
  EXPECT_EQ(Class("password", "kPassword"), ValueClass::KeyName);
  EXPECT_EQ(Class("session-167", "kSessionToken"), ValueClass::KeyName);
  // A form field named after the constant, the noun in another spelling
  // (coturn's `#define HR_PASSWORD1 "pwd1"`); the same value under a name
  // without the number is a password.
  EXPECT_EQ(Class("pwd1", "HR_PASSWORD1"), ValueClass::KeyName);
  EXPECT_EQ(Class("passwd-2", "kPassword2"), ValueClass::KeyName);
  EXPECT_EQ(Class("Password: "), ValueClass::Text);
  EXPECT_EQ(Class("Enter password"), ValueClass::Text);
  EXPECT_EQ(Class("/etc/app/secret.key"), ValueClass::Path);
  EXPECT_EQ(Class("client.pem"), ValueClass::Path);
  EXPECT_EQ(Class("Bearer"), ValueClass::Word);
  EXPECT_EQ(Class("plain"), ValueClass::Word);
  EXPECT_EQ(Class("aes-256-cbc", "encryption_key"), ValueClass::Word);
  EXPECT_EQ(Class("HS256", "signing_key"), ValueClass::Word);
  EXPECT_EQ(Class("id_rsa", "private_key"), ValueClass::Word);
  EXPECT_EQ(Class("abc"), ValueClass::TooShort);
}

TEST(SecretModelTest, DefaultPasswordsAreSecrets) {
  for (llvm::StringRef V :
       {"changeme", "admin", "password", "hunter2", "s3cr3t!", "root", "pwd1"})
    EXPECT_EQ(classifyValue(V, Evidence::Name, false, "db_password"),
              ValueClass::Plausible)
        << V.str();
}

TEST(SecretModelTest, PlainWords) {
  EXPECT_TRUE(isPlainWord("access"));
  EXPECT_TRUE(isPlainWord("Admin"));
  EXPECT_FALSE(isPlainWord("hunter2"));
  EXPECT_FALSE(isPlainWord("s3cr3t!"));
  EXPECT_FALSE(isPlainWord("ChangeMe"));
}

TEST(SecretModelTest, ApiEvidenceExcludesOnlyNonValues) {
  EXPECT_EQ(classifyValue("my pass phrase", Evidence::Api),
            ValueClass::Plausible);
  EXPECT_EQ(classifyValue("", Evidence::Api), ValueClass::Empty);
  EXPECT_EQ(classifyValue("%s", Evidence::Api), ValueClass::Placeholder);
  EXPECT_EQ(classifyValue("DB_PASSWORD", Evidence::Api),
            ValueClass::EnvironmentName);
}

TEST(SecretModelTest, CredentialFormats) {
  auto Format = [](llvm::StringRef V) {
    return matchCredentialFormat(V).value_or("").str();
  };
  EXPECT_EQ(Format("AKIAZ7Q4JDCPL2XAY3QM"), "an AWS access key id");
  EXPECT_EQ(Format("ASIAZ7Q4JDCPL2XAY3QM"), "an AWS access key id");
  EXPECT_EQ(Format("ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK"),
            "a GitHub token");
  EXPECT_EQ(Format("github_pat_11ABCDEFG0123456789abcdef_XYZ"),
            "a GitHub token");
  EXPECT_EQ(Format("xoxb-1234567890-0987654321-AbCdEfGhIjKl"), "a Slack token");
  EXPECT_EQ(Format("https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/"
                   "q8W9e0R1t2Y3u4I5o6P7a8S9"),
            "a Slack webhook URL");
  EXPECT_EQ(Format("sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
            "a Stripe live secret key");
  EXPECT_EQ(Format("sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vX7zB9"),
            "an OpenAI-style API key");
  EXPECT_EQ(Format("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"),
            "a Google API key");
  EXPECT_EQ(Format("-----BEGIN RSA PRIVATE KEY-----\n"
                   "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiJjRazXBZ1BjP5CE/W"
                   "m4ZZ\n-----END RSA PRIVATE KEY-----\n"),
            "a PEM private key");
  EXPECT_EQ(Format("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                   "eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                   "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
            "a JSON Web Token");
  EXPECT_EQ(Format("postgres://app:Tr0ub4dor@db.internal:5432/app"),
            "a URL with a password");
  EXPECT_EQ(Format("Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543"),
            "an 'Authorization' header with a bearer token");
  EXPECT_EQ(Format("Authorization: Basic dXNlcjpwYXNzd29yZA=="),
            "an 'Authorization' header with basic credentials");
  EXPECT_EQ(Format("host=db user=app password=Tr0ub4dor"),
            "a database connection string with a password");
}

TEST(SecretModelTest, NearMissesOfFormats) {
  for (llvm::StringRef V :
       {"AKIAIOSFODNN7EXAMPLE", "AKIA[0-9A-Z]{16}", "ghp_",
        "-----BEGIN RSA PRIVATE KEY-----", "sk-SK", "eyJ.eyJ.x",
        "https://user:password@example.com", "https://%s:%s@%s",
        "socks5h://[username[:password]@]hostname[:port]",
        "postgres://app@db/app", "Authorization: Bearer ",
        "Authorization: Bearer %s", "Bearer token", "host=db password=",
        "host=db password=${PGPASSWORD}", "xoxb-XXXXXXXXXXXX",
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXX"})
    EXPECT_FALSE(matchCredentialFormat(V).has_value()) << V.str();
}

TEST(SecretModelTest, EnvironmentVariableNames) {
  EXPECT_EQ(environmentVariableName("kApiKey"), "API_KEY");
  EXPECT_EQ(environmentVariableName("db_password"), "DB_PASSWORD");
  EXPECT_EQ(environmentVariableName("m_sPassword"), "PASSWORD");
  EXPECT_EQ(environmentVariableName("clientSecret"), "CLIENT_SECRET");
}

TEST(SecretModelTest, CredentialApis) {
  EXPECT_EQ(curlCredentialOption("CURLOPT_USERPWD"), SecretKind::Password);
  EXPECT_EQ(curlCredentialOption("CURLOPT_XOAUTH2_BEARER"), SecretKind::Token);
  EXPECT_FALSE(curlCredentialOption("CURLOPT_URL").has_value());
  EXPECT_TRUE(mayTakeCredential("set_basic_auth"));
  EXPECT_FALSE(mayTakeCredential("printf"));
  ASSERT_EQ(credentialParameters("mysql_real_connect").size(), 1u);
  EXPECT_EQ(credentialParameters("mysql_real_connect")[0].Argument, 3u);
  EXPECT_TRUE(credentialParameters("EVP_EncryptInit_ex")[0].KeyBytes);
  EXPECT_TRUE(credentialParameters("nothing").empty());
}

/// The sites found in \p Code, described as "rule name" strings.
std::vector<std::string> sites(llvm::StringRef Code) {
  prodready::test::TestAST AST(Code);
  EXPECT_FALSE(AST.hasErrors());
  clang::ASTContext &Ctx = AST.context();
  SecretSites Sites(Ctx);
  llvm::SmallVector<SecretSite, 4> Found;
  llvm::DenseSet<const clang::Decl *> Units;
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    scanUserCode(*D, Ctx, [&](const clang::Stmt &S, const clang::Decl *Unit) {
      if (Unit && Units.insert(Unit).second)
        Sites.collectUnit(*Unit, Found);
      Sites.collect(S, Unit, Found);
    });
  std::vector<std::string> Result;
  for (const SecretSite &Site : Found)
    Result.push_back(std::to_string(int(Site.Kind)) + " " + Site.Name +
                     Site.Function + Site.Format.str());
  return Result;
}

TEST(SecretSitesTest, NamedDestinations) {
  EXPECT_EQ(sites(R"cpp(
    const char *db_password = "hunter2";
    struct Config { const char *user; const char *password; };
    Config c = {"app", "hunter2"};
    void login(const char *user, const char *password);
    void f() { login("app", "hunter2"); }
    const char *GetApiToken() { return "9f86d081884c7d659a2feaa0c55ad015"; }
  )cpp"),
            (Words{"0 db_password", "0 password", "1 passwordlogin",
                   "3 GetApiToken"}));
}

TEST(SecretSitesTest, DescribingNamesAndNonValuesAreSilent) {
  EXPECT_EQ(sites(R"cpp(
    const char *password_prompt = "hunter2";
    const char *token_type = "Bearer";
    const char *password = "";
    const char *secret = "********";
    const char *api_key = "API_KEY";
    const char *token = "identifier";
  )cpp"),
            Words{});
}

TEST(SecretSitesTest, KeyBytesThroughLocals) {
  // Unsigned char key of a cipher, reached through a pointer local; a
  // buffer filled at run time is not a constant key.
  EXPECT_EQ(sites(R"cpp(
    void AES_set_encrypt_key(const unsigned char *k, int bits, void *out);
    void RAND_bytes(unsigned char *buf, int n);
    void f(void *out) {
      unsigned char key[] = "0123456789abcdef";
      const unsigned char *k = key;
      AES_set_encrypt_key(k, 128, out);
      unsigned char random[16] = {0};
      RAND_bytes(random, 16);
      AES_set_encrypt_key(random, 128, out);
    }
  )cpp"),
            (Words{"6 AES_set_encrypt_key"}));
}

} // namespace
