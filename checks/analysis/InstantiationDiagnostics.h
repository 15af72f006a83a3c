//===--- InstantiationDiagnostics.h - prodready ----------------*- C++ -*-===//
//
// Diagnostics at a location that several instantiations of a template
// analyzed, merged into one.
//
// Every instantiation of `template <class Seq> int median(const Seq &v)`
// is the same source: the checks analyze each (the types differ), and may
// report the same access once per instantiation. A diagnostic at such a
// location is held back, with its notes, until every instantiation has been
// analyzed; then one is emitted per location (and message format), the
// first reported. Its fix-it edits the template's source, and so every
// instantiation: it is kept only when every instantiation reported the
// location with the same edits there. `v[0]` -> `v.at(0)` is right when
// all instantiations are vectors, wrong when one is a raw array (which
// has no `at`) or was proven safe (and so did not report).
//
// Held diagnostics are formatted by a private diagnostics engine (with the
// AST's argument formatter, as clang-tidy's own), so a check writes them
// as it writes any other: through a DiagnosticBuilder.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_INSTANTIATIONDIAGNOSTICS_H
#define PRODREADY_CHECKS_ANALYSIS_INSTANTIATIONDIAGNOSTICS_H

#include "TemplateInstances.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

/// A diagnostic as data, ready to be emitted again.
struct HeldDiagnostic {
  DiagnosticIDs::Level Level = DiagnosticIDs::Warning;
  SourceLocation Loc;
  std::string Message;
  llvm::SmallVector<CharSourceRange, 2> Ranges;
  llvm::SmallVector<FixItHint, 2> Fixes;
};

/// A warning (or error) and the notes that follow it.
struct HeldReport {
  HeldDiagnostic Warning;
  llvm::SmallVector<HeldDiagnostic, 2> Notes;
  /// What makes two reports the same: the location and the check's format
  /// string (the message itself may name a type of one instantiation).
  std::pair<unsigned, std::string> Key;
};

/// Merges \p Reports, all of one location made by the instantiations of
/// one template, of which there are \p Instantiations: the first report,
/// with its fix-it edits inside the template (\p InTemplate) kept only if
/// every instantiation reported the same edits. Edits outside the template
/// (an `#include` at the top of the file, which a check offers once per
/// file) are not instantiated: they are kept, from whichever report has
/// them. Notes that carried a dropped fix are dropped (they name it).
HeldReport mergeInstantiationReports(
    llvm::ArrayRef<HeldReport> Reports, unsigned Instantiations,
    llvm::function_ref<bool(SourceLocation)> InTemplate);

class InstantiationDiagnostics {
public:
  InstantiationDiagnostics();
  ~InstantiationDiagnostics();

  /// Starts a diagnostic to hold back; a note belongs to the warning held
  /// before it.
  DiagnosticBuilder hold(ASTContext &Ctx, SourceLocation Loc,
                         StringRef Description, DiagnosticIDs::Level Level);

  /// The reports held since the last call, one per location and format
  /// string, in the order they were first made, merged by
  /// mergeInstantiationReports; forgets them.
  std::vector<HeldReport> take(const TemplateInstances &Templates,
                               const SourceManager &SM);

  bool empty() const { return Held.empty(); }

private:
  class Capture;
  std::unique_ptr<Capture> Consumer;
  std::unique_ptr<DiagnosticsEngine> Engine;
  const ASTContext *EngineContext = nullptr;
  std::vector<HeldReport> Held;
  /// The format string of the warning being built.
  std::string PendingKey;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_INSTANTIATIONDIAGNOSTICS_H
