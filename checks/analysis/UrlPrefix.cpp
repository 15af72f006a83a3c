//===--- UrlPrefix.cpp - prodready ----------------------------------------===//

#include "UrlPrefix.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

/// How far a prefix is followed through variables and their initializers.
constexpr unsigned MaxDepth = 4;

const VarDecl *variableOf(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
      E ? stripValueWrappers(E)->IgnoreParenImpCasts() : nullptr);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

llvm::StringRef calleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

bool isStringOrStream(QualType Type) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  llvm::StringRef Name = Record->getName();
  return Name == "basic_string" || Name == "basic_string_view" ||
         Name == "basic_ostringstream" || Name == "basic_stringstream";
}

/// The member calls that read a string or stream's text: `c_str()`,
/// `data()`, `str()`, `string()`.
bool isTextAccessor(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->getIdentifier() && Call.getNumArgs() == 0 &&
         llvm::StringSwitch<bool>(Method->getName())
             .Cases("c_str", "data", "str", "string", "view", true)
             .Default(false);
}

/// The root of `os << a << b`, and its pieces after the root.
const Expr *streamChain(const CXXOperatorCallExpr &Join,
                        llvm::SmallVectorImpl<const Expr *> &Pieces) {
  const Expr *Root = &Join;
  while (const auto *Op =
             dyn_cast<CXXOperatorCallExpr>(stripValueWrappers(Root))) {
    if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      break;
    Pieces.insert(Pieces.begin(), Op->getArg(1));
    Root = Op->getArg(0);
  }
  return Root;
}

/// Reconstructs the text of expressions from the source.
class PieceReader {
public:
  PieceReader(const Stmt *Body, const SourceManager &SM)
      : Body(Body), SM(SM) {}

  /// The pieces of the value of \p E, as evaluated at \p At.
  void value(const Expr *E, SourceLocation At, unsigned Depth,
             llvm::SmallVectorImpl<TextPiece> &Out);
  /// The content of \p Var just before \p At; false if the function
  /// changes it in ways this reader does not follow.
  bool content(const VarDecl &Var, SourceLocation At, unsigned Depth,
               llvm::SmallVectorImpl<TextPiece> &Out);
  /// The pieces `printf`'s \p Format with its arguments from \p First.
  bool printfPieces(const CallExpr &Call, unsigned FormatIndex,
                    SourceLocation At, unsigned Depth,
                    llvm::SmallVectorImpl<TextPiece> &Out);
  /// The pieces of `std::format`/`fmt::format`.
  bool formatPieces(const CallExpr &Call, SourceLocation At, unsigned Depth,
                    llvm::SmallVectorImpl<TextPiece> &Out);

private:
  /// What a statement of the function does to the variable's text.
  struct Write {
    enum Kind { Replace, Append, Format, Unknown } What;
    const Expr *Value;        ///< Replace, Append.
    const CallExpr *Call;     ///< Format.
    unsigned FormatIndex;     ///< Format.
    SourceLocation Where;
  };
  void collectWrites(const Stmt *S, const VarDecl &Var,
                     llvm::SmallVectorImpl<Write> &Out) const;
  bool isBefore(SourceLocation A, SourceLocation B) const {
    return SM.isBeforeInTranslationUnit(A, B);
  }

  const Stmt *Body;
  const SourceManager &SM;
};

void PieceReader::value(const Expr *E, SourceLocation At, unsigned Depth,
                        llvm::SmallVectorImpl<TextPiece> &Out) {
  E = stripValueWrappers(E);
  if (!E)
    return;
  auto Opaque = [&] { Out.push_back({"", E}); };
  if (Depth > MaxDepth)
    return Opaque();
  if (const auto *Literal = dyn_cast<StringLiteral>(E)) {
    if (Literal->getCharByteWidth() != 1)
      return Opaque();
    Out.push_back({Literal->getString().str(), nullptr});
    return;
  }
  if (const auto *Char = dyn_cast<CharacterLiteral>(E)) {
    Out.push_back({std::string(1, static_cast<char>(Char->getValue())),
                   nullptr});
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      value(Op->getArg(0), At, Depth, Out);
      value(Op->getArg(1), At, Depth, Out);
      return;
    }
    return Opaque();
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // std::string(text), std::string_view(text): the same text.
    if (Construct->getNumArgs() >= 1 &&
        (Construct->getNumArgs() == 1 ||
         isa<CXXDefaultArgExpr>(Construct->getArg(1))))
      return value(Construct->getArg(0), At, Depth, Out);
    return Opaque();
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    if (isTextAccessor(*Member))
      return value(Member->getImplicitObjectArgument(), At, Depth, Out);
    return Opaque();
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    llvm::StringRef Name = calleeName(*Call);
    if (Name == "format" && formatPieces(*Call, At, Depth, Out))
      return;
    return Opaque();
  }
  if (const VarDecl *Var = variableOf(E)) {
    // A constant: its initializer. A local string or buffer: what the
    // function put into it.
    if (Var->getType().isConstQualified() && Var->getInit())
      return value(Var->getInit(), At, Depth + 1, Out);
    if (Var->isLocalVarDecl() && !Var->isStaticLocal()) {
      llvm::SmallVector<TextPiece, 4> Content;
      if (content(*Var, At, Depth + 1, Content)) {
        Out.append(Content.begin(), Content.end());
        return;
      }
    }
  }
  Opaque();
}

void PieceReader::collectWrites(const Stmt *S, const VarDecl &Var,
                                llvm::SmallVectorImpl<Write> &Out) const {
  if (!S || isa<LambdaExpr>(S))
    return;
  auto Is = [&](const Expr *E) { return variableOf(E) == &Var; };
  auto Add = [&](Write::Kind What, const Expr *Value, const Stmt &Where) {
    Out.push_back({What, Value, nullptr, 0, Where.getBeginLoc()});
  };
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (D == &Var && Var.getInit())
        Add(Write::Replace, Var.getInit(), *S);
  } else if (const auto *Op = dyn_cast<BinaryOperator>(S)) {
    if (Op->getOpcode() == BO_Assign && Is(Op->getLHS()))
      Add(Write::Replace, Op->getRHS(), *S);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    // `os << a << b`: the chain's root is the stream; its pieces are
    // appended in order (the outermost call is seen first).
    if (Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2) {
      llvm::SmallVector<const Expr *, 4> Pieces;
      if (Is(streamChain(*Op, Pieces))) {
        for (const Expr *Piece : Pieces)
          Add(Write::Append, Piece, *S);
        for (const Expr *Piece : Pieces)
          collectWrites(Piece, Var, Out);
        return;
      }
    }
    if (Op->getNumArgs() == 2 && Is(Op->getArg(0))) {
      if (Op->getOperator() == OO_Equal)
        Add(Write::Replace, Op->getArg(1), *S);
      else if (Op->getOperator() == OO_PlusEqual)
        Add(Write::Append, Op->getArg(1), *S);
      else if (Op->getOperator() != OO_Subscript)
        Add(Write::Unknown, nullptr, *S);
    }
  } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Is(Member->getImplicitObjectArgument()) &&
        !Method->isConst()) {
      llvm::StringRef Name =
          Method->getIdentifier() ? Method->getName() : llvm::StringRef();
      if ((Name == "append" || Name == "push_back") &&
          Member->getNumArgs() == 1)
        Add(Write::Append, Member->getArg(0), *S);
      else if (Name == "assign" && Member->getNumArgs() == 1)
        Add(Write::Replace, Member->getArg(0), *S);
      else if (Name == "clear")
        Add(Write::Replace, nullptr, *S);
      else if (!llvm::StringSwitch<bool>(Name)
                    .Cases("c_str", "data", "size", "length", "empty", true)
                    .Cases("reserve", "str", "begin", "end", true)
                    .Default(false))
        Add(Write::Unknown, nullptr, *S);
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    llvm::StringRef Name = calleeName(*Call);
    if (Call->getNumArgs() >= 2 && Is(Call->getArg(0))) {
      if (Name == "strcpy" || Name == "strncpy")
        Add(Write::Replace, Call->getArg(1), *S);
      else if (Name == "strcat" || Name == "strncat")
        Add(Write::Append, Call->getArg(1), *S);
      else if (Name == "sprintf" || Name == "snprintf")
        Out.push_back({Write::Format, nullptr, Call,
                       Name == "sprintf" ? 1u : 2u, S->getBeginLoc()});
      else
        Add(Write::Unknown, nullptr, *S);
    } else {
      // Passed where it can be written (`fgets(url, ...)`, `read(url)`).
      const FunctionDecl *Callee = Call->getDirectCallee();
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        const Expr *Arg = stripValueWrappers(Call->getArg(I));
        if (const auto *AddrOf = dyn_cast<UnaryOperator>(Arg);
            AddrOf && AddrOf->getOpcode() == UO_AddrOf)
          Arg = AddrOf->getSubExpr();
        if (!Is(Arg))
          continue;
        const ParmVarDecl *Param =
            Callee && I < Callee->getNumParams() ? Callee->getParamDecl(I)
                                                 : nullptr;
        QualType Type = Param ? Param->getType() : QualType();
        if (!Param ||
            ((Type->isPointerType() || Type->isReferenceType()) &&
             !Type->getPointeeType().isConstQualified()))
          Add(Write::Unknown, nullptr, *S);
      }
    }
  }
  for (const Stmt *Child : S->children())
    collectWrites(Child, Var, Out);
}

bool PieceReader::content(const VarDecl &Var, SourceLocation At,
                          unsigned Depth,
                          llvm::SmallVectorImpl<TextPiece> &Out) {
  if (!Body || Depth > MaxDepth ||
      !(isStringOrStream(Var.getType()) || Var.getType()->isArrayType() ||
        Var.getType()->isPointerType()))
    return false;
  llvm::SmallVector<Write, 4> Writes;
  collectWrites(Body, Var, Writes);
  llvm::SmallVector<const Write *, 4> Since; // From the last replacement.
  for (const Write &W : Writes) {
    if (!isBefore(W.Where, At))
      continue;
    if (W.What == Write::Unknown)
      return false;
    if (W.What != Write::Append)
      Since.clear();
    Since.push_back(&W);
  }
  for (const Write *W : Since) {
    if (W->What == Write::Format) {
      if (!printfPieces(*W->Call, W->FormatIndex, W->Where, Depth, Out))
        return false;
    } else if (W->Value) {
      value(W->Value, W->Where, Depth, Out);
    }
  }
  return true;
}

bool PieceReader::printfPieces(const CallExpr &Call, unsigned FormatIndex,
                               SourceLocation At, unsigned Depth,
                               llvm::SmallVectorImpl<TextPiece> &Out) {
  if (FormatIndex >= Call.getNumArgs())
    return false;
  const auto *Format =
      dyn_cast<StringLiteral>(stripValueWrappers(Call.getArg(FormatIndex)));
  if (!Format || Format->getCharByteWidth() != 1)
    return false;
  llvm::StringRef Text = Format->getString();
  unsigned Arg = FormatIndex + 1;
  std::string Literal;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '%') {
      Literal += Text[I];
      continue;
    }
    if (I + 1 < Text.size() && Text[I + 1] == '%') {
      Literal += '%';
      ++I;
      continue;
    }
    // %[flags][width][.precision][length]conversion; a `*` takes an
    // argument.
    size_t J = I + 1;
    while (J < Text.size() && llvm::StringRef("-+ #0'").contains(Text[J]))
      ++J;
    auto Amount = [&] {
      if (J < Text.size() && Text[J] == '*') {
        ++Arg;
        ++J;
      }
      while (J < Text.size() && llvm::isDigit(Text[J]))
        ++J;
    };
    Amount();
    if (J < Text.size() && Text[J] == '.') {
      ++J;
      Amount();
    }
    while (J < Text.size() && llvm::StringRef("hljztLq").contains(Text[J]))
      ++J;
    if (J >= Text.size())
      return false;
    if (!Literal.empty())
      Out.push_back({Literal, nullptr});
    Literal.clear();
    if (Arg >= Call.getNumArgs())
      return false;
    value(Call.getArg(Arg++), At, Depth + 1, Out);
    I = J;
  }
  if (!Literal.empty())
    Out.push_back({Literal, nullptr});
  return true;
}

bool PieceReader::formatPieces(const CallExpr &Call, SourceLocation At,
                               unsigned Depth,
                               llvm::SmallVectorImpl<TextPiece> &Out) {
  if (Call.getNumArgs() == 0)
    return false;
  // std::format's format is a basic_format_string constructed from the
  // literal; fmt's likewise.
  const Expr *FormatArg = stripValueWrappers(Call.getArg(0));
  while (const auto *Construct = dyn_cast<CXXConstructExpr>(FormatArg)) {
    if (Construct->getNumArgs() == 0)
      return false;
    FormatArg = stripValueWrappers(Construct->getArg(0));
  }
  const auto *Format = dyn_cast<StringLiteral>(FormatArg);
  if (!Format || Format->getCharByteWidth() != 1)
    return false;
  llvm::StringRef Text = Format->getString();
  unsigned Next = 1;
  std::string Literal;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if ((C == '{' || C == '}') && I + 1 < Text.size() && Text[I + 1] == C) {
      Literal += C;
      ++I;
      continue;
    }
    if (C != '{') {
      Literal += C;
      continue;
    }
    size_t Close = Text.find('}', I);
    if (Close == llvm::StringRef::npos)
      return false;
    llvm::StringRef Field = Text.slice(I + 1, Close).split(':').first;
    unsigned Index = Next++;
    if (!Field.empty() && Field.getAsInteger(10, Index))
      return false;
    if (!Field.empty())
      ++Index; // {0} is the first argument after the format.
    if (Index >= Call.getNumArgs())
      return false;
    if (!Literal.empty())
      Out.push_back({Literal, nullptr});
    Literal.clear();
    value(Call.getArg(Index), At, Depth + 1, Out);
    I = Close;
  }
  if (!Literal.empty())
    Out.push_back({Literal, nullptr});
  return true;
}

} // namespace

bool joinPieces(const Expr &Join, const Stmt *Body, const SourceManager &SM,
                llvm::SmallVectorImpl<TextPiece> &Out) {
  PieceReader Reader(Body, SM);
  SourceLocation At = Join.getBeginLoc();
  // What a join onto a target added to: the target's earlier content.
  auto Target = [&](const Expr *T) {
    const VarDecl *Var = variableOf(T);
    llvm::SmallVector<TextPiece, 4> Content;
    if (Var && Var->isLocalVarDecl() && Reader.content(*Var, At, 1, Content))
      Out.append(Content.begin(), Content.end());
    else
      Out.push_back({"", T});
  };
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Join)) {
    if (Op->getNumArgs() != 2)
      return false;
    switch (Op->getOperator()) {
    case OO_Plus:
      Reader.value(Op, At, 0, Out);
      return true;
    case OO_PlusEqual:
      Target(Op->getArg(0));
      Reader.value(Op->getArg(1), At, 0, Out);
      return true;
    case OO_LessLess: {
      llvm::SmallVector<const Expr *, 4> Pieces;
      Target(streamChain(*Op, Pieces));
      for (const Expr *Piece : Pieces)
        Reader.value(Piece, At, 0, Out);
      return true;
    }
    default:
      return false;
    }
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Join)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() || Member->getNumArgs() != 1 ||
        (Method->getName() != "append" && Method->getName() != "concat"))
      return false;
    Target(Member->getImplicitObjectArgument());
    Reader.value(Member->getArg(0), At, 0, Out);
    return true;
  }
  const auto *Call = dyn_cast<CallExpr>(&Join);
  if (!Call)
    return false;
  llvm::StringRef Name = calleeName(*Call);
  unsigned NumArgs = Call->getNumArgs();
  if ((Name == "strcat" || Name == "strncat") && NumArgs >= 2) {
    Target(Call->getArg(0));
    Reader.value(Call->getArg(1), At, 0, Out);
    return true;
  }
  if (Name == "sprintf" || Name == "snprintf")
    return Reader.printfPieces(*Call, Name == "sprintf" ? 1 : 2, At, 0, Out);
  if (Name == "format")
    return Reader.formatPieces(*Call, At, 0, Out);
  // curl_url_set(u, CURLUPART_HOST, host, 0): the part names the server.
  if (Name == "curl_url_set" && NumArgs >= 3) {
    Out.push_back({"", Call->getArg(2)});
    return true;
  }
  return false;
}

namespace {
/// The function of \p Candidates whose body contains \p S, innermost
/// (last) first.
const Decl *unitContaining(const Stmt &S,
                           llvm::ArrayRef<const Decl *> Candidates,
                           const SourceManager &SM) {
  for (const Decl *Unit : llvm::reverse(Candidates))
    if (const Stmt *Body = Unit ? Unit->getBody() : nullptr;
        Body && containsStmt(*Body, S, SM))
      return Unit;
  return nullptr;
}
} // namespace

UrlJoin classifyUrlJoin(const TaintHit &Hit, const Decl &Unit,
                        TaintEngine &Engine, bool HostOnly) {
  const Expr *Join = Hit.Value.Join;
  if (!Join)
    return UrlJoin::AtStart;
  const SourceManager &SM = Unit.getASTContext().getSourceManager();
  // The join is in the unit or in a function the value was passed to.
  llvm::SmallVector<const Decl *, 4> Candidates{&Unit};
  for (const CallExpr *Call : Hit.Calls)
    if (const FunctionDecl *Callee = userDefinition(*Call, SM))
      Candidates.push_back(Callee);
  const Decl *JoinUnit = unitContaining(*Join, Candidates, SM);
  // A form this file does not read: the analysis' own verdict, whether
  // the base was a value the program chose.
  UrlJoin EngineVerdict =
      Hit.Value.UnderChosenBase ? UrlJoin::HostFixed : UrlJoin::AtStart;
  llvm::SmallVector<TextPiece, 8> Pieces;
  if (!JoinUnit || !joinPieces(*Join, JoinUnit->getBody(), SM, Pieces))
    return EngineVerdict;
  std::string Prefix;
  for (const TextPiece &Piece : Pieces) {
    if (!Piece.Value) {
      Prefix += Piece.Text;
      continue;
    }
    // The first piece with the data (untrusted, or a parameter that
    // carries it) is where the prefix ends.
    if (Engine.valueAt(*JoinUnit, *Piece.Value, *Join).Labels) {
      if (Prefix.empty())
        return UrlJoin::AtStart;
      return prefixFixesHost(Prefix, Hit.Value.Numeric, HostOnly)
                 ? UrlJoin::HostFixed
                 : UrlJoin::AfterPrefix;
    }
    Prefix += OpaqueMark;
  }
  return EngineVerdict;
}

bool prefixFixesHost(llvm::StringRef Prefix, bool Numeric, bool HostOnly) {
  if (Prefix.empty())
    return false;
  auto PortFollows = [&](llvm::StringRef Host) {
    return Numeric && Host.size() >= 2 && Host.back() == ':' &&
           Host.drop_back().find_first_of("/@") == llvm::StringRef::npos;
  };
  if (HostOnly)
    return PortFollows(Prefix);
  // A base the program holds (`base_url_ + path`): its own choice.
  if (Prefix.front() == OpaqueMark)
    return true;
  llvm::StringRef Rest = Prefix;
  bool HasScheme = false;
  if (size_t Colon = Rest.find(':');
      Colon != llvm::StringRef::npos && Colon > 0 && llvm::isAlpha(Rest.front()) &&
      Rest.take_front(Colon).find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") ==
          llvm::StringRef::npos) {
    HasScheme = true;
    // `localhost:` + a port.
    if (Rest.size() == Colon + 1 && Numeric)
      return true;
    Rest = Rest.drop_front(Colon + 1);
  }
  if (Rest.starts_with("//")) {
    llvm::StringRef Authority = Rest.drop_front(2);
    size_t End = Authority.find_first_of("/?#");
    if (End != llvm::StringRef::npos)
      return End > 0;
    return PortFollows(Authority);
  }
  // `http:` or `http:/`: the authority is still to come.
  if (HasScheme)
    return false;
  // No scheme: past a path or query delimiter (`"/v1/" + name`,
  // `"?q=" + term`), the text is not a host.
  return Rest.find_first_of("/?#=&") != llvm::StringRef::npos;
}

} // namespace clang::tidy::prodready
