//===--- SecretModel.cpp - prodready --------------------------------------===//

#include "SecretModel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <array>
#include <cmath>

namespace clang::tidy::prodready::secrets {

namespace {

bool isAlnum(char C) { return llvm::isAlnum(C); }
bool isWordBoundaryBefore(llvm::StringRef S, size_t I) {
  return I == 0 || !isAlnum(S[I - 1]);
}

bool contains(std::initializer_list<llvm::StringLiteral> Set,
              llvm::StringRef Word) {
  return llvm::is_contained(Set, Word);
}

// --- Names ------------------------------------------------------------------

/// Lowercase compounds a word split leaves whole ("APIKEY", "apikey").
std::optional<std::pair<llvm::StringRef, llvm::StringRef>>
splitCompound(llvm::StringRef Word) {
  static const std::pair<llvm::StringLiteral, llvm::StringLiteral> Compounds[] =
      {{"apikey", "api"},
       {"apitoken", "api"},
       {"apisecret", "api"},
       {"authtoken", "auth"},
       {"authkey", "auth"},
       {"accesstoken", "access"},
       {"accesskey", "access"},
       {"secretkey", "secret"},
       {"privatekey", "private"},
       {"privkey", "private"},
       {"clientsecret", "client"},
       {"appsecret", "app"},
       {"signingkey", "signing"},
       {"masterkey", "master"},
       {"encryptionkey", "encryption"},
       {"hmackey", "hmac"},
       {"aeskey", "aes"},
       {"sessiontoken", "session"},
       {"refreshtoken", "refresh"},
       {"bearertoken", "bearer"},
       {"pubkey", "public"},
       {"publickey", "public"}};
  for (const auto &[Whole, First] : Compounds)
    if (Word == Whole)
      return std::make_pair(llvm::StringRef(First),
                            Word.drop_front(First.size()));
  // `dbpassword`, `mqttpass` is not split: `pass` ends too many words
  // (bypass, compass).
  for (llvm::StringRef Suffix :
       {"password", "passwd", "passphrase", "secret", "token"})
    if (Word.size() > Suffix.size() + 1 && Word.ends_with(Suffix))
      return std::make_pair(Word.drop_back(Suffix.size()),
                            Word.take_back(Suffix.size()));
  return std::nullopt;
}

void addWord(llvm::SmallVectorImpl<std::string> &Words, llvm::StringRef Word) {
  // Single letters are prefixes (kName, m_, Hungarian sName), numbers are
  // versions or indices: neither says what a name holds.
  if (Word.size() < 2 || llvm::all_of(Word, llvm::isDigit))
    return;
  if (auto Parts = splitCompound(Word)) {
    addWord(Words, Parts->first);
    addWord(Words, Parts->second);
    return;
  }
  Words.push_back(Word.str());
}

/// Words that may follow the head noun without changing what the name holds
/// (`api_key_str`, `password_value`).
bool isNeutralTail(llvm::StringRef Word) {
  return contains({"value",   "val",  "str",    "string",  "raw",   "bytes",
                   "hex",     "b64",  "base64", "literal", "const", "constant",
                   "default", "data", "buf",    "buffer",  "ptr",   "cstr",
                   "sz",      "s",    "v"},
                  Word);
}

/// Words that, anywhere in a name, make it describe a secret rather than
/// hold one: `password_env_var`, `max_password_length`, `kTokenHeader`,
/// `secret_name`. (Words that only describe as the head, `password_db`,
/// need no entry: the head must be a secret noun.)
bool isDescribingWord(llvm::StringRef Word) {
  return contains(
      {"env",       "environ",     "environment", "var",        "variable",
       "prompt",    "placeholder", "hint",        "label",      "regex",
       "regexp",    "pattern",     "max",         "min",        "length",
       "len",       "header",      "format",      "fmt",        "masked",
       "mask",      "redacted",    "hashed",      "hash",       "encrypted",
       "encoded",   "name",        "path",        "file",       "filename",
       "url",       "uri",         "field",       "type",       "kind",
       "prefix",    "suffix",      "id",          "salt",       "digest",
       "policy",    "expiry",      "expires",     "expiration", "ttl",
       "timeout",   "lifetime",    "validator",   "callback",   "handler",
       "method",    "mode",        "scheme",      "mechanism",  "plugin",
       "realm",     "endpoint",    "query",       "param",      "parameter",
       "option",    "arg",         "argument",    "column",     "attribute",
       "attr",      "property",    "tag",         "separator",  "delimiter",
       "delim",     "count",       "size",        "index",      "offset",
       "error",     "status",      "message",     "msg",        "text",
       "title",     "description", "desc",        "help",       "button",
       "dialog",    "widget",      "input",       "entry",      "form",
       "icon",      "style",       "cmd",         "command",    "request",
       "response",  "dir",         "directory",   "setting",    "settings",
       "version",   "algorithm",   "algo",        "arn",        "ref",
       "reference", "location",    "vault",       "check",      "strength",
       "required",  "enabled",     "changed",     "limit",      "fingerprint",
       "rule",      "rules",       "tokenizer",   "lexer",      "parser"},
      Word);
}

bool isPasswordNoun(llvm::StringRef Word) {
  return contains(
      {"password", "passwords", "passwd", "passphrase", "passcode", "pwd"},
      Word);
}

/// Qualifiers under which `pass`/`pw` is a password, not a pass of an
/// algorithm (`first_pass`, `render_pass`).
bool isPassContext(llvm::StringRef Word) {
  return contains(
      {"db",      "database", "user",       "admin",   "root",     "mqtt",
       "proxy",   "sasl",     "smtp",       "mail",    "email",    "ftp",
       "sftp",    "http",     "auth",       "account", "client",   "redis",
       "mysql",   "pg",       "postgres",   "sql",     "ldap",     "bind",
       "wifi",    "ap",       "ssl",        "tls",     "keystore", "master",
       "private", "default",  "old",        "new",     "my",       "sys",
       "system",  "api",      "app",        "service", "bot",      "web",
       "irc",     "nickserv", "broker",     "bridge",  "remote",   "ssh",
       "vnc",     "git",      "registry",   "docker",  "zip",      "pfx",
       "p12",     "pkcs12",   "truststore", "server",  "login",    "key"},
      Word);
}

/// Qualifiers that make a `token` a credential (`access_token`), where a
/// bare `token` may be a lexer's.
bool isTokenQualifier(llvm::StringRef Word) {
  return contains({"access",   "refresh", "api",      "auth",     "bearer",
                   "bot",      "session", "oauth",    "oauth2",   "personal",
                   "github",   "gh",      "gitlab",   "slack",    "discord",
                   "telegram", "twitter", "jwt",      "csrf",     "xsrf",
                   "client",   "app",     "service",  "admin",    "security",
                   "secret",   "private", "device",   "push",     "hub",
                   "docker",   "npm",     "pypi",     "registry", "webhook",
                   "hook",     "sas",     "sts",      "aws",      "azure",
                   "gcp",      "google",  "openai",   "hf",       "huggingface",
                   "stripe",   "twilio",  "sendgrid", "mailgun",  "firebase",
                   "fcm",      "apns",    "consul",   "kube",     "kubernetes",
                   "deploy",   "upload",  "master",   "root",     "user",
                   "login",    "cloud"},
                  Word);
}

/// Qualifiers that make a `key` a secret (`api_key`, `private_key`), where
/// a bare `key` is a map's or a configuration file's.
std::optional<SecretKind> keyQualifierKind(llvm::StringRef Word) {
  if (Word == "api")
    return SecretKind::ApiKey;
  if (Word == "private")
    return SecretKind::PrivateKey;
  if (contains(
          {"access", "secret", "subscription", "auth", "master", "license"},
          Word))
    return SecretKind::Secret;
  if (contains({"signing", "sign", "signature", "encryption", "encrypt",
                "decryption", "decrypt", "crypt", "crypto", "aes", "des",
                "hmac", "shared", "symmetric", "wrapping", "jwt", "cipher"},
               Word))
    return SecretKind::CryptoKey;
  return std::nullopt;
}

// --- Values -----------------------------------------------------------------

bool hasWhitespace(llvm::StringRef V) {
  return llvm::any_of(V, [](char C) { return llvm::isSpace(C); });
}

/// One character repeated, or only one distinct letter or digit between
/// separators: a mask or a template ("********", "XXXX-XXXX").
bool isMask(llvm::StringRef V) {
  char Seen = 0;
  bool Alnum = false;
  for (char C : V) {
    if (!isAlnum(C))
      continue;
    Alnum = true;
    char Lower = llvm::toLower(C);
    if (Seen && Seen != Lower)
      return false;
    Seen = Lower;
  }
  if (Alnum)
    return true;
  // Only punctuation: a mask if it is one character repeated.
  return llvm::all_of(V, [&](char C) { return C == V.front(); });
}

/// A printf conversion (`%s`, `%-10.3d`, `%1$s`) in \p V.
bool hasPrintfConversion(llvm::StringRef V) {
  for (size_t I = V.find('%'); I != llvm::StringRef::npos;
       I = V.find('%', I + 1)) {
    size_t J = I + 1;
    while (J < V.size() && (llvm::isDigit(V[J]) ||
                            llvm::StringRef("-+ #.*$lhzjtL").contains(V[J])))
      ++J;
    if (J < V.size() && llvm::StringRef("sdiuxXfFeEgGcp@").contains(V[J]))
      return true;
  }
  return false;
}

bool isPlaceholder(llvm::StringRef V) {
  if ((V.starts_with("<") && V.ends_with(">")) ||
      (V.starts_with("[") && V.ends_with("]")) ||
      (V.starts_with("{") && V.ends_with("}")) ||
      (V.starts_with("__") && V.ends_with("__") && V.size() > 4) ||
      (V.starts_with("@") && V.ends_with("@") && V.size() > 2))
    return true;
  for (llvm::StringRef Marker :
       {"${", "$(", "{{", "%(", "#{", "{}", "***", "..."})
    if (V.contains(Marker))
      return true;
  if (V.size() > 1 && V[0] == '$' && (llvm::isAlpha(V[1]) || V[1] == '_'))
    return true;
  if (hasPrintfConversion(V))
    return true;
  std::string Lower = V.lower();
  llvm::StringRef L(Lower);
  for (llvm::StringRef Marker :
       {"redacted", "placeholder", "your", "replace", "xxx", "example", "dummy",
        "sample", "fixme", "todo", "insert", "<", ">"})
    if (L.contains(Marker))
      return true;
  llvm::SmallVector<llvm::StringRef, 4> Words;
  for (size_t I = 0; I < L.size();) {
    while (I < L.size() && !isAlnum(L[I]))
      ++I;
    size_t Start = I;
    while (I < L.size() && isAlnum(L[I]))
      ++I;
    if (I > Start)
      Words.push_back(L.slice(Start, I));
  }
  for (llvm::StringRef Word : Words)
    if (contains({"test", "testing", "fake", "mock", "bogus", "invalid", "none",
                  "null", "nil", "undefined", "unset", "tbd", "foo", "bar",
                  "baz", "qux", "na"},
                 Word))
      return true;
  return false;
}

bool isEnvironmentName(llvm::StringRef V) {
  if (V.empty() || !llvm::isUpper(V.front()))
    return false;
  if (!llvm::all_of(V, [](char C) {
        return llvm::isUpper(C) || llvm::isDigit(C) || C == '_';
      }))
    return false;
  // OPENAI_API_KEY: words joined by underscores.
  if (V.contains('_') && !V.ends_with("_") && !V.contains("__"))
    return true;
  // PGPASSWORD, TOKEN: one word naming a secret.
  std::string Lower = V.lower();
  for (llvm::StringRef Word :
       {"password", "passwd", "token", "secret", "apikey", "credential"})
    if (llvm::StringRef(Lower).contains(Word))
      return true;
  return false;
}

bool isSecretWord(llvm::StringRef Word) {
  return isPasswordNoun(Word) ||
         contains({"pass", "pw", "secret", "secrets", "token", "tokens", "key",
                   "apikey", "credential", "credentials", "creds", "cred",
                   "auth", "authorization", "bearer", "psk"},
                  Word);
}

/// The name of a key, field or header rather than a value: "db.password",
/// "access_token", "X-Api-Key", "Password", or a value that spells
/// \p Identifier (`kPassword = "password"`).
bool isKeyName(llvm::StringRef V, llvm::StringRef Identifier) {
  if (V.empty() || !llvm::isAlpha(V.front()))
    return false;
  if (!llvm::all_of(V, [](char C) {
        return isAlnum(C) || llvm::StringRef("._:/-").contains(C);
      }))
    return false;
  llvm::SmallVector<std::string, 6> Words = splitIdentifier(V);
  // `kSessionToken = "session-1"`: an identifier made of the name's own
  // words (one of them not a secret noun: "password" alone is a default
  // password).
  if (!Identifier.empty() && !Words.empty() &&
      !llvm::all_of(Words,
                    [](const std::string &W) { return isSecretWord(W); })) {
    llvm::SmallVector<std::string, 6> Own = splitIdentifier(Identifier);
    // A password noun stands for the name's own in any spelling:
    // `HR_PASSWORD1 "pwd1"` names the form field `pwd1`.
    auto IsOwnWord = [&](const std::string &W) {
      return llvm::is_contained(Own, W) ||
             (isPasswordNoun(W) && llvm::any_of(Own, [](const std::string &O) {
                return isPasswordNoun(O);
              }));
    };
    if (llvm::all_of(Words, IsOwnWord))
      return true;
  }
  if (!llvm::any_of(Words,
                    [](const std::string &W) { return isSecretWord(W); }))
    return false;
  if (Words.size() > 1)
    return true;
  // One secret word: a key or a label when it is capitalized ("Password"),
  // or when it spells the constant it is assigned to (`kPassword`,
  // `PASSWORD`); a default password otherwise ("password").
  if (llvm::any_of(V, [](char C) { return llvm::isUpper(C); }))
    return true;
  if (Identifier.empty())
    return false;
  // The noun, in any spelling, numbered as the name is: a numbered field
  // (`#define HR_PASSWORD1 "pwd1"`, coturn's form), not a password.
  auto TrailingDigits = [](llvm::StringRef Text) {
    return Text.take_back(Text.size() -
                          Text.find_last_not_of("0123456789") - 1);
  };
  llvm::StringRef Number = TrailingDigits(V);
  if (!Number.empty() && Number == TrailingDigits(Identifier) &&
      isPasswordNoun(Words.front()) &&
      llvm::any_of(splitIdentifier(Identifier),
                   [](const std::string &W) { return isPasswordNoun(W); }))
    return true;
  bool ConstantStyle =
      (Identifier.size() > 1 && Identifier[0] == 'k' &&
       llvm::isUpper(Identifier[1])) ||
      llvm::none_of(Identifier, [](char C) { return llvm::isLower(C); });
  return ConstantStyle && splitIdentifier(Identifier) == Words;
}

bool isPath(llvm::StringRef V) {
  if (V.starts_with("/") || V.starts_with("./") || V.starts_with("../") ||
      V.starts_with("~/") || V.starts_with("file:") ||
      V.starts_with("http://") || V.starts_with("https://") ||
      (V.size() > 2 && llvm::isAlpha(V[0]) && V[1] == ':' &&
       (V[2] == '\\' || V[2] == '/')))
    return true;
  size_t Dot = V.rfind('.');
  if (Dot == llvm::StringRef::npos)
    return false;
  return contains({"pem", "key", "txt", "json", "crt",  "cfg", "conf", "yaml",
                   "yml", "ini", "env", "p12",  "pfx",  "jks", "der",  "pub",
                   "asc", "gpg", "dat", "db",   "toml", "xml", "csv",  "log"},
                  V.drop_front(Dot + 1).lower());
}

/// Authentication schemes, keywords and other one-word settings that a
/// secret-named variable holds when it is a mode, not a secret.
bool isSettingWord(llvm::StringRef V) {
  std::string Lower = V.lower();
  return contains({"basic",         "bearer",    "digest",
                   "plain",         "plaintext", "login",
                   "none",          "true",      "false",
                   "yes",           "no",        "on",
                   "off",           "default",   "oauth",
                   "oauth1",        "oauth2",    "ntlm",
                   "negotiate",     "kerberos",  "gssapi",
                   "md5",           "sha1",      "sha256",
                   "sha512",        "bcrypt",    "scrypt",
                   "argon2",        "pbkdf2",    "scram-sha-1",
                   "scram-sha-256", "cram-md5",  "external",
                   "anonymous",     "any",       "all",
                   "auto",          "required",  "optional",
                   "disabled",      "enabled",   "unknown",
                   "empty",         "hidden",    "jwt",
                   "hmac",          "rsa",       "header",
                   "query",         "cookie",    "form",
                   "body",          "string",    "text",
                   "value",         "key",       "id",
                   "username",      "user",      "token",
                   "session",       "api",       "apikey"},
                  llvm::StringRef(Lower));
}

/// A cryptographic algorithm or the name of a key file, which a key-named
/// variable holds when it says which key, not what it is: "aes-256-cbc",
/// "HS256", "id_rsa".
bool isAlgorithmName(llvm::StringRef V) {
  std::string Lower = V.lower();
  llvm::StringRef L(Lower);
  if (contains({"hs256",   "hs384",   "hs512",    "rs256",
                "rs384",   "rs512",   "es256",    "es384",
                "es512",   "ps256",   "ps384",    "ps512",
                "eddsa",   "ed25519", "ed448",    "x25519",
                "rsa",     "dsa",     "ecdsa",    "aes",
                "des",     "3des",    "chacha20", "chacha20-poly1305",
                "blowfish"},
               L))
    return true;
  for (llvm::StringRef Prefix :
       {"aes-",     "aes_",   "aes128", "aes192",   "aes256",
        "sha-",     "sha1",   "sha2",   "sha3",     "sha256",
        "sha384",   "sha512", "hmac-",  "hmac_",    "des-",
        "des_",     "rsa-",   "rsa_",   "ecdsa-",   "ecdsa_",
        "camellia", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"})
    if (L.starts_with(Prefix))
      return true;
  return false;
}

double entropyPerChar(llvm::StringRef V) {
  std::array<unsigned, 256> Counts{};
  for (unsigned char C : V)
    ++Counts[C];
  double H = 0;
  for (unsigned N : Counts)
    if (N) {
      double P = double(N) / V.size();
      H -= P * std::log2(P);
    }
  return H;
}

// --- Formats ----------------------------------------------------------------

size_t countWhile(llvm::StringRef S, size_t From, bool (*Pred)(char)) {
  size_t N = 0;
  while (From + N < S.size() && Pred(S[From + N]))
    ++N;
  return N;
}

bool isUpperOrDigit(char C) { return llvm::isUpper(C) || llvm::isDigit(C); }
bool isTokenChar(char C) { return isAlnum(C) || C == '_' || C == '-'; }
bool isAlnumOrUnderscore(char C) { return isAlnum(C) || C == '_'; }
bool isBase64Char(char C) {
  return isAlnum(C) || C == '+' || C == '/' || C == '=';
}

bool hasLetterAndDigit(llvm::StringRef S) {
  return llvm::any_of(S, llvm::isAlpha) && llvm::any_of(S, llvm::isDigit);
}

/// Decodes base64 or base64url, padding optional; std::nullopt on a
/// character outside the alphabet.
std::optional<std::string> decodeBase64(llvm::StringRef S) {
  std::string Out;
  unsigned Buffer = 0, Bits = 0;
  for (char C : S) {
    int Value;
    if (llvm::isUpper(C))
      Value = C - 'A';
    else if (llvm::isLower(C))
      Value = C - 'a' + 26;
    else if (llvm::isDigit(C))
      Value = C - '0' + 52;
    else if (C == '+' || C == '-')
      Value = 62;
    else if (C == '/' || C == '_')
      Value = 63;
    else if (C == '=')
      break;
    else
      return std::nullopt;
    Buffer = (Buffer << 6) | Value;
    Bits += 6;
    if (Bits >= 8) {
      Bits -= 8;
      Out.push_back(char((Buffer >> Bits) & 0xFF));
    }
  }
  return Out;
}

/// `AKIA`/`ASIA` and 16 upper-case letters or digits.
bool matchAws(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!(At.starts_with("AKIA") || At.starts_with("ASIA")) ||
      !isWordBoundaryBefore(S, I))
    return false;
  if (countWhile(S, I + 4, isUpperOrDigit) != 16)
    return false;
  // AWS's documentation key, AKIAIOSFODNN7EXAMPLE.
  return !At.take_front(20).ends_with("EXAMPLE");
}

bool matchGitHub(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!isWordBoundaryBefore(S, I))
    return false;
  if (At.starts_with("github_pat_"))
    return countWhile(S, I + 11, isAlnumOrUnderscore) >= 22;
  return At.size() > 4 && At.starts_with("gh") &&
         llvm::StringRef("pousr").contains(At[2]) && At[3] == '_' &&
         countWhile(S, I + 4, [](char C) { return isAlnum(C); }) >= 36;
}

bool matchSlackToken(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!At.starts_with("xox") || At.size() < 5 ||
      !llvm::StringRef("abprse").contains(At[3]) || At[4] != '-' ||
      !isWordBoundaryBefore(S, I))
    return false;
  size_t N = countWhile(S, I + 5, isTokenChar);
  llvm::StringRef Body = At.substr(5, N);
  return N >= 10 && hasLetterAndDigit(Body) && !isMask(Body);
}

bool matchSlackWebhook(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!At.starts_with("hooks.slack.com/services/"))
    return false;
  llvm::StringRef Path = At.drop_front(25);
  llvm::SmallVector<llvm::StringRef, 3> Parts;
  Path.split(Parts, '/', 2);
  if (Parts.size() != 3)
    return false;
  llvm::StringRef Last = Parts[2].take_while(isAlnum);
  return Parts[0].size() > 1 && Parts[0][0] == 'T' && Parts[1].size() > 1 &&
         Parts[1][0] == 'B' && Last.size() >= 8 && !isMask(Last) &&
         !isMask(Parts[0].drop_front());
}

bool matchStripe(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  return (At.starts_with("sk_live_") || At.starts_with("rk_live_")) &&
         isWordBoundaryBefore(S, I) &&
         countWhile(S, I + 8, [](char C) { return isAlnum(C); }) >= 16;
}

/// `sk-` and at least 20 token characters, letters and digits mixed
/// (OpenAI's keys and those of APIs that copied the format).
bool matchSkKey(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!At.starts_with("sk-") || !isWordBoundaryBefore(S, I))
    return false;
  size_t N = countWhile(S, I + 3, isTokenChar);
  llvm::StringRef Body = At.substr(3, N);
  return N >= 20 && hasLetterAndDigit(Body) &&
         llvm::any_of(Body, llvm::isUpper) && !isPlaceholder(Body);
}

bool matchGoogleKey(llvm::StringRef S, size_t I) {
  return S.drop_front(I).starts_with("AIza") && isWordBoundaryBefore(S, I) &&
         countWhile(S, I + 4, isTokenChar) == 35;
}

/// `-----BEGIN ... PRIVATE KEY-----` followed by key material (a header
/// alone is a constant of a PEM parser, not a key).
bool matchPem(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!At.starts_with("-----BEGIN "))
    return false;
  size_t End = At.find("-----", 11);
  if (End == llvm::StringRef::npos || End > 60)
    return false;
  llvm::StringRef Label = At.slice(11, End);
  if (!Label.contains("PRIVATE KEY"))
    return false;
  size_t Material = 0;
  for (char C : At.drop_front(End + 5)) {
    if (C == '-')
      break;
    if (isBase64Char(C))
      ++Material;
  }
  return Material >= 40;
}

/// Three base64url segments whose first decodes to a JSON header.
bool matchJwt(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  if (!At.starts_with("eyJ") || !isWordBoundaryBefore(S, I))
    return false;
  size_t First = countWhile(S, I, isTokenChar);
  if (First < 10 || I + First >= S.size() || S[I + First] != '.')
    return false;
  size_t SecondStart = I + First + 1;
  size_t Second = countWhile(S, SecondStart, isTokenChar);
  if (Second < 4 || SecondStart + Second >= S.size() ||
      S[SecondStart + Second] != '.')
    return false;
  size_t Signature = countWhile(S, SecondStart + Second + 1, isTokenChar);
  // An unsigned token ("alg": "none") authenticates nothing.
  if (Signature < 16)
    return false;
  std::optional<std::string> Header = decodeBase64(At.take_front(First));
  if (!Header || !llvm::StringRef(*Header).starts_with("{"))
    return false;
  return llvm::StringRef(*Header).contains("\"alg\"") ||
         llvm::StringRef(*Header).contains("\"typ\"");
}

bool isGenericCredentialWord(llvm::StringRef Word) {
  return contains({"user", "username", "usr", "login", "name", "pass",
                   "password", "passwd", "pwd", "secret"},
                  Word.lower());
}

/// `scheme://user:password@host`, \p I at the `:` of `://`.
bool matchUrlPassword(llvm::StringRef S, size_t I) {
  if (!S.drop_front(I).starts_with("://"))
    return false;
  size_t SchemeStart = I;
  while (SchemeStart > 0 &&
         (llvm::isAlnum(S[SchemeStart - 1]) ||
          llvm::StringRef("+.-").contains(S[SchemeStart - 1])))
    --SchemeStart;
  if (I - SchemeStart < 2 || !llvm::isAlpha(S[SchemeStart]))
    return false;
  llvm::StringRef Rest = S.drop_front(I + 3);
  size_t At = Rest.find_first_of("@/?# \t\n\"'");
  if (At == llvm::StringRef::npos || Rest[At] != '@')
    return false;
  llvm::StringRef UserInfo = Rest.take_front(At);
  llvm::StringRef Host = Rest.drop_front(At + 1);
  // RFC 3986 userinfo characters only: `[username[:password]@]host` is a
  // usage text, not a URL.
  if (!llvm::all_of(UserInfo, [](char C) {
        return llvm::isAlnum(C) ||
               llvm::StringRef("-._~!$&'()*+,;=:%").contains(C);
      }))
    return false;
  auto [User, Password] = UserInfo.split(':');
  if (!UserInfo.contains(':') || Password.empty() || Host.empty() ||
      !(llvm::isAlnum(Host.front()) || Host.front() == '['))
    return false;
  if (isPlaceholder(Password) || isPlaceholder(User) || isMask(Password) ||
      isEnvironmentName(Password))
    return false;
  // `user:password@host` in documentation.
  return !(isGenericCredentialWord(User) && isGenericCredentialWord(Password));
}

/// `Bearer <token>` and `Basic <base64 of user:password>`, with or without
/// the `Authorization:` header name before it.
std::optional<llvm::StringRef> matchAuthorization(llvm::StringRef S, size_t I) {
  llvm::StringRef At = S.drop_front(I);
  bool Bearer = At.starts_with("Bearer ");
  bool Basic = At.starts_with("Basic ");
  if ((!Bearer && !Basic) || !isWordBoundaryBefore(S, I))
    return std::nullopt;
  llvm::StringRef Value =
      At.drop_front(Bearer ? 7 : 6).ltrim(' ').take_until([](char C) {
        return llvm::isSpace(C) || C == '"' || C == '\'' || C == ',';
      });
  if (Value.empty() || isPlaceholder(Value) || isMask(Value) ||
      isEnvironmentName(Value))
    return std::nullopt;
  if (Basic) {
    std::optional<std::string> Decoded = decodeBase64(Value);
    if (Value.size() < 8 || !Decoded ||
        !llvm::StringRef(*Decoded).contains(':') ||
        !llvm::all_of(*Decoded, [](char C) { return llvm::isPrint(C); }))
      return std::nullopt;
    return llvm::StringRef("an 'Authorization' header with basic credentials");
  }
  llvm::StringRef Before = S.take_front(I).rtrim(' ');
  bool Header = Before.ends_with_insensitive("authorization:");
  if (!(Header ? Value.size() >= 8 && !isKeyName(Value, "")
               : looksGenerated(Value)))
    return std::nullopt;
  return llvm::StringRef("an 'Authorization' header with a bearer token");
}

/// Which format starts at \p I of \p S, if any.
std::optional<llvm::StringRef> matchFormatAt(llvm::StringRef S, size_t I) {
  switch (S[I]) {
  case 'A':
    if (matchAws(S, I))
      return llvm::StringRef("an AWS access key id");
    if (matchGoogleKey(S, I))
      return llvm::StringRef("a Google API key");
    return std::nullopt;
  case 'g':
    if (matchGitHub(S, I))
      return llvm::StringRef("a GitHub token");
    return std::nullopt;
  case 'x':
    if (matchSlackToken(S, I))
      return llvm::StringRef("a Slack token");
    return std::nullopt;
  case 'h':
    if (matchSlackWebhook(S, I))
      return llvm::StringRef("a Slack webhook URL");
    return std::nullopt;
  case 's':
    if (matchStripe(S, I))
      return llvm::StringRef("a Stripe live secret key");
    if (matchSkKey(S, I))
      return llvm::StringRef("an OpenAI-style API key");
    return std::nullopt;
  case 'r':
    if (matchStripe(S, I))
      return llvm::StringRef("a Stripe live secret key");
    return std::nullopt;
  case '-':
    if (matchPem(S, I))
      return llvm::StringRef("a PEM private key");
    return std::nullopt;
  case 'e':
    if (matchJwt(S, I))
      return llvm::StringRef("a JSON Web Token");
    return std::nullopt;
  case ':':
    if (matchUrlPassword(S, I))
      return llvm::StringRef("a URL with a password");
    return std::nullopt;
  case 'B':
    return matchAuthorization(S, I);
  case 'p':
  case 'P':
    if ((I == 0 || S[I - 1] == ' ' || S[I - 1] == ';') &&
        (S.drop_front(I).starts_with_insensitive("password=") ||
         S.drop_front(I).starts_with_insensitive("pwd=")))
      if (connectionStringPassword(S))
        return llvm::StringRef("a database connection string with a password");
    return std::nullopt;
  default:
    return std::nullopt;
  }
}

/// The bytes at which a format can start: the scan tests the others with
/// one table lookup.
struct FormatTriggers {
  std::array<bool, 256> At{};
  FormatTriggers() {
    for (unsigned char C : llvm::StringRef("Agxhsr-e:BpP"))
      At[C] = true;
  }
};

} // namespace

llvm::StringRef describeKind(SecretKind Kind) {
  switch (Kind) {
  case SecretKind::Password:
    return "password";
  case SecretKind::Token:
    return "token";
  case SecretKind::ApiKey:
    return "API key";
  case SecretKind::Secret:
    return "secret";
  case SecretKind::PrivateKey:
    return "private key";
  case SecretKind::CryptoKey:
    return "key";
  case SecretKind::Credential:
    return "credential";
  }
  return "secret";
}

llvm::SmallVector<std::string, 6> splitIdentifier(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 6> Words;
  std::string Current;
  auto Flush = [&] {
    addWord(Words, Current);
    Current.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!isAlnum(C)) {
      Flush();
      continue;
    }
    if (!Current.empty()) {
      char Prev = Name[I - 1];
      bool CamelStart = llvm::isLower(Prev) && llvm::isUpper(C);
      // `HTTPAuth`: the last capital of a run starts the next word.
      bool AcronymEnd = llvm::isUpper(Prev) && llvm::isUpper(C) &&
                        I + 1 < Name.size() && llvm::isLower(Name[I + 1]);
      bool DigitBoundary = llvm::isDigit(Prev) != llvm::isDigit(C);
      if (CamelStart || AcronymEnd || DigitBoundary)
        Flush();
    }
    Current.push_back(llvm::toLower(C));
  }
  Flush();
  return Words;
}

std::optional<SecretName> classifyName(llvm::StringRef Identifier) {
  llvm::SmallVector<std::string, 6> Words = splitIdentifier(Identifier);
  while (Words.size() > 1 && isNeutralTail(Words.back()))
    Words.pop_back();
  if (Words.empty() || llvm::any_of(Words, [](const std::string &W) {
        return isDescribingWord(W);
      }))
    return std::nullopt;
  llvm::StringRef Head = Words.back();
  llvm::StringRef Qualifier =
      Words.size() > 1 ? llvm::StringRef(Words[Words.size() - 2]) : "";
  if (isPasswordNoun(Head))
    return SecretName{SecretKind::Password};
  if (Head == "pass" || Head == "pw")
    return Qualifier.empty() || isPassContext(Qualifier)
               ? std::optional(SecretName{SecretKind::Password})
               : std::nullopt;
  if (Head == "secret" || Head == "secrets")
    return SecretName{SecretKind::Secret};
  if (Head == "credential" || Head == "credentials" || Head == "creds")
    return SecretName{SecretKind::Credential};
  if (Head == "psk")
    return SecretName{SecretKind::CryptoKey};
  if (Head == "token" || Head == "tokens")
    return SecretName{SecretKind::Token, !isTokenQualifier(Qualifier)};
  if (Head == "key" || Head == "keys") {
    if (std::optional<SecretKind> Kind = keyQualifierKind(Qualifier))
      return SecretName{*Kind};
    return std::nullopt;
  }
  if (Head == "auth" || Head == "authorization" || Head == "bearer")
    return SecretName{SecretKind::Credential, /*NeedsGeneratedValue=*/true};
  return std::nullopt;
}

bool looksGenerated(llvm::StringRef V) {
  if (V.size() < 16 || !hasLetterAndDigit(V))
    return false;
  if (!llvm::all_of(V, [](char C) {
        return isAlnum(C) || llvm::StringRef("+/=_.~:-").contains(C);
      }))
    return false;
  // `very_long_identifier_name_2024`: words between separators.
  unsigned AlphaRuns = 0, Runs = 0;
  for (size_t I = 0; I < V.size();) {
    while (I < V.size() && !isAlnum(V[I]))
      ++I;
    size_t Start = I;
    while (I < V.size() && isAlnum(V[I]))
      ++I;
    if (I == Start)
      continue;
    ++Runs;
    if (llvm::all_of(V.slice(Start, I), llvm::isAlpha))
      ++AlphaRuns;
  }
  if (Runs >= 3 && AlphaRuns * 2 >= Runs)
    return false;
  return entropyPerChar(V) >= 3.0;
}

ValueClass classifyValue(llvm::StringRef Value, Evidence E, bool NeedsGenerated,
                         llvm::StringRef Identifier) {
  if (Value.empty())
    return ValueClass::Empty;
  // "%s" has one letter, but is a conversion, not a mask.
  if (isMask(Value) && !hasPrintfConversion(Value))
    return ValueClass::Mask;
  if (isPlaceholder(Value))
    return ValueClass::Placeholder;
  if (isEnvironmentName(Value))
    return ValueClass::EnvironmentName;
  if (E == Evidence::Api)
    return ValueClass::Plausible;
  if (hasWhitespace(Value) || Value.ends_with(":") || Value.ends_with("?") ||
      Value.ends_with("="))
    return ValueClass::Text;
  if (Value.size() < 4)
    return ValueClass::TooShort;
  if (isPath(Value))
    return ValueClass::Path;
  if (isSettingWord(Value) || isAlgorithmName(Value))
    return ValueClass::Word;
  if (isKeyName(Value, Identifier))
    return ValueClass::KeyName;
  if (NeedsGenerated && !looksGenerated(Value))
    return ValueClass::NotGenerated;
  return ValueClass::Plausible;
}

std::optional<llvm::StringRef> matchCredentialFormat(llvm::StringRef Value) {
  static const FormatTriggers Triggers;
  // The shortest format (`a://b:c@d`) has 9 bytes.
  if (Value.size() < 9)
    return std::nullopt;
  for (size_t I = 0; I < Value.size(); ++I)
    if (Triggers.At[static_cast<unsigned char>(Value[I])])
      if (std::optional<llvm::StringRef> Format = matchFormatAt(Value, I))
        return Format;
  return std::nullopt;
}

std::optional<llvm::StringRef> connectionStringPassword(llvm::StringRef Text) {
  // libpq: `host=db user=app password=s3cret`; ODBC/ADO:
  // `Server=db;Uid=app;Pwd=s3cret;`.
  std::optional<llvm::StringRef> Password;
  unsigned OtherKeys = 0;
  llvm::StringRef Rest = Text;
  while (!Rest.empty()) {
    Rest = Rest.ltrim(" \t;");
    size_t Eq = Rest.find('=');
    if (Eq == llvm::StringRef::npos)
      break;
    llvm::StringRef Key = Rest.take_front(Eq).trim();
    if (Key.empty() || !llvm::all_of(Key, [](char C) {
          return isAlnum(C) || C == '_' || C == ' ';
        }))
      return std::nullopt;
    Rest = Rest.drop_front(Eq + 1);
    llvm::StringRef Value;
    if (Rest.starts_with("'")) {
      size_t Close = Rest.find('\'', 1);
      Value = Rest.slice(1, Close);
      Rest = Close == llvm::StringRef::npos ? "" : Rest.drop_front(Close + 1);
    } else {
      size_t End = Rest.find_first_of(" \t;");
      Value = Rest.take_front(End);
      Rest = End == llvm::StringRef::npos ? "" : Rest.drop_front(End);
    }
    if (Key.equals_insensitive("password") || Key.equals_insensitive("pwd"))
      Password = Value;
    else if (contains({"host", "hostaddr", "dbname", "user", "port", "server",
                       "database", "uid", "user id", "data source", "sslmode",
                       "connect_timeout", "driver"},
                      Key.lower()))
      ++OtherKeys;
  }
  if (!Password || OtherKeys == 0 ||
      classifyValue(*Password, Evidence::Api) != ValueClass::Plausible)
    return std::nullopt;
  return Password;
}

std::string environmentVariableName(llvm::StringRef Identifier) {
  std::string Name;
  for (const std::string &Word : splitIdentifier(Identifier)) {
    if (!Name.empty())
      Name += '_';
    Name += llvm::StringRef(Word).upper();
  }
  return Name;
}

std::optional<SecretKind> curlCredentialOption(llvm::StringRef Option) {
  return llvm::StringSwitch<std::optional<SecretKind>>(Option)
      .Cases("CURLOPT_PASSWORD", "CURLOPT_USERPWD", "CURLOPT_PROXYPASSWORD",
             "CURLOPT_PROXYUSERPWD", SecretKind::Password)
      .Cases("CURLOPT_TLSAUTH_PASSWORD", "CURLOPT_PROXY_TLSAUTH_PASSWORD",
             SecretKind::Password)
      .Cases("CURLOPT_KEYPASSWD", "CURLOPT_SSLKEYPASSWD",
             "CURLOPT_SSLCERTPASSWD", "CURLOPT_PROXY_KEYPASSWD",
             SecretKind::Password)
      .Case("CURLOPT_XOAUTH2_BEARER", SecretKind::Token)
      .Default(std::nullopt);
}

namespace {
llvm::ArrayRef<CredentialParameter> credentialTable() {
  using K = SecretKind;
  // Rows of one function are adjacent.
  static const CredentialParameter Table[] = {
      {"mysql_real_connect", 3, K::Password},
      {"mysql_change_user", 2, K::Password},
      {"mysql_real_connect_start", 4, K::Password},
      {"PQsetdbLogin", 6, K::Password},
      {"PQconnectdb", 0, K::Password, /*ConnectionString=*/true},
      {"PQconnectStart", 0, K::Password, true},
      {"PQping", 0, K::Password, true},
      {"mosquitto_username_pw_set", 2, K::Password},
      {"mosqpp::mosquittopp::username_pw_set", 1, K::Password},
      {"HMAC", 1, K::CryptoKey, false, /*KeyBytes=*/true},
      {"HMAC_Init", 1, K::CryptoKey, false, true},
      {"HMAC_Init_ex", 1, K::CryptoKey, false, true},
      {"EVP_EncryptInit", 2, K::CryptoKey, false, true},
      {"EVP_DecryptInit", 2, K::CryptoKey, false, true},
      {"EVP_CipherInit", 2, K::CryptoKey, false, true},
      {"EVP_EncryptInit_ex", 3, K::CryptoKey, false, true},
      {"EVP_DecryptInit_ex", 3, K::CryptoKey, false, true},
      {"EVP_CipherInit_ex", 3, K::CryptoKey, false, true},
      {"EVP_EncryptInit_ex2", 2, K::CryptoKey, false, true},
      {"EVP_DecryptInit_ex2", 2, K::CryptoKey, false, true},
      {"EVP_CipherInit_ex2", 2, K::CryptoKey, false, true},
      {"AES_set_encrypt_key", 0, K::CryptoKey, false, true},
      {"AES_set_decrypt_key", 0, K::CryptoKey, false, true},
      {"EVP_PKEY_new_mac_key", 2, K::CryptoKey, false, true},
      {"EVP_PKEY_new_raw_private_key", 2, K::PrivateKey, false, true},
      {"EVP_MAC_init", 1, K::CryptoKey, false, true},
      {"CMAC_Init", 1, K::CryptoKey, false, true},
      {"httplib::ClientImpl::set_basic_auth", 1, K::Password},
      {"httplib::Client::set_basic_auth", 1, K::Password},
      {"httplib::ClientImpl::set_digest_auth", 1, K::Password},
      {"httplib::Client::set_digest_auth", 1, K::Password},
      {"httplib::ClientImpl::set_proxy_basic_auth", 1, K::Password},
      {"httplib::Client::set_proxy_basic_auth", 1, K::Password},
      {"httplib::ClientImpl::set_proxy_digest_auth", 1, K::Password},
      {"httplib::Client::set_proxy_digest_auth", 1, K::Password},
      {"httplib::ClientImpl::set_bearer_token_auth", 0, K::Token},
      {"httplib::Client::set_bearer_token_auth", 0, K::Token},
      {"httplib::ClientImpl::set_proxy_bearer_token_auth", 0, K::Token},
      {"httplib::Client::set_proxy_bearer_token_auth", 0, K::Token},
      {"cpr::Authentication::Authentication", 1, K::Password},
      {"cpr::Bearer::Bearer", 0, K::Token},
  };
  return Table;
}
} // namespace

bool mayTakeCredential(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Set;
    for (const CredentialParameter &P : credentialTable())
      Set.insert(llvm::StringRef(P.Function).rsplit("::").second.empty()
                     ? llvm::StringRef(P.Function)
                     : llvm::StringRef(P.Function).rsplit("::").second);
    return Set;
  }();
  return Names.contains(Name);
}

bool isPlainWord(llvm::StringRef Value) {
  return !Value.empty() && llvm::all_of(Value, llvm::isAlpha) &&
         llvm::all_of(Value.drop_front(), llvm::isLower);
}

bool namesSecret(llvm::StringRef Text) {
  return llvm::any_of(splitIdentifier(Text),
                      [](const std::string &W) { return isSecretWord(W); });
}

llvm::ArrayRef<CredentialParameter>
credentialParameters(llvm::StringRef QualifiedName) {
  llvm::ArrayRef<CredentialParameter> Table = credentialTable();
  const CredentialParameter *Begin =
      llvm::find_if(Table, [&](const CredentialParameter &P) {
        return P.Function == QualifiedName;
      });
  const CredentialParameter *End = Begin;
  while (End != Table.end() && End->Function == QualifiedName)
    ++End;
  return llvm::ArrayRef(Begin, End);
}

} // namespace clang::tidy::prodready::secrets
