//===--- RegexSites.cpp - prodready ---------------------------------------===//
//
// One walk of a function body with the path from the body to the current
// node (statements, and the local variables whose initializers are being
// walked): a compile's scope is read off that path, innermost first, so no
// parent map of the translation unit is ever built.
//
//===----------------------------------------------------------------------===//

#include "RegexSites.h"
#include "ASTHelpers.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::prodready {

namespace {

using PathNode = llvm::PointerUnion<const Stmt *, const VarDecl *>;

/// Nodes that pass a value through unchanged, between a temporary or a
/// variable reference and what uses it.
bool isWrapper(const Stmt *S) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return Construct->isElidable();
  return isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr>(S);
}

bool isFalseConstant(const Expr *Cond, ASTContext &Ctx) {
  bool Value = true;
  return Cond && !Cond->isValueDependent() &&
         Cond->EvaluateAsBooleanCondition(Value, Ctx) && !Value;
}

/// True if the loop \p S runs \p Child again on each iteration.
bool repeats(const Stmt *S, const Stmt *Child, ASTContext &Ctx) {
  if (!Child)
    return false;
  if (const auto *For = dyn_cast<ForStmt>(S))
    return Child == For->getBody() || Child == For->getCond() ||
           Child == For->getInc() ||
           Child == For->getConditionVariableDeclStmt();
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return Child == While->getBody() || Child == While->getCond() ||
           Child == While->getConditionVariableDeclStmt();
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return (Child == Do->getBody() || Child == Do->getCond()) &&
           !isFalseConstant(Do->getCond(), Ctx);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
    return Child == Range->getBody() || Child == Range->getLoopVarStmt() ||
           Child == Range->getCond() || Child == Range->getInc();
  return false;
}

/// True if the operands of \p S are never evaluated (`sizeof`, `noexcept`,
/// a non-polymorphic `typeid`, `requires`).
bool isUnevaluatedOperand(const Stmt *S) {
  if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S))
    return !Typeid->isPotentiallyEvaluated();
  return isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(S);
}

} // namespace

bool RegexSiteFinder::isPerElementAlgorithm(const NamedDecl &Callee) {
  // The algorithms of <algorithm> and <numeric> (and std::ranges') that
  // call a function they are given once or more per element.
  // clang-format off
  static const llvm::StringSet<> Names = {
      "for_each", "for_each_n", "transform", "find", "find_if", "find_if_not",
      "count", "count_if", "all_of", "any_of", "none_of", "remove",
      "remove_if", "remove_copy_if", "copy_if", "replace_if",
      "replace_copy_if", "partition", "stable_partition", "partition_copy",
      "partition_point", "is_partitioned", "sort", "stable_sort",
      "partial_sort", "partial_sort_copy", "nth_element", "is_sorted",
      "is_sorted_until", "unique", "unique_copy", "adjacent_find", "equal",
      "mismatch", "search", "find_first_of", "find_end", "generate",
      "generate_n", "accumulate", "reduce", "transform_reduce",
      "inner_product", "adjacent_difference", "partial_sum",
      "inclusive_scan", "exclusive_scan", "transform_inclusive_scan",
      "transform_exclusive_scan", "max_element", "min_element",
      "minmax_element", "lower_bound", "upper_bound", "equal_range",
      "binary_search", "includes", "merge", "set_union", "set_intersection",
      "set_difference", "set_symmetric_difference", "is_permutation",
      "lexicographical_compare", "erase_if", "make_heap", "push_heap",
      "pop_heap", "sort_heap", "is_heap", "is_heap_until", "fold_left",
      "fold_right", "contains", "starts_with", "ends_with"};
  // clang-format on
  // std::ranges' algorithms are function objects (`std::ranges::for_each`
  // names a variable); containers have their own (`std::list::remove_if`).
  const Decl *Scope = &Callee;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Callee))
    Scope = Method->getParent();
  return Callee.getIdentifier() && Names.contains(Callee.getName()) &&
         isInStdOrNested(*Scope);
}

/// The walk. See the file comment of RegexSites.h for what it decides.
class RegexSiteVisitor : public RecursiveASTVisitor<RegexSiteVisitor> {
public:
  RegexSiteVisitor(RegexSiteFinder &Finder, const FunctionDecl *Function,
                   ASTContext &Ctx)
      : Finder(Finder), Model(Finder.Model), Function(Function), Ctx(Ctx) {}

  // Without data recursion, so that the path is that of the node visited.
  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    Path.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseStmt(S);
    Path.pop_back();
    return Result;
  }
  bool TraverseVarDecl(VarDecl *D) {
    Path.push_back(D);
    bool Result = RecursiveASTVisitor::TraverseVarDecl(D);
    Path.pop_back();
    return Result;
  }
  // Local classes: their methods are functions of their own.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  // Unevaluated operands written in types.
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }

  bool VisitVarDecl(VarDecl *D) {
    if (!D->isLocalVarDecl() || !Model.isRegexType(D->getType()))
      return true;
    if (!D->getType()->isReferenceType())
      Finder.Uses.try_emplace(D);
    if (D->isStaticLocal() || D->getTLSKind() != VarDecl::TLS_None ||
        !D->getInit())
      return true;
    const Expr *Init = D->getInit();
    while (Init && isWrapper(Init))
      Init = isa<CXXConstructExpr>(Init)
                 ? cast<CXXConstructExpr>(Init)->getArg(0)
                 : cast<Expr>(*Init->child_begin());
    if (!Init)
      return true;
    std::optional<RegexCompile> Compile = Model.compileOf(*Init);
    if (!Compile || Compile->Form == RegexCompile::Reassignment)
      return true;
    Consumed.insert(Init);
    RegexSite Site;
    Site.Kind = RegexSite::Variable;
    Site.Compile = std::move(*Compile);
    Site.Var = D;
    // The path ends with the block, the declaration and the variable.
    if (Path.size() >= 3)
      if (const auto *Declaration = dyn_cast_or_null<DeclStmt>(
              Path[Path.size() - 2].dyn_cast<const Stmt *>());
          Declaration && isa_and_nonnull<CompoundStmt>(
                             Path[Path.size() - 3].dyn_cast<const Stmt *>()))
        Site.Declaration = Declaration;
    addSite(std::move(Site));
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return true;
    auto It = Finder.Uses.find(Var);
    if (It != Finder.Uses.end() && isStored(Ref))
      It->second.Stored = true;
    return true;
  }

  bool VisitExpr(Expr *E) {
    if (Consumed.contains(E) || !isa<CXXConstructExpr, CallExpr>(E))
      return true;
    std::optional<RegexCompile> Compile = Model.compileOf(*E);
    if (!Compile)
      return true;
    RegexSite Site;
    Site.Compile = std::move(*Compile);
    if (Site.Compile.Form == RegexCompile::Reassignment) {
      Site.Kind = RegexSite::Reassignment;
      Site.Target = variableOf(Site.Compile.Target);
      addSite(std::move(Site));
      return true;
    }
    // A temporary: what takes it decides.
    auto [User, Operand] = userOf(Path.size() - 1);
    const auto *Call = dyn_cast_or_null<CallExpr>(User);
    if (!Call)
      return true;
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Call);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2 && Assign->getArg(1) == Operand &&
        Model.isRegexType(Assign->getArg(0)->getType())) {
      // `re = std::regex("p")`: a reassignment of re.
      Site.Kind = RegexSite::Reassignment;
      Site.Compile.Target = Assign->getArg(0);
      Site.Target = variableOf(Assign->getArg(0));
      addSite(std::move(Site));
      return true;
    }
    if (!readsAndReleases(*Call, Operand))
      return true;
    Site.Kind = RegexSite::Temporary;
    Site.Consumer = Call;
    Site.Argument = dyn_cast<Expr>(Operand);
    addSite(std::move(Site));
    return true;
  }

private:
  static const VarDecl *variableOf(const Expr *E) {
    const auto *Ref =
        dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  }

  /// The first node above Path[Index] that is not a wrapper, and the child
  /// of it on the path (the operand it uses).
  std::pair<const Stmt *, const Stmt *> userOf(size_t Index) const {
    const Stmt *Operand = Path[Index].dyn_cast<const Stmt *>();
    for (size_t I = Index; I-- > 0;) {
      const auto *S = Path[I].dyn_cast<const Stmt *>();
      if (!S)
        return {nullptr, Operand};
      if (!isWrapper(S))
        return {S, Operand};
      Operand = S;
    }
    return {nullptr, Operand};
  }

  /// The parameter \p Operand is passed to in \p Call, or null.
  static const ParmVarDecl *parameterFor(const CallExpr &Call,
                                         const Stmt *Operand) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return nullptr;
    // A member operator's object is its first argument, not a parameter.
    unsigned Shift = isa<CXXOperatorCallExpr>(Call) &&
                             isa<CXXMethodDecl>(Callee) &&
                             !cast<CXXMethodDecl>(Callee)->isStatic()
                         ? 1
                         : 0;
    for (unsigned I = Shift; I < Call.getNumArgs(); ++I)
      if (Call.getArg(I) == Operand)
        return I - Shift < Callee->getNumParams()
                   ? Callee->getParamDecl(I - Shift)
                   : nullptr;
    return nullptr;
  }

  /// True if \p Call only reads the regex \p Operand and lets it go: a
  /// matching function, or a free or const function that takes it by
  /// const reference (a helper `matches(line, re)`), not a constructor or
  /// a non-const member, which may keep it.
  bool readsAndReleases(const CallExpr &Call, const Stmt *Operand) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    const ParmVarDecl *Param = parameterFor(Call, Operand);
    if (!Callee || !Param)
      return false;
    if (RegexModel::isMatchFunction(*Callee))
      return true;
    QualType Type = Param->getType();
    if (!Type->isLValueReferenceType() ||
        !Type->getPointeeType().isConstQualified())
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    return !Method || Method->isStatic() || Method->isConst();
  }

  /// True if the use \p Ref of a local regex keeps the regex beyond the
  /// function (or hands it to something that may).
  bool isStored(const DeclRefExpr *Ref) const {
    auto [User, Operand] = userOf(Path.size() - 1);
    if (!User)
      return false;
    if (isa<ReturnStmt, InitListExpr, CoreturnStmt>(User))
      return true;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(User)) {
      // Copied into another regex, or given to an object's constructor;
      // the iterators only refer to it while they run.
      const CXXRecordDecl *Built = Construct->getConstructor()->getParent();
      return !(Built->getIdentifier() && Built->getName().contains("regex_") &&
               Built->getName().contains("iterator"));
    }
    const auto *Call = dyn_cast<CallExpr>(User);
    if (!Call)
      return false;
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
        Operator && Operator->getOperator() == OO_Equal)
      return Operator->getNumArgs() == 2 && Operator->getArg(1) == Operand;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    if (Callee->isInStdNamespace() && Callee->getIdentifier() &&
        (Callee->getName() == "move" || Callee->getName() == "forward"))
      return true;
    const ParmVarDecl *Param = parameterFor(*Call, Operand);
    if (!Param || RegexModel::isMatchFunction(*Callee))
      return false;
    QualType Type = Param->getType();
    if (!Type->isReferenceType() || Type->isRValueReferenceType())
      return true; // a copy, or a move
    // A non-const member of another object may keep what it is given
    // (`rules.push_back(re)`, `named.emplace("k", re)`).
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    return Method && !Method->isStatic() && !Method->isConst();
  }

  /// Places the compile at the top of the path in its scope.
  void addSite(RegexSite Site) {
    bool Decided = false;
    for (size_t I = Path.size() - 1; I-- > 0;) {
      const Stmt *Child = Path[I + 1].dyn_cast<const Stmt *>();
      if (const auto *Var = Path[I].dyn_cast<const VarDecl *>()) {
        // In the initializer of a static or of a global: runs once.
        if (!Decided &&
            (!Var->hasLocalStorage() || Var->getTLSKind() != VarDecl::TLS_None))
          return;
        continue;
      }
      const auto *S = Path[I].get<const Stmt *>();
      if (isUnevaluatedOperand(S))
        return;
      if (!Decided && repeats(S, Child, Ctx)) {
        Site.Scope = RegexScope::Loop;
        Site.Repeater = S;
        Decided = true;
        continue;
      }
      const auto *Lambda = dyn_cast<LambdaExpr>(S);
      if (!Lambda || Child != Lambda->getBody())
        continue;
      Site.InLambda = true;
      auto [User, Operand] = userOf(I);
      const auto *Call = dyn_cast_or_null<CallExpr>(User);
      // Called in place: its body runs where it is written.
      if (const auto *Operator = dyn_cast_or_null<CXXOperatorCallExpr>(Call);
          Operator && Operator->getOperator() == OO_Call &&
          Operator->getArg(0) == Operand)
        continue;
      if (!Site.Function)
        Site.Function = Lambda->getCallOperator();
      if (Decided)
        continue;
      Decided = true;
      if (const NamedDecl *Algorithm = algorithmOf(Call, Operand)) {
        Site.Scope = RegexScope::AlgorithmCallback;
        Site.Repeater = Lambda->getBody();
        Site.Algorithm = Call;
        Site.AlgorithmName = qualifiedNameWithoutInlineNamespaces(*Algorithm);
      } else {
        Site.Scope = RegexScope::Lambda;
      }
    }
    if (!Decided) {
      if (!Function)
        return; // a global's initializer
      Site.Scope = RegexScope::Function;
    }
    if (!Site.Function)
      Site.Function = Function;
    // The body of a lambda walked on its own (one at namespace scope).
    if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
        Method && Method->getParent()->isLambda())
      Site.InLambda = true;
    Finder.Sites.push_back(std::move(Site));
  }

  /// The algorithm \p Call is, when it calls \p Operand (a lambda) per
  /// element.
  static const NamedDecl *algorithmOf(const CallExpr *Call,
                                      const Stmt *Operand) {
    if (!Call || !llvm::is_contained(Call->arguments(), Operand))
      return nullptr;
    const NamedDecl *Callee = Call->getDirectCallee();
    // std::ranges::for_each(v, f): operator() of a function object.
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
        Operator && Operator->getOperator() == OO_Call) {
      const auto *Object =
          dyn_cast<DeclRefExpr>(Operator->getArg(0)->IgnoreImplicit());
      Callee = Object ? Object->getDecl() : nullptr;
      if (Operator->getArg(0) == Operand)
        return nullptr;
    }
    return Callee && RegexSiteFinder::isPerElementAlgorithm(*Callee) ? Callee
                                                                     : nullptr;
  }

  RegexSiteFinder &Finder;
  RegexModel &Model;
  const FunctionDecl *Function;
  ASTContext &Ctx;
  llvm::SmallVector<PathNode, 32> Path;
  /// Compiles that initialize a variable (reported as the variable).
  llvm::DenseSet<const Expr *> Consumed;
};

void RegexSiteFinder::find(const Stmt &Body, const FunctionDecl *Function,
                           ASTContext &Ctx) {
  Sites.clear();
  Uses.clear();
  RegexSiteVisitor(*this, Function, Ctx)
      .TraverseStmt(const_cast<Stmt *>(&Body));
}

} // namespace clang::tidy::prodready
