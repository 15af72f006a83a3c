//===--- PathSanitizers.h - prodready --------------------------*- C++ -*-===//
//
// The tests a program makes of a path before it uses one, recognized in
// branch conditions: "contains `..`", "is absolute", "contains a `/`", "is
// inside the base directory", "leaves the base directory", and the user's
// own predicates. The taint analysis (TaintAnalysis.cpp) applies them on
// the branch edges they decide, so a rejection cleans the path on the
// paths it dominates. Pattern code only: which value a test cleans is the
// analysis' business.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_PATHSANITIZERS_H
#define PRODREADY_CHECKS_ANALYSIS_PATHSANITIZERS_H

#include "TaintModel.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

namespace clang::tidy::prodready {

/// What a condition says about a path.
enum class PathFact {
  None,
  /// It contains `..` (`s.find("..") != npos`, `strstr(s, "..")`).
  HasDotDot,
  /// It is absolute (`s[0] == '/'`, `p.is_absolute()`).
  IsAbsolute,
  /// It contains a `/` (`strchr(s, '/')`, `s.find('/') != npos`): without
  /// one it is a single component, as `filename()` gives.
  HasSlash,
  /// The user's predicate (Sanitizers option) vouches for it.
  Safe,
  /// It starts with the base directory (`s.rfind(base, 0) == 0`,
  /// `strncmp(s, base, n) == 0`): a canonical path is then inside it.
  InsideBase,
  /// It is a path relative to the base that climbs out of it
  /// (`*rel.begin() == ".."`, `rel.string().starts_with("..")`).
  LeavesBase,
};

struct PathPredicate {
  PathFact Fact = PathFact::None;
  const Expr *Subject = nullptr;
  /// A second candidate subject, for tests symmetric in their operands
  /// (`strncmp(a, b, n)`): the fact is about whichever is the path.
  const Expr *OtherSubject = nullptr;
  bool Positive = true; ///< The fact holds when the expression is true.
};

/// What \p Cond (an atom of a condition: no `!`, `&&`, `||`) says about a
/// path.
PathPredicate classifyPathPredicate(const Expr *Cond, const TaintModel &Model);

/// A range-for over the components of a path whose body rejects some
/// (returns or throws on them): once it completes, none of its components
/// was rejected. `for (const auto &c : p) if (c == "..") return false;`
struct ComponentLoop {
  const Expr *Range = nullptr;
  bool RejectsDotDot = false; ///< A `..` component.
  bool RejectsRoot = false;   ///< The root directory `/`.
};

/// The components \p Loop rejects, if it is such a loop.
std::optional<ComponentLoop> componentLoop(const CXXForRangeStmt &Loop);

/// True if \p Join, where untrusted data was joined into a path, drops
/// what comes before an absolute operand (`dir / name`, `dir /= name`,
/// `path::append`), unlike text joins (`+`, `strcat`, `snprintf`).
bool replacesOnAbsolute(const Expr &Join);

/// True if \p Format (a format string) starts with literal text before
/// its first \p Placeholder (`%` for printf, `{` for std::format): a
/// prefix the program chose (`"/var/spool/%s"`).
bool hasLiteralPrefix(const Expr *Format, char Placeholder);

/// For the result of `full.lexically_relative(base)` or
/// `std::filesystem::relative(full, base)` (\p Relative, or a variable
/// initialized with one): the path it is relative from (`full`).
const Expr *relativeOrigin(const Expr *Relative);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_PATHSANITIZERS_H
