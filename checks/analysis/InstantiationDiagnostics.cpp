//===--- InstantiationDiagnostics.cpp - prodready -------------------------===//

#include "InstantiationDiagnostics.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTDiagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include <map>

namespace clang::tidy::prodready {

namespace {

DiagnosticIDs::Level levelOf(DiagnosticsEngine::Level Level) {
  switch (Level) {
  case DiagnosticsEngine::Ignored:
    return DiagnosticIDs::Ignored;
  case DiagnosticsEngine::Note:
    return DiagnosticIDs::Note;
  case DiagnosticsEngine::Remark:
    return DiagnosticIDs::Remark;
  case DiagnosticsEngine::Warning:
    return DiagnosticIDs::Warning;
  case DiagnosticsEngine::Error:
    return DiagnosticIDs::Error;
  case DiagnosticsEngine::Fatal:
    return DiagnosticIDs::Fatal;
  }
  return DiagnosticIDs::Warning;
}

bool sameRange(const CharSourceRange &A, const CharSourceRange &B) {
  return A.getBegin() == B.getBegin() && A.getEnd() == B.getEnd() &&
         A.isTokenRange() == B.isTokenRange();
}

bool sameEdit(const FixItHint &A, const FixItHint &B) {
  return sameRange(A.RemoveRange, B.RemoveRange) &&
         sameRange(A.InsertFromRange, B.InsertFromRange) &&
         A.CodeToInsert == B.CodeToInsert &&
         A.BeforePreviousInsertions == B.BeforePreviousInsertions;
}

/// The edits of \p Report inside the template, in order.
llvm::SmallVector<FixItHint, 4>
editsInTemplate(const HeldReport &Report,
                llvm::function_ref<bool(SourceLocation)> InTemplate) {
  llvm::SmallVector<FixItHint, 4> Edits;
  auto Add = [&](const HeldDiagnostic &D) {
    for (const FixItHint &Fix : D.Fixes)
      if (InTemplate(Fix.RemoveRange.getBegin()))
        Edits.push_back(Fix);
  };
  Add(Report.Warning);
  for (const HeldDiagnostic &Note : Report.Notes)
    Add(Note);
  return Edits;
}

bool sameEdits(llvm::ArrayRef<FixItHint> A, llvm::ArrayRef<FixItHint> B) {
  return A.size() == B.size() &&
         std::equal(A.begin(), A.end(), B.begin(), sameEdit);
}

} // namespace

HeldReport mergeInstantiationReports(
    llvm::ArrayRef<HeldReport> Reports, unsigned Instantiations,
    llvm::function_ref<bool(SourceLocation)> InTemplate) {
  HeldReport Merged = Reports.front();
  llvm::SmallVector<FixItHint, 4> First =
      editsInTemplate(Merged, InTemplate);
  bool Agree = Reports.size() >= Instantiations &&
               llvm::all_of(Reports.drop_front(), [&](const HeldReport &R) {
                 return sameEdits(First, editsInTemplate(R, InTemplate));
               });
  if (!Agree && !First.empty()) {
    // The edits some instantiation did not make may break it: offer none.
    auto Inside = [&](const FixItHint &Fix) {
      return InTemplate(Fix.RemoveRange.getBegin());
    };
    llvm::erase_if(Merged.Warning.Fixes, Inside);
    llvm::erase_if(Merged.Notes, [&](const HeldDiagnostic &Note) {
      return llvm::any_of(Note.Fixes, Inside);
    });
  }
  // Edits outside the template: the first report of a file gets a check's
  // `#include` insertion, which may be another instantiation's.
  for (const HeldReport &Other : Reports.drop_front())
    for (const FixItHint &Fix : Other.Warning.Fixes)
      if (!InTemplate(Fix.RemoveRange.getBegin()) &&
          llvm::none_of(Merged.Warning.Fixes, [&](const FixItHint &Kept) {
            return sameEdit(Kept, Fix);
          }))
        Merged.Warning.Fixes.push_back(Fix);
  return Merged;
}

/// Records what the private engine emits.
class InstantiationDiagnostics::Capture : public DiagnosticConsumer {
public:
  explicit Capture(InstantiationDiagnostics &Owner) : Owner(Owner) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    HeldDiagnostic D;
    D.Level = levelOf(Level);
    D.Loc = Info.getLocation();
    llvm::SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    D.Message = std::string(Message);
    D.Ranges.append(Info.getRanges().begin(), Info.getRanges().end());
    D.Fixes.append(Info.getFixItHints().begin(), Info.getFixItHints().end());
    if (D.Level == DiagnosticIDs::Note) {
      if (!Owner.Held.empty())
        Owner.Held.back().Notes.push_back(std::move(D));
      return;
    }
    HeldReport Report;
    Report.Key = {D.Loc.getRawEncoding(), Owner.PendingKey};
    Report.Warning = std::move(D);
    Owner.Held.push_back(std::move(Report));
  }

private:
  InstantiationDiagnostics &Owner;
};

InstantiationDiagnostics::InstantiationDiagnostics()
    : Consumer(std::make_unique<Capture>(*this)),
      Engine(std::make_unique<DiagnosticsEngine>(
          new DiagnosticIDs(), new DiagnosticOptions(), Consumer.get(),
          /*ShouldOwnClient=*/false)) {}

InstantiationDiagnostics::~InstantiationDiagnostics() = default;

DiagnosticBuilder InstantiationDiagnostics::hold(ASTContext &Ctx,
                                                 SourceLocation Loc,
                                                 StringRef Description,
                                                 DiagnosticIDs::Level Level) {
  if (EngineContext != &Ctx) {
    // Formats types and declarations as clang-tidy's engine does.
    Engine->setSourceManager(&Ctx.getSourceManager());
    Engine->SetArgToStringFn(&FormatASTNodeDiagnosticArgument, &Ctx);
    EngineContext = &Ctx;
  }
  if (Level != DiagnosticIDs::Note)
    PendingKey = Description.str();
  unsigned ID = Engine->getDiagnosticIDs()->getCustomDiagID(Level, Description);
  return Engine->Report(Loc, ID);
}

std::vector<HeldReport>
InstantiationDiagnostics::take(const TemplateInstances &Templates,
                               const SourceManager &SM) {
  // Grouped by key, in the order of each key's first report.
  std::map<std::pair<unsigned, std::string>, size_t> GroupOf;
  std::vector<std::vector<HeldReport>> Groups;
  for (HeldReport &Report : Held) {
    auto [It, Inserted] = GroupOf.try_emplace(Report.Key, Groups.size());
    if (Inserted)
      Groups.emplace_back();
    Groups[It->second].push_back(std::move(Report));
  }
  Held.clear();
  std::vector<HeldReport> Merged;
  for (const std::vector<HeldReport> &Reports : Groups) {
    SourceLocation Loc = Reports.front().Warning.Loc;
    SourceRange Template = Templates.templateAt(Loc, SM);
    auto InTemplate = [&](SourceLocation Edit) {
      if (Template.isInvalid() || Edit.isInvalid())
        return false;
      SourceLocation At = SM.getExpansionLoc(Edit);
      return !SM.isBeforeInTranslationUnit(
                 At, SM.getExpansionLoc(Template.getBegin())) &&
             !SM.isBeforeInTranslationUnit(
                 SM.getExpansionLoc(Template.getEnd()), At);
    };
    Merged.push_back(mergeInstantiationReports(
        Reports, Templates.instantiationsAt(Loc, SM), InTemplate));
  }
  return Merged;
}

} // namespace clang::tidy::prodready
