//===--- ConfigValidator.h - prodready driver ------------------*- C++ -*-===//
//
// The driver's pre-flight over the project's configuration (.clang-tidy
// files, --checks, the defaults), before anything is analyzed.
//
// The rule: accept every configuration clang-tidy of the same LLVM accepts,
// and refuse (exit 2, nothing written) only what is really wrong. Projects
// keep one .clang-tidy across LLVM versions, so its check list names checks
// this LLVM does not have (a newer LLVM's `cppcoreguidelines-const-
// correctness`), globs that match nothing here (`-clang-analyzer-alpha*`)
// and stray words (`-warnings-as-errors`); clang-tidy ignores them, and so
// does the driver, with one warning per name. `clang-diagnostic-*` entries
// select compiler warnings, which clang-tidy reports as findings of those
// names. What stays an error: a malformed file (reported by the options
// provider), an unknown option or a bad option value of a prodready check,
// and a `prodready-` name that matches no prodready check - a typo of ours
// that would silently turn a check off.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CONFIGVALIDATOR_H
#define PRODREADY_DRIVER_CONFIGVALIDATOR_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <set>
#include <string>
#include <vector>

namespace prodready::driver {

class ConfigurationValidator {
public:
  ConfigurationValidator();
  ~ConfigurationValidator();

  /// Checks one source of options (a .clang-tidy file, --checks, the
  /// defaults): its check globs, and the option names of prodready checks.
  void validateSource(const clang::tidy::ClangTidyOptions &Options,
                      const std::string &SourceName);

  /// Checks the option values of the checks \p Options enables; \p File
  /// names the file the configuration applies to in messages.
  void validateValues(const clang::tidy::ClangTidyOptions &Options,
                      const std::string &ConfigText, llvm::StringRef File);

  /// What makes the run wrong, in the order found.
  const std::vector<std::string> &errors() const { return Errors; }
  /// What clang-tidy ignores and the driver ignores too: one message per
  /// unknown name, however many files name it.
  const std::vector<std::string> &warnings() const { return Warnings; }

private:
  void validateGlob(llvm::StringRef Glob, const std::string &Source);
  bool matchesAnyCheck(llvm::StringRef Glob);

  llvm::StringSet<> KnownChecks, KnownOptions;
  std::set<std::string> ValidatedSources, ValidatedConfigs;
  llvm::StringMap<bool> GlobMatches;
  llvm::StringSet<> WarnedNames;
  std::vector<std::string> Errors, Warnings;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CONFIGVALIDATOR_H
