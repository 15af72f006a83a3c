//===--- LogFileModel.cpp - prodready -------------------------------------===//
//
// The tables of LogFileModel.h: spdlog's file loggers and sinks (1.x: the
// argument positions of `truncate` and `max_files` are those of its sink
// constructors), Boost.Log's file sinks and keywords, the standard
// library's and C's append modes, size queries and rotations.
//
//===----------------------------------------------------------------------===//

#include "LogFileModel.h"
#include "ASTHelpers.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::prodready {

namespace {

constexpr unsigned MaxDepth = 4;

using ArgList = llvm::ArrayRef<const Expr *>;

ArgList argumentsOf(const Expr &E) {
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    return ArgList(Call->getArgs(), Call->getNumArgs());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return ArgList(Construct->getArgs(), Construct->getNumArgs());
  return {};
}

/// The argument at \p Index if the code writes it (not a default).
const Expr *writtenArg(ArgList Args, unsigned Index) {
  if (Index >= Args.size() || isa<CXXDefaultArgExpr>(Args[Index]))
    return nullptr;
  return Args[Index];
}

std::string qualifiedName(const NamedDecl &D) {
  return D.getIdentifier() ? qualifiedNameWithoutInlineNamespaces(D) : "";
}

const FunctionDecl *calleeOf(const CallExpr &Call) {
  return Call.getDirectCallee();
}

/// A function of the C library's kind: global or in std (`std::fopen` is
/// the global one, brought in by a using-declaration), not a method.
bool isGlobalFunction(const FunctionDecl &F) {
  if (!F.getIdentifier() || isa<CXXMethodDecl>(F))
    return false;
  return F.getDeclContext()->getRedeclContext()->isTranslationUnit() ||
         F.isInStdNamespace();
}

/// A C library function named one of \p Names.
bool isCFunction(const FunctionDecl &F,
                 std::initializer_list<llvm::StringRef> Names) {
  return isGlobalFunction(F) && llvm::is_contained(Names, F.getName());
}

// ---- spdlog ----------------------------------------------------------------

enum class SpdlogClass { None, Basic, Daily, Hourly };

SpdlogClass spdlogSinkClass(QualType Type) {
  const auto *Record = Type.isNull() ? nullptr : Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return SpdlogClass::None;
  std::string Name = qualifiedName(*Record);
  return llvm::StringSwitch<SpdlogClass>(Name)
      .Case("spdlog::sinks::basic_file_sink", SpdlogClass::Basic)
      .Case("spdlog::sinks::daily_file_sink", SpdlogClass::Daily)
      .Case("spdlog::sinks::hourly_file_sink", SpdlogClass::Hourly)
      .Default(SpdlogClass::None);
}

/// `spdlog::sinks::basic_file_sink_mt` for basic_file_sink<std::mutex>.
std::string spdlogSinkName(QualType Type) {
  const auto *Record =
      dyn_cast<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  std::string Name = "spdlog::sinks::" + Record->getName().str();
  const TemplateArgumentList &Args = Record->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return Name;
  const auto *Mutex = Args[0].getAsType()->getAsCXXRecordDecl();
  std::string MutexName = Mutex ? qualifiedName(*Mutex) : "";
  if (MutexName == "std::mutex")
    return Name + "_mt";
  if (MutexName == "spdlog::details::null_mutex")
    return Name + "_st";
  return Name;
}

/// Positions of `truncate` and `max_files` among a sink's constructor
/// arguments (0 is the file name); max_files is 0 for basic sinks.
std::pair<unsigned, unsigned> spdlogArgPositions(SpdlogClass Class) {
  switch (Class) {
  case SpdlogClass::Daily: // (file, hour, minute, truncate, max_files)
    return {3, 4};
  case SpdlogClass::Hourly: // (file, truncate, max_files)
    return {1, 2};
  default: // (file, truncate)
    return {1, 0};
  }
}

LogSinkKind kindOf(SpdlogClass Class) {
  switch (Class) {
  case SpdlogClass::Daily:
    return LogSinkKind::SpdlogDaily;
  case SpdlogClass::Hourly:
    return LogSinkKind::SpdlogHourly;
  default:
    return LogSinkKind::SpdlogBasic;
  }
}

/// A daily or hourly sink given a max_files that is not a constant 0.
bool hasFileLimit(ArgList Args, unsigned MaxFilesIndex, const ASTContext &Ctx) {
  const Expr *MaxFiles = writtenArg(Args, MaxFilesIndex);
  if (!MaxFiles)
    return false;
  Expr::EvalResult Value;
  if (MaxFiles->isValueDependent() ||
      !MaxFiles->EvaluateAsInt(Value, Ctx))
    return true; // Computed: the program chose a limit.
  return Value.Val.getInt() != 0;
}

/// The location of the class or alias name a TypeLoc spells last
/// (`basic_file_sink_mt` in `spdlog::sinks::basic_file_sink_mt`).
SourceLocation spelledNameLoc(TypeLoc Loc) {
  while (!Loc.isNull()) {
    if (auto Qualified = Loc.getAs<QualifiedTypeLoc>())
      Loc = Qualified.getUnqualifiedLoc();
    else if (auto Elaborated = Loc.getAs<ElaboratedTypeLoc>())
      Loc = Elaborated.getNamedTypeLoc();
    else
      break;
  }
  if (Loc.isNull())
    return {};
  if (auto Typedef = Loc.getAs<TypedefTypeLoc>())
    return Typedef.getNameLoc();
  if (auto Specialization = Loc.getAs<TemplateSpecializationTypeLoc>())
    return Specialization.getTemplateNameLoc();
  if (auto Record = Loc.getAs<RecordTypeLoc>())
    return Record.getNameLoc();
  if (auto Using = Loc.getAs<UsingTypeLoc>())
    return Using.getNameLoc();
  return {};
}

/// The first template argument of the function \p Call calls, as a type.
QualType firstTemplateArgument(const CallExpr &Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return {};
  return Args->get(0).getAsType();
}

/// The first template argument as written at \p Call (`T` in
/// `make_shared<T>(…)`).
TypeLoc writtenTemplateArgument(const CallExpr &Call) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreImpCasts());
  if (!Ref || Ref->getNumTemplateArgs() == 0)
    return {};
  const TemplateArgumentLoc &Arg = Ref->getTemplateArgs()[0];
  if (Arg.getArgument().getKind() != TemplateArgument::Type ||
      !Arg.getTypeSourceInfo())
    return {};
  return Arg.getTypeSourceInfo()->getTypeLoc();
}

bool isSmartPointerFactory(const FunctionDecl &F) {
  std::string Name = qualifiedName(F);
  return Name == "std::make_shared" || Name == "std::make_unique" ||
         Name == "boost::make_shared";
}

bool isSpdlogCreate(const FunctionDecl &F) {
  std::string Name = qualifiedName(F);
  return Name == "spdlog::create" || Name == "spdlog::create_async" ||
         Name == "spdlog::create_async_nb" ||
         Name == "spdlog::synchronous_factory::create" ||
         Name == "spdlog::async_factory_impl::create";
}

SpdlogClass spdlogFactoryClass(const FunctionDecl &F) {
  std::string Name = qualifiedName(F);
  return llvm::StringSwitch<SpdlogClass>(Name)
      .Cases("spdlog::basic_logger_mt", "spdlog::basic_logger_st",
             SpdlogClass::Basic)
      .Cases("spdlog::daily_logger_mt", "spdlog::daily_logger_st",
             "spdlog::daily_logger_format_mt",
             "spdlog::daily_logger_format_st", SpdlogClass::Daily)
      .Cases("spdlog::hourly_logger_mt", "spdlog::hourly_logger_st",
             SpdlogClass::Hourly)
      .Default(SpdlogClass::None);
}

/// Fills what every spdlog form shares; std::nullopt for a limited sink.
std::optional<LogSink> spdlogSink(const Expr &Site, SpdlogClass Class,
                                  unsigned SinkArgsBegin, ASTContext &Ctx) {
  ArgList Args = argumentsOf(Site);
  auto [TruncateAt, MaxFilesAt] = spdlogArgPositions(Class);
  if (Class != SpdlogClass::Basic &&
      hasFileLimit(Args, SinkArgsBegin + MaxFilesAt, Ctx))
    return std::nullopt;
  LogSink Sink;
  Sink.Kind = kindOf(Class);
  Sink.Site = &Site;
  Sink.SinkArgsBegin = SinkArgsBegin;
  Sink.Path = writtenArg(Args, SinkArgsBegin);
  Sink.Truncate = writtenArg(Args, SinkArgsBegin + TruncateAt);
  return Sink;
}

std::optional<LogSink> classifySpdlogCall(const CallExpr &Call,
                                          const FunctionDecl &Callee,
                                          ASTContext &Ctx) {
  if (SpdlogClass Class = spdlogFactoryClass(Callee);
      Class != SpdlogClass::None) {
    std::optional<LogSink> Sink = spdlogSink(Call, Class, 1, Ctx);
    if (Sink) {
      Sink->Form = SpdlogForm::LoggerFactory;
      Sink->Name = qualifiedName(Callee);
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreImpCasts()))
        Sink->NameLoc = Ref->getNameInfo().getLoc();
    }
    return Sink;
  }
  bool Create = isSpdlogCreate(Callee);
  if (!Create && !isSmartPointerFactory(Callee))
    return std::nullopt;
  QualType Type = firstTemplateArgument(Call);
  SpdlogClass Class = spdlogSinkClass(Type);
  if (Class == SpdlogClass::None)
    return std::nullopt;
  std::optional<LogSink> Sink = spdlogSink(Call, Class, Create ? 1 : 0, Ctx);
  if (Sink) {
    Sink->Form = Create ? SpdlogForm::CreateCall : SpdlogForm::SmartPointer;
    Sink->Name = spdlogSinkName(Type);
    Sink->NameLoc = spelledNameLoc(writtenTemplateArgument(Call));
    Sink->TypedAsSink = !Create;
  }
  return Sink;
}

std::optional<LogSink> classifySpdlogConstruction(const CXXConstructExpr &E,
                                                  ASTContext &Ctx,
                                                  TypeLoc SpelledType) {
  SpdlogClass Class = spdlogSinkClass(E.getType());
  if (Class == SpdlogClass::None || E.getConstructor()->isCopyOrMoveConstructor())
    return std::nullopt;
  std::optional<LogSink> Sink = spdlogSink(E, Class, 0, Ctx);
  if (!Sink)
    return std::nullopt;
  if (const auto *Temporary = dyn_cast<CXXTemporaryObjectExpr>(&E))
    SpelledType = Temporary->getTypeSourceInfo()->getTypeLoc();
  Sink->Form = SpdlogForm::Construction;
  Sink->Name = spdlogSinkName(E.getType());
  Sink->NameLoc = spelledNameLoc(SpelledType);
  Sink->TypedAsSink = true;
  return Sink;
}

// ---- Boost.Log ---------------------------------------------------------------

bool isBoostLogName(const NamedDecl &D, llvm::StringRef Suffix) {
  std::string Name = qualifiedName(D);
  return llvm::StringRef(Name).starts_with("boost::log::") &&
         llvm::StringRef(Name).ends_with(Suffix) &&
         !llvm::StringRef(Name).contains("::aux::");
}

/// Finds Boost.Log keywords in an argument, following the locals that hold
/// keyword packs.
class KeywordFinder : public RecursiveASTVisitor<KeywordFinder> {
public:
  explicit KeywordFinder(llvm::ArrayRef<llvm::StringRef> Wanted)
      : Wanted(Wanted) {}

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->getIdentifier())
      return true;
    if (llvm::is_contained(Wanted, Var->getName()) &&
        llvm::StringRef(qualifiedName(*Var)).contains("keywords"))
      Found = true;
    else if (Var->isLocalVarDecl() && Var->getInit() && Depth < MaxDepth &&
             Visited.insert(Var).second) {
      ++Depth;
      TraverseStmt(const_cast<Expr *>(Var->getInit()));
      --Depth;
    }
    return !Found;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = calleeOf(*Call))
      if (Callee->getIdentifier() && Callee->getName() == "make_collector")
        SawCollector = true;
    return true;
  }

  bool Found = false;
  bool SawCollector = false;

private:
  llvm::ArrayRef<llvm::StringRef> Wanted;
  llvm::SmallPtrSet<const VarDecl *, 4> Visited;
  unsigned Depth = 0;
};

constexpr llvm::StringRef SizeKeywords[] = {"rotation_size", "max_size",
                                            "max_files", "min_free_space"};

bool argumentsHaveKeyword(ArgList Args,
                          llvm::ArrayRef<llvm::StringRef> Wanted) {
  KeywordFinder Finder(Wanted);
  for (const Expr *Arg : Args)
    if (!Finder.Found)
      Finder.TraverseStmt(const_cast<Expr *>(Arg));
  return Finder.Found;
}

/// text_file_backend, or a sink frontend (synchronous_sink<…>) of it.
bool isTextFileBackendOrSink(QualType Type, bool &Frontend) {
  const auto *Record = Type.isNull() ? nullptr : Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  if (isBoostLogName(*Record, "::sinks::text_file_backend")) {
    Frontend = false;
    return true;
  }
  const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Specialization || !isBoostLogName(*Record, "_sink") ||
      Specialization->getTemplateArgs().size() == 0 ||
      Specialization->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  bool Inner = false;
  Frontend = true;
  return isTextFileBackendOrSink(
             Specialization->getTemplateArgs()[0].getAsType(), Inner) &&
         !Inner;
}

/// A frontend given a backend someone else created (`make_shared<sink_t>(
/// backend)`) creates no file: the backend's creation is the sink.
bool takesBackendObject(ArgList Args) {
  return llvm::any_of(Args, [](const Expr *Arg) {
    const auto *Record =
        Arg->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return Record && Record->getIdentifier() &&
           Record->getName() == "shared_ptr";
  });
}

std::optional<LogSink> boostBackendSink(const Expr &Site, QualType Type) {
  bool Frontend = false;
  if (!isTextFileBackendOrSink(Type, Frontend))
    return std::nullopt;
  ArgList Args = argumentsOf(Site);
  if ((Frontend && takesBackendObject(Args)) ||
      argumentsHaveKeyword(Args, SizeKeywords))
    return std::nullopt;
  LogSink Sink;
  Sink.Kind = LogSinkKind::BoostBackend;
  Sink.Site = &Site;
  Sink.Name = "boost::log::sinks::text_file_backend";
  return Sink;
}

std::optional<LogSink> classifyBoostCall(const CallExpr &Call,
                                         const FunctionDecl &Callee) {
  if (Callee.getIdentifier() && Callee.getName() == "add_file_log" &&
      isBoostLogName(Callee, "::add_file_log")) {
    if (argumentsHaveKeyword(argumentsOf(Call), SizeKeywords))
      return std::nullopt;
    LogSink Sink;
    Sink.Kind = LogSinkKind::BoostFileLog;
    Sink.Site = &Call;
    Sink.Name = "boost::log::add_file_log";
    return Sink;
  }
  if (isSmartPointerFactory(Callee))
    return boostBackendSink(Call, firstTemplateArgument(Call));
  return std::nullopt;
}

// ---- Plain files ---------------------------------------------------------------

/// Follows a local or constant variable to its initializer.
const Expr *initializerOf(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->getInit())
    return nullptr;
  return Var->getInit();
}

/// Whether an openmode expression sets `app` (`std::ios::out |
/// std::ios::app`, a variable holding it).
bool setsAppend(const Expr *Mode, unsigned Depth = 0) {
  if (!Mode || Depth > MaxDepth)
    return false;
  if (const Expr *Init = initializerOf(Mode))
    return setsAppend(Init, Depth + 1);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Mode->IgnoreParenImpCasts())) {
    const ValueDecl *D = Ref->getDecl();
    return D->getIdentifier() && isInStdOrNested(*D) &&
           (D->getName() == "app" || D->getName() == "_S_app");
  }
  for (const Stmt *Child : Mode->children())
    if (const auto *Sub = dyn_cast_or_null<Expr>(Child);
        Sub && setsAppend(Sub, Depth + 1))
      return true;
  return false;
}

/// The text of a constant C string (a literal, or a variable set to one).
std::optional<llvm::StringRef> constantString(const Expr *E,
                                              unsigned Depth = 0) {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  const Expr *Stripped = stripValueWrappers(E);
  if (const auto *Literal = dyn_cast<StringLiteral>(Stripped))
    return Literal->getCharByteWidth() == 1
               ? std::optional(Literal->getString())
               : std::nullopt;
  if (const Expr *Init = initializerOf(Stripped))
    return constantString(Init, Depth + 1);
  return std::nullopt;
}

bool isAppendModeString(const Expr *Mode) {
  std::optional<llvm::StringRef> Text = constantString(Mode);
  return Text && Text->starts_with("a");
}

bool isFileStream(QualType Type) {
  const auto *Record = Type.isNull() ? nullptr : Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && isInStdOrNested(*Record) &&
         (Record->getName() == "basic_ofstream" ||
          Record->getName() == "basic_fstream" ||
          Record->getName() == "basic_filebuf");
}

std::string streamName(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record->getName() == "basic_fstream"   ? "std::fstream"
         : Record->getName() == "basic_filebuf" ? "std::filebuf"
                                                : "std::ofstream";
}

std::optional<LogSink> plainSink(const Expr &Site, std::string Name,
                                 const Expr *Path) {
  LogSink Sink;
  Sink.Kind = LogSinkKind::PlainFile;
  Sink.Site = &Site;
  Sink.Name = std::move(Name);
  Sink.Path = Path;
  return Sink;
}

std::optional<LogSink> classifyStreamOpen(const Expr &Site, QualType Stream,
                                          ArgList Args) {
  if (!isFileStream(Stream) || Args.size() < 2 || !setsAppend(Args[1]))
    return std::nullopt;
  return plainSink(Site, streamName(Stream), Args[0]);
}

std::optional<LogSink> classifyPlainCall(const CallExpr &Call,
                                         const FunctionDecl &Callee) {
  ArgList Args = argumentsOf(Call);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    if (!Callee.getIdentifier() || Callee.getName() != "open")
      return std::nullopt;
    std::optional<LogSink> Sink = classifyStreamOpen(
        Call, Member->getObjectType(), Args);
    if (Sink)
      Sink->OpenedObject = Member->getImplicitObjectArgument();
    return Sink;
  }
  if (isSmartPointerFactory(Callee))
    return classifyStreamOpen(Call, firstTemplateArgument(Call), Args);
  if (isCFunction(Callee, {"fopen", "fopen64"}) && Args.size() >= 2 &&
      isAppendModeString(Args[1]))
    return plainSink(Call, "fopen", Args[0]);
  if (isCFunction(Callee, {"freopen", "freopen64"}) && Args.size() >= 3 &&
      isAppendModeString(Args[1])) {
    const ValueDecl *Stream = namedHolder(Args[2]);
    if (!Stream || !Stream->getIdentifier() ||
        (Stream->getName() != "stderr" && Stream->getName() != "stdout"))
      return std::nullopt;
    std::optional<LogSink> Sink = plainSink(Call, "freopen", Args[0]);
    Sink->Redirected = Stream->getName().str();
    return Sink;
  }
  return std::nullopt;
}

/// A first test on names alone: the scanner asks about every call and
/// construction of the user's code, and the full tests build qualified names.
bool mayCreateLogSink(const Expr &E) {
  const NamedDecl *Named = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    Named = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    Named = Construct->getType()->getAsCXXRecordDecl();
  if (!Named || !Named->getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(Named->getName())
      .Cases("basic_logger_mt", "basic_logger_st", "daily_logger_mt",
             "daily_logger_st", "daily_logger_format_mt", true)
      .Cases("daily_logger_format_st", "hourly_logger_mt", "hourly_logger_st",
             true)
      .Cases("create", "create_async", "create_async_nb", "make_shared",
             "make_unique", true)
      .Cases("add_file_log", "open", "fopen", "fopen64", "freopen",
             "freopen64", true)
      .Cases("basic_file_sink", "daily_file_sink", "hourly_file_sink", true)
      .Cases("text_file_backend", "synchronous_sink", "asynchronous_sink",
             "unlocked_sink", true)
      .Cases("basic_ofstream", "basic_fstream", "basic_filebuf", true)
      .Default(false);
}

} // namespace

std::optional<LogSink> classifyLogSink(const Expr &E, ASTContext &Ctx,
                                       TypeLoc SpelledType) {
  if (!mayCreateLogSink(E) || E.isTypeDependent() || E.containsErrors())
    return std::nullopt;
  if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    const FunctionDecl *Callee = calleeOf(*Call);
    if (!Callee)
      return std::nullopt;
    if (std::optional<LogSink> Sink = classifySpdlogCall(*Call, *Callee, Ctx))
      return Sink;
    if (std::optional<LogSink> Sink = classifyBoostCall(*Call, *Callee))
      return Sink;
    return classifyPlainCall(*Call, *Callee);
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(&E);
  if (!Construct)
    return std::nullopt;
  if (std::optional<LogSink> Sink =
          classifySpdlogConstruction(*Construct, Ctx, SpelledType))
    return Sink;
  if (Construct->getConstructor()->isCopyOrMoveConstructor())
    return std::nullopt;
  if (std::optional<LogSink> Sink =
          boostBackendSink(*Construct, Construct->getType()))
    return Sink;
  return classifyStreamOpen(*Construct, Construct->getType(),
                            argumentsOf(*Construct));
}

bool isFileSizeQuery(const CallExpr &Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  if (isCFunction(*Callee, {"stat", "lstat", "fstat", "stat64", "lstat64",
                            "fstat64", "ftell", "ftello", "ftello64"}))
    return true;
  if (Name == "file_size")
    return true; // std::filesystem, boost::filesystem, directory_entry.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    return Name == "tellp" && isInStdOrNested(*Method);
  return false;
}

bool isFileRotation(const CallExpr &Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee || !Callee->getIdentifier())
    return false;
  llvm::StringRef Short = Callee->getName();
  if (Short != "rename" && Short != "resize_file" && !Short.contains("truncate"))
    return false;
  if (isCFunction(*Callee, {"rename", "truncate", "ftruncate", "truncate64",
                            "ftruncate64"}))
    return true;
  std::string Name = qualifiedName(*Callee);
  return Name == "std::filesystem::rename" ||
         Name == "std::filesystem::resize_file" ||
         Name == "boost::filesystem::rename" ||
         Name == "boost::filesystem::resize_file";
}

bool isBoostLogLimit(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      (Method->getName() != "set_rotation_size" &&
       Method->getName() != "set_file_collector") ||
      !llvm::StringRef(qualifiedName(*Method)).starts_with("boost::log::"))
    return false;
  if (Method->getName() == "set_rotation_size")
    return true;
  KeywordFinder Finder(llvm::ArrayRef(SizeKeywords).drop_front());
  for (const Expr *Arg : argumentsOf(Call))
    Finder.TraverseStmt(const_cast<Expr *>(Arg));
  // A collector made elsewhere may be limited: the check cannot tell.
  return Finder.Found || !Finder.SawCollector;
}

bool mentionsHangupSignal(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  return llvm::any_of(argumentsOf(E), [&](const Expr *Arg) {
    const auto *Literal = dyn_cast<IntegerLiteral>(Arg->IgnoreParenImpCasts());
    // SIGHUP is 1 on every POSIX system; the value first, the cheaper test.
    return Literal && Literal->getValue() == 1 &&
           Literal->getLocation().isMacroID() &&
           Lexer::getImmediateMacroName(Literal->getLocation(), SM,
                                        Ctx.getLangOpts()) == "SIGHUP";
  });
}

const ValueDecl *namedHolder(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValueWrappers(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return Member->getMemberDecl();
    if (const auto *Unary = dyn_cast<UnaryOperator>(E);
        Unary && Unary->getOpcode() == UO_Deref) {
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() == 1 &&
        (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow)) {
      E = Op->getArg(0);
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? calleeOf(*Call) : nullptr;
    if (Callee && Call->getNumArgs() == 1 &&
        qualifiedName(*Callee) == "std::move") {
      E = Call->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const ValueDecl *writtenStream(const Expr &E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&E)) {
    if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      return nullptr;
    const Expr *Left = Op->getArg(0);
    // `s << a << b`: the stream is the innermost left operand.
    while (const auto *Inner =
               dyn_cast<CXXOperatorCallExpr>(stripValueWrappers(Left))) {
      if (Inner->getOperator() != OO_LessLess || Inner->getNumArgs() != 2)
        break;
      Left = Inner->getArg(0);
    }
    return namedHolder(Left);
  }
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? calleeOf(*Call) : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return (Callee->getName() == "write" || Callee->getName() == "put")
               ? namedHolder(Member->getImplicitObjectArgument())
               : nullptr;
  int StreamArg = llvm::StringSwitch<int>(Callee->getName())
                      .Cases("fprintf", "vfprintf", "fwprintf", 0)
                      .Cases("fputs", "fputc", "putc", "fputws", "fputwc", 1)
                      .Case("fwrite", 3)
                      .Default(-1);
  if (StreamArg < 0 || !isGlobalFunction(*Callee) ||
      Call->getNumArgs() <= unsigned(StreamArg))
    return nullptr;
  return namedHolder(Call->getArg(StreamArg));
}

// ---- Path shapes -----------------------------------------------------------------

namespace {

std::string shapeOfFormat(const CallExpr &Call) {
  std::optional<llvm::StringRef> Format =
      Call.getNumArgs() ? constantString(Call.getArg(0)) : std::nullopt;
  if (!Format)
    return "*";
  std::string Shape;
  for (size_t I = 0; I < Format->size(); ++I) {
    char C = (*Format)[I];
    if (C == '{' && I + 1 < Format->size() && (*Format)[I + 1] != '{') {
      size_t Close = Format->find('}', I);
      if (Close == llvm::StringRef::npos)
        return Shape + "*";
      Shape += '*';
      I = Close;
      continue;
    }
    Shape += C;
  }
  return Shape;
}

std::string shapeOfCall(const CallExpr &Call, const PathShapeContext &Context,
                        unsigned Depth) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if (Op->getNumArgs() != 2)
      return "*";
    if (Op->getOperator() == OO_Plus)
      return pathShape(*Op->getArg(0), Context, Depth) +
             pathShape(*Op->getArg(1), Context, Depth);
    if (Op->getOperator() == OO_Slash)
      return pathShape(*Op->getArg(0), Context, Depth) + "/" +
             pathShape(*Op->getArg(1), Context, Depth);
    return "*";
  }
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee || !Callee->getIdentifier())
    return "*";
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    bool Conversion = llvm::StringSwitch<bool>(Callee->getName())
                          .Cases("c_str", "data", "string", "native", true)
                          .Cases("generic_string", "u8string", "str", true)
                          .Default(false);
    return Conversion ? pathShape(*Member->getImplicitObjectArgument(),
                                  Context, Depth)
                      : "*";
  }
  std::string Name = qualifiedName(*Callee);
  if (Name == "fmt::format" || Name == "std::format")
    return shapeOfFormat(Call);
  if (Context.Returned && Callee->hasBody())
    return Context.Returned(*Callee, Depth);
  return "*";
}

std::string shapeOfDecl(const ValueDecl &D, const PathShapeContext &Context,
                        unsigned Depth) {
  if (const auto *Parm = dyn_cast<ParmVarDecl>(&D)) {
    std::string FromCalls =
        Context.Parameter ? Context.Parameter(*Parm, Depth) : "";
    if (!FromCalls.empty())
      return FromCalls;
    if (const Expr *Default = Parm->getDefaultArg();
        Default && !Parm->hasUninstantiatedDefaultArg())
      return pathShape(*Default, Context, Depth);
    return "*";
  }
  const auto *Var = dyn_cast<VarDecl>(&D);
  if (Var && Var->getInit())
    return pathShape(*Var->getInit(), Context, Depth);
  return "*";
}

std::string collapseUnknowns(std::string Shape) {
  std::string Result;
  for (char C : Shape)
    if (C != '*' || Result.empty() || Result.back() != '*')
      Result += C;
  return Result;
}

} // namespace

std::string pathShape(const Expr &Path, const PathShapeContext &Context,
                      unsigned Depth) {
  if (Depth > MaxDepth)
    return "*";
  ++Depth;
  const Expr *E = stripValueWrappers(&Path);
  std::string Shape = "*";
  if (const auto *Literal = dyn_cast<StringLiteral>(E)) {
    if (Literal->getCharByteWidth() == 1)
      Shape = Literal->getString().str();
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // std::string, std::filesystem::path, std::string_view from text.
    if (Construct->getNumArgs() == 0)
      Shape = "";
    else if (!isa<CXXDefaultArgExpr>(Construct->getArg(0)))
      Shape = pathShape(*Construct->getArg(0), Context, Depth);
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    Shape = shapeOfCall(*Call, Context, Depth);
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    Shape = shapeOfDecl(*Ref->getDecl(), Context, Depth);
  }
  return collapseUnknowns(std::move(Shape));
}

bool isLogPathShape(llvm::StringRef Shape) {
  std::string Normal = Shape.lower();
  std::replace(Normal.begin(), Normal.end(), '\\', '/');
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Normal).split(Parts, '/');
  if (Parts.empty())
    return false;
  if (Parts.back().ends_with(".log"))
    return true;
  return llvm::any_of(llvm::ArrayRef(Parts).drop_back(),
                      [](llvm::StringRef Part) {
                        return Part == "log" || Part == "logs";
                      });
}

} // namespace clang::tidy::prodready
