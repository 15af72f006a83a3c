//===--- ProgramSummaries.cpp - prodready ---------------------------------===//

#include "ProgramSummaries.h"
#include "NetworkSummaries.h"
#include "SummaryForwards.h"
#include "TaintAnalysis.h"
#include "TaintDescriptions.h"
#include "TaintSummaries.h"
#include "UntrustedUnits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include <atomic>
#include <mutex>

namespace clang::tidy::prodready {

std::string usrOf(const Decl &D) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&D, Usr))
    return "";
  return std::string(Usr);
}

namespace {
std::mutex DefaultFileMutex;
std::string &defaultFile() {
  static std::string Path;
  return Path;
}
} // namespace

void setDefaultSummariesFile(std::string Path) {
  std::lock_guard<std::mutex> Lock(DefaultFileMutex);
  defaultFile() = std::move(Path);
}

std::string defaultSummariesFile() {
  std::lock_guard<std::mutex> Lock(DefaultFileMutex);
  return defaultFile();
}

namespace {
std::atomic<bool> IgnoreStale{false};
} // namespace

void setIgnoreStaleSummaries(bool Ignore) { IgnoreStale = Ignore; }
bool ignoresStaleSummaries() { return IgnoreStale; }

//===----------------------------------------------------------------------===//
// The file
//===----------------------------------------------------------------------===//

namespace {

/// Joins the summaries of two definitions of one function.
void joinSummary(FunctionSummary &Into, const FunctionSummary &Other) {
  Into.ReturnsUntrusted |= Other.ReturnsUntrusted;
  Into.ReturnedSources |= Other.ReturnedSources;
  Into.ParamsToReturn |= Other.ParamsToReturn;
  Into.ParamsToSink |= Other.ParamsToSink;
  Into.UntrustedOutParams |= Other.UntrustedOutParams;
  Into.Validates &= Other.Validates;
  // What silences a finding must hold for every definition.
  Into.Delays &= Other.Delays;
  Into.SetsTimeoutOn &= Other.SetsTimeoutOn;
  Into.SetsConnectTimeoutOn &= Other.SetsConnectTimeoutOn;
  Into.SetsProtocolsOn &= Other.SetsProtocolsOn;
}

struct CachedFile {
  llvm::sys::TimePoint<> Modified;
  uint64_t Size = 0;
  std::shared_ptr<const ProgramSummaries> Summaries;
};

} // namespace

std::shared_ptr<const ProgramSummaries>
ProgramSummaries::load(llvm::StringRef Path, std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Error = "cannot read '" + Path.str() + "': " + EC.message();
    return nullptr;
  }
  static std::mutex Mutex;
  static llvm::StringMap<CachedFile> Cache;
  std::lock_guard<std::mutex> Lock(Mutex);
  CachedFile &Entry = Cache[Path];
  if (Entry.Summaries && Entry.Modified == Status.getLastModificationTime() &&
      Entry.Size == Status.getSize())
    return Entry.Summaries;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read '" + Path.str() + "': " + Buffer.getError().message();
    return nullptr;
  }
  std::unique_ptr<ProgramSummaries> Parsed =
      parse((*Buffer)->getBuffer(), Error);
  if (!Parsed) {
    Error = "'" + Path.str() + "': " + Error;
    return nullptr;
  }
  Parsed->WrittenAt = Status.getLastModificationTime();
  Entry = {Status.getLastModificationTime(), Status.getSize(),
           std::move(Parsed)};
  return Entry.Summaries;
}

std::unique_ptr<ProgramSummaries>
ProgramSummaries::parse(llvm::StringRef Text, std::string &Error) {
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse(Text);
  if (!Json) {
    Error = "not JSON: " + llvm::toString(Json.takeError());
    return nullptr;
  }
  const llvm::json::Object *Root = Json->getAsObject();
  const llvm::json::Array *Functions =
      Root ? Root->getArray("functions") : nullptr;
  if (!Functions) {
    Error = "not a summaries file (no 'functions' array)";
    return nullptr;
  }
  auto Result = std::make_unique<ProgramSummaries>();
  for (const llvm::json::Value &Function : *Functions) {
    Entry E;
    std::string Usr;
    std::optional<FunctionSummary> Summary =
        summaryFromJSON(Function, Usr, E.Name, Error);
    if (!Summary)
      return nullptr;
    E.Summary = std::move(*Summary);
    if (const llvm::json::Object *O = Function.getAsObject()) {
      E.File = O->getString("file").value_or("").str();
      if (const llvm::json::Array *Steps = O->getArray("path"))
        for (const llvm::json::Value &Item : *Steps)
          if (const llvm::json::Object *Step = Item.getAsObject())
            E.Path.push_back(stepFromJSON(*Step));
    }
    Result->add(Usr, E);
  }
  if (const llvm::json::Array *Calls = Root->getArray("calls"))
    for (const llvm::json::Value &Call : *Calls)
      if (std::optional<llvm::StringRef> Usr = Call.getAsString())
        Result->Calls.insert(Usr->str());
  if (const llvm::json::Array *Forwards = Root->getArray("forwards"))
    if (!forwardsFromJSON(*Forwards, Result->Forwards, Error))
      return nullptr;
  return Result;
}

std::string ProgramSummaries::serialize(bool Indented) const {
  // Sorted by USR: the same program gives the same file.
  std::vector<llvm::StringRef> Keys;
  for (const auto &Function : Functions)
    Keys.push_back(Function.getKey());
  llvm::sort(Keys);
  llvm::json::Array Out;
  for (llvm::StringRef Usr : Keys) {
    const Entry &E = Functions.find(Usr)->second;
    llvm::json::Value Function = toJSON(E.Summary, Usr, E.Name, nullptr);
    if (!E.File.empty())
      Function.getAsObject()->try_emplace("file", E.File);
    if (!E.Path.empty()) {
      llvm::json::Array Steps;
      for (const PathStep &Step : E.Path)
        Steps.push_back(stepToJSON(Step));
      Function.getAsObject()->try_emplace("path", std::move(Steps));
    }
    Out.push_back(std::move(Function));
  }
  llvm::json::Array CallList;
  for (const std::string &Usr : Calls)
    CallList.push_back(Usr);
  llvm::json::Object Root{{"version", SummaryFormatVersion},
                          {"functions", std::move(Out)},
                          {"calls", std::move(CallList)}};
  if (!Forwards.empty())
    Root.try_emplace("forwards", forwardsToJSON(Forwards));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Indented)
    OS << llvm::formatv("{0:1}", llvm::json::Value(std::move(Root)));
  else
    OS << llvm::json::Value(std::move(Root));
  return Text;
}

ProgramSummaries
ProgramSummaries::restrictedTo(const std::set<std::string> &Usrs) const {
  ProgramSummaries Subset;
  for (const std::string &Usr : Usrs)
    if (const Entry *E = find(Usr))
      Subset.add(Usr, *E);
  return Subset;
}

void ProgramSummaries::add(llvm::StringRef Usr, const Entry &E) {
  auto [It, Inserted] = Functions.try_emplace(Usr, E);
  if (Inserted)
    return;
  joinSummary(It->second.Summary, E.Summary);
  if (It->second.Path.empty())
    It->second.Path = E.Path;
}

bool ProgramSummaries::merge(const ProgramSummaries &Other) {
  bool Changed = false;
  for (const auto &Function : Other.Functions) {
    const Entry *Before = find(Function.getKey());
    std::optional<FunctionSummary> Old;
    if (Before)
      Old = Before->Summary;
    add(Function.getKey(), Function.getValue());
    Changed |= !Old || *Old != find(Function.getKey())->Summary;
  }
  for (const auto &Entry : Other.Forwards)
    Forwards.try_emplace(Entry.getKey(), Entry.getValue());
  return Changed;
}

void ProgramSummaries::mapFiles(
    llvm::function_ref<std::string(llvm::StringRef)> Map) {
  for (auto &Function : Functions) {
    Entry &E = Function.second;
    if (!E.File.empty())
      E.File = Map(E.File);
    for (PathStep &Step : E.Path)
      Step.File = Map(Step.File);
  }
  for (auto &Entry : Forwards) {
    Forward &F = Entry.second;
    F.File = Map(F.File);
    for (Forward::Call &Call : F.Calls)
      Call.Origin.File = Map(Call.Origin.File);
    for (Forward::Return &Return : F.Returns)
      Return.Step.File = Map(Return.Step.File);
  }
}

const ProgramSummaries::Entry *
ProgramSummaries::find(llvm::StringRef Usr) const {
  auto It = Functions.find(Usr);
  return It == Functions.end() ? nullptr : &It->second;
}

//===----------------------------------------------------------------------===//
// Computing a translation unit's summaries
//===----------------------------------------------------------------------===//

namespace {

/// A function whose body this translation unit has: its own analysis
/// applies, not a summary.
bool hasBodyHere(const FunctionDecl &F) {
  const FunctionDecl *Definition = F.getDefinition();
  return Definition && Definition->hasBody();
}

/// Feeds every statement of \p Body to \p Finder, as a statement of \p F.
void noteStatements(const Stmt &Body, const FunctionDecl &F,
                    UntrustedUnitFinder &Finder, ASTContext &Ctx) {
  for (const Stmt *Child : Body.children())
    if (Child) {
      Finder.noteStatement(*Child, F, Ctx);
      noteStatements(*Child, F, Finder, Ctx);
    }
}

/// The functions the unit's own code calls without a body here, by USR:
/// what its analysis may read of other units' summaries (the driver's
/// cache keys on them). Everything the checks look at is walked: the
/// project's headers, template instantiations, initializers; not the
/// system headers.
class ExternalCalls : public RecursiveASTVisitor<ExternalCalls> {
public:
  ExternalCalls(const SourceManager &SM, std::set<std::string> &Out)
      : SM(SM), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || hasBodyHere(*Callee) ||
        SM.isInSystemHeader(Callee->getLocation()) ||
        !Seen.insert(Callee->getCanonicalDecl()).second)
      return true;
    if (std::string Usr = usrOf(*Callee); !Usr.empty())
      Out.insert(std::move(Usr));
    return true;
  }

private:
  const SourceManager &SM;
  std::set<std::string> &Out;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

/// The function definitions of the main file, in namespaces and classes
/// too, without walking the headers' declarations (most of a TU).
void collectMainFileDefinitions(const DeclContext &Context,
                                const SourceManager &SM,
                                llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  for (const Decl *D : Context.decls()) {
    if (!SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      continue;
    if (const auto *F = dyn_cast<FunctionDecl>(D)) {
      if (F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
          !F->isImplicit())
        Out.push_back(F);
    } else if (const auto *Inner = dyn_cast<DeclContext>(D);
               Inner && (isa<NamespaceDecl, LinkageSpecDecl>(D) ||
                         (isa<CXXRecordDecl>(D) &&
                          !cast<CXXRecordDecl>(D)->isDependentContext()))) {
      collectMainFileDefinitions(*Inner, SM, Out);
    }
  }
}

/// A function that may vouch for an argument: it returns a verdict (bool,
/// or an integer in C) about a parameter (ValidatorProvider decides).
bool mayValidate(const FunctionDecl &F) {
  QualType Result = F.getReturnType();
  return F.getNumParams() > 0 &&
         (Result->isBooleanType() ||
          (!F.getASTContext().getLangOpts().CPlusPlus &&
           Result->isIntegerType()));
}

/// The way the untrusted data \p F returns takes, for the notes of its
/// callers in other units: the path of the linked function it got it
/// from, if any, its origin here, and the first return of it.
std::vector<PathStep> returnPath(const FunctionDecl &F, TaintEngine &Engine,
                                 const ProgramCallModels &Linked,
                                 ASTContext &Ctx) {
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturnStatements(*F.getBody(), Returns);
  for (const ReturnStmt *Return : Returns) {
    const Expr *Value = Return->getRetValue();
    if (!Value)
      continue;
    TaintValue Returned = Engine.valueAt(F, *Value, *Return);
    if (!Returned.isUntrusted() || !Returned.Origin)
      continue;
    std::vector<PathStep> Path;
    if (const ProgramSummaries::Entry *Callee =
            Linked.linkedCallee(*Returned.Origin))
      Path = Callee->Path;
    Path.push_back(pathStepAt(Returned.Origin->getBeginLoc(),
                              "the untrusted value comes from " +
                                  describeOrigin(*Returned.Origin) + " here",
                              Ctx));
    Path.push_back(pathStepAt(Return->getBeginLoc(),
                              "'" + F.getNameAsString() + "' returns it here",
                              Ctx));
    trimPath(Path);
    return Path;
  }
  return {};
}

/// The network facts a linked summary carries: those that make a network
/// check's finding go away (a helper elsewhere sets the timeout or the
/// protocols, or waits before a retry). Facts that can only add findings
/// (PerformsNetworkIO; SetsResponseSinkOn, which names a body whose
/// status must be checked) are not linked; a status handed to a function
/// of another unit already counts as checked (unchecked-http-status).
void copyNetworkFacts(const FunctionSummary &From, FunctionSummary &To) {
  To.Delays = From.Delays;
  To.SetsTimeoutOn = From.SetsTimeoutOn;
  To.SetsConnectTimeoutOn = From.SetsConnectTimeoutOn;
  To.SetsProtocolsOn = From.SetsProtocolsOn;
}

bool hasNetworkFacts(const FunctionSummary &S) {
  return S.Delays || S.SetsTimeoutOn || S.SetsConnectTimeoutOn ||
         S.SetsProtocolsOn;
}

/// The calls of \p S, lambdas' included (conservative: a prefilter).
void collectCalls(const Stmt &S, llvm::SmallVectorImpl<const CallExpr *> &Out) {
  for (const Stmt *Child : S.children())
    if (Child) {
      if (const auto *Call = dyn_cast<CallExpr>(Child))
        Out.push_back(Call);
      collectCalls(*Child, Out);
    }
}

/// The definitions whose network summary may say something, so that the
/// others cost nothing: they make a network call, set a timeout or wait
/// (NetworkModel), or call a function of this unit or a linked one that
/// does.
llvm::DenseSet<const FunctionDecl *>
networkRelevant(llvm::ArrayRef<const FunctionDecl *> Definitions,
                const NetworkModel &Network, const ProgramCallModels &Linked,
                ASTContext &Ctx) {
  llvm::DenseSet<const FunctionDecl *> Relevant;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const FunctionDecl *>>
      CallersOf;
  llvm::SmallVector<const FunctionDecl *, 16> Work;
  auto Mark = [&](const FunctionDecl *F) {
    if (Relevant.insert(F->getCanonicalDecl()).second)
      Work.push_back(F->getCanonicalDecl());
  };
  for (const FunctionDecl *F : Definitions) {
    llvm::SmallVector<const CallExpr *, 16> Calls;
    collectCalls(*F->getBody(), Calls);
    for (const CallExpr *Call : Calls) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Network.classify(*Call, Ctx)) {
        Mark(F);
      } else if (!Callee) {
        continue;
      } else if (const FunctionSummary *Elsewhere = Linked.find(*Callee)) {
        if (hasNetworkFacts(*Elsewhere))
          Mark(F);
      } else {
        CallersOf[Callee->getCanonicalDecl()].push_back(F);
      }
    }
  }
  while (!Work.empty()) {
    const FunctionDecl *Callee = Work.pop_back_val();
    for (const FunctionDecl *Caller : CallersOf.lookup(Callee))
      Mark(Caller);
  }
  return Relevant;
}

} // namespace

ProgramSummaries summarizeTranslationUnit(ASTContext &Ctx,
                                          const ProgramSummaries *Known) {
  std::shared_ptr<const ProgramSummaries> Shared(
      Known, [](const ProgramSummaries *) {}); // Not owned.
  ProgramCallModels Linked(Shared, /*PathValidators=*/true);
  TaintOptions Options;
  if (Known)
    Options.Program = &Linked;
  TaintModel Model(Options);
  NoTaintSinks Sinks;
  TaintEngine Engine(Ctx, Model, Sinks);
  FlowProvider Flows(Engine);
  ValidatorProvider Validators(Engine);
  FunctionSummaries Table(Ctx);
  Table.addProvider(Flows);
  Table.addProvider(Validators);

  // The functions that can hold untrusted data at all (they read a source,
  // or call one that returns it): only those can return it. The others
  // are summarized only if they may be validators (a predicate).
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const FunctionDecl *, 32> Definitions;
  collectMainFileDefinitions(*Ctx.getTranslationUnitDecl(), SM, Definitions);
  UntrustedUnitFinder Untrusted(Model);
  for (const FunctionDecl *F : Definitions)
    noteStatements(*F->getBody(), *F, Untrusted, Ctx);
  llvm::SetVector<const Decl *> Relevant = Untrusted.compute(Engine);
  // The values of globals settled: analyze afresh, as the checks do.
  Engine.resetAnalyses();

  // The network facts, in a table of their own: computed only for the
  // functions that may have some.
  NetworkModel Network({}, {});
  NetworkSummaries NetworkTable(Network);
  if (Known)
    NetworkTable.setExternal(&Linked);
  llvm::DenseSet<const FunctionDecl *> NetworkUnits =
      networkRelevant(Definitions, Network, Linked, Ctx);

  ProgramSummaries Out;
  for (const FunctionDecl *F : Definitions) {
    if (!F->isExternallyVisible())
      continue;
    // Only what changes how another unit models a call: a function that
    // just returns what it is given is what the default model assumes,
    // and linking it would only make its callers' units analyzed again.
    FunctionSummary Summary;
    bool Linkable = false;
    if (Relevant.contains(F) || mayValidate(*F))
      if (const FunctionSummary *Taint = Table.get(*F)) {
        Summary = *Taint;
        Linkable = Taint->ReturnsUntrusted || Taint->UntrustedOutParams ||
                   Taint->Validates;
      }
    Summary.PerformsNetworkIO = false;
    if (NetworkUnits.contains(F->getCanonicalDecl()))
      if (const FunctionSummary *Facts = NetworkTable.table(Ctx).get(*F)) {
        copyNetworkFacts(*Facts, Summary);
        Linkable |= hasNetworkFacts(*Facts);
      }
    if (!Linkable)
      continue;
    std::string Usr = usrOf(*F);
    if (Usr.empty())
      continue;
    llvm::SmallString<256> File(
        Ctx.getSourceManager().getFilename(F->getLocation()));
    Ctx.getSourceManager().getFileManager().makeAbsolutePath(File);
    std::vector<PathStep> Path;
    if (Summary.ReturnsUntrusted)
      Path = returnPath(*F, Engine, Linked, Ctx);
    Out.add(Usr, {Summary, F->getQualifiedNameAsString(), std::string(File),
                  std::move(Path)});
  }
  addForwards(Ctx, Known ? &Linked : nullptr, Definitions, Out);
  ExternalCalls(SM, Out.Calls).TraverseAST(Ctx);
  return Out;
}

//===----------------------------------------------------------------------===//
// Call models
//===----------------------------------------------------------------------===//

bool ProgramCallModels::isStaleFile(const std::string &File) const {
  if (!CheckStale || File.empty() || !Summaries->WrittenAt)
    return false;
  auto [It, Inserted] = StaleFiles.try_emplace(File, false);
  if (Inserted) {
    // A file that is gone says nothing the summary can be trusted for.
    llvm::sys::fs::file_status Status;
    It->second = llvm::sys::fs::status(File, Status) ||
                 Status.getLastModificationTime() > *Summaries->WrittenAt;
  }
  return It->second;
}

bool ProgramCallModels::isStale(const ProgramSummaries::Entry &E) const {
  // The steps in other files too: their lines may have moved.
  return isStaleFile(E.File) ||
         llvm::any_of(E.Path, [&](const PathStep &Step) {
           return isStaleFile(Step.File);
         });
}

const ProgramSummaries::Entry *
ProgramCallModels::current(const FunctionDecl &Callee) const {
  if (!Summaries || hasBodyHere(Callee))
    return nullptr;
  auto [It, Inserted] = ByDecl.try_emplace(Callee.getCanonicalDecl(), nullptr);
  if (Inserted) {
    const ProgramSummaries::Entry *E = Summaries->find(usrOf(Callee));
    It->second = E && !isStale(*E) ? E : nullptr;
  }
  return It->second;
}

const FunctionSummary *ProgramCallModels::find(const FunctionDecl &F) const {
  const ProgramSummaries::Entry *E = current(F);
  return E ? &E->Summary : nullptr;
}

const ProgramSummaries::Entry *
ProgramCallModels::linkedCallee(const Expr &E) const {
  const auto *Call = dyn_cast<CallExpr>(E.IgnoreParenImpCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee ? current(*Callee) : nullptr;
}

std::optional<CallModel>
ProgramCallModels::classify(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  const ProgramSummaries::Entry *Linked = current(*Callee);
  if (!Linked)
    return std::nullopt;
  const FunctionSummary &S = Linked->Summary;
  CallModel Model;
  if (S.ReturnsUntrusted) {
    Model.Effect = CallEffect::SourceResult;
    // A set of kinds (the Sources bits of the value it makes).
    Model.Kind = static_cast<SourceKind>(
        S.ReturnedSources ? S.ReturnedSources
                          : static_cast<uint8_t>(SourceKind::UserSource));
    return Model;
  }
  if (S.UntrustedOutParams) {
    Model.Effect = CallEffect::SourceOutArgs;
    for (unsigned I = 0; I < Call.getNumArgs() && I < 64; ++I)
      if (S.UntrustedOutParams & paramBit(I))
        Model.OutArgs.push_back(I);
    return Model;
  }
  if (PathValidators && (S.Validates & paramBit(0))) {
    Model.Effect = CallEffect::SanitizerPredicate;
    return Model;
  }
  // Otherwise the default model (the result derives from the arguments)
  // covers ParamsToReturn.
  return std::nullopt;
}

} // namespace clang::tidy::prodready
