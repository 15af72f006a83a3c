//===--- TaintAnalysisImpl.h - prodready -----------------------*- C++ -*-===//
//
// The per-function taint analysis (TaintAnalysis.h), shared by its source
// files: TaintAnalysis.cpp (locations, evaluation, transfer, sink hits),
// TaintPathFacts.cpp (joins and the path tests of branch conditions) and
// TaintEngine.cpp (the engine: units, summaries, globals).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TAINTANALYSISIMPL_H
#define PRODREADY_CHECKS_ANALYSIS_TAINTANALYSISIMPL_H

#include "ForwardDataflow.h"
#include "PathSanitizers.h"
#include "TaintAnalysis.h"

namespace clang::tidy::prodready {

class TaintEngine::FunctionAnalysis {
public:
  FunctionAnalysis(TaintEngine &Engine, const Decl &Unit)
      : Engine(Engine), Unit(Unit), Ctx(Engine.Ctx), Model(Engine.Model) {}

  void run();
  TaintValue valueAt(const Expr &E, const Stmt &Site);
  TaintValue variableValueWhen(const VarDecl &Var, const Stmt &Site,
                               const Expr &Cond, bool Truth);
  bool isFinished() const { return Finished; }

  uint64_t ReturnLabels = 0;
  const Expr *ReturnOrigin = nullptr;
  const Expr *ReturnBuilt = nullptr; ///< TaintValue::Built of a return.
  uint8_t ReturnSources = 0;
  llvm::SmallVector<TaintHit, 4> Hits;
  llvm::SmallVector<std::pair<unsigned, TaintHit>, 4> ParameterHits;
  llvm::DenseMap<const CXXRecordDecl *,
                 llvm::DenseMap<const ValueDecl *, TaintValue>>
      CaptureValues;
  /// What the function writes through its pointer and reference
  /// parameters, by parameter (labels other than the parameter's own).
  llvm::SmallVector<std::pair<unsigned, TaintValue>, 2> OutParams;
  /// With TaintModel::symbolicExternalCalls(): the calls labelled
  /// externalCallLabel(k), in the order first evaluated.
  llvm::SmallVector<TaintEngine::ExternalCall, 4> ExternalCalls;

private:
  struct State {
    bool Reachable = false;
    llvm::SmallVector<TaintValue, 8> Values;
    bool operator==(const State &O) const {
      return Reachable == O.Reachable && Values == O.Values;
    }
    bool operator!=(const State &O) const { return !(*this == O); }
  };
  struct Place {
    unsigned Index;
    bool Strong;
  };

  void discoverLocations();
  unsigned addLocation(const ValueDecl *Base, const FieldDecl *Field);
  std::optional<unsigned> findLocation(const ValueDecl *Base,
                                       const FieldDecl *Field) const;
  std::optional<Place> placeOf(const Expr *E, unsigned Depth = 0) const;
  State initialState();
  static State joinStates(const State &A, const State &B);

  TaintValue eval(const Expr *E, const State &S);
  TaintValue evalExpr(const Expr *E, const State &S);
  TaintValue evalCall(const CallExpr &Call, const State &S);
  /// The symbolic value of \p Call, a call of a function of another unit
  /// (TaintOptions::SymbolicExternalCalls), or nothing.
  std::optional<TaintValue> externalCallValue(const CallExpr &Call,
                                              const State &S);
  TaintValue read(unsigned Index, const State &S) const;
  void write(const Expr *Target, TaintValue Value, State &S,
             bool ForceWeak = false);
  void transfer(const CFGElement &Element, State &S);
  void transferCall(const CallExpr &Call, State &S);
  void setJoin(TaintValue &Value, const Expr &Join, bool ChosenBase);
  void markJoin(TaintValue &Value, const CallExpr &Call, const Expr *Base,
                const State &S);
  TaintValue formatCarried(const CallExpr &Call, const CallModel &M,
                           const State &S);
  State refine(const Expr *Cond, bool Truth, State S);
  void applyPredicate(const PathPredicate &P, bool Holds, State &S);
  void applyPathFact(PathFact Fact, const Expr *Subject, bool Holds,
                     State &S);
  void applyComponentLoop(const ComponentLoop &Loop, State &S);
  /// What the URL validation \p Atom (UrlValidators.h) establishes on the
  /// edge where it is \p Truth (TaintUrlFacts.cpp).
  void applyUrlTest(const Expr *Atom, bool Truth, State &S);
  void collect(const CFGElement &Element, const State &S);
  void collectSinks(const Expr &E, const State &S);
  void recordHit(TaintHit Hit);
  void collectOutParams();
  void applyOutParams(const CallExpr &Call, const FunctionDecl &Callee,
                      State &S);

  TaintEngine &Engine;
  const Decl &Unit;
  ASTContext &Ctx;
  const TaintModel &Model;
  const Stmt *Body = nullptr;
  const FunctionDecl *Function = nullptr;

  std::vector<std::pair<const ValueDecl *, const FieldDecl *>> Locations;
  llvm::DenseMap<std::pair<const ValueDecl *, const FieldDecl *>, unsigned>
      LocationIndex;
  llvm::DenseMap<const VarDecl *, const Expr *> Aliases;
  /// Aliases that point past the start of their region: a write through
  /// one adds to the region after what is there.
  llvm::SmallPtrSet<const VarDecl *, 4> AdvancedPointers;
  bool isAdvancedPointer(const Expr *E) const {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
        E ? E->IgnoreParenImpCasts() : nullptr);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && AdvancedPointers.count(Var);
  }
  /// Conditions of range-for loops over a path's components that reject
  /// some (their exit edge vouches for the path).
  llvm::DenseMap<const Expr *, ComponentLoop> ComponentLoops;
  /// Field locations that hold request data (`req.body`), with a read.
  llvm::DenseMap<unsigned, const MemberExpr *> UntrustedFields;
  std::unique_ptr<IndexedCFG> Cfg;
  std::vector<State> BlockEntry;
  bool Finished = false; ///< BlockEntry holds the fixpoint.
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TAINTANALYSISIMPL_H
