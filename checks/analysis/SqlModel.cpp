//===--- SqlModel.cpp - prodready -----------------------------------------===//

#include "SqlModel.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

/// A function of a C library (global, `extern "C"`) or of std.
bool isCFunction(const FunctionDecl &F) {
  const DeclContext *Context = F.getDeclContext()->getRedeclContext();
  return Context->isTranslationUnit() || F.isExternC() ||
         F.isInStdNamespace();
}

bool isInNamespace(const Decl &D, llvm::StringRef Name) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
      if (Namespace->getName() == Name)
        return true;
  return false;
}

std::optional<SqlSink> sinkAt(const CallExpr &Call, unsigned Index,
                              std::string What, SqlLibrary Library) {
  if (Index >= Call.getNumArgs())
    return std::nullopt;
  return SqlSink{Call.getArg(Index), "'" + What + "'", Library};
}

/// The SQL text argument of a C API function, or -1.
int cSinkIndex(llvm::StringRef Name, SqlLibrary &Library) {
  if (Name.starts_with("sqlite3_")) {
    Library = SqlLibrary::SQLite;
    return llvm::StringSwitch<int>(Name)
        .Cases("sqlite3_exec", "sqlite3_prepare", "sqlite3_prepare_v2", 1)
        .Cases("sqlite3_prepare_v3", "sqlite3_prepare16", 1)
        .Cases("sqlite3_prepare16_v2", "sqlite3_prepare16_v3", 1)
        .Default(-1);
  }
  if (Name.starts_with("PQ")) {
    Library = SqlLibrary::LibPQ;
    return llvm::StringSwitch<int>(Name)
        .Cases("PQexec", "PQsendQuery", "PQexecParams", "PQsendQueryParams",
               1)
        // The statement, not its name.
        .Cases("PQprepare", "PQsendPrepare", 2)
        .Default(-1);
  }
  if (Name.starts_with("mysql_")) {
    Library = SqlLibrary::MySQL;
    return llvm::StringSwitch<int>(Name)
        .Cases("mysql_query", "mysql_real_query", "mysql_send_query", 1)
        .Case("mysql_stmt_prepare", 1)
        // The non-blocking API: `int *ret` comes first.
        .Cases("mysql_query_start", "mysql_real_query_start",
               "mysql_send_query_start", 2)
        .Default(-1);
  }
  return -1;
}

/// The query argument of a libpqxx member function, or -1.
int pqxxSinkIndex(const CXXMethodDecl &Method, unsigned NumArgs) {
  llvm::StringRef Name = Method.getName();
  // The `_n` forms take the expected number of rows first.
  if (Name == "exec_n" || Name == "exec_params_n" || Name == "query_n")
    return 1;
  if (Name == "prepare") // prepare(name, definition) or prepare(definition)
    return NumArgs >= 2 ? 1 : 0;
  bool Query = llvm::StringSwitch<bool>(Name)
                   .Cases("exec", "exec0", "exec1", "exec_params", true)
                   .Cases("exec_params0", "exec_params1", "parameterized",
                          true)
                   .Cases("query", "query_value", "query1", "query01", true)
                   .Cases("stream", "for_query", "for_stream", true)
                   .Default(false);
  // pipeline::insert(query) queues a query.
  if (Name == "insert" && Method.getParent()->getName() == "pipeline")
    return 0;
  return Query ? 0 : -1;
}

CallModel quotingResult(const CallExpr &Call, const FunctionDecl &Callee) {
  // What it returns is quoted, and so is what it writes through a pointer
  // or reference (`escape_into(buf, name)`, an in-place `escape(s)`).
  CallModel Model;
  Model.Effect = CallEffect::FormatCarried;
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                            isa<CXXMethodDecl>(Callee) &&
                            !cast<CXXMethodDecl>(Callee).isStatic()
                        ? 1
                        : 0;
  for (const ParmVarDecl *Param : Callee.parameters()) {
    QualType Type = Param->getType();
    bool Out = (Type->isPointerType() || Type->isLValueReferenceType()) &&
               !Type->getPointeeType().isConstQualified();
    unsigned Arg = Param->getFunctionScopeIndex() + Offset;
    if (Out && Arg < Call.getNumArgs())
      Model.OutArgs.push_back(Arg);
  }
  return Model;
}

CallModel escapeInto(const CallExpr &Call, unsigned Target) {
  CallModel Model;
  Model.Effect = CallEffect::FormatCarried;
  if (Target < Call.getNumArgs())
    Model.OutArgs.push_back(Target);
  return Model;
}

/// The C libraries' escaping functions that write into a buffer: the
/// index of the buffer, or -1.
int escapeTarget(llvm::StringRef Name) {
  return llvm::StringSwitch<int>(Name)
      .Cases("PQescapeStringConn", "mysql_real_escape_string", 1)
      .Case("mysql_real_escape_string_quote", 1)
      .Cases("PQescapeString", "mysql_escape_string", 0)
      .Default(-1);
}

/// A project's own quoting helper, by its name: `quote_ident`,
/// `escapeString`, `db_escape`, `sqlQuote` (not `unquote`).
bool isQuotingHelper(const FunctionDecl &F) {
  if (!F.getIdentifier() || F.isInStdNamespace())
    return false;
  std::string Name = F.getName().lower();
  llvm::StringRef Lower(Name);
  if (Lower.contains("unquote") || Lower.contains("unescape"))
    return false;
  return Lower.contains("quote") || Lower.contains("escape");
}

/// sqlite3_mprintf(fmt, ...), sqlite3_snprintf(n, buf, fmt, ...),
/// asprintf(&out, fmt, ...), g_strdup_printf(fmt, ...): the result (and
/// the buffer) carry only the arguments printed unquoted.
std::optional<CallModel> printfModel(const CallExpr &Call,
                                     llvm::StringRef Name) {
  unsigned FormatIndex;
  std::optional<unsigned> Out;
  bool Sqlite = Name.starts_with("sqlite3_");
  if (Name == "sqlite3_mprintf" || Name == "g_strdup_printf")
    FormatIndex = 0;
  else if (Name == "sqlite3_snprintf")
    FormatIndex = 2, Out = 1;
  else if (Name == "asprintf")
    FormatIndex = 1, Out = 0;
  else
    return std::nullopt;
  if (FormatIndex >= Call.getNumArgs())
    return std::nullopt;
  const auto *Format = dyn_cast<StringLiteral>(
      stripValueWrappers(Call.getArg(FormatIndex)));
  if (!Format || Format->getCharByteWidth() != 1)
    return std::nullopt; // Not understood: every argument is carried.
  unsigned First = FormatIndex + 1;
  std::optional<llvm::SmallVector<unsigned, 4>> Unquoted =
      unquotedPrintfArguments(Format->getString(), Call.getNumArgs() - First,
                              Sqlite);
  if (!Unquoted)
    return std::nullopt;
  CallModel Model;
  Model.Effect = CallEffect::FormatCarried;
  for (unsigned Index : *Unquoted)
    Model.Carried.push_back(First + Index);
  if (Out)
    Model.OutArgs.push_back(*Out);
  return Model;
}

/// The text of \p E if it is a string or character literal, also as a
/// `std::string` built from one (`std::string("...")`, `"..."s`).
std::optional<std::string> literalText(const Expr *E) {
  while (true) {
    E = stripValueWrappers(E);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1 &&
        llvm::all_of(llvm::drop_begin(Construct->arguments()),
                     [](const Expr *Arg) { return isa<CXXDefaultArgExpr>(Arg); })) {
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E);
        Literal && Literal->getCookedLiteral()) {
      E = Literal->getCookedLiteral();
      continue;
    }
    break;
  }
  if (const auto *String = dyn_cast<StringLiteral>(E))
    return String->getCharByteWidth() == 1 ? String->getString().str()
                                           : std::string();
  if (const auto *Char = dyn_cast<CharacterLiteral>(E))
    return std::string(1, static_cast<char>(Char->getValue()));
  return std::nullopt;
}

/// `a + b + c`, `os << a << b`: the operands in order.
void concatenated(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Pieces) {
  E = stripValueWrappers(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 2 &&
      (Op->getOperator() == OO_Plus || Op->getOperator() == OO_LessLess)) {
    concatenated(Op->getArg(0), Pieces);
    concatenated(Op->getArg(1), Pieces);
    return;
  }
  Pieces.push_back(E);
}

/// Text that opens an SQL string literal right before a piece: it ends
/// with `'`, LIKE wildcards (`'%`) aside.
bool opensLiteral(llvm::StringRef Before) {
  return Before.rtrim("%_").ends_with("'");
}

/// The arguments of a format call (printf or {fmt} style) printed right
/// after an opening quote.
void quotedFields(const CallExpr &Call, const FunctionDecl &Callee,
                  llvm::SmallVectorImpl<const Expr *> &Out) {
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I) {
    std::optional<std::string> Format = literalText(Call.getArg(I));
    if (!Format)
      continue;
    llvm::StringRef Name = Callee.getName();
    bool Printf = Callee.isVariadic() || Name.contains("printf") ||
                  Name == "StrFormat";
    auto Fields = Printf ? printfFields(*Format, Name.starts_with("sqlite3_"))
                         : braceFields(*Format);
    if (!Fields)
      return;
    for (const FormatField &Field : *Fields) {
      bool Text = !Printf || llvm::StringRef("sz").contains(Field.Conversion);
      unsigned Arg = I + 1 + Field.Arg;
      if (Text && Arg < N &&
          opensLiteral(llvm::StringRef(*Format).take_front(Field.Offset)))
        Out.push_back(Call.getArg(Arg));
    }
    return; // The first literal is the format.
  }
}

/// A project's own printf-like function (`stringtf(const char *fmt,
/// ...)`), called with a literal format: like sqlite3_mprintf's `%s`, the
/// result carries the arguments printed as text.
std::optional<CallModel> projectPrintfModel(const CallExpr &Call,
                                            const FunctionDecl &Callee) {
  unsigned Fixed = Callee.getNumParams();
  const SourceManager &SM = Callee.getASTContext().getSourceManager();
  if (!Callee.isVariadic() || Fixed == 0 || Fixed > Call.getNumArgs() ||
      llvm::any_of(Callee.redecls(), [&](const FunctionDecl *D) {
        return SM.isInSystemHeader(D->getLocation());
      }))
    return std::nullopt;
  const auto *Format =
      dyn_cast<StringLiteral>(stripValueWrappers(Call.getArg(Fixed - 1)));
  if (!Format || Format->getCharByteWidth() != 1 ||
      !Format->getString().contains('%'))
    return std::nullopt;
  std::optional<llvm::SmallVector<unsigned, 4>> Unquoted =
      unquotedPrintfArguments(Format->getString(), Call.getNumArgs() - Fixed,
                              /*SqliteQuoting=*/false);
  if (!Unquoted)
    return std::nullopt;
  CallModel Model;
  Model.Effect = CallEffect::FormatCarried;
  for (unsigned Index : *Unquoted)
    Model.Carried.push_back(Fixed + Index);
  return Model;
}

} // namespace

llvm::SmallVector<const Expr *, 2> quotedPieces(const Expr &Join) {
  llvm::SmallVector<const Expr *, 2> Quoted;
  const auto *Call = dyn_cast<CallExpr>(&Join);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return Quoted;
  llvm::SmallVector<const Expr *, 4> Pieces;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_Plus && Op->getOperator() != OO_LessLess)
      return Quoted;
    concatenated(Op, Pieces);
  } else if (Callee->getIdentifier() && Callee->getName() == "StrCat") {
    Pieces.append(Call->arg_begin(), Call->arg_end());
  } else if (Callee->getIdentifier()) {
    quotedFields(*Call, *Callee, Quoted);
    return Quoted;
  }
  for (unsigned I = 1; I < Pieces.size(); ++I) {
    std::optional<std::string> Before = literalText(Pieces[I - 1]);
    if (Before && !literalText(Pieces[I]) && opensLiteral(*Before))
      Quoted.push_back(Pieces[I]);
  }
  return Quoted;
}

std::optional<SqlSink> librarySqlSink(const Expr &E) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    if (!isInNamespace(*Method, "pqxx"))
      return std::nullopt;
    int Index = pqxxSinkIndex(*Method, Call->getNumArgs());
    if (Index < 0)
      return std::nullopt;
    return sinkAt(*Call, Index, Method->getQualifiedNameAsString(),
                  SqlLibrary::Pqxx);
  }
  if (!isCFunction(*Callee))
    return std::nullopt;
  SqlLibrary Library = SqlLibrary::Other;
  int Index = cSinkIndex(Callee->getName(), Library);
  if (Index < 0)
    return std::nullopt;
  return sinkAt(*Call, Index, Callee->getName().str(), Library);
}

llvm::StringRef placeholderAdvice(SqlLibrary Library) {
  switch (Library) {
  case SqlLibrary::SQLite:
    return "a '?' placeholder with sqlite3_bind_text()";
  case SqlLibrary::LibPQ:
    return "a '$1' placeholder with PQexecParams()";
  case SqlLibrary::MySQL:
    return "a '?' placeholder with mysql_stmt_bind_param()";
  case SqlLibrary::Pqxx:
    return "a '$1' placeholder with exec_params()";
  case SqlLibrary::Other:
    break;
  }
  return "a placeholder";
}

std::optional<llvm::SmallVector<FormatField, 4>>
printfFields(llvm::StringRef Format, bool SqliteQuoting) {
  llvm::SmallVector<FormatField, 4> Fields;
  // For sqlite3, `q` and `z` are conversions, not length modifiers.
  llvm::StringRef Lengths = SqliteQuoting ? "hlLjt" : "hlLjtzq";
  unsigned Next = 0;
  size_t I = 0, N = Format.size();
  auto Digits = [&] {
    while (I < N && isDigit(Format[I]))
      ++I;
  };
  while ((I = Format.find('%', I)) != llvm::StringRef::npos) {
    size_t Start = I;
    if (++I < N && Format[I] == '%') {
      ++I;
      continue;
    }
    while (I < N && llvm::StringRef("-+ #0!,'").contains(Format[I]))
      ++I;
    if (I < N && Format[I] == '*')
      ++Next, ++I; // The width is an argument (a number).
    Digits();
    if (I < N && Format[I] == '.') {
      ++I;
      if (I < N && Format[I] == '*')
        ++Next, ++I;
      Digits();
    }
    while (I < N && Lengths.contains(Format[I]))
      ++I;
    if (I >= N)
      return std::nullopt;
    Fields.push_back({Next++, Format[I++], Start});
  }
  return Fields;
}

std::optional<llvm::SmallVector<FormatField, 4>>
braceFields(llvm::StringRef Format) {
  llvm::SmallVector<FormatField, 4> Fields;
  unsigned Next = 0;
  for (size_t I = 0, N = Format.size(); I < N; ++I) {
    if (Format[I] != '{')
      continue;
    if (I + 1 < N && Format[I + 1] == '{') {
      ++I; // `{{` is a brace.
      continue;
    }
    size_t Close = Format.find('}', I);
    if (Close == llvm::StringRef::npos)
      return std::nullopt;
    llvm::StringRef Id = Format.slice(I + 1, Close).split(':').first;
    unsigned Arg;
    if (Id.empty())
      Arg = Next++;
    else if (Id.getAsInteger(10, Arg))
      return std::nullopt; // A named argument.
    Fields.push_back({Arg, '}', I});
    I = Close;
  }
  return Fields;
}

std::optional<llvm::SmallVector<unsigned, 4>>
unquotedPrintfArguments(llvm::StringRef Format, unsigned NumArgs,
                        bool SqliteQuoting) {
  std::optional<llvm::SmallVector<FormatField, 4>> Fields =
      printfFields(Format, SqliteQuoting);
  if (!Fields)
    return std::nullopt;
  llvm::SmallVector<unsigned, 4> Unquoted;
  for (const FormatField &Field : *Fields) {
    if (Field.Arg >= NumArgs)
      return std::nullopt;
    char C = Field.Conversion;
    // A number (or a pointer) cannot end a literal.
    if (llvm::StringRef("diouxXeEfFgGaApnr").contains(C) ||
        (SqliteQuoting && llvm::StringRef("qQw").contains(C)))
      continue;
    if (!llvm::StringRef("scSCT").contains(C) && !(SqliteQuoting && C == 'z'))
      return std::nullopt;
    Unquoted.push_back(Field.Arg);
  }
  return Unquoted;
}

bool formatsCallerText(const Expr &Join) {
  const auto *Call = dyn_cast<CallExpr>(&Join);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() == 0 ||
      !Callee->getName().contains("format"))
    return false;
  // fmt::format_string<T...>(sql) and the like wrap the parameter.
  const Expr *Format = stripValueWrappers(Call->getArg(0));
  while (const auto *Construct = dyn_cast<CXXConstructExpr>(Format)) {
    if (Construct->getNumArgs() != 1)
      break;
    Format = stripValueWrappers(Construct->getArg(0));
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Format);
  return Ref && isa<ParmVarDecl>(Ref->getDecl());
}

std::optional<CallModel>
SqlCallModels::classify(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = Callee->getName();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    // pqxx's esc, esc_like, quote, quote_name, quote_table, ...
    if (isInNamespace(*Method, "pqxx") &&
        (Name.starts_with("esc") || Name.starts_with("quote")))
      return quotingResult(Call, *Callee);
    // A file name taken out of a path may still hold a quote.
    if (isInStdOrNested(*Method) && Method->getParent()->getIdentifier() &&
        Method->getParent()->getName() == "path" &&
        (Name == "filename" || Name == "stem" || Name == "extension"))
      return CallModel{};
  }
  if (isCFunction(*Callee)) {
    if (Name == "PQescapeLiteral" || Name == "PQescapeIdentifier")
      return quotingResult(Call, *Callee);
    if (int Target = escapeTarget(Name); Target >= 0)
      return escapeInto(Call, Target);
    if (Name == "basename" || Name == "__xpg_basename")
      return CallModel{};
    if (std::optional<CallModel> Printf = printfModel(Call, Name))
      return Printf;
  }
  if (isQuotingHelper(*Callee))
    return quotingResult(Call, *Callee);
  return projectPrintfModel(Call, *Callee);
}

} // namespace clang::tidy::prodready
