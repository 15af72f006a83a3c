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
  bool isFinished() const { return Finished; }

  uint64_t ReturnLabels = 0;
  const Expr *ReturnOrigin = nullptr;
  uint8_t ReturnSources = 0;
  llvm::SmallVector<TaintHit, 4> Hits;
  llvm::SmallVector<std::pair<unsigned, TaintHit>, 4> ParameterHits;
  llvm::DenseMap<const CXXRecordDecl *,
                 llvm::DenseMap<const ValueDecl *, TaintValue>>
      CaptureValues;

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
  TaintValue read(unsigned Index, const State &S) const;
  void write(const Expr *Target, TaintValue Value, State &S,
             bool ForceWeak = false);
  void transfer(const CFGElement &Element, State &S);
  void transferCall(const CallExpr &Call, State &S);
  void setJoin(TaintValue &Value, const Expr &Join, bool ChosenBase);
  void markJoin(TaintValue &Value, const CallExpr &Call, const Expr *Base,
                const State &S);
  State refine(const Expr *Cond, bool Truth, State S);
  void applyPredicate(const PathPredicate &P, bool Holds, State &S);
  void applyPathFact(PathFact Fact, const Expr *Subject, bool Holds,
                     State &S);
  void applyComponentLoop(const ComponentLoop &Loop, State &S);
  void collect(const CFGElement &Element, const State &S);
  void collectSinks(const Expr &E, const State &S);
  void recordHit(TaintHit Hit);

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
