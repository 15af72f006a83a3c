//===--- SecretSites.h - prodready -----------------------------*- C++ -*-===//
//
// Where string literals of the user's code go, and which of those places
// say that the literal is a credential: the AST side of
// prodready-hardcoded-secret (the text side is SecretModel.h).
//
// The user-code scanner hands every statement to collect(); a site is found
// from the node that gives the literal its destination - a declaration, an
// assignment, a call, an initializer list, a return - so that no parent map
// is needed:
//
//   std::string db_password = "hunter2";          // Named
//   cfg.api_key = "...";  Config c{.token = "..."}; // Named
//   login(user, "hunter2");  // Named (parameter `password` of login)
//   {"password", "hunter2"}, cfg["password"] = "…" // KeyedValue
//   mysql_real_connect(c, h, u, "hunter2", …)      // ApiArgument
//   curl_easy_setopt(h, CURLOPT_USERPWD, "u:p")    // CurlOption
//   PQconnectdb("host=db password=hunter2")        // ConnectionString
//   unsigned char key[] = "0123456789abcdef";
//   EVP_EncryptInit_ex(ctx, c, nullptr, key, iv)   // ApiArgument, via `key`
//   "ghp_…", "AKIA…", "-----BEGIN RSA PRIVATE KEY-----…" // Format
//
// Declarations that are units of their own (globals, fields, functions with
// default arguments or constructor initializers) are handled by
// collectUnit(), and `#define NAME "literal"` by collectMacros().
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SECRETSITES_H
#define PRODREADY_CHECKS_ANALYSIS_SECRETSITES_H

#include "SecretModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang::tidy::prodready {

/// A literal that holds a credential, and what says so.
struct SecretSite {
  enum class Rule {
    /// Initializes or is assigned to a variable, field, constant or member
    /// named as a secret; Name is it.
    Named,
    /// The argument of a parameter named as a secret; Name is the
    /// parameter, Function the callee.
    NamedParameter,
    /// The default argument of a parameter named as a secret.
    DefaultArgument,
    /// Returned by a function named as a secret (`GetApiToken`).
    Returned,
    /// The value of a key that names a secret: `{"password", "…"}`,
    /// `cfg["password"] = "…"`; Name is the key.
    KeyedValue,
    /// What a macro named as a secret expands to.
    Macro,
    /// A credential parameter of a known API; Function is it.
    ApiArgument,
    /// A libcurl credential option; Name is the option.
    CurlOption,
    /// `password=` in a connection string passed to Function.
    ConnectionString,
    /// A literal in a well-known credential format; Format describes it.
    Format,
  };

  Rule Kind = Rule::Format;
  secrets::SecretKind Secret = secrets::SecretKind::Secret;
  /// The literal (or, for a key given as bytes, the initializer list) that
  /// holds the secret: where it is reported.
  const Expr *Value = nullptr;
  std::string Name;
  std::string Function;
  llvm::StringRef Format;
  /// Where a key array is used as a key (a note), when it is not Value.
  const Expr *UsedAt = nullptr;
  /// For a fix that reads the secret from the environment: the type that
  /// receives it (null when no such rewrite applies: an argument, an
  /// aggregate member, a key array, a macro), and whether it must be a
  /// constant expression (constexpr, constinit, a static of C).
  QualType Destination;
  bool NeedsConstant = false;
};

class SecretSites {
public:
  explicit SecretSites(ASTContext &Ctx) : Ctx(Ctx) {}

  /// The sites \p S establishes, \p Unit the function (or global or field)
  /// that contains it.
  void collect(const Stmt &S, const Decl *Unit,
               llvm::SmallVectorImpl<SecretSite> &Out);
  /// The sites of the declaration \p Unit itself: a global's or a field's
  /// initializer, default arguments, constructor initializers.
  void collectUnit(const Decl &Unit, llvm::SmallVectorImpl<SecretSite> &Out);
  /// `#define NAME "literal"` for the macros of \p PP defined outside
  /// system headers. Value stays null: the site's location is \p Loc.
  struct MacroSite {
    SecretSite Site;
    SourceLocation Loc;
    std::string Value;
  };
  static void collectMacros(Preprocessor &PP,
                            llvm::SmallVectorImpl<MacroSite> &Out);

  /// The string literal \p E is, through conversions, casts, temporaries
  /// and string constructors (`std::string("x")`, `"x"s`); null otherwise.
  /// Only narrow literals (ordinary and UTF-8) are considered.
  static const StringLiteral *asStringLiteral(const Expr *E);

private:
  void collectFormat(const StringLiteral &Literal,
                     llvm::SmallVectorImpl<SecretSite> &Out);
  void collectNamed(llvm::StringRef Name, const Expr *Init,
                    SecretSite::Rule Kind, QualType Destination,
                    bool NeedsConstant, llvm::SmallVectorImpl<SecretSite> &Out);
  void collectCall(const CallExpr &Call, const Decl *Unit,
                   llvm::SmallVectorImpl<SecretSite> &Out);
  void collectConstruct(const CXXConstructExpr &Construct,
                        llvm::SmallVectorImpl<SecretSite> &Out);
  void collectApiArgument(const secrets::CredentialParameter &Param,
                          const Expr *Arg, llvm::StringRef Function,
                          const Decl *Unit,
                          llvm::SmallVectorImpl<SecretSite> &Out);
  void collectParameters(const FunctionDecl &Callee,
                         llvm::ArrayRef<const Expr *> Args,
                         llvm::SmallVectorImpl<SecretSite> &Out);
  void collectAssignment(const Expr &Lhs, const Expr &Rhs,
                         llvm::SmallVectorImpl<SecretSite> &Out);
  void collectInitList(const InitListExpr &List,
                       llvm::SmallVectorImpl<SecretSite> &Out);
  void collectKeyedValue(const Expr &Key, const Expr &Value,
                         llvm::SmallVectorImpl<SecretSite> &Out);

  /// The constant bytes a key argument holds: a literal, or a local or
  /// constant array initialized from a literal or from integer literals,
  /// reached through pointer locals; null when it may hold anything else.
  const Expr *constantKeyBytes(const Expr *Arg, const Decl *Unit,
                               unsigned Depth = 0);
  bool needsConstant(const VarDecl &Var) const;
  /// True if \p Var may be written in \p Unit (assigned, its address or
  /// elements handed to a function that may write them).
  bool mayBeWritten(const VarDecl &Var, const Decl *Unit);

  ASTContext &Ctx;
  /// mayBeWritten's answers, per variable.
  llvm::DenseMap<const VarDecl *, bool> Written;
};

/// The value of a site: its literal's text ("" for a byte array).
llvm::StringRef siteValue(const SecretSite &Site);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_SECRETSITES_H
