//===--- SecretModel.h - prodready -----------------------------*- C++ -*-===//
//
// What makes a string literal a hard-coded secret, as text: the model behind
// prodready-hardcoded-secret, free of the AST so that it is unit-tested on
// strings.
//
// Three kinds of evidence, from the strongest:
//
//  * The format of the value itself: an AWS access key id, a GitHub or
//    Slack token, a PEM private key, a JWT, a URL with a password, ... A
//    literal in such a format is a credential whatever it is called. The
//    scan is one pass over the bytes that tests a prefix only where a
//    format can start (a byte table), so the common literal costs a few
//    comparisons and no regular expression.
//  * The API that receives it: the password of mysql_real_connect, the key
//    of EVP_EncryptInit_ex, CURLOPT_USERPWD (tables below; the AST side is
//    in SecretSites.h).
//  * The name of what holds it. An identifier is split into words
//    (snake_case, camelCase, kPrefix, Hungarian m_s) and its *head* - the
//    last word, as in English compounds - must be a secret noun:
//    `db_password`, `apiKey`, `kClientSecret` hold secrets;
//    `password_prompt`, `token_type`, `kTokenHeader`, `max_password_length`
//    only describe one. Nouns that mean other things in code (a lexer's
//    `token`, an `auth` mode, a `key` of a map) count only with a qualifier
//    (`access_token`, `api_key`) or with a value that looks generated.
//
// A name is weak evidence on its own, so the value must also look like a
// secret: not empty, not a mask ("********"), not a placeholder
// ("<your key>", "${API_KEY}", "%s", "REDACTED"), not the name of an
// environment variable or of a configuration key ("API_TOKEN",
// "db.password", "Password"), not a path, a prompt or an authentication
// scheme ("Bearer", "plain"). Well-known default passwords ("changeme",
// "admin", "password") are secrets.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SECRETMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_SECRETMODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready::secrets {

/// What a secret is, for messages ("hard-coded password ...").
enum class SecretKind {
  Password,
  Token,
  ApiKey,
  Secret,
  PrivateKey,
  CryptoKey,
  Credential,
};

/// "password", "token", "API key", "secret", "private key", "key",
/// "credential".
llvm::StringRef describeKind(SecretKind Kind);

/// The words of an identifier (or of a key such as "X-Api-Key"),
/// lowercased: split at `_`, `-`, `.`, camelCase and letter/digit
/// boundaries; single letters (`k`, `m_`, Hungarian `s`) and numbers are
/// dropped; compounds are split (`apikey` -> api key, `dbpassword` -> db
/// password).
llvm::SmallVector<std::string, 6> splitIdentifier(llvm::StringRef Name);

/// What an identifier's name says it holds.
struct SecretName {
  SecretKind Kind;
  /// The head noun is ambiguous in code (`token`, `auth`, `bearer`): the
  /// value must look generated to count.
  bool NeedsGeneratedValue = false;
};

/// The secret an identifier is named for, or std::nullopt when its head is
/// not a secret noun or the name describes a secret without holding one.
std::optional<SecretName> classifyName(llvm::StringRef Identifier);

/// How sure the site is that the value is a credential.
enum class Evidence {
  /// Only the name says so: the value must look like a secret.
  Name,
  /// An API takes it as a credential: only non-values are excluded (empty,
  /// masks, placeholders, environment variable names).
  Api,
};

/// Why a value is, or is not, taken for a secret.
enum class ValueClass {
  Plausible,
  Empty,
  Mask,            ///< "********", "xxxx-xxxx"
  Placeholder,     ///< "<your key>", "${API_KEY}", "%s", "REDACTED", "test"
  EnvironmentName, ///< "API_TOKEN", "PGPASSWORD"
  KeyName,         ///< "db.password", "access_token", "Password"
  Text,            ///< contains spaces, or is a prompt ("Password:")
  Path,            ///< "/etc/app/key.pem", "https://auth.example.org"
  Word,            ///< an authentication scheme or keyword: "Bearer", "plain"
  TooShort,
  NotGenerated, ///< a `token` whose value does not look generated
};

/// Classifies \p Value for a site with evidence \p E. \p Identifier is the
/// name it is assigned to, if any: a value that spells that name
/// (`kPassword = "password"`) is a key, not a password.
ValueClass classifyValue(llvm::StringRef Value, Evidence E,
                         bool NeedsGenerated = false,
                         llvm::StringRef Identifier = "");

/// True if \p Value looks machine-generated: long, from a token alphabet,
/// letters and digits mixed, no words between separators, and an entropy
/// of at least 3 bits per character.
bool looksGenerated(llvm::StringRef Value);

/// The well-known credential format \p Value contains, described for a
/// message ("an AWS access key id"), or std::nullopt.
std::optional<llvm::StringRef> matchCredentialFormat(llvm::StringRef Value);

/// The value of the `password` (or `pwd`) field of a libpq, ODBC or ADO
/// connection string, when it has one that is a secret.
std::optional<llvm::StringRef> connectionStringPassword(llvm::StringRef Text);

/// The name of the environment variable a fix reads the secret of
/// \p Identifier from: its words upper-cased and joined with `_`
/// (`kApiKey` -> API_KEY, `m_sPassword` -> PASSWORD); "" if it has none.
std::string environmentVariableName(llvm::StringRef Identifier);

/// A libcurl option that sets a credential, and what it sets.
std::optional<SecretKind> curlCredentialOption(llvm::StringRef Option);

/// A parameter of a function of a known library that takes a credential.
struct CredentialParameter {
  /// Qualified name, without inline namespaces (`httplib::ClientImpl::
  /// set_basic_auth`); C functions by their plain name.
  llvm::StringLiteral Function;
  unsigned Argument;
  SecretKind Kind;
  /// The argument is a whole connection string, not the password.
  bool ConnectionString = false;
  /// A key may be given as a byte array (`unsigned char key[] = {...}`).
  bool KeyBytes = false;
};

/// True if a function of this simple name (`set_basic_auth`, `HMAC`) is
/// in the table of credential parameters: the cheap test before the
/// qualified name is built.
bool mayTakeCredential(llvm::StringRef Name);

/// True if \p Value is one plain word ("access", "Admin"): in a table of
/// pairs, more often a translation or an alias than a password.
bool isPlainWord(llvm::StringRef Value);

/// True if \p Text names a secret in one of its words ("passwd",
/// "X-Api-Key"): a key of a table rather than its value.
bool namesSecret(llvm::StringRef Text);

/// The credential parameters of \p QualifiedName (empty when none).
llvm::ArrayRef<CredentialParameter>
credentialParameters(llvm::StringRef QualifiedName);

} // namespace clang::tidy::prodready::secrets

#endif // PRODREADY_CHECKS_ANALYSIS_SECRETMODEL_H
