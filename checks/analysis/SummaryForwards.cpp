//===--- SummaryForwards.cpp - prodready ----------------------------------===//

#include "SummaryForwards.h"
#include "TaintAnalysis.h"
#include "TaintDescriptions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready {

using Forward = ProgramSummaries::Forward;

//===----------------------------------------------------------------------===//
// Steps
//===----------------------------------------------------------------------===//

PathStep pathStepAt(SourceLocation Loc, std::string Message, ASTContext &Ctx) {
  SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getFileLoc(Loc);
  llvm::SmallString<256> File(SM.getFilename(At));
  SM.getFileManager().makeAbsolutePath(File);
  return {std::string(File), SM.getSpellingLineNumber(At),
          SM.getSpellingColumnNumber(At), std::move(Message)};
}

void collectReturnStatements(const Stmt &S,
                             llvm::SmallVectorImpl<const ReturnStmt *> &Out) {
  for (const Stmt *Child : S.children()) {
    if (!Child || isa<LambdaExpr, BlockExpr>(Child))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(Child))
      Out.push_back(Return);
    collectReturnStatements(*Child, Out);
  }
}

void trimPath(std::vector<PathStep> &Path) {
  // The source and the steps nearest the caller say the most.
  constexpr size_t MaxPathSteps = 16;
  if (Path.size() > MaxPathSteps)
    Path.erase(Path.begin() + MaxPathSteps / 2, Path.end() - MaxPathSteps / 2);
}

llvm::json::Object stepToJSON(const PathStep &Step) {
  return llvm::json::Object{{"file", Step.File},
                            {"line", Step.Line},
                            {"column", Step.Column},
                            {"message", Step.Message}};
}

PathStep stepFromJSON(const llvm::json::Object &Step) {
  return {Step.getString("file").value_or("").str(),
          static_cast<unsigned>(Step.getInteger("line").value_or(0)),
          static_cast<unsigned>(Step.getInteger("column").value_or(0)),
          Step.getString("message").value_or("").str()};
}

//===----------------------------------------------------------------------===//
// Recording a unit's forwards
//===----------------------------------------------------------------------===//

namespace {

bool callsExternalFunction(const Stmt &S, const SourceManager &SM) {
  for (const Stmt *Child : S.children())
    if (Child) {
      if (const auto *Call = dyn_cast<CallExpr>(Child);
          Call && isCallOfOtherUnit(*Call, SM))
        return true;
      if (callsExternalFunction(*Child, SM))
        return true;
    }
  return false;
}

ParamSet paramsOfLabels(uint64_t Labels) {
  return (Labels & ~TaintValue::ExternalCallLabels &
          ~TaintValue::UntrustedLabel) >>
         1;
}

uint16_t callsOfLabels(uint64_t Labels) {
  return static_cast<uint16_t>(Labels >> 48);
}

/// The forward of \p F, if what it returns comes from calls of other
/// units' functions.
std::optional<Forward> forwardOf(const FunctionDecl &F, TaintEngine &Engine,
                                 ASTContext &Ctx) {
  uint64_t Returned = Engine.returnLabels(F);
  // Untrusted data of its own would have made it a linked function.
  if (!(Returned & TaintValue::ExternalCallLabels) ||
      (Returned & TaintValue::UntrustedLabel))
    return std::nullopt;
  Forward Out;
  Out.Name = F.getQualifiedNameAsString();
  Out.File = pathStepAt(F.getLocation(), "", Ctx).File;
  Out.Params = paramsOfLabels(Returned);
  for (const TaintEngine::ExternalCall &Call : Engine.externalCalls(F)) {
    const FunctionDecl *Callee = Call.Call->getDirectCallee();
    Out.Calls.push_back({Callee ? usrOf(*Callee) : "",
                         pathStepAt(Call.Call->getBeginLoc(),
                                    "the untrusted value comes from " +
                                        describeOrigin(*Call.Call) + " here",
                                    Ctx),
                         paramsOfLabels(Call.ArgumentLabels),
                         callsOfLabels(Call.ArgumentLabels)});
  }
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturnStatements(*F.getBody(), Returns);
  for (const ReturnStmt *Return : Returns)
    if (const Expr *Value = Return->getRetValue())
      if (uint16_t Calls =
              callsOfLabels(Engine.valueAt(F, *Value, *Return).Labels))
        Out.Returns.push_back(
            {pathStepAt(Return->getBeginLoc(),
                        "'" + F.getNameAsString() + "' returns it here", Ctx),
             Calls});
  if (Out.Returns.empty())
    return std::nullopt;
  return Out;
}

} // namespace

void addForwards(ASTContext &Ctx, const CallModelExtension *Linked,
                 llvm::ArrayRef<const FunctionDecl *> Definitions,
                 ProgramSummaries &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::unique_ptr<TaintModel> Model;
  std::unique_ptr<NoTaintSinks> Sinks;
  std::unique_ptr<TaintEngine> Engine;
  for (const FunctionDecl *F : Definitions) {
    if (!F->isExternallyVisible() || F->getReturnType()->isVoidType() ||
        F->getReturnType()->isBooleanType() ||
        !callsExternalFunction(*F->getBody(), SM))
      continue;
    std::string Usr = usrOf(*F);
    if (Usr.empty() || Out.find(Usr))
      continue;
    if (!Engine) { // Most units have no candidate: build it on demand.
      TaintOptions Options;
      Options.Program = Linked;
      Options.SymbolicExternalCalls = true;
      Model = std::make_unique<TaintModel>(Options);
      Sinks = std::make_unique<NoTaintSinks>();
      Engine = std::make_unique<TaintEngine>(Ctx, *Model, *Sinks);
    }
    if (std::optional<Forward> Found = forwardOf(*F, *Engine, Ctx))
      Out.Forwards.try_emplace(Usr, std::move(*Found));
  }
}

//===----------------------------------------------------------------------===//
// Serialization
//===----------------------------------------------------------------------===//

llvm::json::Array forwardsToJSON(const llvm::StringMap<Forward> &Forwards) {
  std::vector<llvm::StringRef> Keys;
  for (const auto &Entry : Forwards)
    Keys.push_back(Entry.getKey());
  llvm::sort(Keys);
  llvm::json::Array Out;
  for (llvm::StringRef Usr : Keys) {
    const Forward &F = Forwards.find(Usr)->second;
    llvm::json::Array Calls, Returns;
    for (const Forward::Call &Call : F.Calls)
      Calls.push_back(
          llvm::json::Object{{"usr", Call.Usr},
                             {"origin", stepToJSON(Call.Origin)},
                             {"params", static_cast<int64_t>(Call.GivenParams)},
                             {"calls", Call.GivenCalls}});
    for (const Forward::Return &Return : F.Returns)
      Returns.push_back(llvm::json::Object{{"step", stepToJSON(Return.Step)},
                                           {"calls", Return.Calls}});
    Out.push_back(llvm::json::Object{{"usr", Usr},
                                     {"name", F.Name},
                                     {"file", F.File},
                                     {"params", static_cast<int64_t>(F.Params)},
                                     {"calls", std::move(Calls)},
                                     {"returns", std::move(Returns)}});
  }
  return Out;
}

namespace {

/// A call mask: bit k names the k-th call, of which there are \p Calls.
std::optional<uint16_t> maskOf(const llvm::json::Object &O, size_t Calls) {
  std::optional<int64_t> Mask = O.getInteger("calls");
  if (!Mask || *Mask < 0 || *Mask >= (int64_t(1) << Calls))
    return std::nullopt;
  return static_cast<uint16_t>(*Mask);
}

std::optional<Forward> forwardFromJSON(const llvm::json::Object &O,
                                       std::string &Usr) {
  const llvm::json::Array *Calls = O.getArray("calls");
  const llvm::json::Array *Returns = O.getArray("returns");
  std::optional<llvm::StringRef> Key = O.getString("usr");
  if (!Calls || !Returns || !Key ||
      Calls->size() > TaintValue::MaxExternalCalls)
    return std::nullopt;
  Usr = Key->str();
  Forward F;
  F.Name = O.getString("name").value_or("").str();
  F.File = O.getString("file").value_or("").str();
  F.Params = static_cast<ParamSet>(O.getInteger("params").value_or(0));
  for (const llvm::json::Value &Item : *Calls) {
    const llvm::json::Object *Call = Item.getAsObject();
    const llvm::json::Object *Origin =
        Call ? Call->getObject("origin") : nullptr;
    // A call is given only calls made before it.
    std::optional<uint16_t> Given =
        Call ? maskOf(*Call, F.Calls.size()) : std::nullopt;
    if (!Origin || !Given)
      return std::nullopt;
    F.Calls.push_back(
        {Call->getString("usr").value_or("").str(), stepFromJSON(*Origin),
         static_cast<ParamSet>(Call->getInteger("params").value_or(0)),
         *Given});
  }
  for (const llvm::json::Value &Item : *Returns) {
    const llvm::json::Object *Return = Item.getAsObject();
    const llvm::json::Object *Step =
        Return ? Return->getObject("step") : nullptr;
    std::optional<uint16_t> Mask =
        Return ? maskOf(*Return, F.Calls.size()) : std::nullopt;
    if (!Step || !Mask)
      return std::nullopt;
    F.Returns.push_back({stepFromJSON(*Step), *Mask});
  }
  return F;
}

} // namespace

bool forwardsFromJSON(const llvm::json::Array &Array,
                      llvm::StringMap<Forward> &Out, std::string &Error) {
  for (const llvm::json::Value &Item : Array) {
    std::string Usr;
    const llvm::json::Object *O = Item.getAsObject();
    std::optional<Forward> F = O ? forwardFromJSON(*O, Usr) : std::nullopt;
    if (!F) {
      Error = "malformed forward in 'forwards'";
      return false;
    }
    Out.try_emplace(Usr, std::move(*F));
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Composition
//===----------------------------------------------------------------------===//

namespace {

/// What a forward's call results in, given the program's summaries: the
/// model a unit's analysis would apply to the call (ProgramCallModels).
struct CallValue {
  bool Untrusted = false;
  uint8_t Sources = 0;
  ParamSet Params = 0;
  int Origin = -1; ///< The call the untrusted data comes from.

  void add(const CallValue &O) {
    Untrusted |= O.Untrusted;
    Sources |= O.Sources;
    Params |= O.Params;
    if (Origin < 0)
      Origin = O.Origin;
  }
};

/// The union of the values of the calls of \p Mask.
CallValue valueOfMask(uint16_t Mask, llvm::ArrayRef<CallValue> Values) {
  CallValue Value;
  for (unsigned I = 0; I < Values.size(); ++I)
    if (Mask & (1u << I))
      Value.add(Values[I]);
  return Value;
}

/// The value of each of \p F's calls, in order: a call is given only
/// earlier calls' results (the format guarantees it), so each is computed
/// once from those before it.
std::vector<CallValue> valuesOfCalls(const Forward &F,
                                     const ProgramSummaries &Program) {
  std::vector<CallValue> Values;
  Values.reserve(F.Calls.size());
  for (unsigned I = 0; I < F.Calls.size(); ++I) {
    const Forward::Call &Call = F.Calls[I];
    const ProgramSummaries::Entry *Callee =
        Call.Usr.empty() ? nullptr : Program.find(Call.Usr);
    CallValue Value;
    if (Callee && Callee->Summary.ReturnsUntrusted) {
      Value.Untrusted = true;
      Value.Sources = Callee->Summary.ReturnedSources
                          ? Callee->Summary.ReturnedSources
                          : static_cast<uint8_t>(SourceKind::UserSource);
      Value.Origin = static_cast<int>(I);
    } else if (!Callee || !(Callee->Summary.UntrustedOutParams ||
                            (Callee->Summary.Validates & paramBit(0)))) {
      // A callee that writes into its arguments or vouches for one yields
      // nothing of them; any other call's result is made of what it is
      // given.
      Value.Params = Call.GivenParams;
      Value.add(valueOfMask(Call.GivenCalls, Values));
    }
    Values.push_back(Value);
  }
  return Values;
}

/// The summary \p F's unit would compute for it with \p Program's
/// summaries, if it returns untrusted data.
std::optional<ProgramSummaries::Entry>
compose(const Forward &F, const ProgramSummaries &Program) {
  ProgramSummaries::Entry Out;
  Out.Name = F.Name;
  Out.File = F.File;
  Out.Summary.ParamsToReturn = F.Params;
  std::vector<CallValue> Values = valuesOfCalls(F, Program);
  for (const Forward::Return &Return : F.Returns) {
    CallValue Value = valueOfMask(Return.Calls, Values);
    Out.Summary.ParamsToReturn |= Value.Params;
    if (!Value.Untrusted)
      continue;
    Out.Summary.ReturnedSources |= Value.Sources;
    if (Out.Summary.ReturnsUntrusted)
      continue;
    // The path of the first return of untrusted data, as returnPath().
    Out.Summary.ReturnsUntrusted = true;
    const Forward::Call &Origin = F.Calls[Value.Origin];
    Out.Path = Program.find(Origin.Usr)->Path;
    Out.Path.push_back(Origin.Origin);
    Out.Path.push_back(Return.Step);
    trimPath(Out.Path);
  }
  if (!Out.Summary.ReturnsUntrusted)
    return std::nullopt;
  return Out;
}

bool sameEntry(const ProgramSummaries::Entry &A,
               const ProgramSummaries::Entry &B) {
  return A.Summary == B.Summary && A.Path == B.Path && A.File == B.File;
}

} // namespace

void ProgramSummaries::composeForwards() {
  if (Forwards.empty())
    return;
  // A chain of forwards composes one link per pass; each pass only adds
  // what the summaries it read grew by, so this ends, and is capped.
  llvm::StringSet<> Own;
  for (const auto &Function : Functions)
    Own.insert(Function.getKey());
  for (size_t Pass = 0; Pass <= Forwards.size(); ++Pass) {
    bool Changed = false;
    for (const auto &[Usr, F] : Forwards) {
      if (Own.contains(Usr))
        continue;
      std::optional<Entry> Composed = compose(F, *this);
      if (!Composed)
        continue;
      auto [It, Inserted] = Functions.try_emplace(Usr, *Composed);
      if (Inserted || !sameEntry(It->second, *Composed)) {
        It->second = std::move(*Composed);
        Changed = true;
      }
    }
    if (!Changed)
      return;
  }
}

} // namespace clang::tidy::prodready
