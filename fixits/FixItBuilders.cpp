//===--- FixItBuilders.cpp - prodready ------------------------------------===//

#include "FixItBuilders.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::prodready::fixits {

std::string quoteStringLiteral(llvm::StringRef Value, bool Wide) {
  std::string Result;
  llvm::raw_string_ostream OS(Result);
  if (Wide)
    OS << 'L';
  OS << '"';
  for (unsigned char C : Value) {
    switch (C) {
    case '"':
      OS << "\\\"";
      break;
    case '\\':
      OS << "\\\\";
      break;
    case '\n':
      OS << "\\n";
      break;
    case '\t':
      OS << "\\t";
      break;
    default:
      if (C < 0x20 || C == 0x7f)
        OS << llvm::format("\\%03o", C);
      else
        OS << C;
    }
  }
  OS << '"';
  return Result;
}

std::optional<std::string> sourceText(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceRange Range = E.getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return std::nullopt;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                                        SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

bool needsParensForConditional(const Expr &E, ASTContext &Ctx) {
  // Walk up through nodes that are not spelled in the source.
  DynTypedNode Node = DynTypedNode::create(E);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return true;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *P = Parent.get<Expr>()) {
      if (isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
              ExprWithCleanups>(P)) {
        Node = Parent;
        continue;
      }
      // An implicit conversion by constructor (`std::string s = p;`).
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
        if (isa<CXXTemporaryObjectExpr>(Construct) ||
            Construct->getParenOrBraceRange().isValid())
          return false; // `std::string s(p)`: a parenthesized argument.
        Node = Parent;
        continue;
      }
      if (const auto *Call = dyn_cast<CallExpr>(P)) {
        // An operand of an overloaded operator is not an argument list.
        return isa<CXXOperatorCallExpr>(Call);
      }
      return !isa<ParenExpr, InitListExpr, ParenListExpr>(P);
    }
    // A variable's initializer, a return value, a statement.
    return !(Parent.get<VarDecl>() || Parent.get<ReturnStmt>() ||
             Parent.get<CompoundStmt>());
  }
}

namespace {
/// True if \p E refers to a local or a parameter (so a lambda needs `[&]`).
bool usesLocals(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
      return !Var->hasGlobalStorage();
    return false;
  }
  if (isa<CXXThisExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (usesLocals(Child))
      return true;
  return false;
}
} // namespace

std::optional<FixItHint> makeNullFallback(const Expr &Use,
                                          llvm::StringRef FallbackLiteral,
                                          bool InsideFunction,
                                          ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus11)
    return std::nullopt;
  const Expr *Spelled = Use.IgnoreParenImpCasts();
  std::optional<std::string> Text = sourceText(*Spelled, Ctx);
  if (!Text)
    return std::nullopt;
  std::string Replacement;
  if (isa<DeclRefExpr>(Spelled)) {
    Replacement = *Text + " ? " + *Text + " : " + FallbackLiteral.str();
    if (needsParensForConditional(*Spelled, Ctx))
      Replacement = "(" + Replacement + ")";
  } else if (isa<CallExpr>(Spelled)) {
    bool NeedsCapture = usesLocals(Spelled);
    if (NeedsCapture && !InsideFunction)
      return std::nullopt;
    Replacement = std::string(NeedsCapture ? "[&]" : "[]") +
                  " { auto *value = " + *Text +
                  "; return value ? value : " + FallbackLiteral.str() +
                  "; }()";
  } else {
    return std::nullopt;
  }
  return FixItHint::CreateReplacement(Spelled->getSourceRange(), Replacement);
}

std::optional<FixItHint>
makeCheckedParseCall(const CallExpr &Call, const Expr &Argument,
                     llvm::StringRef Function, llvm::StringRef Type,
                     llvm::StringRef Fallback, ASTContext &Ctx) {
  if (Call.getBeginLoc().isMacroID() || Call.getEndLoc().isMacroID())
    return std::nullopt;
  std::optional<std::string> ArgText =
      sourceText(*Argument.IgnoreImplicit(), Ctx);
  if (!ArgText)
    return std::nullopt;
  std::string Replacement = (Function + "<" + Type + ">(").str() + *ArgText +
                            ", " + Fallback.str() + ")";
  return FixItHint::CreateReplacement(Call.getSourceRange(), Replacement);
}

namespace {

bool containsLocation(const Stmt &S, SourceLocation Loc,
                      const SourceManager &SM) {
  SourceRange Range = S.getSourceRange();
  if (Range.isInvalid())
    return false;
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  Loc = SM.getExpansionLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc, Begin) &&
         !SM.isBeforeInTranslationUnit(End, Loc);
}

} // namespace

const Stmt *enclosingBlockStatement(const Stmt &Root, SourceLocation Loc,
                                    const SourceManager &SM) {
  const Stmt *Found = nullptr;
  const Stmt *Current = &Root;
  while (Current) {
    const Stmt *Next = nullptr;
    for (const Stmt *Child : Current->children()) {
      if (!Child || !containsLocation(*Child, Loc, SM))
        continue;
      if (isa<CompoundStmt>(Current))
        Found = Child;
      Next = Child;
      break;
    }
    Current = Next;
  }
  return Found;
}

std::optional<llvm::SmallVector<FixItHint, 2>>
makeNamedNullFallback(const CallExpr &Call, llvm::StringRef Name,
                      llvm::StringRef FallbackLiteral, const Stmt &Body,
                      ASTContext &Ctx) {
  QualType Type = Call.getType();
  if (!Ctx.getLangOpts().CPlusPlus11 || !Type->isPointerType())
    return std::nullopt;
  QualType Pointee = Type->getPointeeType();
  std::string Declared;
  if (Pointee->isCharType())
    Declared = "const char *";
  else if (Pointee->isWideCharType())
    Declared = "const wchar_t *";
  else
    return std::nullopt;
  // Only before a plain statement: before a loop or an `if` the value
  // would be read once instead of where the header reads it.
  const Stmt *Anchor = enclosingBlockStatement(Body, Call.getBeginLoc(),
                                               Ctx.getSourceManager());
  if (!Anchor || !isa<DeclStmt, ReturnStmt, Expr>(Anchor))
    return std::nullopt;
  std::optional<std::string> Text = sourceText(Call, Ctx);
  if (!Text)
    return std::nullopt;
  std::optional<FixItHint> Declaration = insertStatementBefore(
      Body, Call, Declared + Name.str() + " = " + *Text + ";", Ctx);
  if (!Declaration)
    return std::nullopt;
  std::string Use = (Name + " ? " + Name + " : " + FallbackLiteral).str();
  if (needsParensForConditional(Call, Ctx))
    Use = "(" + Use + ")";
  return llvm::SmallVector<FixItHint, 2>{
      *Declaration, FixItHint::CreateReplacement(Call.getSourceRange(), Use)};
}

std::optional<FixItHint> insertStatementBefore(const Stmt &Body,
                                               const Expr &Target,
                                               llvm::StringRef Statement,
                                               ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Anchor =
      enclosingBlockStatement(Body, Target.getBeginLoc(), SM);
  if (!Anchor || Anchor->getBeginLoc().isMacroID())
    return std::nullopt;
  SourceLocation Loc = Anchor->getBeginLoc();
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return std::nullopt;
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Before = Buffer.slice(LineStart, Offset);
  // Alone on its line: repeat the indentation; after other code: a space.
  std::string Separator = Before.trim(" \t").empty()
                              ? "\n" + Before.str()
                              : std::string(" ");
  return FixItHint::CreateInsertion(Loc, (Statement + Separator).str());
}

std::optional<FixItHint> insertStatementAfter(const Stmt &Body,
                                              const Expr &Target,
                                              llvm::StringRef Statement,
                                              ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Anchor =
      enclosingBlockStatement(Body, Target.getBeginLoc(), SM);
  if (!Anchor)
    return std::nullopt;
  CharSourceRange Range = SM.getExpansionRange(Anchor->getSourceRange());
  SourceLocation Begin = Range.getBegin();
  // The last token of the statement; an expression statement ends at the
  // `;` after it.
  SourceLocation End = Lexer::getLocForEndOfToken(Range.getEnd(), 0, SM,
                                                  Ctx.getLangOpts());
  if (Begin.isInvalid() || End.isInvalid() ||
      SM.getFileID(Begin) != SM.getFileID(End))
    return std::nullopt;
  auto [File, BeginOffset] = SM.getDecomposedLoc(Begin);
  unsigned EndOffset = SM.getFileOffset(End);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || EndOffset > Buffer.size())
    return std::nullopt;
  size_t After = Buffer.find_first_not_of(" \t", EndOffset);
  if (After != llvm::StringRef::npos && Buffer[After] == ';')
    EndOffset = After + 1;
  // A comment that ends the line stays with the statement it is about.
  size_t LineEnd = Buffer.find('\n', EndOffset);
  if (LineEnd == llvm::StringRef::npos)
    LineEnd = Buffer.size();
  llvm::StringRef Rest = Buffer.slice(EndOffset, LineEnd).trim(" \t\r");
  if (Rest.empty() || Rest.starts_with("//"))
    EndOffset = Buffer.slice(0, LineEnd).rtrim(" \t\r").size();
  size_t LineStart = Buffer.rfind('\n', BeginOffset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Before = Buffer.slice(LineStart, BeginOffset);
  // Alone on its line: a line of its own with the same indentation; after
  // other code: a space.
  std::string Separator = Before.trim(" \t").empty()
                              ? "\n" + Before.str()
                              : std::string(" ");
  return FixItHint::CreateInsertion(
      SM.getComposedLoc(File, EndOffset), (Separator + Statement).str());
}

std::optional<std::string> writtenText(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E.getSourceRange()), SM,
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

namespace {

class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  llvm::StringSet<> Names;
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl()->getIdentifier())
      Names.insert(E->getDecl()->getName());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }
};

} // namespace

llvm::StringSet<> namesUsedIn(const Decl &D) {
  NameCollector Collector;
  Collector.TraverseDecl(const_cast<Decl *>(&D));
  return std::move(Collector.Names);
}

bool isFreshName(llvm::StringRef Name, const llvm::StringSet<> &Used,
                 ASTContext &Ctx) {
  IdentifierInfo &Id = Ctx.Idents.get(Name);
  return !Id.isKeyword(Ctx.getLangOpts()) && !Id.hasMacroDefinition() &&
         !Used.contains(Name) &&
         Ctx.getTranslationUnitDecl()->lookup(&Id).empty();
}

} // namespace clang::tidy::prodready::fixits
