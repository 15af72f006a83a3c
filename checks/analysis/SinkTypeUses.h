//===--- SinkTypeUses.h - prodready ----------------------------*- C++ -*-===//
//
// Whether a fix may change the class of an object it creates to a sibling
// class (spdlog's basic_file_sink_mt to rotating_file_sink_mt: the same
// bases, other members) without breaking the code that uses the object.
//
// It may when every use of the created value, within the function that
// creates it, forgets the class: the value is converted to another type
// (`spdlog::sink_ptr`, a base-class reference, `std::shared_ptr<sink>`),
// a member of a base class is called on it, or it is handed to
// `std::make_shared<T>`/`std::make_unique<T>` of another class (spdlog's
// `logger`, whose constructor takes sink_ptr). A variable that holds the
// value (declared `auto`, or the variable the fix retypes) is followed
// through each of its uses. Anything else - a copy into a variable or
// parameter of the old class, a lambda capture, a return, a member of the
// old class itself - keeps the old class and forbids the fix.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SINKTYPEUSES_H
#define PRODREADY_CHECKS_ANALYSIS_SINKTYPEUSES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::prodready {

/// True if the value \p Creation makes in \p Unit (a function, or a
/// global's initializer) is only used in ways that forget its class,
/// which \p IsOldClass recognizes. \p Retyped: the variable whose declared
/// type the fix changes too (`basic_file_sink_mt s(…)`), or null.
bool usesForgetClass(const Expr &Creation, const Decl &Unit,
                     llvm::function_ref<bool(const CXXRecordDecl &)> IsOldClass,
                     const VarDecl *Retyped = nullptr);

/// True if \p Type names a class \p IsOldClass recognizes: the class
/// itself, a pointer or reference to it, or a template argument of it
/// (`std::shared_ptr<old>`).
bool typeNamesClass(QualType Type,
                    llvm::function_ref<bool(const CXXRecordDecl &)> IsOldClass);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_SINKTYPEUSES_H
