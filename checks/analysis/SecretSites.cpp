//===--- SecretSites.cpp - prodready --------------------------------------===//

#include "SecretSites.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/LiteralSupport.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::prodready {

using secrets::classifyName;
using secrets::classifyValue;
using secrets::Evidence;
using secrets::SecretKind;
using secrets::ValueClass;
using Rule = SecretSite::Rule;

namespace {

/// The name a destination expression stands for: `pw`, `cfg.password`,
/// `this->token_`, `p->secret`.
const NamedDecl *destinationDecl(const Expr &Lhs) {
  const Expr *E = Lhs.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

llvm::StringRef nameOf(const NamedDecl *D) {
  return D && D->getIdentifier() ? D->getName() : "";
}

/// The name of what a call runs, for messages: a function's name, a
/// constructor's class.
std::string calleeName(const FunctionDecl &Callee) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Callee))
    return Ctor->getParent()->getNameAsString();
  return Callee.getNameAsString();
}

/// The option a curl_easy_setopt call sets. In C, libcurl's type-checking
/// macro passes it through a local (`CURLoption _curl_opt = (option);`).
llvm::StringRef curlOptionName(const Expr *Option) {
  for (unsigned Depth = 0; Option && Depth < 2; ++Depth) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Option->IgnoreParenImpCasts());
    if (!Ref)
      return "";
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return nameOf(Ref->getDecl());
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    Option = Var && Var->isLocalVarDecl() ? Var->getInit() : nullptr;
  }
  return "";
}

/// A record the pair rule applies to: `std::pair` (map initializers) and
/// JSON values (`{"password", "…"}` in an nlohmann::json object).
bool isKeyValueRecord(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  llvm::StringRef Name = Record->getName();
  return (Name == "pair" && Record->isInStdNamespace()) ||
         Name == "basic_json" || Name == "json_ref";
}

bool isStringLikeRecord(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && Record->isInStdNamespace() &&
         (Record->getName() == "basic_string" ||
          Record->getName() == "basic_string_view");
}

/// The integer value of \p E when it is an integer literal (through casts
/// and a unary minus), as bytes of a key are written.
std::optional<llvm::APInt> integerLiteralValue(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *Literal = dyn_cast<IntegerLiteral>(E))
    return Literal->getValue();
  if (const auto *Char = dyn_cast<CharacterLiteral>(E))
    return llvm::APInt(32, Char->getValue());
  return std::nullopt;
}

/// Finds writes to one variable in a function body.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  explicit WriteFinder(const VarDecl &Var) : Var(Var) {}
  bool Found = false;

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp() && refersToVar(Op->getLHS()))
      Found = true;
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->isIncrementDecrementOp() && refersToVar(Op->getSubExpr()))
      Found = true;
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->isAssignmentOp() && Call->getNumArgs() > 0 &&
        refersToVar(Call->getArg(0)))
      Found = true;
    return !Found;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (!refersToVar(Call->getArg(I)))
        continue;
      // A parameter that may write what it points to: a pointer or
      // reference to non-const, or a variadic (unknown) one.
      const ParmVarDecl *Param = Callee && I < Callee->getNumParams()
                                     ? Callee->getParamDecl(I)
                                     : nullptr;
      QualType Type = Param ? Param->getType() : QualType();
      bool ReadOnly = !Type.isNull() &&
                      ((Type->isPointerType() &&
                        Type->getPointeeType().isConstQualified()) ||
                       (Type->isReferenceType() &&
                        Type.getNonReferenceType().isConstQualified()) ||
                       (!Type->isPointerType() && !Type->isReferenceType()));
      if (!ReadOnly)
        Found = true;
    }
    return !Found;
  }
  bool VisitDeclStmt(DeclStmt *S) {
    // `unsigned char *p = key;` makes an alias that may write it.
    for (const Decl *D : S->decls())
      if (const auto *Alias = dyn_cast<VarDecl>(D))
        if (Alias->getInit() && refersToVar(Alias->getInit()) &&
            Alias->getType()->isPointerType() &&
            !Alias->getType()->getPointeeType().isConstQualified())
          Found = true;
    return !Found;
  }

private:
  /// \p E designates the variable or an element or member of it.
  bool refersToVar(const Expr *E) const {
    while (E) {
      E = E->IgnoreParenCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        return Ref->getDecl() == &Var;
      if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
        E = Subscript->getBase();
      else if (const auto *Member = dyn_cast<MemberExpr>(E))
        E = Member->getBase();
      else if (const auto *Unary = dyn_cast<UnaryOperator>(E);
               Unary && (Unary->getOpcode() == UO_Deref ||
                         Unary->getOpcode() == UO_AddrOf))
        E = Unary->getSubExpr();
      else
        return false;
    }
    return false;
  }

  const VarDecl &Var;
};

} // namespace

bool SecretSites::needsConstant(const VarDecl &Var) const {
  // C initializes statics before the program runs: constants only.
  return Var.isConstexpr() || Var.hasAttr<ConstInitAttr>() ||
         (!Ctx.getLangOpts().CPlusPlus && Var.hasGlobalStorage());
}

const StringLiteral *SecretSites::asStringLiteral(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValueWrappers(E);
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal->isOrdinary() || Literal->isUTF8() ? Literal : nullptr;
    if (const auto *Udl = dyn_cast<UserDefinedLiteral>(E)) {
      // Only a string literal operator has a cooked string argument (a
      // template operator, `"…"_cf`, has no argument at all).
      if (Udl->getLiteralOperatorKind() != UserDefinedLiteral::LOK_String)
        return nullptr;
      E = Udl->getCookedLiteral();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      // `std::string s = "x"`, `std::string("x")`, `std::string{"x"}`: a
      // conversion from the literal, other parameters defaulted. An
      // explicit constructor of another class makes something else of it
      // (`pqxx::connection c{"host=…"}`).
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (!Ctor ||
          (Ctor->isExplicit() && !llvm::StringRef(Ctor->getParent()->getName())
                                      .contains_insensitive("string")) ||
          Construct->getNumArgs() == 0 ||
          !llvm::all_of(
              llvm::drop_begin(Construct->arguments()),
              [](const Expr *Arg) { return isa<CXXDefaultArgExpr>(Arg); }))
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *List = dyn_cast<InitListExpr>(E)) {
      // `const char *p{"x"}`: a scalar in braces.
      if (List->getNumInits() != 1 || !List->getType()->isPointerType())
        return nullptr;
      E = List->getInit(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

llvm::StringRef siteValue(const SecretSite &Site) {
  if (const auto *Literal = dyn_cast_or_null<StringLiteral>(Site.Value))
    return Literal->getString();
  return "";
}

void SecretSites::collect(const Stmt &S, const Decl *Unit,
                          llvm::SmallVectorImpl<SecretSite> &Out) {
  switch (S.getStmtClass()) {
  case Stmt::StringLiteralClass:
    if (const StringLiteral *Literal = asStringLiteral(cast<Expr>(&S)))
      collectFormat(*Literal, Out);
    return;
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S).decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
        collectNamed(nameOf(Var), Var->getInit(), Rule::Named, Var->getType(),
                     needsConstant(*Var), Out);
    return;
  case Stmt::BinaryOperatorClass: {
    const auto &Op = cast<BinaryOperator>(S);
    if (Op.getOpcode() == BO_Assign)
      collectAssignment(*Op.getLHS(), *Op.getRHS(), Out);
    return;
  }
  case Stmt::CXXOperatorCallExprClass: {
    const auto &Call = cast<CXXOperatorCallExpr>(S);
    if (Call.getOperator() == OO_Equal && Call.getNumArgs() == 2)
      collectAssignment(*Call.getArg(0), *Call.getArg(1), Out);
    return;
  }
  case Stmt::CallExprClass:
  case Stmt::CXXMemberCallExprClass:
    collectCall(cast<CallExpr>(S), Unit, Out);
    return;
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass:
    collectConstruct(cast<CXXConstructExpr>(S), Out);
    return;
  case Stmt::InitListExprClass:
    collectInitList(cast<InitListExpr>(S), Out);
    return;
  case Stmt::ReturnStmtClass: {
    const auto *Function = dyn_cast_or_null<FunctionDecl>(Unit);
    const Expr *Value = cast<ReturnStmt>(S).getRetValue();
    // Lambdas (operator()) and conversion functions have no telling name.
    if (!Function || !Value || !Function->getIdentifier())
      return;
    // `const char *password() { return "password"; }` names a field of a
    // serializer; it does not hand out a default password.
    if (const StringLiteral *Literal = asStringLiteral(Value);
        Literal && secrets::namesSecret(Literal->getString()))
      return;
    collectNamed(Function->getName(), Value, Rule::Returned, QualType(), false,
                 Out);
    return;
  }
  default:
    return;
  }
}

void SecretSites::collectUnit(const Decl &Unit,
                              llvm::SmallVectorImpl<SecretSite> &Out) {
  if (const auto *Var = dyn_cast<VarDecl>(&Unit)) {
    if (Var->getInit())
      collectNamed(nameOf(Var), Var->getInit(), Rule::Named, Var->getType(),
                   needsConstant(*Var), Out);
    return;
  }
  if (const auto *Field = dyn_cast<FieldDecl>(&Unit)) {
    if (const Expr *Init = Field->getInClassInitializer())
      collectNamed(nameOf(Field), Init, Rule::Named, Field->getType(), false,
                   Out);
    return;
  }
  const auto *Function = dyn_cast<FunctionDecl>(&Unit);
  if (!Function)
    return;
  for (const ParmVarDecl *Param : Function->parameters())
    if (Param->hasDefaultArg() && !Param->hasUnparsedDefaultArg() &&
        !Param->hasUninstantiatedDefaultArg())
      collectNamed(nameOf(Param), Param->getDefaultArg(), Rule::DefaultArgument,
                   Param->getType(), false, Out);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getMember())
        collectNamed(nameOf(Init->getMember()), Init->getInit(), Rule::Named,
                     Init->getMember()->getType(), false, Out);
}

void SecretSites::collectFormat(const StringLiteral &Literal,
                                llvm::SmallVectorImpl<SecretSite> &Out) {
  if (std::optional<llvm::StringRef> Format =
          secrets::matchCredentialFormat(Literal.getString())) {
    SecretSite Site;
    Site.Kind = Rule::Format;
    Site.Value = &Literal;
    Site.Format = *Format;
    Out.push_back(Site);
  }
}

void SecretSites::collectNamed(llvm::StringRef Name, const Expr *Init,
                               Rule Kind, QualType Destination,
                               bool NeedsConstant,
                               llvm::SmallVectorImpl<SecretSite> &Out) {
  const StringLiteral *Literal = asStringLiteral(Init);
  if (!Literal || Name.empty())
    return;
  llvm::StringRef Value = Literal->getString();
  // The format says more than the name: it is reported as such (here or
  // when the literal itself is visited, whichever comes first).
  if (secrets::matchCredentialFormat(Value))
    return collectFormat(*Literal, Out);
  std::optional<secrets::SecretName> Secret = classifyName(Name);
  if (!Secret ||
      classifyValue(Value, Evidence::Name, Secret->NeedsGeneratedValue, Name) !=
          ValueClass::Plausible)
    return;
  SecretSite Site;
  Site.Kind = Kind;
  Site.Secret = Secret->Kind;
  Site.Value = Literal;
  Site.Name = Name.str();
  Site.Destination = Destination;
  Site.NeedsConstant = NeedsConstant;
  Out.push_back(Site);
}

void SecretSites::collectAssignment(const Expr &Lhs, const Expr &Rhs,
                                    llvm::SmallVectorImpl<SecretSite> &Out) {
  const Expr *Target = Lhs.IgnoreParenImpCasts();
  // cfg["password"] = "…"
  if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Target);
      Subscript && Subscript->getOperator() == OO_Subscript &&
      Subscript->getNumArgs() == 2)
    return collectKeyedValue(*Subscript->getArg(1), Rhs, Out);
  if (const NamedDecl *D = destinationDecl(Lhs)) {
    QualType Type;
    if (const auto *Value = dyn_cast<ValueDecl>(D))
      Type = Value->getType();
    collectNamed(nameOf(D), &Rhs, Rule::Named, Type, false, Out);
  }
}

void SecretSites::collectKeyedValue(const Expr &Key, const Expr &Value,
                                    llvm::SmallVectorImpl<SecretSite> &Out) {
  const StringLiteral *KeyLiteral = asStringLiteral(&Key);
  const StringLiteral *Literal = asStringLiteral(&Value);
  if (!KeyLiteral || !Literal)
    return;
  llvm::StringRef Text = Literal->getString();
  if (secrets::matchCredentialFormat(Text))
    return collectFormat(*Literal, Out);
  std::optional<secrets::SecretName> Secret =
      classifyName(KeyLiteral->getString());
  // In a table, a value that is itself a secret's name is an alias
  // (`{"passwd", "password"}`), and a plain word more often a translation
  // (`{"accesstoken", "access"}`) than a default password.
  if (!Secret || secrets::namesSecret(Text) || secrets::isPlainWord(Text) ||
      classifyValue(Text, Evidence::Name, Secret->NeedsGeneratedValue) !=
          ValueClass::Plausible)
    return;
  SecretSite Site;
  Site.Kind = Rule::KeyedValue;
  Site.Secret = Secret->Kind;
  Site.Value = Literal;
  Site.Name = KeyLiteral->getString().str();
  Out.push_back(Site);
}

void SecretSites::collectInitList(const InitListExpr &List,
                                  llvm::SmallVectorImpl<SecretSite> &Out) {
  const InitListExpr *Semantic =
      List.isSemanticForm() ? &List : List.getSemanticForm();
  if (!Semantic)
    return;
  QualType Type = Semantic->getType();
  // A nested `{"password", "…"}` that constructs a pair or a JSON value is
  // left untyped (void) in the syntactic form the scanner visits; its
  // constructor call is only in the semantic form.
  if (isKeyValueRecord(Type) || Type->isVoidType()) {
    if (Semantic->getNumInits() == 2)
      collectKeyedValue(*Semantic->getInit(0), *Semantic->getInit(1), Out);
    return;
  }
  // An aggregate: each initializer to its field, designated or in order
  // (bases first, in C++17 aggregates).
  const RecordDecl *Record = Type->getAsRecordDecl();
  if (!Record || !Record->getDefinition())
    return;
  if (const FieldDecl *Field = Semantic->getInitializedFieldInUnion()) {
    if (Semantic->getNumInits() == 1)
      collectNamed(nameOf(Field), Semantic->getInit(0), Rule::Named, QualType(),
                   false, Out);
    return;
  }
  unsigned Index = 0;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
    Index = Class->getNumBases();
  for (const FieldDecl *Field : Record->fields()) {
    if (Field->isUnnamedBitField())
      continue;
    if (Index >= Semantic->getNumInits())
      break;
    // No fix: whether the aggregate must be constant (a constexpr or a C
    // static) is the enclosing declaration's business.
    collectNamed(nameOf(Field), Semantic->getInit(Index++), Rule::Named,
                 QualType(), false, Out);
  }
}

void SecretSites::collectCall(const CallExpr &Call, const Decl *Unit,
                              llvm::SmallVectorImpl<SecretSite> &Out) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  llvm::StringRef Name = Callee->getName();
  if (Name == "curl_easy_setopt" && Call.getNumArgs() == 3) {
    llvm::StringRef Option = curlOptionName(Call.getArg(1));
    std::optional<SecretKind> Kind = secrets::curlCredentialOption(Option);
    const StringLiteral *Literal = asStringLiteral(Call.getArg(2));
    if (!Kind || !Literal)
      return;
    llvm::StringRef Value = Literal->getString();
    if (secrets::matchCredentialFormat(Value))
      return collectFormat(*Literal, Out);
    // "user:password": only the password is a secret.
    if (Option.ends_with("USERPWD")) {
      if (!Value.contains(':'))
        return;
      Value = Value.split(':').second;
    }
    if (classifyValue(Value, Evidence::Api) != ValueClass::Plausible)
      return;
    SecretSite Site;
    Site.Kind = Rule::CurlOption;
    Site.Secret = *Kind;
    Site.Value = Literal;
    Site.Name = Option.str();
    Site.Function = Name.str();
    Out.push_back(Site);
    return;
  }
  llvm::SmallVector<const Expr *, 8> Args(Call.arguments());
  // setenv("DB_PASSWORD", "…", 1): the environment, set from the source.
  if ((Name == "setenv" || Name == "_putenv_s") && Args.size() >= 2)
    return collectKeyedValue(*Args[0], *Args[1], Out);
  if (secrets::mayTakeCredential(Name)) {
    std::string Qualified = qualifiedNameWithoutInlineNamespaces(*Callee);
    llvm::ArrayRef<secrets::CredentialParameter> Params =
        secrets::credentialParameters(Qualified);
    for (const secrets::CredentialParameter &Param : Params)
      if (Param.Argument < Args.size())
        collectApiArgument(Param, Args[Param.Argument], calleeName(*Callee),
                           Unit, Out);
    if (!Params.empty())
      return;
  }
  collectParameters(*Callee, Args, Out);
}

void SecretSites::collectConstruct(const CXXConstructExpr &Construct,
                                   llvm::SmallVectorImpl<SecretSite> &Out) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (!Ctor || Construct.getNumArgs() == 0)
    return;
  llvm::SmallVector<const Expr *, 8> Args(Construct.arguments());
  const CXXRecordDecl *Class = Ctor->getParent();
  if (!Class->getIdentifier() ||
      isStringLikeRecord(QualType(Class->getTypeForDecl(), 0)))
    return;
  // std::pair{"password", "…"}, a JSON object's {"password", "…"}.
  if (isKeyValueRecord(QualType(Class->getTypeForDecl(), 0))) {
    if (Args.size() == 2)
      collectKeyedValue(*Args[0], *Args[1], Out);
    return;
  }
  // The qualified name is built only for the few classes that may be a
  // known API's: constructions are everywhere.
  bool MaybeConnection = Class->getName().contains("connection");
  bool MaybeApi = secrets::mayTakeCredential(Class->getName());
  std::string Qualified = MaybeConnection || MaybeApi
                              ? qualifiedNameWithoutInlineNamespaces(*Class)
                              : std::string();
  // pqxx::connection (a basic_connection in libpqxx 6) from a connection
  // string.
  if (MaybeConnection && llvm::StringRef(Qualified).starts_with("pqxx::")) {
    secrets::CredentialParameter Conn{"pqxx::connection", 0,
                                      SecretKind::Password, true};
    collectApiArgument(Conn, Args[0], "pqxx::connection", nullptr, Out);
    return;
  }
  if (MaybeApi) {
    llvm::ArrayRef<secrets::CredentialParameter> Params =
        secrets::credentialParameters(Qualified +
                                      "::" + Class->getNameAsString());
    for (const secrets::CredentialParameter &Param : Params)
      if (Param.Argument < Args.size())
        collectApiArgument(Param, Args[Param.Argument], Qualified, nullptr,
                           Out);
    if (!Params.empty())
      return;
  }
  collectParameters(*Ctor, Args, Out);
}

void SecretSites::collectApiArgument(const secrets::CredentialParameter &Param,
                                     const Expr *Arg, llvm::StringRef Function,
                                     const Decl *Unit,
                                     llvm::SmallVectorImpl<SecretSite> &Out) {
  SecretSite Site;
  Site.Secret = Param.Kind;
  Site.Function = Function.str();
  Site.Kind =
      Param.ConnectionString ? Rule::ConnectionString : Rule::ApiArgument;
  if (Param.KeyBytes) {
    Site.Value = constantKeyBytes(Arg, Unit);
    if (!Site.Value)
      return;
    if (Site.Value != stripValueWrappers(Arg) &&
        !isa<StringLiteral>(stripValueWrappers(Arg)))
      Site.UsedAt = Arg;
  } else {
    Site.Value = asStringLiteral(Arg);
  }
  if (!Site.Value)
    return;
  if (const auto *Literal = dyn_cast<StringLiteral>(Site.Value)) {
    llvm::StringRef Value = Literal->getString();
    if (!Param.ConnectionString && secrets::matchCredentialFormat(Value))
      return collectFormat(*Literal, Out);
    if (Param.ConnectionString
            ? !secrets::connectionStringPassword(Value)
            : classifyValue(Value, Evidence::Api) != ValueClass::Plausible)
      return;
  }
  Out.push_back(Site);
}

void SecretSites::collectParameters(const FunctionDecl &Callee,
                                    llvm::ArrayRef<const Expr *> Args,
                                    llvm::SmallVectorImpl<SecretSite> &Out) {
  unsigned Count = std::min<unsigned>(Args.size(), Callee.getNumParams());
  for (unsigned I = 0; I < Count; ++I) {
    if (isa<CXXDefaultArgExpr>(Args[I]))
      continue;
    const StringLiteral *Literal = asStringLiteral(Args[I]);
    if (!Literal)
      continue;
    size_t Before = Out.size();
    collectNamed(nameOf(Callee.getParamDecl(I)), Args[I], Rule::NamedParameter,
                 QualType(), false, Out);
    for (SecretSite &Site : llvm::drop_begin(Out, Before))
      if (Site.Kind == Rule::NamedParameter)
        Site.Function = calleeName(Callee);
  }
}

const Expr *SecretSites::constantKeyBytes(const Expr *Arg, const Decl *Unit,
                                          unsigned Depth) {
  if (!Arg || Depth > 3)
    return nullptr;
  const Expr *E = stripValueWrappers(Arg);
  if (const StringLiteral *Literal = asStringLiteral(E))
    return Literal;
  // &key[0]
  if (const auto *Address = dyn_cast<UnaryOperator>(E);
      Address && Address->getOpcode() == UO_AddrOf)
    if (const auto *Subscript =
            dyn_cast<ArraySubscriptExpr>(Address->getSubExpr()->IgnoreParens()))
      E = stripValueWrappers(Subscript->getBase());
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->getInit())
    return nullptr;
  QualType Type = Var->getType();
  const Expr *Init = stripValueWrappers(Var->getInit());
  const Expr *Bytes = nullptr;
  bool Constant = false;
  if (Type->isArrayType()) {
    Constant = Ctx.getAsArrayType(Type)->getElementType().isConstQualified();
    if (const StringLiteral *Literal = asStringLiteral(Init))
      Bytes = Literal;
    else if (const auto *List = dyn_cast<InitListExpr>(Init)) {
      // {0x2b, 0x7e, ...}: written out byte by byte, not one value repeated
      // (a zeroed buffer to fill).
      const InitListExpr *Syntactic =
          List->isSyntacticForm() ? List : List->getSyntacticForm();
      std::optional<llvm::APInt> First;
      bool Distinct = false;
      bool AllLiterals = Syntactic && Syntactic->getNumInits() >= 8;
      for (unsigned I = 0; AllLiterals && I < Syntactic->getNumInits(); ++I) {
        std::optional<llvm::APInt> Value =
            integerLiteralValue(Syntactic->getInit(I));
        if (!Value) {
          AllLiterals = false;
          break;
        }
        if (!First)
          First = Value;
        else if (Value->getZExtValue() != First->getZExtValue())
          Distinct = true;
      }
      if (AllLiterals && Distinct)
        Bytes = List;
    }
  } else if (Type->isPointerType()) {
    Constant = Type.isConstQualified();
    Bytes = constantKeyBytes(Init, Unit, Depth + 1);
  }
  if (!Bytes)
    return nullptr;
  if (Constant)
    return Bytes;
  // Not const: only a local no code writes (a global may be written in
  // another function).
  if (!Var->isLocalVarDecl() || !Unit || mayBeWritten(*Var, Unit))
    return nullptr;
  return Bytes;
}

bool SecretSites::mayBeWritten(const VarDecl &Var, const Decl *Unit) {
  auto [It, Inserted] = Written.try_emplace(&Var, true);
  if (!Inserted)
    return It->second;
  const auto *Function = dyn_cast<FunctionDecl>(Unit);
  if (!Function || !Function->getBody())
    return true;
  WriteFinder Finder(Var);
  Finder.TraverseStmt(Function->getBody());
  It = Written.find(&Var);
  It->second = Finder.Found;
  return Finder.Found;
}

void SecretSites::collectMacros(Preprocessor &PP,
                                llvm::SmallVectorImpl<MacroSite> &Out) {
  const SourceManager &SM = PP.getSourceManager();
  for (const auto &Entry : PP.macros(/*IncludeExternalMacros=*/true)) {
    const IdentifierInfo *Name = Entry.first;
    llvm::StringRef Text = Name->getName();
    // Cheap first: most macros are the system's, none names a secret.
    std::string Lower = Text.lower();
    if (!llvm::any_of(
            std::initializer_list<llvm::StringLiteral>{
                "pass", "pwd", "pw", "secret", "token", "key", "cred", "auth",
                "bearer", "psk"},
            [&](llvm::StringLiteral Word) {
              return llvm::StringRef(Lower).contains(Word);
            }))
      continue;
    const MacroInfo *Info = PP.getMacroInfo(Name);
    if (!Info || Info->isFunctionLike() || Info->getNumTokens() == 0)
      continue;
    SourceLocation Loc = Info->getDefinitionLoc();
    if (Loc.isInvalid() || !Loc.isFileID() || SM.isInSystemHeader(Loc) ||
        SM.isWrittenInBuiltinFile(Loc) || SM.isWrittenInCommandLineFile(Loc))
      continue;
    // "literal", "literal" "continued", or ("literal").
    llvm::ArrayRef<Token> Tokens = Info->tokens();
    if (Tokens.size() >= 3 && Tokens.front().is(tok::l_paren) &&
        Tokens.back().is(tok::r_paren))
      Tokens = Tokens.drop_front().drop_back();
    if (Tokens.empty() || !llvm::all_of(Tokens, [](const Token &T) {
          return T.isOneOf(tok::string_literal, tok::utf8_string_literal);
        }))
      continue;
    StringLiteralParser Parser(Tokens, PP);
    if (Parser.hadError)
      continue;
    std::string Value = Parser.GetString().str();
    MacroSite Macro;
    Macro.Loc = Tokens.front().getLocation();
    Macro.Value = Value;
    Macro.Site.Name = Text.str();
    if (std::optional<llvm::StringRef> Format =
            secrets::matchCredentialFormat(Value)) {
      Macro.Site.Kind = Rule::Format;
      Macro.Site.Format = *Format;
      Out.push_back(std::move(Macro));
      continue;
    }
    std::optional<secrets::SecretName> Secret = classifyName(Text);
    if (!Secret ||
        classifyValue(Value, Evidence::Name, Secret->NeedsGeneratedValue,
                      Text) != ValueClass::Plausible)
      continue;
    Macro.Site.Kind = Rule::Macro;
    Macro.Site.Secret = Secret->Kind;
    Out.push_back(std::move(Macro));
  }
}

} // namespace clang::tidy::prodready
