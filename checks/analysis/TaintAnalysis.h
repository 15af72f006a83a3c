//===--- TaintAnalysis.h - prodready ---------------------------*- C++ -*-===//
//
// The untrusted-data (taint) analysis shared by the checks that ask "can
// data from outside reach this operation unsanitized?".
//
// Terms. A *label* marks where a value may come from: bit 0 is "untrusted
// (a source)", bit 1+i is "parameter i of the function being analyzed". A
// *location* is what holds a value inside a function: a local or parameter,
// one field of it, a field of `this`, or (through aliases) what a reference
// or pointer to a local designates. Container elements are their container.
//
// Per function, a forward dataflow analysis over clang's CFG computes the
// labels of every location at every point: assignments and copies replace
// them, appends and element insertions add to them, sources set bit 0,
// sanitizers clear them, and branch conditions refine them on the edges they
// decide, so a sanitizer protects only the paths it dominates. Running the
// same analysis with parameters labeled gives the function's *summary*:
// which parameters reach the return value and which reach a sink
// unsanitized; callers combine summaries with their arguments' labels.
// Globals and fields of `this` written from untrusted data anywhere in the
// TU are untrusted wherever read (flow-insensitive).
//
// Clients (checks) say what a sink is through TaintSinkModel and read the
// untrusted sink hits of a unit; see docs/design/taint.md.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_TAINTANALYSIS_H
#define PRODREADY_CHECKS_ANALYSIS_TAINTANALYSIS_H

#include "TaintModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <memory>
#include <string>

namespace clang::tidy::prodready {

class ValidatorSummaries;

/// The labels of a value, with where untrusted data entered it, which
/// kinds of source it may come from, where it was joined into a path, and
/// what path checks it has passed.
struct TaintValue {
  static constexpr uint64_t UntrustedLabel = 1;
  /// Parameters past these are not followed (bits 1 to 47).
  static constexpr unsigned MaxTrackedParams = 47;
  static uint64_t paramLabel(unsigned Index) {
    return Index < MaxTrackedParams ? uint64_t(2) << Index : 0;
  }
  /// The labels of the results of calls of functions of other translation
  /// units, in a summary's analysis only (TaintOptions::
  /// SymbolicExternalCalls): bit 48+k for the function's k-th such call.
  static constexpr unsigned MaxExternalCalls = 16;
  static constexpr uint64_t ExternalCallLabels = ~uint64_t(0) << 48;
  static uint64_t externalCallLabel(unsigned Index) {
    return Index < MaxExternalCalls ? uint64_t(1) << (48 + Index) : 0;
  }
  /// An untrusted value of \p Kind that entered at \p Origin.
  static TaintValue source(SourceKind Kind, const Expr *Origin) {
    TaintValue Value;
    Value.Labels = UntrustedLabel;
    Value.Origin = Origin;
    Value.Sources = static_cast<uint8_t>(Kind);
    return Value;
  }

  uint64_t Labels = 0;
  const Expr *Origin = nullptr; ///< The source (for UntrustedLabel).
  /// The SourceKind bits of the sources it may come from.
  uint8_t Sources = 0;
  const Expr *Join = nullptr;   ///< Where it was joined into a path.
  /// Where it was first joined with other text, in this function or in one
  /// that returned it (Join is this function's only: the base of a path
  /// and its fix-it are there).
  const Expr *Built = nullptr;
  /// The call of a project function that wrote the untrusted data into an
  /// argument of this function (`read_name(fd, buf)` filling `buf`), when
  /// the origin is inside that function: the step a note shows.
  const CallExpr *FilledBy = nullptr;
  /// At the join, the untrusted part was appended to a base the program
  /// chose (a constant or clean value): a component under a directory.
  bool UnderChosenBase = false;
  /// The untrusted data entered only as parts the program added or stored
  /// (`j["k"] = v`, `msgs.back()["role"] = v`, `push_back`, `+=`): the
  /// value's structure, such as the keys of a JSON object it built, is the
  /// program's own.
  bool Inserted = false;
  /// Some of those parts were appended in a loop (lines read until the end
  /// of a file): how many there are is the outside data's.
  bool AppendedInLoop = false;
  bool Canonical = false;       ///< Normalized or canonicalized.
  bool DotDotRejected = false;  ///< Tested not to contain "..".
  bool AbsoluteRejected = false; ///< Tested not to be absolute.
  /// Every labeled part is a number (`atoi(s)`, `std::stoi(s)`, an `int`
  /// read by `sscanf("%d")`) or text formatted from one (`"%d"`,
  /// `std::to_string`, `<<`): it still counts as an untrusted index, but
  /// spells no `..` or `/` in a path.
  bool Numeric = false;

  bool isUntrusted() const { return Labels & UntrustedLabel; }
  /// True if some source of the value is not the operator's (see
  /// SourceKind).
  bool mayComeFromOthers() const { return Sources & ~OperatorSources; }
  bool operator==(const TaintValue &O) const {
    return Labels == O.Labels && Origin == O.Origin && Sources == O.Sources &&
           Join == O.Join && Built == O.Built && FilledBy == O.FilledBy &&
           UnderChosenBase == O.UnderChosenBase &&
           Inserted == O.Inserted && AppendedInLoop == O.AppendedInLoop &&
           Canonical == O.Canonical && DotDotRejected == O.DotDotRejected &&
           AbsoluteRejected == O.AbsoluteRejected && Numeric == O.Numeric;
  }
  bool operator!=(const TaintValue &O) const { return !(*this == O); }
};

/// A call of a function of another translation unit: no body here, not
/// the system's, not an operator (the call models leave those out). With
/// TaintOptions::SymbolicExternalCalls its result gets a label of its own.
bool isCallOfOtherUnit(const CallExpr &Call, const SourceManager &SM);

/// Least upper bound: union of labels; a path check holds only if it holds
/// on both sides.
TaintValue join(const TaintValue &A, const TaintValue &B);

/// Which arguments of a call or construction must not carry untrusted data.
class TaintSinkModel {
public:
  virtual ~TaintSinkModel();
  /// Appends (argument, description of the sink) for \p E, a CallExpr or
  /// CXXConstructExpr.
  virtual void sinkArguments(
      const Expr &E,
      llvm::SmallVectorImpl<std::pair<const Expr *, std::string>> &Out) = 0;
};

/// For clients that only ask for values (valueAt), not for sink hits.
class NoTaintSinks : public TaintSinkModel {
public:
  void sinkArguments(const Expr &,
                     llvm::SmallVectorImpl<std::pair<const Expr *, std::string>>
                         &) override {}
};

/// An untrusted value reaching a sink.
struct TaintHit {
  const Expr *Sink = nullptr;     ///< The call or construction.
  const Expr *Argument = nullptr; ///< The argument that carries the data.
  std::string What;               ///< From TaintSinkModel.
  TaintValue Value;
  /// Calls through which the value travelled into the function of the sink,
  /// outermost first.
  llvm::SmallVector<const CallExpr *, 2> Calls;
  /// The argument of each of Calls that carries the value.
  llvm::SmallVector<const Expr *, 2> CallArguments;
};

class TaintEngine {
public:
  TaintEngine(ASTContext &Ctx, const TaintModel &Model,
              TaintSinkModel &Sinks);
  ~TaintEngine();

  /// The units of the TU (functions, globals and fields with initializers)
  /// whose writes to globals and fields are taken into account. Forgets the
  /// values of globals and fields computed with the previous units.
  void setUnits(llvm::ArrayRef<const Decl *> Units);

  /// Forgets the analyses of functions (not the values of globals and
  /// fields): analyses made while a global's value was still being computed
  /// saw it as clean, and are recomputed on the next query.
  void resetAnalyses();

  /// Untrusted values that reach a sink in \p Unit, or in functions it
  /// calls through their parameters.
  void findHits(const Decl &Unit, llvm::SmallVectorImpl<TaintHit> &Out);
  /// Values of \p Unit's parameters (untrusted or not: the labels say which
  /// parameters) that reach a sink in it or in functions it calls: what the
  /// unit's callers decide. One entry per hit.
  void findParameterHits(const Decl &Unit,
                         llvm::SmallVectorImpl<TaintHit> &Out);

  /// The value of \p E as evaluated as part of \p Site, in \p Unit.
  TaintValue valueAt(const Decl &Unit, const Expr &E, const Stmt &Site);

  /// Which labels of the parameters reach the return value of \p Function
  /// (bit 1+i for parameter i; bit 0 if it returns untrusted data itself),
  /// and which parameters reach a sink (bit 1+i).
  uint64_t returnLabels(const FunctionDecl &Function);
  /// The SourceKind bits of the untrusted data \p Function returns.
  uint8_t returnSources(const FunctionDecl &Function);
  /// With TaintOptions::SymbolicExternalCalls: the calls of functions of
  /// other translation units in \p Function whose results it follows, the
  /// k-th labelled externalCallLabel(k), and for each the labels of what
  /// it is given (its object and arguments), which the default model would
  /// make its result of.
  struct ExternalCall {
    const CallExpr *Call = nullptr;
    uint64_t ArgumentLabels = 0;
  };
  llvm::ArrayRef<ExternalCall> externalCalls(const FunctionDecl &Function);
  uint64_t sinkParameterLabels(const FunctionDecl &Function);
  /// The pointer and reference parameters through which \p Function writes
  /// untrusted data (bit 1+i for parameter i).
  uint64_t untrustedOutParameters(const FunctionDecl &Function);

  /// The value of the variable \p Var of \p Function just before \p Site,
  /// on the paths where \p Cond (evaluated there) is \p Truth: what a
  /// validator has established about a parameter when it returns true. A
  /// variable the analysis does not follow has every label.
  TaintValue variableValueWhen(const FunctionDecl &Function,
                               const VarDecl &Var, const Stmt &Site,
                               const Expr &Cond, bool Truth);

  const TaintModel &model() const { return Model; }

  /// The argument that \p Call, a call of a project function that
  /// validates it (FunctionSummary::Validates, TaintSummaries.h), is safe
  /// when the call returns true; null for other calls.
  const Expr *validatedArgument(const CallExpr &Call);

  /// True if the global variable, static member or field \p D is written
  /// from untrusted data in one of the units (see setUnits).
  bool isUntrustedGlobal(const ValueDecl &D) {
    return crossFunctionValue(D).isUntrusted();
  }

  class FunctionAnalysis;

private:
  friend class FunctionAnalysis;
  FunctionAnalysis &analysisFor(const Decl &Unit);
  TaintValue crossFunctionValue(const ValueDecl &D);
  /// The parameter of \p Setter (a method or constructor of the TU) it
  /// stores into the field \p Field, if any.
  std::optional<unsigned> setterParameter(const FunctionDecl &Setter,
                                          const FieldDecl &Field);
  void findSetterWrites(
      const FunctionDecl &Function, const FieldDecl &Field,
      llvm::SmallVectorImpl<std::pair<const Expr *, const Stmt *>> &Writes);

  ASTContext &Ctx;
  const TaintModel &Model;
  TaintSinkModel &Sinks;
  std::vector<const Decl *> Units;
  llvm::DenseMap<const Decl *, std::unique_ptr<FunctionAnalysis>> Analyses;
  llvm::DenseMap<const Decl *, bool> InProgress;
  llvm::DenseMap<const ValueDecl *, TaintValue> CrossFunction;
  llvm::DenseMap<const ValueDecl *, bool> CrossFunctionDone;
  llvm::DenseMap<std::pair<const FunctionDecl *, const FieldDecl *>,
                 std::optional<unsigned>>
      SetterParameters;
  /// Built when a condition first calls a project function.
  std::unique_ptr<ValidatorSummaries> Validators;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_TAINTANALYSIS_H
