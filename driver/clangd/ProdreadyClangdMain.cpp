//===--- ProdreadyClangdMain.cpp - prodready-clangd -----------------------===//
//
// clangd 19 with the prodready module linked in: stock clangd cannot load
// clang-tidy plugins, so this build is how prodready's diagnostics and
// quick fixes reach an editor. Everything else is clangd's own main
// (libclangdMain.a); the additions are a default --resource-dir, so that
// the binary finds clang's builtin headers wherever it is installed, and
// --whole-program-summaries=FILE, the summaries of the last whole-program
// run that the taint checks use (docs/editors.md).
//
//===----------------------------------------------------------------------===//

#include "analysis/ProgramSummaries.h"
#include "llvm/ADT/StringRef.h"
#include <cstdlib>
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace clang::tidy {
// Keeps the statically linked prodready module's registration. (clangd's
// own ParsedAST.cpp keeps the upstream modules.)
extern volatile int ProdreadyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED ProdreadyModuleAnchorDestination =
    ProdreadyModuleAnchorSource;
} // namespace clang::tidy

/// Takes prodready's own flag out of \p Args (clangd rejects flags it
/// does not know): --whole-program-summaries=FILE or
/// --whole-program-summaries FILE.
void takeSummariesFlag(std::vector<char *> &Args) {
  constexpr llvm::StringLiteral Flag = "--whole-program-summaries";
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == Flag && I + 1 < Args.size()) {
      clang::tidy::prodready::setDefaultSummariesFile(Args[I + 1]);
      Args.erase(Args.begin() + I, Args.begin() + I + 2);
      --I;
    } else if (Arg.consume_front(Flag) && Arg.consume_front("=")) {
      clang::tidy::prodready::setDefaultSummariesFile(Arg.str());
      Args.erase(Args.begin() + I);
      --I;
    }
  }
}

int main(int Argc, char *Argv[]) {
  // clangd looks for the resource directory (stddef.h, the intrinsics
  // headers) beside its binary, as <bin>/../lib/clang/<major>; installed
  // anywhere but LLVM's own bin/, that is missing. The LLVM the binary was
  // built against has it; an explicit --resource-dir still wins.
  // Flags also come from $CLANGD_FLAGS, which clangd reads itself.
  std::vector<char *> Args(Argv, Argv + Argc);
  takeSummariesFlag(Args);
  // The user edits sources after the run that wrote the summaries.
  clang::tidy::prodready::setIgnoreStaleSummaries(true);
  auto NamesResourceDir = [](llvm::StringRef Text) {
    return Text.contains("-resource-dir");
  };
  const char *EnvironmentFlags = std::getenv("CLANGD_FLAGS");
  bool HasResourceDir = EnvironmentFlags && NamesResourceDir(EnvironmentFlags);
  for (size_t I = 1; I < Args.size(); ++I)
    HasResourceDir |= NamesResourceDir(Args[I]);
  static std::string ResourceDirFlag =
      std::string("--resource-dir=") + PRODREADY_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
