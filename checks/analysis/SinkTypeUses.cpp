//===--- SinkTypeUses.cpp - prodready -------------------------------------===//
//
// Climbs from the created value to its users through a parent map built
// for the one unit (cheap; the TU's parent map is not built), as long as
// the expressions still carry the old class, and judges the first node
// that does not.
//
//===----------------------------------------------------------------------===//

#include "SinkTypeUses.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::prodready {

namespace {

using ClassTest = llvm::function_ref<bool(const CXXRecordDecl &)>;

/// The parent of each statement of a unit, and the variable each
/// initializer initializes.
class UnitParents : public RecursiveASTVisitor<UnitParents> {
public:
  explicit UnitParents(const Decl &Unit) {
    TraverseDecl(const_cast<Decl *>(&Unit));
  }

  // One parameter: disables the data-recursion queue, so that the stack
  // below follows the nesting.
  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    if (!Stack.empty())
      Parents[S] = Stack.back();
    Stack.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseStmt(S);
    Stack.pop_back();
    return Result;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->getInit())
      InitOf[Var->getInit()] = Var;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Uses[Ref->getDecl()].push_back(Ref);
    return true;
  }
  bool shouldVisitLambdaBody() const { return true; }
  // The semantic form of an initializer list, after its syntactic form:
  // its elements' conversions (`std::vector<sink_ptr> v{file}`) are the
  // parents that count.
  bool shouldVisitImplicitCode() const { return true; }

  llvm::DenseMap<const Stmt *, const Stmt *> Parents;
  llvm::DenseMap<const Expr *, const VarDecl *> InitOf;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Uses;

private:
  llvm::SmallVector<const Stmt *, 16> Stack;
};

/// Nodes whose value is the child's, class included (`new T(…)` is a
/// pointer to it).
bool isTransparent(const Stmt &S) {
  return isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ExprWithCleanups, CXXNewExpr>(S);
}

bool isForwardingFactory(const CallExpr &Call, ClassTest IsOld) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  std::string Name = qualifiedNameWithoutInlineNamespaces(*Callee);
  if (Name != "std::make_shared" && Name != "std::make_unique" &&
      Name != "boost::make_shared")
    return false;
  const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs();
  return Args && Args->size() > 0 &&
         Args->get(0).getKind() == TemplateArgument::Type &&
         !typeNamesClass(Args->get(0).getAsType(), IsOld);
}

class UseJudge {
public:
  UseJudge(const Decl &Unit, ClassTest IsOld, const VarDecl *Retyped)
      : Map(Unit), IsOld(IsOld), Retyped(Retyped) {}

  /// Whether every use of the value of \p E forgets the old class;
  /// \p FollowVars: whether a variable initialized with it is followed.
  bool forgets(const Expr &E, bool FollowVars) {
    const Stmt *Child = &E;
    for (unsigned Steps = 0; Steps < 32; ++Steps) {
      if (const VarDecl *Var = Map.InitOf.lookup(dyn_cast<Expr>(Child)))
        return FollowVars && (Var == Retyped || isDeclaredAuto(*Var)) &&
               variableForgets(*Var);
      const Stmt *Parent = Map.Parents.lookup(Child);
      if (!Parent)
        return false;
      std::optional<bool> Verdict = judgeParent(*Child, *Parent);
      if (Verdict)
        return *Verdict;
      Child = Parent;
    }
    return false;
  }

  /// A local variable (declared `auto`, or retyped by the fix) whose
  /// every use forgets the class.
  bool variableForgets(const VarDecl &Var) {
    if (!Var.isLocalVarDecl())
      return false;
    auto Found = Map.Uses.find(&Var);
    if (Found == Map.Uses.end())
      return true;
    return llvm::all_of(Found->second, [&](const DeclRefExpr *Use) {
      return forgets(*Use, /*FollowVars=*/false);
    });
  }

private:
  bool namesOld(QualType Type) const { return typeNamesClass(Type, IsOld); }

  /// std::nullopt to climb further, else the verdict.
  std::optional<bool> judgeParent(const Stmt &Child, const Stmt &Parent) {
    if (isTransparent(Parent))
      return std::nullopt;
    if (const auto *Cast = dyn_cast<CastExpr>(&Parent))
      return namesOld(Cast->getType()) ? std::nullopt : std::optional(true);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Parent))
      return namesOld(Construct->getType()) ? std::nullopt
                                            : std::optional(true);
    if (const auto *Member = dyn_cast<MemberExpr>(&Parent)) {
      const auto *Owner =
          dyn_cast<CXXRecordDecl>(Member->getMemberDecl()->getDeclContext());
      return !Owner || !IsOld(*Owner);
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Parent))
      return judgeOperator(Child, *Op);
    if (const auto *Unary = dyn_cast<UnaryOperator>(&Parent);
        Unary && Unary->getOpcode() == UO_Deref)
      return std::nullopt;
    if (const auto *Call = dyn_cast<CallExpr>(&Parent))
      return isForwardingFactory(*Call, IsOld);
    return false;
  }

  std::optional<bool> judgeOperator(const Stmt &Child,
                                    const CXXOperatorCallExpr &Op) {
    OverloadedOperatorKind Kind = Op.getOperator();
    // `p->member`, `*p`: the member decides.
    if ((Kind == OO_Arrow || Kind == OO_Star) && Op.getNumArgs() == 1)
      return std::nullopt;
    if (Kind == OO_Equal && Op.getNumArgs() == 2 && Op.getArg(1) == &Child)
      return !namesOld(Op.getArg(0)->getType());
    return false;
  }

  static bool isDeclaredAuto(const VarDecl &Var) {
    return Var.getTypeSourceInfo() &&
           Var.getTypeSourceInfo()->getType()->getContainedAutoType();
  }

  UnitParents Map;
  ClassTest IsOld;
  const VarDecl *Retyped;
};

} // namespace

bool typeNamesClass(QualType Type, ClassTest IsOld) {
  for (unsigned Depth = 0; !Type.isNull() && Depth < 8; ++Depth) {
    Type = Type.getCanonicalType().getNonReferenceType();
    if (Type->isPointerType() || Type->isArrayType()) {
      Type = Type->isPointerType() ? Type->getPointeeType()
                                   : QualType(Type->getArrayElementTypeNoTypeQual(), 0);
      continue;
    }
    const auto *Record = Type->getAsCXXRecordDecl();
    if (!Record)
      return false;
    if (IsOld(*Record))
      return true;
    const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Specialization)
      return false;
    for (const TemplateArgument &Arg :
         Specialization->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          typeNamesClass(Arg.getAsType(), IsOld))
        return true;
    return false;
  }
  return false;
}

bool usesForgetClass(const Expr &Creation, const Decl &Unit,
                     ClassTest IsOld, const VarDecl *Retyped) {
  UseJudge Judge(Unit, IsOld, Retyped);
  return Judge.forgets(Creation, /*FollowVars=*/true);
}

} // namespace clang::tidy::prodready
