//===--- Termination.h - prodready -----------------------------*- C++ -*-===//
//
// Which calls never return to their caller. clang's CFG already ends a
// block at a call to a function declared noreturn (`exit`, `abort`,
// `[[noreturn]] void fatal(...)`), but real code is full of helpers that
// end the program or throw on every path without saying so:
//
//   void usage(const char *argv0) { fprintf(stderr, ...); exit(2); }
//   void fail(const std::string &why) { throw std::runtime_error(why); }
//
// For a guard such as `if (!value) usage(argv[0]);` the code after the `if`
// runs only when the condition failed, exactly as with `exit`. The
// flow-sensitive analyses (nullness, bounds, taint) ask this oracle at each
// call and treat a terminating call as the end of the path.
//
// A function terminates when, in its CFG, no path from the entry reaches
// a normal return: every path passes through a noreturn call, a throw that
// leaves the function, or (recursively, to a small depth) a call to another
// terminating function of the translation unit. Virtual calls that may be
// overridden and functions without a body here are not assumed to
// terminate unless declared noreturn. Each function is computed once.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TERMINATION_H
#define PRODREADY_CHECKS_ANALYSIS_TERMINATION_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::prodready {

class TerminatingFunctions {
public:
  /// True if a call to \p F never returns to its caller.
  bool alwaysTerminates(const FunctionDecl &F);

  /// True if \p S is a call (or `throw`) after which the path ends.
  bool isTerminatingStmt(const Stmt &S);

  void clear() { Known.clear(); }

private:
  bool bodyTerminates(const FunctionDecl &Definition);

  enum class Verdict : uint8_t { InProgress, Returns, Terminates };
  llvm::DenseMap<const FunctionDecl *, Verdict> Known;
  unsigned Depth = 0;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TERMINATION_H
