//===--- ASTHelpers.h - prodready ------------------------------*- C++ -*-===//
//
// Small AST questions the analyses share.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_ASTHELPERS_H
#define PRODREADY_CHECKS_ANALYSIS_ASTHELPERS_H

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include <string>

namespace clang::tidy::prodready {

/// \p E without what does not change its value: parentheses, casts,
/// temporaries, full-expression wrappers and opaque values (the condition
/// of `a ?: b`).
inline const Expr *stripValueWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenCasts();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *Full = dyn_cast<FullExpr>(Next))
      Next = Full->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    else if (const auto *OVE = dyn_cast<OpaqueValueExpr>(Next))
      Next = OVE->getSourceExpr();
    if (Next == E || !Next)
      return E;
    E = Next;
  }
  return E;
}

/// True for declarations in std or a namespace nested in it
/// (std::filesystem), inline namespaces included.
inline bool isInStdOrNested(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (Context->isStdNamespace())
      return true;
  return false;
}

/// `std::vector` for std::__1::vector<int>: the qualified name with inline
/// namespaces (libc++'s __1, libstdc++'s __cxx11, nlohmann's ABI tag) left
/// out, so that the names users write in options match.
inline std::string qualifiedNameWithoutInlineNamespaces(const NamedDecl &D) {
  std::string Name = D.getNameAsString();
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent()) {
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context)) {
      if (Namespace->isInline())
        continue;
      Name = Namespace->getNameAsString() + "::" + Name;
    } else if (const auto *Record = dyn_cast<RecordDecl>(Context)) {
      Name = Record->getNameAsString() + "::" + Name;
    }
  }
  return Name;
}

/// True for std::basic_istream and the classes derived from it.
inline bool isInputStreamType(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  auto IsIStream = [](const CXXRecordDecl *R) {
    return R->isInStdNamespace() && R->getIdentifier() &&
           R->getName() == "basic_istream";
  };
  return IsIStream(Record) ||
         !Record->forallBases(
             [&](const CXXRecordDecl *Base) { return !IsIStream(Base); });
}

/// Whether \p Inner begins inside the source range of \p Outer.
inline bool containsStmt(const Stmt &Outer, const Stmt &Inner,
                         const SourceManager &SM) {
  SourceRange Range = Outer.getSourceRange();
  SourceLocation Loc = Inner.getBeginLoc();
  return Range.isValid() && Loc.isValid() &&
         !SM.isBeforeInTranslationUnit(Loc, Range.getBegin()) &&
         !SM.isBeforeInTranslationUnit(Range.getEnd(), Loc);
}

/// True if \p Call may run an override of the method it names: a virtual
/// method that is not final, called without qualification. The named
/// method's summary is then a guess at what runs: good enough to silence a
/// check, not to report.
inline bool mayCallOverride(const CallExpr &Call) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Method || !Method->isVirtual() || Method->hasAttr<FinalAttr>() ||
      Method->getParent()->hasAttr<FinalAttr>())
    return false;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const auto *Callee =
      Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
             : nullptr;
  return !Callee || !Callee->hasQualifier();
}

/// The definition of the function \p Call calls, when it is the project's
/// (has a body, outside system headers): what a per-TU summary can read.
inline const FunctionDecl *userDefinition(const CallExpr &Call,
                                          const SourceManager &SM) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Definition = Callee ? Callee->getDefinition() : nullptr;
  if (!Definition || !Definition->hasBody() ||
      SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

/// The project function \p Call calls when this translation unit has no
/// body of it (another unit defines it: whole-program summaries may know
/// it), or null.
inline const FunctionDecl *definedElsewhere(const CallExpr &Call,
                                            const SourceManager &SM) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || SM.isInSystemHeader(Callee->getLocation()))
    return nullptr;
  const FunctionDecl *Definition = Callee->getDefinition();
  return Definition && Definition->hasBody() ? nullptr : Callee;
}

/// The argument of \p Call that binds parameter \p Param of its callee:
/// member operator calls have the object as argument 0. Null past the
/// arguments written (defaults are not arguments of the call).
inline const Expr *argumentForParameter(const CallExpr &Call, unsigned Param) {
  unsigned Offset = 0;
  if (isa<CXXOperatorCallExpr>(Call))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee()))
      if (!Method->isStatic())
        Offset = 1;
  return Param + Offset < Call.getNumArgs() ? Call.getArg(Param + Offset)
                                            : nullptr;
}

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_ASTHELPERS_H
