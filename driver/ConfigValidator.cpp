//===--- ConfigValidator.cpp - prodready driver ---------------------------===//

#include "ConfigValidator.h"
#include "TidyRunner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;

namespace prodready::driver {

namespace {

/// Every registered check and check option (clang-tidy's signature grew a
/// parameter in LLVM 22).
auto allChecksAndOptions() {
#if LLVM_VERSION_MAJOR >= 22
  return getAllChecksAndOptions(/*AllowEnablingAnalyzerAlphaCheckers=*/false,
                                /*ExperimentalCustomChecks=*/false);
#else
  return getAllChecksAndOptions(/*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

/// A .clang-tidy file's quoted path, or where else the options came from.
std::string describeSource(const std::string &Source) {
  if (Source ==
      ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption)
    return "--checks";
  if (llvm::sys::path::is_absolute(Source))
    return "'" + Source + "'";
  return Source;
}

std::string clangTidyName() {
  return "clang-tidy " + std::to_string(LLVM_VERSION_MAJOR);
}

} // namespace

ConfigurationValidator::ConfigurationValidator() {
  auto Known = allChecksAndOptions();
#if LLVM_VERSION_MAJOR >= 20
  for (const auto &Check : Known.Checks)
#else
  for (const auto &Check : Known.Names)
#endif
    KnownChecks.insert(Check.getKey());
  for (const auto &Option : Known.Options)
    KnownOptions.insert(Option.getKey());
}

ConfigurationValidator::~ConfigurationValidator() = default;

void ConfigurationValidator::validateSource(const ClangTidyOptions &Options,
                                            const std::string &SourceName) {
  if (!ValidatedSources.insert(SourceName).second)
    return;
  std::string Source = describeSource(SourceName);
  if (Options.Checks)
    for (llvm::StringRef Glob :
         llvm::split(llvm::StringRef(*Options.Checks), ','))
      validateGlob(Glob, Source);
  for (const auto &Option : Options.CheckOptions) {
    llvm::StringRef Key = Option.getKey();
    if (Key.starts_with("prodready-") && !KnownOptions.contains(Key))
      Errors.push_back(Source + ": unknown option '" + Key.str() + "'");
  }
}

void ConfigurationValidator::validateGlob(llvm::StringRef Glob,
                                          const std::string &Source) {
  Glob = Glob.trim(" \t\r\n");
  Glob.consume_front("-");
  Glob = Glob.trim(" \t\r\n");
  if (Glob.empty() || matchesAnyCheck(Glob))
    return;
  bool IsGlob = Glob.contains('*');
  // Ours: a name no prodready check has is a typo that would silently turn
  // a check off (or never on).
  if (Glob.starts_with("prodready-")) {
    Errors.push_back(Source + ": " +
                     (IsGlob
                          ? "check glob '" + Glob.str() + "' matches no check"
                          : "unknown check '" + Glob.str() + "'"));
    return;
  }
  // Compiler warnings, reported by clang-tidy under these names when the
  // compile command enables them: not checks, but not unknown either.
  if (Glob.starts_with("clang-diagnostic-"))
    return;
  if (!WarnedNames.insert(Glob).second)
    return;
  Warnings.push_back(Source + ": " +
                     (IsGlob ? "check glob '" + Glob.str() +
                                   "' matches no check of " + clangTidyName()
                             : "check '" + Glob.str() + "' is not a check of " +
                                   clangTidyName()) +
                     "; ignored, as clang-tidy does");
}

void ConfigurationValidator::validateValues(const ClangTidyOptions &Options,
                                            const std::string &ConfigText,
                                            llvm::StringRef File) {
  if (!ValidatedConfigs.insert(ConfigText).second)
    return;
  // A bad value of a prodready option is ours to refuse; other checks'
  // bad values are warnings, as clang-tidy prints them.
  for (const std::string &Problem : optionValueProblems(Options)) {
    std::string Message = "configuration of '" + File.str() + "': " + Problem;
    if (llvm::StringRef(Problem).contains("'prodready-"))
      Errors.push_back(std::move(Message));
    else if (WarnedNames.insert(Problem).second)
      Warnings.push_back(std::move(Message));
  }
}

bool ConfigurationValidator::matchesAnyCheck(llvm::StringRef Glob) {
  auto [It, Inserted] = GlobMatches.try_emplace(Glob, false);
  if (Inserted) {
    CachedGlobList Matcher(Glob);
    It->second = llvm::any_of(KnownChecks, [&](const auto &Check) {
      return Matcher.contains(Check.getKey());
    });
  }
  return It->second;
}

} // namespace prodready::driver
