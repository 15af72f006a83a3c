//===--- RegexSites.h - prodready ------------------------------*- C++ -*-===//
//
// Where a function compiles regexes, and how often each compile runs.
//
// A compile (RegexModel.h) is only worth a warning where it runs again and
// again with the same pattern. The finder walks one function body and
// places every compile in its *scope*, the innermost construct that
// repeats it:
//
//   - a loop: the body, condition or increment of `for`, `while`, `do`
//     (not `do { } while (0)`), the body of a range-for;
//   - a per-element callback: a lambda passed to a standard algorithm
//     (`std::for_each`, `std::transform`, `std::count_if`, ... and their
//     `std::ranges` forms), which calls it once per element;
//   - a lambda: it runs on every call of the lambda;
//   - the function: it runs on every call of the function.
//
// and leaves out what runs once: the initializer of a `static` or
// `thread_local` local (lambdas called in place there included),
// unevaluated operands (`sizeof`, `decltype`, `noexcept`), local classes
// (their methods are functions of their own).
//
// It also reads how each compiled regex is used, to tell a regex the
// function uses and throws away (worth compiling once) from one it builds
// for someone else: a regex that is returned, moved, copied into another
// object or handed to a constructor or a non-const member of another object
// (`rules.push_back(re)`) is *stored*, and a function that stores the regex
// it compiles is a builder whose callers decide how often it runs. A
// temporary is reported only when it goes straight to a function that
// matches with it and lets it go (regex_match, regex_search, regex_replace,
// or any free or const function taking it by const reference).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_REGEXSITES_H
#define PRODREADY_CHECKS_ANALYSIS_REGEXSITES_H

#include "RegexModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang::tidy::prodready {

/// The innermost construct that runs a compile again and again.
enum class RegexScope {
  Loop,
  /// A lambda a standard algorithm calls per element.
  AlgorithmCallback,
  Lambda,
  Function,
};

struct RegexSite {
  enum SiteKind {
    /// A local variable constructed from a pattern (`std::regex re("p")`,
    /// `auto re = sregex::compile("p")`).
    Variable,
    /// A temporary given to a function that matches with it.
    Temporary,
    /// `re.assign("p")`, `re = "p"`, `re = std::regex("p")`.
    Reassignment,
  };

  SiteKind Kind = Variable;
  RegexCompile Compile;
  /// The local a Variable site declares.
  const VarDecl *Var = nullptr;
  /// The regex a Reassignment changes, when it is a variable.
  const VarDecl *Target = nullptr;
  /// The statement that declares a Variable site's local, when it is a
  /// statement of a block (not a `for` or `if` initializer).
  const DeclStmt *Declaration = nullptr;
  /// The call a Temporary is given to, and the temporary as written there.
  const CallExpr *Consumer = nullptr;
  const Expr *Argument = nullptr;

  RegexScope Scope = RegexScope::Function;
  /// The loop statement (Loop), or the body of the lambda
  /// (AlgorithmCallback): what repeats the compile.
  const Stmt *Repeater = nullptr;
  /// The algorithm that calls the lambda (AlgorithmCallback).
  const Expr *Algorithm = nullptr;
  std::string AlgorithmName;
  /// Some lambda encloses the site (a `static` there would be shared by
  /// every call and copy of the lambda: no fix).
  bool InLambda = false;
  /// The function a Lambda or AlgorithmCallback scope belongs to is a
  /// lambda's call operator; this is it (else the analyzed function).
  const FunctionDecl *Function = nullptr;
};

/// How a function uses a local regex.
struct RegexVarUses {
  /// Returned, moved, copied into another object, handed to a constructor
  /// or to a non-const member of another object.
  bool Stored = false;
};

class RegexSiteFinder {
public:
  explicit RegexSiteFinder(RegexModel &Model) : Model(Model) {}

  /// The compiles of \p Body, the body of \p Function (or the initializer
  /// of a global when \p Function is null: everything there runs once but
  /// what is in lambdas), in source order.
  void find(const Stmt &Body, const FunctionDecl *Function, ASTContext &Ctx);

  const std::vector<RegexSite> &sites() const { return Sites; }
  RegexVarUses usesOf(const VarDecl &Var) const {
    auto It = Uses.find(&Var);
    return It == Uses.end() ? RegexVarUses() : It->second;
  }

  /// True if \p Callee calls the lambdas given to it once per element:
  /// the algorithms of <algorithm> and <numeric> (and std::ranges').
  static bool isPerElementAlgorithm(const NamedDecl &Callee);

private:
  friend class RegexSiteVisitor;

  RegexModel &Model;
  std::vector<RegexSite> Sites;
  llvm::DenseMap<const VarDecl *, RegexVarUses> Uses;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_REGEXSITES_H
