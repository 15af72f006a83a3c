//===--- TemplateInstances.h - prodready -----------------------*- C++ -*-===//
//
// The instantiations of the user's templates in a translation unit: which
// function templates, members of class templates and generic lambdas were
// instantiated with a body, and how many times.
//
// The scanner analyzes a template through its instantiations when it has
// any (there the types are known: `values[0]` on a `Seq` that is a
// `std::vector<int>`), and through its pattern otherwise (a template never
// instantiated is still checked where the types do not matter). The
// diagnostics layer asks, for a location, how many instantiations analyzed
// it, to report it once and to offer a fix only when all of them agree.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TEMPLATEINSTANCES_H
#define PRODREADY_CHECKS_ANALYSIS_TEMPLATEINSTANCES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang::tidy::prodready {

class TemplateInstances {
public:
  /// True if \p Pattern (a templated function definition, or a generic
  /// lambda's call operator) has an instantiation with a body in the TU.
  bool isInstantiated(const FunctionDecl &Pattern, ASTContext &Ctx);

  /// Counts \p Instance, an instantiation with a body, for its pattern.
  /// Counting one twice has no effect. The scanner counts generic lambdas
  /// (they live in function bodies, where the index does not look).
  void addInstantiation(const FunctionDecl &Instance, ASTContext &Ctx);

  /// The number of instantiations that analyzed \p Loc: those of the
  /// innermost instantiated template whose source contains it; 0 outside
  /// templates and in templates analyzed through their pattern.
  unsigned instantiationsAt(SourceLocation Loc,
                            const SourceManager &SM) const;

  /// The source range (of its pattern) of the template counted at \p Loc,
  /// invalid when instantiationsAt() is 0.
  SourceRange templateAt(SourceLocation Loc, const SourceManager &SM) const;

  /// Forgets the translation unit.
  void clear();

private:
  struct Template {
    FileID File;
    unsigned Begin = 0, End = 0; ///< File offsets of the pattern's range.
    SourceRange Range;
    unsigned Count = 0;
  };

  /// Indexes the instantiations of named functions, once per TU.
  void build(ASTContext &Ctx);
  /// The entry of the template whose pattern is \p Pattern, created empty.
  Template *entryFor(const FunctionDecl &Pattern, const SourceManager &SM);
  const Template *innermostAt(SourceLocation Loc,
                              const SourceManager &SM) const;

  bool Built = false;
  std::vector<Template> Templates;
  /// Keyed by the pattern's range: a generic lambda in a function template
  /// has one pattern per instantiation of the function, all one source.
  llvm::DenseMap<std::pair<unsigned, unsigned>, unsigned> ByRange;
  llvm::DenseSet<const FunctionDecl *> Counted;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TEMPLATEINSTANCES_H
