//===--- CheckedParse.cpp - prodready -------------------------------------===//

#include "CheckedParse.h"
#include "FixItBuilders.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RawCommentList.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::prodready::fixits {

namespace {

/// "unsigned long" -> "unsigned_long".
std::string identifierPart(llvm::StringRef Type) {
  std::string Part;
  for (char C : Type)
    Part += isAlphanumeric(C) ? C : '_';
  return Part;
}

} // namespace

std::optional<ParseHelper> parseHelperFor(llvm::StringRef Type,
                                          bool InHeaderFile) {
  static const std::pair<llvm::StringRef, llvm::StringRef> Floating[] = {
      {"float", "std::strtof"},
      {"double", "std::strtod"},
      {"long double", "std::strtold"}};
  ParseHelper Helper;
  Helper.Name = "parse_" + identifierPart(Type) + "_or";
  std::string Signature = (InHeaderFile ? "inline " : "static ") + Type.str() +
                          " " + Helper.Name + "(const char *text, " +
                          Type.str() + " fallback) {\n"
                                       "  if (text == nullptr)\n"
                                       "    return fallback;\n";
  // "an int" reads better than "a int": articles by first letter.
  std::string Comment = "// Added by prodready: 'text' as " +
                        std::string(llvm::StringRef("aeiou").contains(
                                        Type.front())
                                        ? "an "
                                        : "a ") +
                        Type.str() +
                        ", or 'fallback' when it is\n"
                        "// null (the variable is unset), not a number or out "
                        "of range.\n";
  for (auto [Name, Function] : Floating) {
    if (Type != Name)
      continue;
    Helper.Definition = Comment + Signature +
                        "  char *end = nullptr;\n"
                        "  errno = 0;\n  " +
                        Type.str() + " value = " + Function.str() +
                        "(text, &end);\n"
                        "  return end != text && *end == '\\0' && errno != "
                        "ERANGE ? value : fallback;\n"
                        "}\n\n";
    Helper.Headers = {"<cerrno>", "<cstdlib>"};
    return Helper;
  }
  Helper.Definition = Comment + Signature + "  " + Type.str() +
                      " value = 0;\n"
                      "  const char *end = text + std::strlen(text);\n"
                      "  auto [last, ec] = std::from_chars(text, end, value);\n"
                      "  return ec == std::errc() && last == end ? value : "
                      "fallback;\n"
                      "}\n\n";
  Helper.Headers = {"<charconv>", "<cstring>", "<system_error>"};
  return Helper;
}

namespace {

/// The argument as written: an implicit conversion to the parameter's type
/// (`std::stoi(getenv("X"))` builds a std::string) is looked through.
const Expr *spelledArgument(const Expr &Argument) {
  const Expr *E = Argument.IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (!isa<CXXTemporaryObjectExpr>(Construct) &&
        Construct->getParenOrBraceRange().isInvalid() &&
        Construct->getNumArgs() >= 1)
      E = Construct->getArg(0)->IgnoreImplicit();
  return E;
}

bool isCString(QualType Type) {
  if (const auto *Array = Type->getAsArrayTypeUnsafe())
    return Array->getElementType()->isCharType();
  return Type->isPointerType() && Type->getPointeeType()->isCharType();
}

bool isStdString(QualType Type) {
  const auto *Specialization =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Type->getAsCXXRecordDecl());
  return Specialization && Specialization->isInStdNamespace() &&
         Specialization->getName() == "basic_string" &&
         Specialization->getTemplateArgs().size() > 0 &&
         Specialization->getTemplateArgs()[0].getKind() ==
             TemplateArgument::Type &&
         Specialization->getTemplateArgs()[0].getAsType()->isCharType();
}

} // namespace

std::optional<std::string> cStringArgument(const Expr &Argument,
                                           const ASTContext &Ctx) {
  const Expr *Spelled = spelledArgument(Argument);
  std::optional<std::string> Text = sourceText(*Spelled, Ctx);
  if (!Text)
    return std::nullopt;
  QualType Type = Spelled->getType().getNonReferenceType();
  if (isCString(Type))
    return Text;
  if (!isStdString(Type))
    return std::nullopt;
  // `.c_str()` binds tighter than anything but a primary expression.
  bool Simple = isa<DeclRefExpr, MemberExpr, CallExpr, ParenExpr,
                    ArraySubscriptExpr>(Spelled->IgnoreImplicit());
  return (Simple ? *Text : "(" + *Text + ")") + ".c_str()";
}

namespace {

/// The declaration directly in a namespace or the file that contains \p S.
const Decl *outermostDecl(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  const Decl *Found = nullptr;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    if (const auto *D = Node.get<Decl>()) {
      if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl>(D))
        continue;
      Found = D;
    }
  }
  // Outside any namespace: a helper at file scope is then seen by all.
  while (Found && !Found->getLexicalDeclContext()->isTranslationUnit()) {
    const auto *Outer = dyn_cast<Decl>(Found->getLexicalDeclContext());
    if (!Outer)
      break;
    Found = Outer;
  }
  return Found;
}

/// \p Loc moved above the `//` lines right above it: a plain comment
/// that describes a declaration stays with it (doc comments are found by
/// the AST; ordinary ones are not).
SourceLocation aboveLineComments(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return Loc;
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  if (!Buffer.slice(LineStart, Offset).trim().empty())
    return Loc; // Code before the declaration on its line.
  size_t Start = Offset;
  while (LineStart > 0) {
    size_t PrevStart = Buffer.rfind('\n', LineStart - 1);
    PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
    llvm::StringRef Line = Buffer.slice(PrevStart, LineStart - 1);
    if (!Line.ltrim().starts_with("//"))
      break;
    Start = PrevStart + (Line.size() - Line.ltrim().size());
    LineStart = PrevStart;
  }
  return Loc.getLocWithOffset(static_cast<int>(Start) -
                              static_cast<int>(Offset));
}

} // namespace

std::optional<FixItHint> insertBeforeTopLevelDecl(const Stmt &S,
                                                  llvm::StringRef Text,
                                                  ASTContext &Ctx) {
  const Decl *Top = outermostDecl(S, Ctx);
  if (!Top)
    return std::nullopt;
  if (const auto *Function = dyn_cast<FunctionDecl>(Top))
    if (const FunctionTemplateDecl *Template =
            Function->getDescribedFunctionTemplate())
      Top = Template;
  SourceLocation Loc = Top->getBeginLoc();
  if (const RawComment *Comment = Ctx.getRawCommentForDeclNoCache(Top))
    Loc = Comment->getBeginLoc();
  const SourceManager &SM = Ctx.getSourceManager();
  if (Loc.isInvalid() || Loc.isMacroID() ||
      SM.getFileID(Loc) != SM.getFileID(SM.getExpansionLoc(S.getBeginLoc())))
    return std::nullopt;
  return FixItHint::CreateInsertion(aboveLineComments(Loc, SM), Text);
}

} // namespace clang::tidy::prodready::fixits
