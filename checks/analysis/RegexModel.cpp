//===--- RegexModel.cpp - prodready ---------------------------------------===//

#include "RegexModel.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

/// True if \p D is declared in namespace \p Name (a top-level one, inline
/// and nested namespaces allowed: boost::re_detail, std::__cxx11).
bool isInTopNamespace(const Decl &D, llvm::StringRef Name) {
  const DeclContext *Outermost = nullptr;
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (isa<NamespaceDecl>(Context))
      Outermost = Context;
  const auto *Namespace = dyn_cast_or_null<NamespaceDecl>(Outermost);
  return Namespace && Namespace->getIdentifier() &&
         Namespace->getName() == Name;
}

bool isInXpressive(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
      if (Namespace->getIdentifier() && Namespace->getName() == "xpressive")
        return isInTopNamespace(D, "boost");
  return false;
}

/// The character type a regex class is instantiated for, as the prefix of
/// its usual typedef: "" for char, "w" for wchar_t, "u32" for 32-bit
/// integers (boost::u32regex), std::nullopt for anything else.
std::optional<llvm::StringRef> charPrefix(QualType Char) {
  Char = Char.getCanonicalType().getUnqualifiedType();
  if (Char->isSpecificBuiltinType(BuiltinType::Char_S) ||
      Char->isSpecificBuiltinType(BuiltinType::Char_U))
    return llvm::StringRef("");
  if (Char->isWideCharType())
    return llvm::StringRef("w");
  if (Char->isIntegerType() && !Char->isCharType())
    return llvm::StringRef("u32");
  return std::nullopt;
}

/// xpressive's typedefs: sregex (std::string iterators), cregex (char
/// pointers), and their wide forms.
std::string xpressiveName(QualType Iterator) {
  Iterator = Iterator.getCanonicalType();
  if (const auto *Pointer = Iterator->getAs<PointerType>()) {
    std::optional<llvm::StringRef> Prefix =
        charPrefix(Pointer->getPointeeType());
    if (Prefix && Prefix->size() <= 1)
      return ("boost::xpressive::" + *Prefix + "cregex").str();
  } else if (Iterator->isRecordType()) {
    bool Wide = Iterator.getAsString().find("wchar_t") != std::string::npos;
    return Wide ? "boost::xpressive::wsregex" : "boost::xpressive::sregex";
  }
  return "boost::xpressive::basic_regex";
}

/// The arguments of a call as written: default arguments left out.
template <typename Range>
llvm::SmallVector<const Expr *, 3> writtenArguments(Range Args) {
  llvm::SmallVector<const Expr *, 3> Written;
  for (const Expr *Arg : Args)
    if (!isa<CXXDefaultArgExpr>(Arg))
      Written.push_back(Arg);
  return Written;
}

} // namespace

const RegexModel::ClassInfo *
RegexModel::classInfo(const CXXRecordDecl *Record) {
  if (!Record)
    return nullptr;
  auto [It, Inserted] = Classes.try_emplace(Record);
  if (Inserted) {
    const auto *Specialization =
        dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (Specialization && Specialization->getIdentifier() &&
        Specialization->getName() == "basic_regex" &&
        Specialization->getTemplateArgs().size() >= 1 &&
        Specialization->getTemplateArgs()[0].getKind() ==
            TemplateArgument::Type) {
      QualType First = Specialization->getTemplateArgs()[0].getAsType();
      std::optional<llvm::StringRef> Prefix = charPrefix(First);
      if (Specialization->isInStdNamespace()) {
        std::string Name = Prefix && Prefix->size() <= 1
                               ? ("std::" + *Prefix + "regex").str()
                               : "std::basic_regex";
        It->second = ClassInfo{RegexLibrary::Std, Name};
      } else if (isInXpressive(*Specialization)) {
        It->second = ClassInfo{RegexLibrary::Xpressive, xpressiveName(First)};
      } else if (isInTopNamespace(*Specialization, "boost")) {
        std::string Name = Prefix ? ("boost::" + *Prefix + "regex").str()
                                  : "boost::basic_regex";
        It->second = ClassInfo{RegexLibrary::Boost, Name};
      }
    }
  }
  return It->second ? &*It->second : nullptr;
}

std::optional<std::string> RegexModel::regexTypeName(QualType Type) {
  if (Type.isNull())
    return std::nullopt;
  const ClassInfo *Info =
      classInfo(Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Info)
    return std::nullopt;
  return Info->Name;
}

std::optional<RegexLibrary> RegexModel::libraryOf(QualType Type) {
  if (Type.isNull())
    return std::nullopt;
  const ClassInfo *Info =
      classInfo(Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Info)
    return std::nullopt;
  return Info->Library;
}

std::optional<RegexCompile> RegexModel::compileOf(const Expr &E) {
  RegexCompile Compile;
  Compile.E = &E;
  const ClassInfo *Info = nullptr;
  // A pattern is anything but another regex (copies and moves compile
  // nothing).
  auto IsPattern = [&](const Expr *Arg) {
    return Arg && !isRegexType(Arg->getType());
  };

  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    Info = classInfo(Constructor ? Constructor->getParent() : nullptr);
    if (!Info || Constructor->isCopyOrMoveConstructor())
      return std::nullopt;
    Compile.Arguments = writtenArguments(Construct->arguments());
    if (Compile.Arguments.empty() || !IsPattern(Compile.Arguments.front()))
      return std::nullopt;
    Compile.Form = RegexCompile::Construction;
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&E)) {
    const auto *Method =
        dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
    if (Operator->getOperator() != OO_Equal || !Method ||
        Operator->getNumArgs() != 2)
      return std::nullopt;
    Info = classInfo(Method->getParent());
    if (!Info || !IsPattern(Operator->getArg(1)))
      return std::nullopt;
    Compile.Form = RegexCompile::Reassignment;
    Compile.Target = Operator->getArg(0);
    Compile.Arguments.push_back(Operator->getArg(1));
    Compile.Operation = "operator=";
  } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    llvm::StringRef Name = Method->getName();
    if (Name == "compile" && isInXpressive(*Method) &&
        (Info = classInfo(E.getType()->getAsCXXRecordDecl()))) {
      // regex_compiler<...>().compile("p").
      Compile.Form = RegexCompile::Factory;
    } else if (Name == "assign" || Name == "set_expression") {
      Info = classInfo(Method->getParent());
      if (!Info)
        return std::nullopt;
      Compile.Form = RegexCompile::Reassignment;
      Compile.Target = Member->getImplicitObjectArgument();
    } else {
      return std::nullopt;
    }
    Compile.Arguments = writtenArguments(Member->arguments());
    if (Compile.Arguments.empty() || !IsPattern(Compile.Arguments.front()))
      return std::nullopt;
    Compile.Operation = Name.str();
  } else if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return std::nullopt;
    llvm::StringRef Name = Callee->getName();
    bool Factory =
        (Name == "compile" && isInXpressive(*Callee)) ||
        (Name == "make_u32regex" && isInTopNamespace(*Callee, "boost"));
    if (!Factory || !(Info = classInfo(E.getType()->getAsCXXRecordDecl())))
      return std::nullopt;
    Compile.Arguments = writtenArguments(Call->arguments());
    if (Compile.Arguments.empty() || !IsPattern(Compile.Arguments.front()))
      return std::nullopt;
    Compile.Form = RegexCompile::Factory;
    Compile.Operation = Name.str();
  } else {
    return std::nullopt;
  }
  Compile.Library = Info->Library;
  Compile.TypeName = Info->Name;
  return Compile;
}

bool RegexModel::isMatchFunction(const FunctionDecl &Function) {
  if (!Function.getIdentifier())
    return false;
  bool Named =
      llvm::StringSwitch<bool>(Function.getName())
          .Cases("regex_match", "regex_search", "regex_replace", true)
          .Cases("regex_grep", "regex_split", "regex_merge", true)
          .Cases("u32regex_match", "u32regex_search", "u32regex_replace", true)
          .Default(false);
  return Named &&
         (Function.isInStdNamespace() || isInTopNamespace(Function, "boost"));
}

bool isStdStringClass(const CXXRecordDecl &Record) {
  if (!Record.isInStdNamespace() || !Record.getIdentifier())
    return false;
  llvm::StringRef Name = Record.getName();
  return Name == "basic_string" || Name == "basic_string_view";
}

bool isPureStringBuilder(const FunctionDecl &Function) {
  if (!Function.isInStdNamespace())
    return false;
  if (Function.getOverloadedOperator() == OO_Plus)
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    return isStdStringClass(*Method->getParent()) &&
           (isa<CXXConstructorDecl>(Method) || Method->isConst());
  if (!Function.getIdentifier())
    return false;
  llvm::StringRef Name = Function.getName();
  return Name == "to_string" || Name == "to_wstring";
}

namespace {

/// Decides classifyConstant, following constant variables to their
/// initializers (a bounded number of steps: every implicit node counts, and
/// a self-referencing initializer must not loop).
class ConstantClassifier {
  static constexpr unsigned MaxDepth = 64;

public:
  explicit ConstantClassifier(ASTContext &Ctx) : Ctx(Ctx) {}

  bool isConstant(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > MaxDepth || E->isValueDependent() || E->isTypeDependent())
      return false;
    E = E->IgnoreParens();
    if (isa<StringLiteral, CharacterLiteral, IntegerLiteral, FloatingLiteral,
            CXXBoolLiteralExpr, CXXDefaultArgExpr, CXXNullPtrLiteralExpr>(E))
      return true;
    if (const auto *Cast = dyn_cast<CastExpr>(E))
      return isConstant(Cast->getSubExpr(), Depth + 1);
    if (const auto *Full = dyn_cast<FullExpr>(E))
      return isConstant(Full->getSubExpr(), Depth + 1);
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      return isConstant(MTE->getSubExpr(), Depth + 1);
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      return isConstant(BTE->getSubExpr(), Depth + 1);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return isConstantDecl(Ref->getDecl(), Depth);
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(E))
      return isConstant(Conditional->getCond(), Depth + 1) &&
             isConstant(Conditional->getTrueExpr(), Depth + 1) &&
             isConstant(Conditional->getFalseExpr(), Depth + 1);
    if (const auto *List = dyn_cast<InitListExpr>(E))
      return llvm::all_of(List->inits(), [&](const Expr *Init) {
        return isConstant(Init, Depth + 1);
      });
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Constructor = Construct->getConstructor();
      return Constructor && isStdStringClass(*Constructor->getParent()) &&
             allConstant(Construct->arguments(), Depth);
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      // A library's flag object converted to flags (xpressive's
      // `regex_constants::icase`).
      if (Method && isa<CXXConversionDecl>(Method) && Method->isConst() &&
          (Method->isInStdNamespace() || isInTopNamespace(*Method, "boost")))
        return isConstant(Member->getImplicitObjectArgument(), Depth + 1);
      return Method && isPureStringBuilder(*Method) &&
             isConstant(Member->getImplicitObjectArgument(), Depth + 1) &&
             allConstant(Member->arguments(), Depth);
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee &&
          (isPureStringBuilder(*Callee) || isStdStringLiteralOperator(*Callee)))
        return allConstant(Call->arguments(), Depth);
    }
    // Flags and lengths: `std::regex::icase | std::regex::optimize`.
    if (!E->getType()->isRecordType() && E->isEvaluatable(Ctx)) {
      noteLocalsIn(*E);
      return true;
    }
    return false;
  }

  const VarDecl *ReadsLocal = nullptr;

private:
  template <typename Range> bool allConstant(Range Args, unsigned Depth) {
    for (const Expr *Arg : Args)
      if (!isConstant(Arg, Depth + 1))
        return false;
    return true;
  }

  static bool isStdStringLiteralOperator(const FunctionDecl &Function) {
    // "a"s, "a"sv: std::literals' operators.
    return Function.isInStdNamespace() &&
           Function.getLiteralIdentifier() != nullptr;
  }

  bool isConstantDecl(const ValueDecl *D, unsigned Depth) {
    if (isa<EnumConstantDecl>(D))
      return true;
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var)
      return false;
    QualType Type = Var->getType();
    bool Const =
        Var->isConstexpr() ||
        (Type.isConstQualified() && !Type.isVolatileQualified()) ||
        (Type->isReferenceType() &&
         Type->getPointeeType().isConstQualified()) ||
        (Type->isArrayType() &&
         Ctx.getAsArrayType(Type)->getElementType().isConstQualified());
    if (isa<ParmVarDecl>(Var) || Type.isVolatileQualified() ||
        (!Const && !isUnmodifiedLocal(*Var)))
      return false;
    const VarDecl *Defined = nullptr;
    const Expr *Init = Var->getAnyInitializer(Defined);
    if (!Init || !isConstant(Init, Depth + 1))
      return false;
    if (Var->hasLocalStorage() && !ReadsLocal)
      ReadsLocal = Var;
    return true;
  }

  /// A local (not a reference) that nothing in its function modifies after
  /// its initialization: `std::string pattern = "..."; std::regex
  /// re(pattern);` is as constant as with `const`. Globals are left out: any
  /// function of the program may modify them.
  bool isUnmodifiedLocal(const VarDecl &Var) {
    if (!Var.isLocalVarDecl() || Var.isStaticLocal() ||
        Var.getType()->isReferenceType())
      return false;
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
    const Stmt *Body = Function ? Function->getBody() : nullptr;
    return Body && !ExprMutationAnalyzer(*Body, Ctx).isMutated(&Var);
  }

  /// Records an automatic local an evaluatable expression reads.
  void noteLocalsIn(const Expr &E) {
    if (ReadsLocal)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E.IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->hasLocalStorage()) {
        ReadsLocal = Var;
        return;
      }
    for (const Stmt *Child : E.children())
      if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
        noteLocalsIn(*ChildExpr);
  }

  ASTContext &Ctx;
};

} // namespace

PatternFacts classifyConstant(const Expr &E, ASTContext &Ctx) {
  ConstantClassifier Classifier(Ctx);
  PatternFacts Facts;
  Facts.Constant = Classifier.isConstant(&E);
  if (Facts.Constant)
    Facts.ReadsLocal = Classifier.ReadsLocal;
  return Facts;
}

PatternFacts classifyPattern(llvm::ArrayRef<const Expr *> Arguments,
                             ASTContext &Ctx) {
  ConstantClassifier Classifier(Ctx);
  PatternFacts Facts;
  Facts.Constant =
      !Arguments.empty() && llvm::all_of(Arguments, [&](const Expr *Arg) {
        return Classifier.isConstant(Arg);
      });
  if (Facts.Constant)
    Facts.ReadsLocal = Classifier.ReadsLocal;
  return Facts;
}

} // namespace clang::tidy::prodready
