//===--- PathSanitizers.cpp - prodready -----------------------------------===//
//
// Recognizes the path tests of PathSanitizers.h in conditions: C string
// searches and comparisons, std::string and std::filesystem::path members,
// <algorithm> searches over a path's components, and range-for loops that
// reject components.
//
//===----------------------------------------------------------------------===//

#include "PathSanitizers.h"
#include "ASTHelpers.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

/// The string literal \p E is, also when converted to a std::string or a
/// path (`c == ".."` on a path constructs one).
const StringLiteral *stringLiteral(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = stripValueWrappers(E);
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal->getCharByteWidth() == 1 ? Literal : nullptr;
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() == 0)
      return nullptr;
    E = Construct->getArg(0);
  }
  return nullptr;
}

/// A literal that contains `..`: a search for it finds every `..`.
bool isDotDotLiteral(const Expr *E) {
  const StringLiteral *Literal = stringLiteral(E);
  return Literal && Literal->getString().contains("..");
}

/// Exactly `..`: a path component that climbs a directory.
bool isDotDotComponent(const Expr *E) {
  const StringLiteral *Literal = stringLiteral(E);
  return Literal && Literal->getString() == "..";
}

bool isSlashLiteral(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *Char = dyn_cast_or_null<CharacterLiteral>(E))
    return Char->getValue() == '/';
  const StringLiteral *Literal = stringLiteral(E);
  return Literal && Literal->getString() == "/";
}

/// A set of characters (strpbrk, find_first_of) that holds `/`.
bool isSetWithSlash(const Expr *E) {
  if (isSlashLiteral(E))
    return true;
  const StringLiteral *Literal = stringLiteral(E);
  return Literal && Literal->getString().contains('/');
}

bool isNpos(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return Ref->getDecl()->getIdentifier() &&
           Ref->getDecl()->getName() == "npos";
  if (const auto *Minus = dyn_cast_or_null<UnaryOperator>(E))
    return Minus->getOpcode() == UO_Minus;
  return false;
}

bool isZero(const Expr *E) {
  const auto *Literal = dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(E));
  return Literal && Literal->getValue() == 0;
}

/// `NULL`, `nullptr`, `0`.
bool isNullPointer(const Expr *E) {
  E = stripValueWrappers(E);
  return isa_and_nonnull<CXXNullPtrLiteralExpr, GNUNullExpr>(E) || isZero(E);
}

const CXXMemberCallExpr *memberCall(const Expr *E, StringRef Name) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(E));
  if (!Call || !Call->getMethodDecl() || !Call->getMethodDecl()->getIdentifier())
    return nullptr;
  return Call->getMethodDecl()->getName() == Name ? Call : nullptr;
}

/// The name of the function \p E calls, if it is a free C or std function.
StringRef freeFunctionName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || isa<CXXMethodDecl>(Callee))
    return "";
  return Callee->getName();
}

/// `S[0]`, `S.front()`, `S.at(0)`, `*S`: the first character of S.
const Expr *firstCharacterOf(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *Sub = dyn_cast_or_null<ArraySubscriptExpr>(E))
    return isZero(Sub->getIdx()) ? Sub->getBase() : nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Subscript && isZero(Op->getArg(1)))
      return Op->getArg(0);
    if (Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
      return Op->getArg(0);
  }
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E))
    if (Deref->getOpcode() == UO_Deref)
      return Deref->getSubExpr();
  if (const auto *Call = memberCall(E, "front"))
    return Call->getImplicitObjectArgument();
  if (const auto *Call = memberCall(E, "at"))
    return isZero(Call->getArg(0)) ? Call->getImplicitObjectArgument()
                                   : nullptr;
  return nullptr;
}

/// `*p.begin()`: the first component of the path p.
const Expr *firstComponentOf(const Expr *E) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(stripValueWrappers(E));
  if (!Op || Op->getOperator() != OO_Star || Op->getNumArgs() != 1)
    return nullptr;
  const CXXMemberCallExpr *Begin = memberCall(Op->getArg(0), "begin");
  return Begin ? Begin->getImplicitObjectArgument() : nullptr;
}

/// The std::mismatch call whose `.first` \p E is.
const CallExpr *mismatchOfFirst(const Expr *E) {
  E = stripValueWrappers(E);
  const Expr *Pair = nullptr;
  if (const auto *First = dyn_cast_or_null<MemberExpr>(E)) {
    if (First->getMemberDecl()->getName() == "first")
      Pair = First->getBase();
  } else if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E)) {
    if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
      if (const auto *Decomposition =
              dyn_cast_or_null<DecompositionDecl>(Binding->getDecomposedDecl()))
        if (!Decomposition->bindings().empty() &&
            Decomposition->bindings()[0] == Binding)
          Pair = Decomposition->getInit();
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(Pair));
  if (!Call || Call->getNumArgs() < 3)
    return nullptr;
  return freeFunctionName(*Call) == "mismatch" ? Call : nullptr;
}

/// A search of a C string for a needle that tells a path fact:
/// `strstr(s, "..")`, `strchr(s, '/')`, `strpbrk(s, "/\\")`. True (a
/// non-null result) when found.
PathPredicate cStringSearch(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(E));
  if (!Call || Call->getNumArgs() != 2)
    return {};
  StringRef Name = freeFunctionName(*Call);
  const Expr *Needle = Call->getArg(1);
  PathFact Fact = PathFact::None;
  if (Name == "strstr" || Name == "strcasestr" || Name == "wcsstr")
    Fact = isDotDotLiteral(Needle) ? PathFact::HasDotDot
           : isSlashLiteral(Needle) ? PathFact::HasSlash
                                    : PathFact::None;
  else if (Name == "strchr" || Name == "strrchr" || Name == "wcschr" ||
           Name == "wcsrchr")
    Fact = isSlashLiteral(Needle) ? PathFact::HasSlash : PathFact::None;
  else if (Name == "strpbrk" || Name == "wcspbrk")
    Fact = isSetWithSlash(Needle) ? PathFact::HasSlash : PathFact::None;
  if (Fact == PathFact::None)
    return {};
  return {Fact, Call->getArg(0), nullptr, true};
}

/// A search of a std::string for such a needle, compared with npos:
/// `s.find("..")`, `s.find('/')`, `s.find_first_of("/\\")`.
PathPredicate stringSearch(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(E));
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Call->getNumArgs() == 0)
    return {};
  StringRef Name = Method->getName();
  const Expr *Needle = Call->getArg(0);
  PathFact Fact = PathFact::None;
  if (Name == "find" || Name == "rfind")
    Fact = isDotDotLiteral(Needle) ? PathFact::HasDotDot
           : isSlashLiteral(Needle) ? PathFact::HasSlash
                                    : PathFact::None;
  else if (Name == "find_first_of" || Name == "find_last_of")
    Fact = isSetWithSlash(Needle) ? PathFact::HasSlash : PathFact::None;
  if (Fact == PathFact::None)
    return {};
  return {Fact, Call->getImplicitObjectArgument(), nullptr, true};
}

/// `strncmp(a, b, n)`, `memcmp`, `strcmp`: zero when equal (a prefix of
/// the given length, for the n forms).
const CallExpr *prefixComparison(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(E));
  if (!Call || Call->getNumArgs() < 2)
    return nullptr;
  bool Known = llvm::StringSwitch<bool>(freeFunctionName(*Call))
                   .Cases("strncmp", "memcmp", "strcmp", "strncasecmp", true)
                   .Cases("wcsncmp", "wcscmp", true)
                   .Default(false);
  return Known ? Call : nullptr;
}

/// The parameter a lambda predicate compares with `..`: for
/// `[](const auto &c) { return c == ".."; }` true (== ".."), for
/// `c != ".."` false; otherwise nothing.
std::optional<bool> lambdaTestsDotDot(const Expr *E) {
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(stripValueWrappers(E));
  if (!Lambda)
    return std::nullopt;
  const CXXMethodDecl *Operator = Lambda->getCallOperator();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Lambda->getBody());
  if (!Operator || Operator->getNumParams() != 1 || !Body ||
      Body->size() != 1)
    return std::nullopt;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const auto *Op = Return ? dyn_cast_or_null<CXXOperatorCallExpr>(
                                stripValueWrappers(Return->getRetValue()))
                          : nullptr;
  if (!Op || Op->getNumArgs() != 2 ||
      (Op->getOperator() != OO_EqualEqual &&
       Op->getOperator() != OO_ExclaimEqual))
    return std::nullopt;
  const ParmVarDecl *Param = Operator->getParamDecl(0);
  for (int Swap = 0; Swap < 2; ++Swap) {
    const Expr *Side = stripValueWrappers(Op->getArg(Swap));
    const Expr *Other = Op->getArg(1 - Swap);
    const auto *Ref = dyn_cast<DeclRefExpr>(Side);
    if (Ref && Ref->getDecl() == Param && isDotDotComponent(Other))
      return Op->getOperator() == OO_EqualEqual;
  }
  return std::nullopt;
}

/// The object of `x.begin()`, when \p End is `x.end()` of the same
/// variable (or of an expression that is not a variable).
const Expr *wholeRange(const Expr *Begin, const Expr *End) {
  const CXXMemberCallExpr *B = memberCall(Begin, "begin");
  const CXXMemberCallExpr *E = memberCall(End, "end");
  if (!B || !E)
    return nullptr;
  const auto *BRef = dyn_cast<DeclRefExpr>(
      stripValueWrappers(B->getImplicitObjectArgument()));
  const auto *ERef = dyn_cast<DeclRefExpr>(
      stripValueWrappers(E->getImplicitObjectArgument()));
  if (BRef && ERef && BRef->getDecl() != ERef->getDecl())
    return nullptr;
  return B->getImplicitObjectArgument();
}

/// `std::any_of(p.begin(), p.end(), is ..)`, `std::none_of(...)`,
/// `std::all_of(..., not ..)`: whether a component of p is `..`.
PathPredicate componentAlgorithm(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !isInStdOrNested(*Callee) || Call.getNumArgs() != 3)
    return {};
  StringRef Name = freeFunctionName(Call);
  const Expr *Range = wholeRange(Call.getArg(0), Call.getArg(1));
  std::optional<bool> IsDotDot = lambdaTestsDotDot(Call.getArg(2));
  if (!Range || !IsDotDot)
    return {};
  if (Name == "any_of" && *IsDotDot)
    return {PathFact::HasDotDot, Range, nullptr, true};
  if ((Name == "none_of" && *IsDotDot) || (Name == "all_of" && !*IsDotDot))
    return {PathFact::HasDotDot, Range, nullptr, false};
  return {};
}

/// `std::find(p.begin(), p.end(), "..")` compared with `p.end()`.
const Expr *componentFind(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(E));
  if (!Call || Call->getNumArgs() != 3 || freeFunctionName(*Call) != "find" ||
      !isInStdOrNested(*Call->getDirectCallee()) ||
      !isDotDotComponent(Call->getArg(2)))
    return nullptr;
  return wholeRange(Call->getArg(0), Call->getArg(1));
}

/// A prefix test of \p Object against \p Prefix (`starts_with(Prefix)`,
/// `rfind(Prefix, 0) == 0`, ...): `..` climbs out of a base it is relative
/// to, `/` is absolute, anything else is the base directory.
PathPredicate prefixTest(const Expr *Object, const Expr *Prefix,
                         bool Positive) {
  if (isDotDotLiteral(Prefix))
    return {PathFact::LeavesBase, Object, nullptr, Positive};
  if (isSlashLiteral(Prefix))
    return {PathFact::IsAbsolute, Object, nullptr, Positive};
  return {PathFact::InsideBase, Object, nullptr, Positive};
}

PathPredicate classifyComparison(const Expr *L, const Expr *R, bool IsEqual) {
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R)) {
    // s.find("..") != npos, s.find('/') != npos
    if (isNpos(R))
      if (PathPredicate P = stringSearch(L); P.Fact != PathFact::None) {
        P.Positive = !IsEqual;
        return P;
      }
    // s.rfind(base, 0) == 0, s.find("..") == 0, s.compare(0, n, base) == 0
    if (isZero(R)) {
      if (const auto *RFind = memberCall(L, "rfind");
          RFind && RFind->getNumArgs() == 2 && isZero(RFind->getArg(1)))
        return prefixTest(RFind->getImplicitObjectArgument(),
                          RFind->getArg(0), IsEqual);
      if (const auto *Find = memberCall(L, "find");
          Find && Find->getNumArgs() >= 1 && isDotDotLiteral(Find->getArg(0)))
        return {PathFact::LeavesBase, Find->getImplicitObjectArgument(),
                nullptr, IsEqual};
      if (const auto *Compare = memberCall(L, "compare");
          Compare && Compare->getNumArgs() == 3 &&
          isZero(Compare->getArg(0)))
        return prefixTest(Compare->getImplicitObjectArgument(),
                          Compare->getArg(2), IsEqual);
      // strncmp(resolved, base, n) == 0
      if (const CallExpr *Compare = prefixComparison(L))
        return {PathFact::InsideBase, Compare->getArg(0), Compare->getArg(1),
                IsEqual};
    }
    if (const Expr *Subject = firstCharacterOf(L))
      if (isSlashLiteral(R))
        return {PathFact::IsAbsolute, Subject, nullptr, IsEqual};
    // *rel.begin() == ".."
    if (const Expr *Relative = firstComponentOf(L))
      if (isDotDotComponent(R))
        return {PathFact::LeavesBase, Relative, nullptr, IsEqual};
    // std::mismatch(base.begin(), base.end(), full.begin()).first == base.end()
    // (also through `auto [first, second] = std::mismatch(...)`).
    if (const CallExpr *Mismatch = mismatchOfFirst(L))
      if (const auto *Begin = memberCall(Mismatch->getArg(2), "begin"))
        return {PathFact::InsideBase, Begin->getImplicitObjectArgument(),
                nullptr, IsEqual};
    // std::find(p.begin(), p.end(), "..") != p.end()
    if (const Expr *Range = componentFind(L))
      return {PathFact::HasDotDot, Range, nullptr, !IsEqual};
    // strstr(s, "..") != NULL, strchr(s, '/') == NULL
    if (isNullPointer(R))
      if (PathPredicate P = cStringSearch(L); P.Fact != PathFact::None) {
        P.Positive = !IsEqual;
        return P;
      }
  }
  return {};
}

PathPredicate classifyMember(const CXXMemberCallExpr &Member) {
  const CXXMethodDecl *Method = Member.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return {};
  StringRef Name = Method->getName();
  const Expr *Object = Member.getImplicitObjectArgument();
  if (Name == "is_absolute" || Name == "has_root_path" ||
      Name == "has_root_directory")
    return {PathFact::IsAbsolute, Object, nullptr, true};
  if (Name == "is_relative")
    return {PathFact::IsAbsolute, Object, nullptr, false};
  if (Name == "contains" && Member.getNumArgs() == 1) {
    if (isDotDotLiteral(Member.getArg(0)))
      return {PathFact::HasDotDot, Object, nullptr, true};
    if (isSlashLiteral(Member.getArg(0)))
      return {PathFact::HasSlash, Object, nullptr, true};
  }
  if (Name == "starts_with" && Member.getNumArgs() == 1)
    return prefixTest(Object, Member.getArg(0), true);
  return {};
}

} // namespace

PathPredicate classifyPathPredicate(const Expr *E, const TaintModel &Model) {
  E = stripValueWrappers(E);
  if (const auto *Op = dyn_cast<BinaryOperator>(E))
    if (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)
      return classifyComparison(Op->getLHS(), Op->getRHS(),
                                Op->getOpcode() == BO_EQ);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if ((Op->getOperator() == OO_EqualEqual ||
         Op->getOperator() == OO_ExclaimEqual) &&
        Op->getNumArgs() == 2)
      return classifyComparison(Op->getArg(0), Op->getArg(1),
                                Op->getOperator() == OO_EqualEqual);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return classifyMember(*Member);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return {};
  CallModel M = Model.classify(*Call);
  if (M.Effect == CallEffect::SanitizerPredicate && Call->getNumArgs() >= 1)
    return {PathFact::Safe, Call->getArg(0), nullptr, true};
  // if (strstr(s, "..")), if (strchr(s, '/'))
  if (PathPredicate P = cStringSearch(Call); P.Fact != PathFact::None)
    return P;
  // if (strncmp(resolved, base, n)): true when they differ.
  if (const CallExpr *Compare = prefixComparison(Call))
    return {PathFact::InsideBase, Compare->getArg(0), Compare->getArg(1),
            false};
  return componentAlgorithm(*Call);
}

namespace {

/// True if \p S never completes normally: it returns, throws or calls a
/// function that does not return.
bool alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && alwaysExits(Block->body_back());
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  E = stripValueWrappers(E);
  if (isa<CXXThrowExpr>(E))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isNoReturn();
  return false;
}

/// True if \p S may skip the rest of a loop body (a `continue` of the
/// loop, not of one nested in it).
bool mayContinue(const Stmt *S) {
  if (!S || isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(S))
    return false;
  if (isa<ContinueStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (mayContinue(Child))
      return true;
  return false;
}

/// The component \p Atom compares \p Var with: `c == ".."`,
/// `c.string() == "/"`.
void noteComponentTest(const Expr *Atom, const VarDecl &Var,
                       ComponentLoop &Loop) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(stripValueWrappers(Atom));
  if (!Op || Op->getOperator() != OO_EqualEqual || Op->getNumArgs() != 2)
    return;
  for (int Swap = 0; Swap < 2; ++Swap) {
    const Expr *Side = stripValueWrappers(Op->getArg(Swap));
    while (const auto *Accessor = dyn_cast<CXXMemberCallExpr>(Side)) {
      const CXXMethodDecl *Method = Accessor->getMethodDecl();
      if (!Method || !TaintModel::isTextAccessor(*Method))
        break;
      Side = stripValueWrappers(Accessor->getImplicitObjectArgument());
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(Side);
    if (!Ref || Ref->getDecl() != &Var)
      continue;
    const Expr *Other = Op->getArg(1 - Swap);
    Loop.RejectsDotDot |= isDotDotComponent(Other);
    Loop.RejectsRoot |= isSlashLiteral(Other);
  }
}

/// The atoms of the disjunction \p Cond: each one alone makes it true.
void disjuncts(const Expr *Cond, llvm::SmallVectorImpl<const Expr *> &Out) {
  Cond = stripValueWrappers(Cond);
  if (const auto *Or = dyn_cast<BinaryOperator>(Cond);
      Or && Or->getOpcode() == BO_LOr) {
    disjuncts(Or->getLHS(), Out);
    disjuncts(Or->getRHS(), Out);
    return;
  }
  Out.push_back(Cond);
}

} // namespace

std::optional<ComponentLoop> componentLoop(const CXXForRangeStmt &Loop) {
  const VarDecl *Var = Loop.getLoopVariable();
  const Stmt *Body = Loop.getBody();
  if (!Var || !Body || !Loop.getRangeInit())
    return std::nullopt;
  ComponentLoop Result;
  Result.Range = Loop.getRangeInit();
  llvm::ArrayRef<Stmt *> Statements;
  Stmt *Single = const_cast<Stmt *>(Body);
  if (const auto *Block = dyn_cast<CompoundStmt>(Body))
    Statements = {Block->body_begin(), Block->size()};
  else
    Statements = Single;
  // Only tests every iteration reaches count: the top-level statements of
  // the body up to the first that may `continue`.
  for (const Stmt *S : Statements) {
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && !If->getInit() && !If->getConditionVariable() &&
        alwaysExits(If->getThen())) {
      llvm::SmallVector<const Expr *, 2> Atoms;
      disjuncts(If->getCond(), Atoms);
      for (const Expr *Atom : Atoms)
        noteComponentTest(Atom, *Var, Result);
    }
    if (mayContinue(S))
      break;
  }
  if (!Result.RejectsDotDot && !Result.RejectsRoot)
    return std::nullopt;
  return Result;
}

bool replacesOnAbsolute(const Expr &Join) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Join))
    return Op->getOperator() == OO_Slash || Op->getOperator() == OO_SlashEqual;
  const auto *Append = memberCall(&Join, "append");
  if (!Append)
    return false;
  const CXXRecordDecl *Class = Append->getRecordDecl();
  return Class && Class->getIdentifier() && Class->getName() == "path" &&
         isInStdOrNested(*Class);
}

bool hasLiteralPrefix(const Expr *Format, char Placeholder) {
  const StringLiteral *Literal = stringLiteral(Format);
  return Literal && !Literal->getString().empty() &&
         Literal->getString().front() != Placeholder;
}

const Expr *relativeOrigin(const Expr *Relative) {
  Relative = stripValueWrappers(Relative);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Relative))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->getInit() && !isa<ParmVarDecl>(Var))
      Relative = stripValueWrappers(Var->getInit());
  // `fs::path rel(full.lexically_relative(base))` and copies.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Relative);
      Construct && Construct->getNumArgs() == 1)
    Relative = stripValueWrappers(Construct->getArg(0));
  if (const CXXMemberCallExpr *Call = memberCall(Relative, "lexically_relative"))
    return Call->getImplicitObjectArgument();
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Relative);
      Call && Call->getNumArgs() >= 1 &&
      freeFunctionName(*Call) == "relative" &&
      isInStdOrNested(*Call->getDirectCallee()))
    return Call->getArg(0);
  return nullptr;
}

} // namespace clang::tidy::prodready
