//===--- SummaryForwards.h - prodready -------------------------*- C++ -*-===//
//
// Forwards: composing, at link time, the summaries of functions that only
// pass on what functions of other translation units return.
//
//   net.cpp:     std::string rawName(int fd) { ... recv(fd, ...) ... }
//   names.cpp:   std::string readName(int fd) { return rawName(fd); }
//   export.cpp:  std::ofstream out(dir / readName(fd));
//
// Without them, the first round links rawName only (names.cpp cannot know
// what it returns), names.cpp is analyzed again to learn that readName
// returns untrusted data, and only then export.cpp: one round of
// re-analysis per function of the chain. With them, names.cpp's first
// analysis also records that readName returns the result of its call of
// rawName (with the parameters and earlier calls that result is made of,
// and the steps of the path), by analyzing readName once more with each
// call of a function of another unit given a label of its own
// (TaintOptions::SymbolicExternalCalls). Linking then composes readName's
// summary from rawName's, and export.cpp is analyzed with it in the second
// round, together with names.cpp.
//
// The composed summary is the one names.cpp's analysis computes with
// rawName's summary in the common case (a result returned, possibly
// through calls of unknown functions); where it is not (the result written
// into an argument and returned from there, say), the driver's rounds
// still reach the right summaries: the unit that defines readName calls
// rawName, so it is analyzed again in the same round, and a summary that
// differs from the composed one is a changed summary like any other. The
// composition saves rounds; it never decides a finding.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SUMMARYFORWARDS_H
#define PRODREADY_CHECKS_ANALYSIS_SUMMARYFORWARDS_H

#include "ProgramSummaries.h"
#include "llvm/Support/JSON.h"

namespace clang::tidy::prodready {

/// Adds to \p Out the forwards of those of \p Definitions (the unit's,
/// externally visible ones) that \p Out does not summarize itself. \p Linked:
/// the models of the calls whose summaries are known (null in the first
/// round).
void addForwards(ASTContext &Ctx, const CallModelExtension *Linked,
                 llvm::ArrayRef<const FunctionDecl *> Definitions,
                 ProgramSummaries &Out);

/// The serialized forwards (sorted by USR), and reading them back (false
/// and \p Error on a malformed value).
llvm::json::Array
forwardsToJSON(const llvm::StringMap<ProgramSummaries::Forward> &Forwards);
bool forwardsFromJSON(const llvm::json::Array &Array,
                      llvm::StringMap<ProgramSummaries::Forward> &Out,
                      std::string &Error);

// Shared with ProgramSummaries.cpp.

/// \p Loc as a step of a path, with \p Message.
PathStep pathStepAt(SourceLocation Loc, std::string Message, ASTContext &Ctx);
/// The return statements of \p S, not those of lambdas in it.
void collectReturnStatements(const Stmt &S,
                             llvm::SmallVectorImpl<const ReturnStmt *> &Out);
/// Keeps the first and last steps of a path through many functions.
void trimPath(std::vector<PathStep> &Path);
llvm::json::Object stepToJSON(const PathStep &Step);
PathStep stepFromJSON(const llvm::json::Object &Step);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_SUMMARYFORWARDS_H
