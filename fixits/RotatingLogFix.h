//===--- RotatingLogFix.h - prodready --------------------------*- C++ -*-===//
//
// Fix-it builders of prodready-unbounded-log-file: a basic spdlog logger or
// sink made rotating, a Boost.Log sink given a rotation size. Each returns
// std::nullopt when the rewrite is not certain to be spelled right (a macro,
// a name the code spells through an alias).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_FIXITS_ROTATINGLOGFIX_H
#define PRODREADY_FIXITS_ROTATINGLOGFIX_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::prodready::fixits {

/// A byte count as a reader writes it: `10 * 1024 * 1024` for 10 MiB,
/// `512 * 1024`, `1000`.
std::string readableByteCount(uint64_t Bytes);

/// spdlog's rotating counterpart of a basic logger or sink name
/// (basic_logger_mt -> rotating_logger_mt, basic_file_sink_st ->
/// rotating_file_sink_st, basic_file_sink -> rotating_file_sink); "" for
/// any other name.
llvm::StringRef rotatingCounterpart(llvm::StringRef BasicName);

/// Turns a basic spdlog logger or sink creation into a rotating one:
///   spdlog::basic_logger_mt("app", "app.log", false)
///   -> spdlog::rotating_logger_mt("app", "app.log", <Limits>)
/// \p NameLoc: the token that names the basic logger or sink (renamed);
/// \p Path: the file name argument, after which \p Limits (`10 * 1024 *
/// 1024, 5`) goes; \p Truncate: the truncate argument as written, dropped
/// when \p DropTruncate (a `false` nothing follows); otherwise it stays,
/// as the rotating sink's `rotate_on_open`.
std::optional<llvm::SmallVector<FixItHint, 2>>
makeRotatingSpdlogFix(SourceLocation NameLoc, const Expr &Path,
                      const Expr *Truncate, bool DropTruncate,
                      llvm::StringRef Limits, const ASTContext &Ctx);

/// Appends \p Argument to the arguments written in the call or
/// construction \p Site (`add_file_log("a.log")` ->
/// `add_file_log("a.log", <Argument>)`).
std::optional<FixItHint> appendArgument(const Expr &Site,
                                        llvm::StringRef Argument,
                                        const ASTContext &Ctx);

} // namespace clang::tidy::prodready::fixits

#endif // PRODREADY_FIXITS_ROTATINGLOGFIX_H
