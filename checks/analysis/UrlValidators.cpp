//===--- UrlValidators.cpp - prodready ------------------------------------===//
//
// Recognizes the URL validations of UrlValidators.h in conditions, and
// follows a tested part back to the URLs it was taken from.
//
//===----------------------------------------------------------------------===//

#include "UrlValidators.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

/// The string literal \p E is, also when converted to a std::string or a
/// string_view.
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

/// Text: a string, a string view, characters (not `npos`, not a size).
bool isTextType(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType() || Type->isArrayType())
    return Type->getPointeeOrArrayElementType()->isAnyCharacterType();
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         (Record->getName() == "basic_string" ||
          Record->getName() == "basic_string_view");
}

/// A constant the program compares a value with: a literal, or a variable
/// that is const (`kAllowedHost`, `constexpr std::string_view kScheme`).
bool isConstantText(const Expr *E) {
  if (stringLiteral(E))
    return true;
  E = stripValueWrappers(E);
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1) {
      E = stripValueWrappers(Construct->getArg(0));
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->getType().isConstQualified() && Var->getInit() &&
           isTextType(Var->getType());
  }
  return false;
}

/// A prefix that fixes a scheme: `https://`, `https:`, `http`, or a scheme
/// and a host (`https://api.example.com/`). `/` or `..` is a path test.
bool isSchemePrefix(const Expr *Prefix) {
  const StringLiteral *Literal = stringLiteral(Prefix);
  if (!Literal)
    return false;
  llvm::StringRef Text = Literal->getString();
  if (Text.empty() || !llvm::isAlpha(Text.front()))
    return false;
  size_t SchemeEnd = Text.find_first_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
  if (SchemeEnd == llvm::StringRef::npos)
    return Text.size() >= 3; // `http`, `ftp`: the scheme's start.
  return Text[SchemeEnd] == ':';
}

/// A prefix of a URL compared: a scheme literal, or text the program holds
/// (`url.rfind(allowed_base, 0) == 0`, a base URL it chose).
bool isUrlPrefix(const Expr *Prefix) {
  if (const StringLiteral *Literal = stringLiteral(Prefix))
    return isSchemePrefix(Literal);
  // A character (`starts_with('/')`) or a number is no URL prefix.
  const Expr *E = Prefix ? stripValueWrappers(Prefix) : nullptr;
  return E && !isa<CharacterLiteral, IntegerLiteral>(E) &&
         isTextType(E->getType());
}

bool isZero(const Expr *E) {
  const auto *Literal =
      dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(E));
  return Literal && Literal->getValue() == 0;
}

const CXXMemberCallExpr *memberCall(const Expr *E, llvm::StringRef Name) {
  const auto *Call =
      dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(E));
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Method->getName() != Name)
    return nullptr;
  return Call;
}

/// The name of a free (C, std or other namespace) function \p E calls.
llvm::StringRef freeCallName(const Expr *E, const CallExpr *&Call) {
  Call = dyn_cast_or_null<CallExpr>(stripValueWrappers(E));
  if (!Call || isa<CXXMemberCallExpr>(Call) || isa<CXXOperatorCallExpr>(Call))
    return "";
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

/// `x.end()` or `std::end(x)`: the end of a container.
bool isEnd(const Expr *E) {
  if (memberCall(E, "end") || memberCall(E, "cend"))
    return true;
  const CallExpr *Call = nullptr;
  llvm::StringRef Name = freeCallName(E, Call);
  return Name == "end" || Name == "cend";
}

/// True if \p Call is a member of std::string or std::string_view: its
/// find and contains search text, they do not test membership.
bool isStringMember(const CXXMemberCallExpr &Call) {
  QualType Object = Call.getImplicitObjectArgument()->getType();
  if (Object->isPointerType())
    Object = Object->getPointeeType();
  const CXXRecordDecl *Record =
      Object.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         (Record->getName() == "basic_string" ||
          Record->getName() == "basic_string_view");
}

/// `allowed.find(host)` (or `std::find(b, e, host)`): the searched value.
const Expr *containerFind(const Expr *E) {
  if (const CXXMemberCallExpr *Find = memberCall(E, "find");
      Find && Find->getNumArgs() == 1)
    return isStringMember(*Find) ? nullptr : Find->getArg(0);
  const CallExpr *Call = nullptr;
  if (freeCallName(E, Call) == "find" && Call->getNumArgs() == 3 &&
      isInStdOrNested(*Call->getDirectCallee()))
    return Call->getArg(2);
  return nullptr;
}

/// `a == b` (or `!=`, or `strcmp(a, b) == 0`) with a constant on one side:
/// the other side, when it holds.
std::optional<UrlTest> equalityWithConstant(const Expr *L, const Expr *R,
                                            bool IsEqual) {
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R))
    if (isConstantText(R) && !isConstantText(L))
      return UrlTest{L, IsEqual};
  return std::nullopt;
}

/// A prefix test of \p Object against \p Prefix.
std::optional<UrlTest> prefixTest(const Expr *Object, const Expr *Prefix,
                                  bool Positive) {
  if (!isUrlPrefix(Prefix))
    return std::nullopt;
  return UrlTest{Object, Positive};
}

std::optional<UrlTest> classifyComparison(const Expr *L, const Expr *R,
                                          bool IsEqual) {
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(L, R)) {
    if (isZero(R)) {
      // url.rfind("https://", 0) == 0, url.find("https://") == 0
      if (const CXXMemberCallExpr *RFind = memberCall(L, "rfind");
          RFind && RFind->getNumArgs() == 2 && isZero(RFind->getArg(1)))
        return prefixTest(RFind->getImplicitObjectArgument(),
                          RFind->getArg(0), IsEqual);
      if (const CXXMemberCallExpr *Find = memberCall(L, "find");
          Find && Find->getNumArgs() >= 1 && !containerFind(L))
        return prefixTest(Find->getImplicitObjectArgument(), Find->getArg(0),
                          IsEqual);
      // url.compare(0, 8, "https://") == 0, host.compare("x") == 0
      if (const CXXMemberCallExpr *Compare = memberCall(L, "compare")) {
        if (Compare->getNumArgs() == 3 && isZero(Compare->getArg(0)))
          return prefixTest(Compare->getImplicitObjectArgument(),
                            Compare->getArg(2), IsEqual);
        if (Compare->getNumArgs() == 1)
          return equalityWithConstant(Compare->getImplicitObjectArgument(),
                                      Compare->getArg(0), IsEqual);
      }
      // strncmp(url, "https://", 8) == 0, strcmp(host, "x") == 0
      const CallExpr *Call = nullptr;
      llvm::StringRef Name = freeCallName(L, Call);
      if ((Name == "strncmp" || Name == "strncasecmp" || Name == "memcmp") &&
          Call->getNumArgs() == 3)
        for (int Side = 0; Side < 2; ++Side)
          if (isSchemePrefix(Call->getArg(1 - Side)))
            return UrlTest{Call->getArg(Side), IsEqual};
      if ((Name == "strcmp" || Name == "strcasecmp") && Call->getNumArgs() == 2)
        return equalityWithConstant(Call->getArg(0), Call->getArg(1), IsEqual);
      // allowed.count(host) == 0: not found when it holds.
      if (const CXXMemberCallExpr *Count = memberCall(L, "count");
          Count && Count->getNumArgs() == 1)
        return UrlTest{Count->getArg(0), !IsEqual};
    }
    // allowed.find(host) != allowed.end()
    if (isEnd(R))
      if (const Expr *Searched = containerFind(L))
        return UrlTest{Searched, !IsEqual};
    // host == "api.example.com", url.substr(0, 8) == "https://"
    if (isConstantText(R) && !isConstantText(L)) {
      if (const CXXMemberCallExpr *Prefix = memberCall(L, "substr");
          Prefix && Prefix->getNumArgs() >= 1 && isZero(Prefix->getArg(0)) &&
          !isSchemePrefix(R))
        return std::nullopt; // The first characters, not a scheme.
      return UrlTest{L, IsEqual};
    }
  }
  return std::nullopt;
}

/// `allowed.count(host) > 0`, `>= 1`: found when it holds.
std::optional<UrlTest> classifyCountOrdering(const BinaryOperator &Op) {
  const CXXMemberCallExpr *Count = memberCall(Op.getLHS(), "count");
  if (!Count || Count->getNumArgs() != 1)
    return std::nullopt;
  const auto *Bound =
      dyn_cast<IntegerLiteral>(stripValueWrappers(Op.getRHS()));
  if (!Bound)
    return std::nullopt;
  uint64_t Value = Bound->getValue().getZExtValue();
  if ((Op.getOpcode() == BO_GT && Value == 0) ||
      (Op.getOpcode() == BO_GE && Value == 1))
    return UrlTest{Count->getArg(0), true};
  return std::nullopt;
}

std::optional<UrlTest> classifyMember(const CXXMemberCallExpr &Member) {
  const CXXMethodDecl *Method = Member.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = Method->getName();
  const Expr *Object = Member.getImplicitObjectArgument();
  if ((Name == "starts_with" || Name == "startsWith") &&
      Member.getNumArgs() == 1)
    return prefixTest(Object, Member.getArg(0), true);
  // allowed.count(host), allowed.contains(host): a bare membership test.
  // A string's contains is a substring search.
  if ((Name == "count" || Name == "contains") && Member.getNumArgs() == 1 &&
      !isStringMember(Member) && !stringLiteral(Member.getArg(0)))
    return UrlTest{Member.getArg(0), true};
  return std::nullopt;
}

std::optional<UrlTest> classifyCall(const CallExpr &Call,
                                    const TaintModel &Model) {
  if (Model.classify(Call).Effect == CallEffect::SanitizerPredicate &&
      Call.getNumArgs() >= 1)
    return UrlTest{Call.getArg(0), true};
  const CallExpr *Free = nullptr;
  llvm::StringRef Name = freeCallName(&Call, Free);
  if (!Free)
    return std::nullopt;
  // boost::algorithm::starts_with(url, "https://"), absl::StartsWith.
  if ((Name == "starts_with" || Name == "istarts_with" ||
       Name == "StartsWith" || Name == "StartsWithIgnoreCase") &&
      Call.getNumArgs() == 2)
    return prefixTest(Call.getArg(0), Call.getArg(1), true);
  if (Name == "regex_match" && Call.getNumArgs() >= 2 &&
      isInStdOrNested(*Call.getDirectCallee()))
    return UrlTest{Call.getArg(0), true};
  // if (strncmp(url, "https://", 8)): true when they differ.
  if ((Name == "strncmp" || Name == "strncasecmp") && Call.getNumArgs() == 3)
    for (int Side = 0; Side < 2; ++Side)
      if (isSchemePrefix(Call.getArg(1 - Side)))
        return UrlTest{Call.getArg(Side), false};
  if ((Name == "strcmp" || Name == "strcasecmp") && Call.getNumArgs() == 2)
    return equalityWithConstant(Call.getArg(0), Call.getArg(1), false);
  // std::any_of(allowed.begin(), allowed.end(), ...) is too loose to read.
  return std::nullopt;
}

} // namespace

std::string curlConstantName(const Expr *E) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  if (!Ref || !isa<EnumConstantDecl>(Ref->getDecl()))
    return "";
  return Ref->getDecl()->getNameAsString();
}

std::optional<UrlTest> classifyUrlTest(const Expr *Atom,
                                       const TaintModel &Model) {
  Atom = stripValueWrappers(Atom);
  if (const auto *Op = dyn_cast<BinaryOperator>(Atom)) {
    if (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)
      return classifyComparison(Op->getLHS(), Op->getRHS(),
                                Op->getOpcode() == BO_EQ);
    if (Op->getOpcode() == BO_GT || Op->getOpcode() == BO_GE)
      return classifyCountOrdering(*Op);
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Atom)) {
    if ((Op->getOperator() == OO_EqualEqual ||
         Op->getOperator() == OO_ExclaimEqual) &&
        Op->getNumArgs() == 2)
      return classifyComparison(Op->getArg(0), Op->getArg(1),
                                Op->getOperator() == OO_EqualEqual);
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Atom))
    return classifyMember(*Member);
  if (const auto *Call = dyn_cast<CallExpr>(Atom))
    return classifyCall(*Call, Model);
  return std::nullopt;
}

namespace {

/// The variable or field a tested expression is a part of: `host`,
/// `parsed` for `parsed->host()`, `url` for `url.substr(0, 8)` or
/// `url.c_str()`, `u` for `*u`.
const Expr *testedLocation(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValueWrappers(E);
    if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
      return E;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      E = Member->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() >= 1 &&
        (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star)) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Deref = dyn_cast<UnaryOperator>(E);
        Deref && (Deref->getOpcode() == UO_Deref ||
                  Deref->getOpcode() == UO_AddrOf)) {
      E = Deref->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1) {
      E = Construct->getArg(0);
      continue;
    }
    // host_of(url): a part computed from one value.
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const Expr *Only = nullptr;
      for (const Expr *Arg : Call->arguments()) {
        if (isa<StringLiteral>(stripValueWrappers(Arg)) ||
            isa<CXXDefaultArgExpr>(Arg))
          continue;
        if (Only)
          return nullptr;
        Only = Arg;
      }
      E = Only;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
      E ? stripValueWrappers(E)->IgnoreParenImpCasts() : nullptr);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && !Var->hasGlobalStorage() ? Var : nullptr;
}

/// Adds the local variables \p E reads.
void readVariables(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && !Var->hasGlobalStorage())
      Out.push_back(Ref);
    return;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(S);
      Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())) {
    Out.push_back(Member);
    return;
  }
  for (const Stmt *Child : S->children())
    readVariables(Child, Out);
}

/// `curl_url_get(u, CURLUPART_HOST, &host, 0)` writes `&host`: strip the
/// address-of so that the variable is found.
const Expr *withoutAddressOf(const Expr *E) {
  E = stripValueWrappers(E);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    return AddrOf->getSubExpr();
  return E;
}

/// The `curl_url_get(u, part, &Var, ...)` and `curl_url_set(u,
/// CURLUPART_URL, text, ...)` calls of \p Body about \p Var: what the
/// variable was taken from.
void curlUrlSources(const Stmt *S, const VarDecl &Var,
                    llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Call->getNumArgs() >= 3) {
      llvm::StringRef Name = Callee->getName();
      if (Name == "curl_url_get" &&
          localVariable(withoutAddressOf(Call->getArg(2))) == &Var)
        Out.push_back(Call->getArg(0));
      else if (Name == "curl_url_set" && localVariable(Call->getArg(0)) == &Var &&
               curlConstantName(Call->getArg(1)) == "CURLUPART_URL")
        Out.push_back(Call->getArg(2));
    }
  }
  for (const Stmt *Child : S->children())
    curlUrlSources(Child, Var, Out);
}

} // namespace

void urlOrigins(const Expr *Subject, const Stmt *Body,
                llvm::SmallVectorImpl<const Expr *> &Out) {
  constexpr unsigned MaxOrigins = 8;
  llvm::SmallVector<const Expr *, 4> Work;
  if (const Expr *Start = testedLocation(Subject))
    Work.push_back(Start);
  llvm::SmallPtrSet<const Decl *, 8> Seen;
  while (!Work.empty() && Out.size() < MaxOrigins) {
    const Expr *E = Work.pop_back_val();
    Out.push_back(E);
    const VarDecl *Var = localVariable(E);
    if (!Var || !Seen.insert(Var).second || isa<ParmVarDecl>(Var))
      continue;
    llvm::SmallVector<const Expr *, 4> From;
    // `std::string host = host_of(url);`, `auto parsed = parse_uri(url);`
    if (const Expr *Init = Var->getInit())
      readVariables(Init, From);
    curlUrlSources(Body, *Var, From);
    for (const Expr *Origin : From)
      if (const Expr *Location = testedLocation(withoutAddressOf(Origin)))
        Work.push_back(Location);
  }
}

} // namespace clang::tidy::prodready
