//===--- TemplateInstances.cpp - prodready --------------------------------===//

#include "TemplateInstances.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

namespace {

/// Finds the instantiations of named functions (function templates,
/// members of class templates) outside system headers. Only declarations
/// are walked: instantiations are declarations of the template (or of a
/// class template's specialization), never statements of a body.
class InstantiationIndexer : public RecursiveASTVisitor<InstantiationIndexer> {
public:
  InstantiationIndexer(const SourceManager &SM,
                       llvm::function_ref<void(const FunctionDecl &)> Found)
      : SM(SM), Found(Found) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D ||
        (D->getLocation().isValid() && SM.isInSystemHeader(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseStmt(Stmt *) { return true; }

  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->isTemplateInstantiation() && F->doesThisDeclarationHaveABody())
      Found(*F);
    return true;
  }

private:
  const SourceManager &SM;
  llvm::function_ref<void(const FunctionDecl &)> Found;
};

/// The file offsets of \p Loc's expansion.
std::pair<FileID, unsigned> offsetOf(SourceLocation Loc,
                                     const SourceManager &SM) {
  return SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
}

} // namespace

void TemplateInstances::build(ASTContext &Ctx) {
  if (Built)
    return;
  Built = true;
  auto Add = [&](const FunctionDecl &F) { addInstantiation(F, Ctx); };
  InstantiationIndexer Indexer(Ctx.getSourceManager(), Add);
  // The traversal scope is the whole TU on the command line; in clangd it
  // is the main file's declarations, and walking the TU would deserialize
  // the preamble's (its templates' instantiations are not scanned there).
  for (Decl *Scope : Ctx.getTraversalScope())
    Indexer.TraverseDecl(Scope);
}

TemplateInstances::Template *
TemplateInstances::entryFor(const FunctionDecl &Pattern,
                            const SourceManager &SM) {
  SourceRange Range = Pattern.getSourceRange();
  if (Range.isInvalid())
    return nullptr;
  auto [It, Inserted] = ByRange.try_emplace(
      {Range.getBegin().getRawEncoding(), Range.getEnd().getRawEncoding()},
      Templates.size());
  if (Inserted) {
    auto [File, Begin] = offsetOf(Range.getBegin(), SM);
    auto [EndFile, End] = offsetOf(Range.getEnd(), SM);
    Template T;
    T.File = File;
    T.Begin = Begin;
    T.End = EndFile == File ? End : Begin;
    T.Range = Range;
    Templates.push_back(T);
  }
  return &Templates[It->second];
}

void TemplateInstances::addInstantiation(const FunctionDecl &Instance,
                                         ASTContext &Ctx) {
  const FunctionDecl *Pattern = Instance.getTemplateInstantiationPattern();
  if (!Pattern || !Counted.insert(&Instance).second)
    return;
  if (Template *T = entryFor(*Pattern, Ctx.getSourceManager()))
    ++T->Count;
}

bool TemplateInstances::isInstantiated(const FunctionDecl &Pattern,
                                       ASTContext &Ctx) {
  build(Ctx);
  SourceRange Range = Pattern.getSourceRange();
  auto It = ByRange.find(
      {Range.getBegin().getRawEncoding(), Range.getEnd().getRawEncoding()});
  return It != ByRange.end() && Templates[It->second].Count > 0;
}

const TemplateInstances::Template *
TemplateInstances::innermostAt(SourceLocation Loc,
                               const SourceManager &SM) const {
  if (Templates.empty() || Loc.isInvalid())
    return nullptr;
  auto [File, Offset] = offsetOf(Loc, SM);
  const Template *Best = nullptr;
  for (const Template &T : Templates)
    if (T.Count > 0 && T.File == File && T.Begin <= Offset &&
        Offset <= T.End && (!Best || T.End - T.Begin < Best->End - Best->Begin))
      Best = &T;
  return Best;
}

unsigned TemplateInstances::instantiationsAt(SourceLocation Loc,
                                             const SourceManager &SM) const {
  const Template *T = innermostAt(Loc, SM);
  return T ? T->Count : 0;
}

SourceRange TemplateInstances::templateAt(SourceLocation Loc,
                                          const SourceManager &SM) const {
  const Template *T = innermostAt(Loc, SM);
  return T ? T->Range : SourceRange();
}

void TemplateInstances::clear() {
  Built = false;
  Templates.clear();
  ByRange.clear();
  Counted.clear();
}

} // namespace clang::tidy::prodready
