//===--- UserCodeCheck.cpp - prodready ------------------------------------===//

#include "UserCodeCheck.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "analysis/UserCodeScanner.h"

using namespace clang::ast_matchers;

namespace clang::tidy::prodready {

void UserCodeCheck::registerMatchers(MatchFinder *Finder) {
  // The user's code is scanned, not matched node by node: see
  // UserCodeScanner.h for why.
  addUserCodeMatcher(*Finder, *this, areDiagsSelfContained());
}

void UserCodeCheck::check(const MatchFinder::MatchResult &Result) {
  AST = Result.Context;
  checkUserCode(Result);
  // A match covers a template and all its instantiations (they are
  // declarations of the template, or of its class template), so every
  // report of a location is in by now.
  emitHeld();
}

void UserCodeCheck::onEndOfTranslationUnit() {
  emitHeld();
  Templates.clear();
  HoldingWarning = false;
  endTranslationUnit();
  // The FileIDs are this unit's source manager's.
  LinkedFiles.clear();
  AST = nullptr;
}

DiagnosticBuilder UserCodeCheck::diag(SourceLocation Loc,
                                      StringRef Description,
                                      DiagnosticIDs::Level Level) {
  if (Level != DiagnosticIDs::Note)
    HoldingWarning =
        AST && Loc.isValid() &&
        Templates.instantiationsAt(Loc, AST->getSourceManager()) > 0;
  if (HoldingWarning)
    return Held.hold(*AST, Loc, Description, Level);
  return ClangTidyCheck::diag(Loc, Description, Level);
}

void UserCodeCheck::emitHeld() {
  if (Held.empty() || !AST)
    return;
  auto Emit = [&](const HeldDiagnostic &D) {
    auto Builder = ClangTidyCheck::diag(D.Loc, "%0", D.Level) << D.Message;
    for (const CharSourceRange &Range : D.Ranges)
      Builder << Range;
    for (const FixItHint &Fix : D.Fixes)
      Builder << Fix;
  };
  for (const HeldReport &Report :
       Held.take(Templates, AST->getSourceManager())) {
    Emit(Report.Warning);
    for (const HeldDiagnostic &Note : Report.Notes)
      Emit(Note);
  }
}

void UserCodeCheck::scanMatchedUserStmts(
    const MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const Stmt &S, const Decl *Unit)> Visit) {
  prodready::scanMatchedUserStmts(Result, Visit, &Templates);
}

void UserCodeCheck::scanMatchedUserCode(
    const MatchFinder::MatchResult &Result,
    llvm::function_ref<void(const CallExpr &Call, const Decl *Unit)> Visit) {
  prodready::scanMatchedUserCode(Result, Visit, &Templates);
}

void UserCodeCheck::linkWholeProgram(TaintModel &Model, bool PathValidators) {
  if (const ProgramCallModels *Linked = loadWholeProgram(PathValidators))
    Model.setProgram(Linked);
}

const ProgramCallModels *UserCodeCheck::loadWholeProgram(bool PathValidators) {
  // Loaded once per check: the taint model and the network tables may both
  // hold it.
  if (ProgramModels)
    return ProgramModels.get();
  WholeProgramSummaries =
      Options.getLocalOrGlobal("WholeProgramSummaries", "").str();
  std::string Path = WholeProgramSummaries;
  // The editor's default file is used once a whole-program run wrote it.
  if (Path.empty()) {
    Path = defaultSummariesFile();
    if (Path.empty() || !llvm::sys::fs::exists(Path))
      return nullptr;
  }
  std::string Error;
  std::shared_ptr<const ProgramSummaries> Summaries =
      ProgramSummaries::load(Path, Error);
  if (!Summaries) {
    configurationDiag("cannot use the whole-program summaries of check "
                      "'%0': %1")
        << getID() << Error;
    return nullptr;
  }
  ProgramModels =
      std::make_unique<ProgramCallModels>(std::move(Summaries), PathValidators);
  return ProgramModels.get();
}

FileID UserCodeCheck::linkedFile(const std::string &Path) {
  auto [It, Inserted] = LinkedFiles.try_emplace(Path);
  if (!Inserted)
    return It->second;
  // Only a regular file that can be read: a directory, a FIFO or an
  // unreadable file would block, or make the source manager report an
  // error in this unit. A file that is gone (the summaries came from
  // another checkout) shows no step.
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) ||
      !llvm::sys::fs::is_regular_file(Status))
    return It->second;
  llvm::Expected<llvm::sys::fs::file_t> Readable =
      llvm::sys::fs::openNativeFileForRead(Path);
  if (!Readable) {
    llvm::consumeError(Readable.takeError());
    return It->second;
  }
  llvm::sys::fs::closeFile(*Readable);
  SourceManager &SM = AST->getSourceManager();
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(Path);
  if (!File) {
    llvm::consumeError(File.takeError());
    return It->second;
  }
  // The other unit's file, entered into this unit's source manager (its
  // existing entry when this unit includes it).
  FileID Id = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  if (SM.getBufferOrNone(Id))
    It->second = Id;
  return It->second;
}

void UserCodeCheck::noteLinkedPath(const Expr &Origin) {
  if (!ProgramModels || !AST)
    return;
  const ProgramSummaries::Entry *Linked = ProgramModels->linkedCallee(Origin);
  if (!Linked)
    return;
  SourceManager &SM = AST->getSourceManager();
  for (const PathStep &Step : Linked->Path) {
    if (Step.Line == 0 || Step.Column == 0)
      continue;
    FileID Id = linkedFile(Step.File);
    if (Id.isInvalid())
      continue;
    // A line past the end (the file changed since) is no step: clang
    // would put it at the end of the file.
    SourceLocation Loc = SM.translateLineCol(Id, Step.Line, Step.Column);
    if (Loc.isValid() && SM.getSpellingLineNumber(Loc) == Step.Line)
      diag(Loc, "%0", DiagnosticIDs::Note) << Step.Message;
  }
}

void UserCodeCheck::noteLinkedOrigin(const Expr &Origin) {
  if (!ProgramModels)
    return;
  const ProgramSummaries::Entry *Linked = ProgramModels->linkedCallee(Origin);
  if (!Linked || Linked->File.empty())
    return;
  diag(Origin.getBeginLoc(),
       "'%0', defined in another translation unit ('%1'), returns the "
       "untrusted data",
       DiagnosticIDs::Note)
      << Linked->Name << llvm::sys::path::filename(Linked->File);
}

} // namespace clang::tidy::prodready
