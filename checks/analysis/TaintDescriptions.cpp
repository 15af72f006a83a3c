//===--- TaintDescriptions.cpp - prodready --------------------------------===//

#include "TaintDescriptions.h"
#include "TaintModel.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::prodready {

std::string describeSources(uint8_t Sources) {
  struct Kind {
    SourceKind Bit;
    const char *Text;
  };
  static constexpr Kind Kinds[] = {
      {SourceKind::Network, "data from the network"},
      {SourceKind::Request, "request data"},
      {SourceKind::ParsedAnswer, "data parsed from an answer"},
      {SourceKind::UserSource, "untrusted data"},
      {SourceKind::File, "data read from a file"},
      {SourceKind::StandardInput, "standard input"},
      {SourceKind::Environment, "the environment"},
      {SourceKind::CommandLine, "the command line"},
  };
  for (const Kind &K : Kinds)
    if (Sources & static_cast<uint8_t>(K.Bit))
      return K.Text;
  return "untrusted data";
}

std::string describeOrigin(const Expr &Origin) {
  const Expr *E = Origin.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return "'" + Ref->getDecl()->getNameAsString() + "'";
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return "request field '" + Member->getMemberDecl()->getNameAsString() +
           "'";
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_GreaterGreater)
      return "an input stream ('>>')";
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return "'" + Callee->getNameAsString() + "'";
  return "an untrusted source";
}

} // namespace clang::tidy::prodready
