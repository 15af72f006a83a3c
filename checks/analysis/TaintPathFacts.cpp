//===--- TaintPathFacts.cpp - prodready -----------------------------------===//
//
// What the taint analysis knows of a value as a path: where it was joined
// onto a base directory, and what the tests of branch conditions
// (PathSanitizers.h) establish on the edges they decide.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "TaintAnalysisImpl.h"

namespace clang::tidy::prodready {

/// \p Value was joined into a path or string at \p Call onto \p Base (the
/// directory or prefix it is appended to). Whether that base is a constant
/// or a value the program chose (it carries no label: neither untrusted
/// nor a parameter) decides whether the untrusted part is a component
/// under a directory the program meant to confine it to.
void TaintEngine::FunctionAnalysis::markJoin(TaintValue &Value,
                                             const CallExpr &Call,
                                             const Expr *Base,
                                             const State &S) {
  setJoin(Value, Call, Base && eval(Base, S).Labels == 0);
}

/// What a formatter that quotes some of its arguments (CallEffect::
/// FormatCarried) makes: the text of the others, joined at the call.
TaintValue TaintEngine::FunctionAnalysis::formatCarried(const CallExpr &Call,
                                                        const CallModel &M,
                                                        const State &S) {
  TaintValue Value;
  for (unsigned Arg : M.Carried)
    if (Arg < Call.getNumArgs())
      Value = join(Value, eval(Call.getArg(Arg), S));
  if (Value.Labels && !Value.Join)
    setJoin(Value, Call, /*ChosenBase=*/false);
  return Value;
}

/// A name free of `..` appended as text after a directory the program
/// chose stays below it: an absolute name only doubles a `/`
/// (`/srv/files//etc/passwd`). A path join (`dir / name`) would replace
/// the directory with it.
static bool confinedToBase(const TaintValue &Value) {
  return Value.DotDotRejected && Value.Join && Value.UnderChosenBase &&
         !replacesOnAbsolute(*Value.Join);
}

void TaintEngine::FunctionAnalysis::setJoin(TaintValue &Value,
                                            const Expr &Join,
                                            bool ChosenBase) {
  Value.Join = &Join;
  if (!Value.Built)
    Value.Built = &Join;
  Value.UnderChosenBase = ChosenBase;
  if (confinedToBase(Value))
    Value = {};
}

void TaintEngine::FunctionAnalysis::applyPredicate(const PathPredicate &P,
                                                   bool Holds, State &S) {
  applyPathFact(P.Fact, P.Subject, Holds, S);
  if (P.OtherSubject)
    applyPathFact(P.Fact, P.OtherSubject, Holds, S);
}

/// The value a path test is about: `name`, written `name.string()` or
/// `path(name)`.
static const Expr *pathSubject(const Expr *Subject) {
  Subject = stripValueWrappers(Subject);
  while (true) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Subject)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && TaintModel::isTextAccessor(*Method)) {
        Subject = stripValueWrappers(Member->getImplicitObjectArgument());
        continue;
      }
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Subject);
        Construct && Construct->getNumArgs() >= 1) {
      Subject = stripValueWrappers(Construct->getArg(0));
      continue;
    }
    return Subject;
  }
}

void TaintEngine::FunctionAnalysis::applyPathFact(PathFact Fact,
                                                  const Expr *Subject,
                                                  bool Holds, State &S) {
  Subject = pathSubject(Subject);
  // `rel = full.lexically_relative(base)` does not climb out of base: a
  // normalized `full` is inside it.
  if (Fact == PathFact::LeavesBase && !Holds)
    if (const Expr *Origin = relativeOrigin(Subject))
      if (std::optional<Place> Where = placeOf(pathSubject(Origin));
          Where && Where->Strong && S.Values[Where->Index].Canonical)
        S.Values[Where->Index] = {};
  // Only a whole location can be vouched for: a check of one element
  // (`argv[2]`, `names[i]`) says nothing of the others.
  std::optional<Place> Where = placeOf(Subject);
  if (!Where || !Where->Strong)
    return;
  TaintValue &Value = S.Values[Where->Index];
  switch (Fact) {
  case PathFact::HasDotDot:
    if (!Holds) {
      Value.DotDotRejected = true;
      if (confinedToBase(Value))
        Value = {};
    }
    break;
  case PathFact::IsAbsolute:
    if (!Holds)
      Value.AbsoluteRejected = true;
    break;
  case PathFact::HasSlash:
    // One component, as filename() and basename() give.
    if (!Holds)
      Value = {};
    break;
  case PathFact::Safe:
    if (Holds)
      Value = {};
    break;
  case PathFact::InsideBase:
    if (Holds && Value.Canonical)
      Value = {};
    break;
  case PathFact::LeavesBase:
    // Relative to the base, normalized, and not starting with `..`: no
    // `..` anywhere.
    if (!Holds && Value.Canonical)
      Value = {};
    break;
  case PathFact::None:
    break;
  }
  if (Value.DotDotRejected && Value.AbsoluteRejected)
    Value = {};
}

/// A loop over the components of a path that rejected `..` (and the root)
/// completed: none is left.
void TaintEngine::FunctionAnalysis::applyComponentLoop(
    const ComponentLoop &Loop, State &S) {
  if (Loop.RejectsDotDot)
    applyPathFact(PathFact::HasDotDot, Loop.Range, false, S);
  if (Loop.RejectsRoot)
    applyPathFact(PathFact::IsAbsolute, Loop.Range, false, S);
}

TaintEngine::FunctionAnalysis::State
TaintEngine::FunctionAnalysis::refine(const Expr *Cond, bool Truth, State S) {
  if (Model.conditionTests() == ConditionTests::Urls)
    return refineCondition(
        Cond, Truth, std::move(S), stripValueWrappers,
        [&](const Expr *Atom, bool AtomTruth, State AtomState) {
          applyUrlTest(Atom, AtomTruth, AtomState);
          return AtomState;
        },
        &joinStates);
  bool PathTests = Model.conditionTests() == ConditionTests::Paths;
  if (!Truth && S.Reachable && PathTests)
    if (auto It = ComponentLoops.find(Cond); It != ComponentLoops.end())
      applyComponentLoop(It->second, S);
  return refineCondition(
      Cond, Truth, std::move(S), stripValueWrappers,
      [&](const Expr *Atom, bool AtomTruth, State AtomState) {
        PathPredicate P = classifyPathPredicate(Atom, Model);
        // Without path tests, only the user's predicates vouch for a value.
        if (!PathTests && P.Fact != PathFact::Safe)
          P.Fact = PathFact::None;
        // A project function that returns true only for a safe argument.
        if (const auto *Call = dyn_cast<CallExpr>(Atom);
            Call && P.Fact == PathFact::None && PathTests)
          if (const Expr *Validated = Engine.validatedArgument(*Call))
            P = {PathFact::Safe, Validated, nullptr, true};
        if (P.Fact != PathFact::None)
          applyPredicate(P, AtomTruth == P.Positive, AtomState);
        return AtomState;
      },
      &joinStates);
}

} // namespace clang::tidy::prodready
