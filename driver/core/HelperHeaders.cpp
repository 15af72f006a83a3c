//===--- HelperHeaders.cpp - prodready driver -----------------------------===//

#include "HelperHeaders.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace prodready::driver {

namespace {
// The header's text, generated from fixits/include/prodready/env.h.
#include "EnvHelperHeader.inc"

std::string absoluteIn(llvm::StringRef Root, llvm::StringRef ProjectPath) {
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, llvm::sys::path::Style::posix, ProjectPath);
  llvm::sys::path::native(Path);
  return std::string(Path);
}
} // namespace

llvm::StringRef envHelperHeaderContent() { return EnvHelperHeaderText; }

std::optional<std::string> helperHeaderPath(llvm::StringRef OptionValue) {
  OptionValue = OptionValue.trim();
  if (OptionValue.empty())
    return std::string("third_party/prodready/env.h");
  if (OptionValue.starts_with("<") || OptionValue.starts_with("\"") ||
      llvm::sys::path::is_absolute(OptionValue))
    return std::nullopt;
  llvm::SmallString<128> Path(OptionValue);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true,
                               llvm::sys::path::Style::posix);
  if (Path.empty() || llvm::StringRef(Path).starts_with(".."))
    return std::nullopt;
  return std::string(Path);
}

HelperHeaderPlan
planHelperHeaders(const std::vector<Finding> &Findings, llvm::StringRef Root,
                  llvm::function_ref<std::string(const std::string &)>
                      OptionFor) {
  HelperHeaderPlan Plan;
  Plan.Findings = Findings;
  std::map<std::string, std::vector<size_t>> Users;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    if (F.Check != HelperHeaderCheck || F.Fix.empty())
      continue;
    if (std::optional<std::string> Path = helperHeaderPath(OptionFor(F.File)))
      Users[*Path].push_back(I);
  }
  for (auto &[Path, Indices] : Users) {
    auto Existing = llvm::MemoryBuffer::getFile(absoluteIn(Root, Path));
    if (!Existing) {
      Plan.ToWrite[Path] = Indices;
      continue;
    }
    if ((*Existing)->getBuffer() == envHelperHeaderContent())
      continue; // Written by an earlier run: nothing to do.
    // The project's own file (or an edited copy): not ours to replace.
    for (size_t I : Indices)
      Plan.Findings[I].Fix.clear();
    Plan.Refusals.push_back(
        Path + ": exists and is not prodready's helper header; not "
               "overwritten, so " +
        std::to_string(Indices.size()) + " fix" +
        (Indices.size() == 1 ? "" : "es") + " of " + HelperHeaderCheck.str() +
        (Indices.size() == 1 ? " that includes it was" : " that include it were") +
        " skipped (set " + HelperHeaderOption.str() + " to another path)");
  }
  return Plan;
}

std::vector<std::string> writeHelperHeaders(const HelperHeaderPlan &Plan,
                                            const FixOutcome &Outcome,
                                            llvm::StringRef Root,
                                            std::vector<std::string> &Errors) {
  std::vector<std::string> Written;
  for (const auto &[Path, Indices] : Plan.ToWrite) {
    bool Used = false;
    for (size_t I : Indices)
      Used |= I < Outcome.Applied.size() && Outcome.Applied[I];
    if (!Used)
      continue;
    std::string Absolute = absoluteIn(Root, Path);
    std::error_code EC =
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Absolute));
    llvm::Error Failure = EC ? llvm::errorCodeToError(EC)
                             : writeFileAtomically(Absolute,
                                                   envHelperHeaderContent());
    if (Failure) {
      Errors.push_back("cannot write helper header " + Path + ": " +
                       llvm::toString(std::move(Failure)) +
                       "; the fixes that include it do not compile");
      continue;
    }
    Written.push_back(Path);
  }
  return Written;
}

} // namespace prodready::driver
