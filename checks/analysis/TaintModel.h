//===--- TaintModel.h - prodready ------------------------------*- C++ -*-===//
//
// What the untrusted-data analysis knows about calls: which return or write
// untrusted data (sources), which copy, append or format data into a buffer
// (propagation through C string functions), which sanitize or canonicalize a
// path. Tables, not traversal code: a new library is a new entry here.
//
// Sources (catalog): argv of main (handled by the analysis), the getenv
// family, standard input and files (std::cin/ifstream `>>`, std::getline,
// fgets, fread, scanf, gets), sockets and descriptors (recv, recvfrom, read),
// cpp-httplib/Crow/Beast request data (multipart uploads included),
// nlohmann::json::parse results, and functions users list.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TAINTMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_TAINTMODEL_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

/// Where untrusted data comes from, as bits of a set. Who controls the
/// input matters: the operator who runs the program chooses its command
/// line, its environment, its standard input and the files it reads (its
/// configuration); anybody may have chosen what arrives over the network,
/// in a request, or in an answer parsed from a service.
enum class SourceKind : uint8_t {
  CommandLine = 1 << 0, ///< argv of main.
  Environment = 1 << 1, ///< getenv and friends.
  StandardInput = 1 << 2, ///< std::cin, stdin.
  File = 1 << 3,        ///< Files and descriptors read (fgets, ifstream, read).
  Network = 1 << 4,     ///< Sockets (recv, recvfrom).
  Request = 1 << 5,     ///< Web framework request data.
  ParsedAnswer = 1 << 6, ///< JSON parsed from text of unknown origin.
  UserSource = 1 << 7,  ///< A function listed in the Sources option.
};

/// The sources the operator controls.
inline constexpr uint8_t OperatorSources =
    static_cast<uint8_t>(SourceKind::CommandLine) |
    static_cast<uint8_t>(SourceKind::Environment) |
    static_cast<uint8_t>(SourceKind::StandardInput) |
    static_cast<uint8_t>(SourceKind::File);

enum class CallEffect {
  Default,            ///< Result derives from the arguments (and object).
  SourceResult,       ///< Returns untrusted data.
  SourceOutArgs,      ///< Writes untrusted data into OutArgs.
  Sanitizer,          ///< Returns clean data.
  SanitizerPredicate, ///< Returns true when argument 0 is safe.
  Canonicalizer,      ///< Returns a normalized/canonical form of argument 0.
  CopyToFirst,        ///< strcpy, memcpy: argument 0 = argument 1.
  AppendToFirst,      ///< strcat: argument 0 += argument 1 (a join).
  FormatToFirst,      ///< sprintf/snprintf: argument 0 = formatted (a join).
  ScanFromFirst,      ///< sscanf, from_chars: OutArgs = argument 0.
  /// `full.lexically_relative(base)`, `relative(full, base)`: `full` as a
  /// path relative to the base (never absolute).
  RelativePath,
  /// A formatter that quotes some of its arguments (`sqlite3_mprintf`
  /// with `%Q`): the result, and OutArgs, hold only the arguments in
  /// Carried, joined at the call.
  FormatCarried,
};

struct CallModel {
  CallEffect Effect = CallEffect::Default;
  llvm::SmallVector<unsigned, 4> OutArgs;
  /// For CopyToFirst and AppendToFirst: the argument copied or appended
  /// (`curl_url_set(u, CURLUPART_URL, text, 0)` copies argument 2).
  unsigned Source = 1;
  /// For a source: what kind of source it is.
  SourceKind Kind = SourceKind::UserSource;
  /// For RelativePath: the result is also normalized (relative()
  /// canonicalizes its arguments first).
  bool Canonical = false;
  /// For FormatCarried: the arguments whose text reaches the result.
  llvm::SmallVector<unsigned, 4> Carried;
};

/// What one check knows about calls better than the shared tables: the
/// sanitizers of its kind of sink (SQL quoting such as `PQescapeLiteral`
/// cleans text for a query, not for a path), or shared entries that do not
/// hold for it (`basename` makes a path component, not a safe SQL value).
/// Consulted before the shared tables.
class CallModelExtension {
public:
  virtual ~CallModelExtension();
  /// The model of \p Call for this check, or nullopt for the shared one.
  virtual std::optional<CallModel> classify(const CallExpr &Call) const = 0;
};

/// Which tests of branch conditions vouch for a value on the edges they
/// decide: path tests (PathSanitizers.h: `..` rejected, a canonical path
/// inside its base), or URL validations (UrlValidators.h: the scheme or
/// the host compared), or none (a check whose sink is neither: a name free
/// of `/` may still hold a quote; only the listed Sanitizers predicates
/// vouch then). A check asks for the ones of its kind of sink.
enum class ConditionTests { Paths, Urls, None };

/// User extensions, as qualified function names (leading `::` optional).
struct TaintOptions {
  std::vector<std::string> Sources;    ///< Return untrusted data.
  std::vector<std::string> Sanitizers; ///< Return clean data, or (when they
                                       ///< return bool) vouch for argument 0.
  /// The check's own call models (not owned; outlives the TaintModel).
  const CallModelExtension *Extension = nullptr;
  ConditionTests Tests = ConditionTests::Paths;
  /// A method or constructor of the file that stores a parameter into a
  /// field (`void setUrl(const std::string &u) { url_ = u; }`, `: url_(u)`)
  /// writes its caller's argument there, for the field's value everywhere
  /// (see TaintEngine::isUntrustedGlobal).
  bool Setters = false;
  /// Calls of functions defined in other translation units, modelled from
  /// their summaries (--whole-program, ProgramSummaries.h); consulted after
  /// Extension. Not owned.
  const CallModelExtension *Program = nullptr;
  /// For a function's summary in whole-program mode only: a call of a
  /// function of another translation unit that nothing models yields a
  /// label of its own (TaintValue::externalCallLabel) instead of its
  /// arguments' labels, so that the summary can say which functions of
  /// other units its return value comes from (ProgramSummaries' forwards),
  /// and linking can compose them without analyzing the unit again.
  bool SymbolicExternalCalls = false;
};

class TaintModel {
public:
  explicit TaintModel(const TaintOptions &Options);

  CallModel classify(const CallExpr &Call) const;
  /// `req.body`, `req.path`, ... of a web framework's request.
  bool isUntrustedMember(const MemberExpr &Member) const;
  /// True for `main`'s argv (and envp).
  static bool isMainArgument(const ValueDecl &D);
  /// Member functions that give a view or copy of their object's text
  /// (`c_str`, `string`, `native`, ...): the subject of a predicate.
  static bool isTextAccessor(const CXXMethodDecl &Method);
  ConditionTests conditionTests() const { return Tests; }
  /// Sets TaintOptions::Program after construction (a check loads the
  /// summaries its options name).
  void setProgram(const CallModelExtension *Models) { Program = Models; }
  bool followsSetters() const { return Setters; }
  bool symbolicExternalCalls() const { return SymbolicExternalCalls; }

private:
  const CallModelExtension *Extension;
  const CallModelExtension *Program;
  ConditionTests Tests;
  bool Setters;
  bool SymbolicExternalCalls;
  llvm::StringSet<> UserSources;
  llvm::StringSet<> UserSanitizers;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TAINTMODEL_H
