//===--- ProdreadyMain.cpp - prodready driver -----------------------------===//
//
// `prodready check -p BUILD_DIR [--format text|json|sarif|codeclimate]
// [PATHS...]`: runs the prodready checks (and the other clang-tidy checks
// the project's .clang-tidy files enable) over a compilation database and
// prints the findings. An early version of issue 6's driver: no --diff,
// baselines, --fix, sharding or cache yet (their core is in driver/core).
//
//===----------------------------------------------------------------------===//

#include "Fingerprint.h"
#include "Report.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tidy;
using namespace prodready::driver;

namespace clang::tidy {
// Keeps the statically linked prodready module's registration.
extern volatile int ProdreadyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED ProdreadyModuleAnchorDestination =
    ProdreadyModuleAnchorSource;
} // namespace clang::tidy

namespace {

llvm::cl::OptionCategory Category("prodready options");
llvm::cl::opt<std::string> Command(llvm::cl::Positional, llvm::cl::Required,
                                   llvm::cl::desc("<command: check>"),
                                   llvm::cl::cat(Category));
llvm::cl::list<std::string> Paths(llvm::cl::Positional,
                                  llvm::cl::desc("[paths...]"),
                                  llvm::cl::cat(Category));
llvm::cl::opt<std::string> BuildDir("p", llvm::cl::desc("Build directory with "
                                                        "compile_commands.json"),
                                    llvm::cl::Required,
                                    llvm::cl::cat(Category));
llvm::cl::opt<std::string> Format("format",
                                  llvm::cl::desc("text, json, sarif or "
                                                 "codeclimate"),
                                  llvm::cl::init("text"),
                                  llvm::cl::cat(Category));

constexpr const char *ToolVersion = "0.1.0";

[[noreturn]] void fail(const llvm::Twine &Message) {
  llvm::errs() << "prodready: error: " << Message << "\n";
  std::exit(2);
}

/// 1-based line and column of \p Offset in \p Buffer, and the line's text.
void lineAndColumn(llvm::StringRef Buffer, unsigned Offset, unsigned &Line,
                   unsigned &Column, std::string *LineText = nullptr) {
  Offset = std::min<unsigned>(Offset, Buffer.size());
  llvm::StringRef Before = Buffer.take_front(Offset);
  Line = Before.count('\n') + 1;
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  Column = Offset - LineStart + 1;
  if (LineText)
    *LineText = Buffer.slice(LineStart, Buffer.find('\n', Offset)).str();
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::SmallString<256> Relative(Path);
  if (llvm::sys::path::replace_path_prefix(Relative, Root, ""))
    return llvm::sys::path::relative_path(Relative).str();
  return Path.str();
}

std::vector<Finding> toFindings(const std::vector<ClangTidyError> &Errors,
                                llvm::StringRef Root) {
  std::vector<Finding> Findings;
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Files;
  auto Buffer = [&](llvm::StringRef Path) -> llvm::StringRef {
    auto [It, Inserted] = Files.try_emplace(Path);
    if (Inserted)
      if (auto File = llvm::MemoryBuffer::getFile(Path))
        It->second = std::move(*File);
    return It->second ? It->second->getBuffer() : llvm::StringRef();
  };
  for (const ClangTidyError &Error : Errors) {
    if (Error.Message.FilePath.empty())
      continue;
    Finding F;
    F.Check = Error.DiagnosticName;
    F.Message = Error.Message.Message;
    F.File = relativePath(Error.Message.FilePath, Root);
    lineAndColumn(Buffer(Error.Message.FilePath), Error.Message.FileOffset,
                  F.Line, F.Column, &F.LineText);
    for (const auto &[Path, Replacements] : Error.Message.Fix)
      for (const tooling::Replacement &R : Replacements) {
        Replacement Edit;
        Edit.File = relativePath(Path, Root);
        Edit.Text = R.getReplacementText().str();
        llvm::StringRef Text = Buffer(Path);
        lineAndColumn(Text, R.getOffset(), Edit.StartLine, Edit.StartColumn);
        lineAndColumn(Text, R.getOffset() + R.getLength(), Edit.EndLine,
                      Edit.EndColumn);
        F.Fix.push_back(std::move(Edit));
      }
    Findings.push_back(std::move(F));
  }
  return Findings;
}

} // namespace

int main(int Argc, const char **Argv) {
  llvm::cl::HideUnrelatedOptions(Category);
  llvm::cl::ParseCommandLineOptions(Argc, Argv, "prodready: production-"
                                                "readiness checks for C++\n");
  if (Command != "check")
    fail("unknown command '" + Command + "' (expected 'check')");
  if (Format != "text" && Format != "json" && Format != "sarif" &&
      Format != "codeclimate")
    fail("unknown --format '" + Format +
         "' (expected text, json, sarif or codeclimate)");

  // Exactly BUILD_DIR/compile_commands.json: not a database found by
  // searching the parent directories, which would analyze something else.
  std::string Error;
  llvm::SmallString<256> DatabasePath(BuildDir);
  llvm::sys::path::append(DatabasePath, "compile_commands.json");
  std::unique_ptr<tooling::CompilationDatabase> Database =
      tooling::JSONCompilationDatabase::loadFromFile(
          DatabasePath, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    fail("cannot load '" + DatabasePath + "': " +
         llvm::StringRef(Error).split('\n').first);
  // Findings name files relative to where the driver runs (the project
  // root in CI).
  llvm::SmallString<256> ProjectRoot;
  if (llvm::sys::fs::current_path(ProjectRoot))
    fail("cannot read the current directory");

  std::vector<std::string> Files;
  for (const std::string &File : Database->getAllFiles()) {
    bool Selected = Paths.empty();
    for (const std::string &Prefix : Paths) {
      llvm::SmallString<256> Absolute(Prefix);
      llvm::sys::fs::make_absolute(Absolute);
      Selected |= llvm::StringRef(File).starts_with(Absolute);
    }
    if (Selected)
      Files.push_back(File);
  }

  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,prodready-*";
  auto Provider = std::make_unique<FileOptionsProvider>(
      GlobalOptions, Defaults, ClangTidyOptions(),
      llvm::vfs::getRealFileSystem());
  ClangTidyContext Context(std::move(Provider));
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, *Database, Files, BaseFS, /*ApplyAnyFix=*/false);

  ReportInput Report;
  Report.Findings = toFindings(Errors, ProjectRoot);
  Report.Fingerprints = fingerprints(Report.Findings);
  Report.ToolVersion = ToolVersion;
  if (Format == "json")
    llvm::outs() << writeJson(Report);
  else if (Format == "sarif")
    llvm::outs() << writeSarif(Report);
  else if (Format == "codeclimate")
    llvm::outs() << writeCodeClimate(Report);
  else
    for (const Finding &F : Report.Findings)
      llvm::outs() << F.File << ":" << F.Line << ":" << F.Column
                   << ": warning: " << F.Message << " [" << F.Check << "]\n";
  return 0;
}
