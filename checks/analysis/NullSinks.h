//===--- NullSinks.h - prodready -------------------------------*- C++ -*-===//
//
// Where a null `char *` is undefined behaviour: constructing or assigning
// std::string / std::string_view / std::filesystem::path, string operators
// and members that read a C string, streaming to an ostream, dereferencing,
// and the C library functions that require a string (strlen, strcmp, atoi,
// fopen, ...). Each sink also says whether falling back to an empty string
// keeps the code's meaning (text handling) or is only plausible (a path, a
// number), which decides whether a fix-it goes on the warning or on a note.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_NULLSINKS_H
#define PRODREADY_CHECKS_ANALYSIS_NULLSINKS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang::tidy::prodready {

struct NullSink {
  /// The expression that requires a non-null pointer.
  const Expr *Site = nullptr;
  /// The operand that must not be null.
  const Expr *Pointer = nullptr;
  /// What the site does with it, e.g. "passing it to 'strlen'".
  std::string Action;
  /// True if an empty-string fallback keeps the meaning of the code.
  bool TextFallbackIsSafe = false;
};

class NullSinkModel {
public:
  /// \p ExtraFunctions: qualified names (leading `::` optional) of further
  /// functions whose character-pointer parameters must not be null.
  explicit NullSinkModel(llvm::ArrayRef<std::string> ExtraFunctions);

  /// Appends the sinks that \p E itself forms (not its children) to \p Out.
  void collect(const Expr &E, llvm::SmallVectorImpl<NullSink> &Out) const;

private:
  void collectCall(const CallExpr &Call,
                   llvm::SmallVectorImpl<NullSink> &Out) const;
  void collectOperator(const CXXOperatorCallExpr &Op,
                       llvm::SmallVectorImpl<NullSink> &Out) const;
  void collectMember(const CXXMemberCallExpr &Call,
                     llvm::SmallVectorImpl<NullSink> &Out) const;
  void collectConstruct(const CXXConstructExpr &Construct,
                        llvm::SmallVectorImpl<NullSink> &Out) const;

  llvm::StringSet<> ExtraFunctions;
};

/// True for `char *`, `const wchar_t *`, ... (also through references).
bool isCharacterPointer(QualType Type);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_NULLSINKS_H
