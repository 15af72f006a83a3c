//===--- FunctionSummary.cpp - prodready ----------------------------------===//

#include "FunctionSummary.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SCCIterator.h"

namespace clang::tidy::prodready {

bool FunctionSummary::operator==(const FunctionSummary &O) const {
  return ReturnsUntrusted == O.ReturnsUntrusted &&
         ReturnedSources == O.ReturnedSources &&
         ParamsToReturn == O.ParamsToReturn &&
         ParamsToSink == O.ParamsToSink &&
         UntrustedOutParams == O.UntrustedOutParams &&
         Validates == O.Validates && IndexUses == O.IndexUses &&
         Delays == O.Delays && PerformsNetworkIO == O.PerformsNetworkIO &&
         SetsTimeoutOn == O.SetsTimeoutOn &&
         SetsConnectTimeoutOn == O.SetsConnectTimeoutOn &&
         SetsProtocolsOn == O.SetsProtocolsOn &&
         SetsResponseSinkOn == O.SetsResponseSinkOn &&
         ChecksStatusOf == O.ChecksStatusOf &&
         ChecksResponseOf == O.ChecksResponseOf;
}

//===----------------------------------------------------------------------===//
// Serialization
//===----------------------------------------------------------------------===//

namespace {

std::string locationText(const Expr *E, const SourceManager *SM) {
  if (!E || !SM)
    return "";
  PresumedLoc Loc = SM->getPresumedLoc(SM->getFileLoc(E->getBeginLoc()));
  if (Loc.isInvalid())
    return "";
  return (llvm::Twine(Loc.getFilename()) + ":" + llvm::Twine(Loc.getLine()) +
          ":" + llvm::Twine(Loc.getColumn()))
      .str();
}

/// Parameter sets are written as lists of indices: readable, and not
/// limited by JSON's 53-bit integers.
llvm::json::Array paramList(ParamSet Set) {
  llvm::json::Array Out;
  for (unsigned I = 0; I < 64; ++I)
    if (Set & paramBit(I))
      Out.push_back(int64_t(I));
  return Out;
}

bool readParamList(const llvm::json::Object &O, llvm::StringRef Field,
                   ParamSet &Out) {
  Out = 0;
  const llvm::json::Value *V = O.get(Field);
  if (!V)
    return true; // Absent: empty.
  const llvm::json::Array *List = V->getAsArray();
  if (!List)
    return false;
  for (const llvm::json::Value &Item : *List) {
    std::optional<int64_t> Index = Item.getAsInteger();
    if (!Index || *Index < 0 || *Index >= 64)
      return false;
    Out |= paramBit(unsigned(*Index));
  }
  return true;
}

bool readBool(const llvm::json::Object &O, llvm::StringRef Field, bool &Out) {
  const llvm::json::Value *V = O.get(Field);
  if (!V) {
    Out = false;
    return true;
  }
  std::optional<bool> B = V->getAsBoolean();
  if (!B)
    return false;
  Out = *B;
  return true;
}

std::optional<IndexUse> indexUseFromJSON(const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  IndexUse Use;
  std::optional<int64_t> Param = O->getInteger("param");
  if (!Param || *Param < 0 || *Param >= 64)
    return std::nullopt;
  Use.Param = unsigned(*Param);
  if (!readBool(*O, "noUpperBound", Use.NoUpperBound) ||
      !readBool(*O, "noLowerBound", Use.NoLowerBound))
    return std::nullopt;
  if (std::optional<llvm::StringRef> Loc = O->getString("access"))
    Use.AccessLocation = Loc->str();
  if (std::optional<llvm::StringRef> C = O->getString("container"))
    Use.Container = C->str();
  return Use;
}

} // namespace

llvm::json::Value toJSON(const FunctionSummary &S, llvm::StringRef Key,
                         llvm::StringRef Name, const SourceManager *SM) {
  llvm::json::Array Uses;
  for (const IndexUse &Use : S.IndexUses) {
    std::string Loc = Use.AccessLocation.empty() ? locationText(Use.Access, SM)
                                                 : Use.AccessLocation;
    Uses.push_back(llvm::json::Object{{"param", int64_t(Use.Param)},
                                      {"noUpperBound", Use.NoUpperBound},
                                      {"noLowerBound", Use.NoLowerBound},
                                      {"access", Loc},
                                      {"container", Use.Container}});
  }
  return llvm::json::Object{
      {"version", SummaryFormatVersion},
      {"key", Key},
      {"name", Name},
      {"returnsUntrusted", S.ReturnsUntrusted},
      {"returnedSources", int64_t(S.ReturnedSources)},
      {"paramsToReturn", paramList(S.ParamsToReturn)},
      {"paramsToSink", paramList(S.ParamsToSink)},
      {"untrustedOutParams", paramList(S.UntrustedOutParams)},
      {"validates", paramList(S.Validates)},
      {"indexUses", std::move(Uses)},
      {"delays", S.Delays},
      {"performsNetworkIO", S.PerformsNetworkIO},
      {"setsTimeoutOn", paramList(S.SetsTimeoutOn)},
      {"setsConnectTimeoutOn", paramList(S.SetsConnectTimeoutOn)},
      {"setsProtocolsOn", paramList(S.SetsProtocolsOn)},
      {"setsResponseSinkOn", paramList(S.SetsResponseSinkOn)},
      {"checksStatusOf", paramList(S.ChecksStatusOf)},
      {"checksResponseOf", paramList(S.ChecksResponseOf)}};
}

std::optional<FunctionSummary> summaryFromJSON(const llvm::json::Value &V,
                                               std::string &Key,
                                               std::string &Name,
                                               std::string &Error) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O) {
    Error = "a function summary is not a JSON object";
    return std::nullopt;
  }
  std::optional<int64_t> Version = O->getInteger("version");
  if (!Version || *Version != SummaryFormatVersion) {
    Error = "function summary format version is not " +
            std::to_string(SummaryFormatVersion);
    return std::nullopt;
  }
  std::optional<llvm::StringRef> KeyText = O->getString("key");
  if (!KeyText || KeyText->empty()) {
    Error = "function summary without a key";
    return std::nullopt;
  }
  Key = KeyText->str();
  Name = O->getString("name").value_or("").str();

  FunctionSummary S;
  std::optional<int64_t> Sources = O->getInteger("returnedSources");
  if (Sources && *Sources >= 0 && *Sources < 256)
    S.ReturnedSources = uint8_t(*Sources);
  bool Ok = (!O->get("returnedSources") || S.ReturnedSources == *Sources) &&
            readBool(*O, "returnsUntrusted", S.ReturnsUntrusted) &&
            readParamList(*O, "paramsToReturn", S.ParamsToReturn) &&
            readParamList(*O, "paramsToSink", S.ParamsToSink) &&
            readParamList(*O, "untrustedOutParams", S.UntrustedOutParams) &&
            readParamList(*O, "validates", S.Validates) &&
            readBool(*O, "delays", S.Delays) &&
            readBool(*O, "performsNetworkIO", S.PerformsNetworkIO) &&
            readParamList(*O, "setsTimeoutOn", S.SetsTimeoutOn) &&
            readParamList(*O, "setsConnectTimeoutOn",
                          S.SetsConnectTimeoutOn) &&
            readParamList(*O, "setsProtocolsOn", S.SetsProtocolsOn) &&
            readParamList(*O, "setsResponseSinkOn", S.SetsResponseSinkOn) &&
            readParamList(*O, "checksStatusOf", S.ChecksStatusOf) &&
            readParamList(*O, "checksResponseOf", S.ChecksResponseOf);
  if (Ok) {
    if (const llvm::json::Value *Uses = O->get("indexUses")) {
      const llvm::json::Array *List = Uses->getAsArray();
      Ok = List != nullptr;
      for (size_t I = 0; Ok && I < List->size(); ++I) {
        std::optional<IndexUse> Use = indexUseFromJSON((*List)[I]);
        Ok = Use.has_value();
        if (Ok)
          S.IndexUses.push_back(std::move(*Use));
      }
    }
  }
  if (!Ok) {
    Error = "malformed function summary of '" + Key + "'";
    return std::nullopt;
  }
  return S;
}

//===----------------------------------------------------------------------===//
// Computation
//===----------------------------------------------------------------------===//

SummaryProvider::~SummaryProvider() = default;

FunctionSummaries::FunctionSummaries(ASTContext &Ctx) : Ctx(Ctx) {}
FunctionSummaries::~FunctionSummaries() = default;

void FunctionSummaries::addProvider(SummaryProvider &Provider) {
  Providers.push_back(&Provider);
  clear();
}

void FunctionSummaries::clear() {
  Summaries.clear();
  Done.clear();
  Active.clear();
}

const FunctionDecl *FunctionSummaries::definitionOf(const CallGraphNode &Node) {
  const auto *F = dyn_cast_or_null<FunctionDecl>(Node.getDecl());
  if (!F)
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition) || !Definition)
    return nullptr;
  return Definition;
}

bool FunctionSummaries::isUserCode(const FunctionDecl &Definition) const {
  // Library functions are described by the models, not summarized: their
  // bodies (inline, in system headers) are not the project's.
  SourceLocation Loc = Definition.getLocation();
  return Loc.isValid() && !Ctx.getSourceManager().isInSystemHeader(Loc);
}

/// Adds the edges of \p Definition and of every user function it may reach
/// to the graph, each once. clang's CallGraph adds a node's edges when it
/// visits the node's definition, so only what a query needs is visited.
void FunctionSummaries::addReachable(const FunctionDecl &Definition) {
  llvm::SmallVector<const FunctionDecl *, 16> Work{&Definition};
  while (!Work.empty()) {
    const FunctionDecl *F = Work.pop_back_val();
    if (!InGraph.insert(F).second)
      continue;
    Graph.addToCallGraph(const_cast<FunctionDecl *>(F));
    CallGraphNode *Node = Graph.getNode(F->getCanonicalDecl());
    if (!Node)
      continue;
    for (const CallGraphNode::CallRecord &Call : *Node)
      if (const FunctionDecl *Callee = definitionOf(*Call.Callee))
        if (isUserCode(*Callee) && !InGraph.count(Callee))
          Work.push_back(Callee);
  }
}

ExternalSummaries::~ExternalSummaries() = default;

const FunctionSummary *FunctionSummaries::get(const FunctionDecl &F) {
  const FunctionDecl *Definition = nullptr;
  if (!F.hasBody(Definition) || !Definition)
    return External && isUserCode(F) ? External->find(F) : nullptr;
  if (!isUserCode(*Definition))
    return nullptr;
  const FunctionDecl *Key = Definition->getCanonicalDecl();
  if (Done.count(Key) || Active.count(Key))
    return &slot(Key);
  if (!CallGraph::includeInGraph(Definition))
    return nullptr;
  addReachable(*Definition);
  CallGraphNode *Node = Graph.getNode(Key);
  if (!Node)
    return nullptr;
  // scc_iterator yields the cycles reachable from Node callees first: each
  // is summarized after everything it calls.
  for (auto It = llvm::scc_begin(Node); !It.isAtEnd(); ++It) {
    const std::vector<CallGraphNode *> &Cycle = *It;
    summarizeCycle(Cycle);
  }
  return &slot(Key);
}

/// True if \p Node calls itself: a cycle of one function.
static bool callsItself(const CallGraphNode &Node) {
  for (const CallGraphNode::CallRecord &Call : Node)
    if (Call.Callee == &Node)
      return true;
  return false;
}

void FunctionSummaries::summarizeCycle(llvm::ArrayRef<CallGraphNode *> Cycle) {
  llvm::SmallVector<const FunctionDecl *, 4> Members;
  for (CallGraphNode *Node : Cycle) {
    const FunctionDecl *Definition = definitionOf(*Node);
    if (!Definition || !isUserCode(*Definition))
      continue;
    if (Done.count(Definition->getCanonicalDecl()))
      return; // Summarized by an earlier query.
    Members.push_back(Definition);
  }
  // Bottom (the empty summary) for every member, then rounds until no
  // summary changes. A single function that does not call itself needs one
  // round.
  for (const FunctionDecl *Definition : Members) {
    slot(Definition->getCanonicalDecl());
    Active.insert(Definition->getCanonicalDecl());
  }
  bool Recursive = Cycle.size() > 1 || callsItself(*Cycle.front());
  for (unsigned Round = 0; Round < MaxCycleRounds; ++Round) {
    bool Changed = false;
    for (const FunctionDecl *Definition : Members) {
      FunctionSummary Next;
      for (SummaryProvider *Provider : Providers)
        Provider->summarize(*Definition, *this, Next);
      FunctionSummary &Current = slot(Definition->getCanonicalDecl());
      if (Next != Current) {
        Current = std::move(Next);
        Changed = true;
      }
    }
    if (!Changed || !Recursive)
      break;
  }
  for (const FunctionDecl *Definition : Members) {
    Done.insert(Definition->getCanonicalDecl());
    Active.erase(Definition->getCanonicalDecl());
  }
}

FunctionSummary &FunctionSummaries::slot(const FunctionDecl *Key) {
  std::unique_ptr<FunctionSummary> &Slot = Summaries[Key];
  if (!Slot)
    Slot = std::make_unique<FunctionSummary>();
  return *Slot;
}

} // namespace clang::tidy::prodready
