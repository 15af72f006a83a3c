//===--- RegexModel.h - prodready ------------------------------*- C++ -*-===//
//
// What prodready-regex-in-loop knows of the regex libraries it models.
//
// A compiled regex is an object of std::basic_regex (std::regex,
// std::wregex), boost::basic_regex (boost::regex, boost::wregex,
// boost::u32regex) or boost::xpressive::basic_regex (sregex, cregex, ...).
// Building one runs the library's regex compiler over the pattern: parsing,
// an automaton, its optimization. That is what the check looks for, in
// four forms:
//
//   std::regex re("a+b", std::regex::icase);      // construction
//   re.assign("a+b");  re = "a+b";                 // reassignment (also
//                                                  // boost's set_expression)
//   auto x = sregex::compile("a+b");               // factories (xpressive's
//                                                  // compile, boost's
//                                                  // make_u32regex)
//   std::regex_search(s, std::regex("a+b"));       // a temporary
//
// Copying or moving a regex does not compile anything and is not a
// compile here; neither are CTRE's compile-time patterns (not these types).
//
// The model also answers whether the *arguments* of a compile - the pattern
// and its flags - are the same on every run (classifyPattern): literals,
// `constexpr` variables, `const` variables whose initializer is itself
// constant (and locals without `const` that nothing modifies after such an
// initializer), `std::string` built from those and concatenations of them. A
// constant pattern compiled more than once is pure waste: a
// function-local `static const` regex compiles it once.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_REGEXMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_REGEXMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready {

enum class RegexLibrary { Std, Boost, Xpressive };

/// An expression that compiles a regex from a pattern.
struct RegexCompile {
  enum FormKind {
    /// `std::regex re("p")`, `std::regex("p")`.
    Construction,
    /// `sregex::compile("p")`, `boost::make_u32regex("p")`.
    Factory,
    /// `re.assign("p")`, `re = "p"`, `re.set_expression("p")`.
    Reassignment,
  };

  FormKind Form = Construction;
  /// The CXXConstructExpr, CallExpr, CXXMemberCallExpr or
  /// CXXOperatorCallExpr that compiles.
  const Expr *E = nullptr;
  /// The regex a reassignment changes (its object expression).
  const Expr *Target = nullptr;
  /// The pattern and the flags as written (default arguments left out).
  llvm::SmallVector<const Expr *, 3> Arguments;
  RegexLibrary Library = RegexLibrary::Std;
  /// The usual name of the regex type: `std::regex`, `boost::wregex`,
  /// `boost::xpressive::sregex`.
  std::string TypeName;
  /// For a reassignment, the member called: `assign`, `operator=`,
  /// `set_expression`; for a factory, the function: `compile`,
  /// `make_u32regex`.
  std::string Operation;
};

/// Whether the arguments of a compile are the same on every run.
struct PatternFacts {
  bool Constant = false;
  /// A constant pattern that reads an automatic local (`const std::string
  /// p = "a"; std::regex re(p);`): constant, but a `static` regex could not
  /// be initialized from the local without changing what it reads when.
  const VarDecl *ReadsLocal = nullptr;
};

class RegexModel {
public:
  /// The usual name of \p Type if it is a regex class (references and
  /// qualifiers looked through), or std::nullopt.
  std::optional<std::string> regexTypeName(QualType Type);
  bool isRegexType(QualType Type) { return regexTypeName(Type).has_value(); }
  std::optional<RegexLibrary> libraryOf(QualType Type);

  /// \p E as a compile of a regex from a pattern (see the forms above), or
  /// std::nullopt: copies and moves of a regex, default construction, and
  /// everything else.
  std::optional<RegexCompile> compileOf(const Expr &E);

  /// True for the functions that only read the regex they are given and
  /// match with it: regex_match, regex_search, regex_replace (and Boost's
  /// regex_grep, regex_split, regex_merge) of std, boost and
  /// boost::xpressive.
  static bool isMatchFunction(const FunctionDecl &Function);

private:
  struct ClassInfo {
    RegexLibrary Library;
    std::string Name;
  };
  const ClassInfo *classInfo(const CXXRecordDecl *Record);

  llvm::DenseMap<const CXXRecordDecl *, std::optional<ClassInfo>> Classes;
};

/// Whether the pattern arguments \p Arguments of a compile (see
/// RegexCompile::Arguments) are constant.
PatternFacts classifyPattern(llvm::ArrayRef<const Expr *> Arguments,
                             ASTContext &Ctx);

/// Whether \p E alone is a constant in the sense of classifyPattern.
PatternFacts classifyConstant(const Expr &E, ASTContext &Ctx);

/// True for the std string classes and the std functions whose result
/// depends only on their arguments (std::to_string, std::operator+ of
/// strings): what a pattern may be built with and still be constant or
/// loop-invariant.
bool isPureStringBuilder(const FunctionDecl &Function);
bool isStdStringClass(const CXXRecordDecl &Record);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_REGEXMODEL_H
