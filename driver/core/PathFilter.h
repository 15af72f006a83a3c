//===--- PathFilter.h - prodready driver -----------------------*- C++ -*-===//
//
// Vendored code in a project's tree (third_party/, a single-header library
// copied into src/) is not the project's to fix: its translation units are
// not analyzed and findings in its files are not reported. The project
// names such files with regular expressions over paths relative to the
// project root, on the command line (`--exclude REGEX`, repeatable) or in
// `.prodready.yaml` at the root:
//
//   exclude:
//     - '^third_party/'
//     - 'src/json\.hpp$'
//
// A regular expression excludes a path when it matches any part of it (as
// clang-tidy's HeaderFilterRegex does): `third_party/` excludes
// `a/third_party/b.h` too; anchor it with `^` to mean the root's.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_PATHFILTER_H
#define PRODREADY_DRIVER_CORE_PATHFILTER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace prodready::driver {

class PathFilter {
public:
  /// A filter excluding what any of \p Patterns matches; an error names
  /// the first pattern that is not a valid regular expression and where it
  /// came from (\p Origin: `--exclude`, a file's path).
  static llvm::Expected<PathFilter> create(llvm::ArrayRef<std::string> Patterns,
                                           llvm::StringRef Origin);

  /// Adds the patterns of \p Other (from another origin).
  void add(PathFilter &&Other);

  /// True if \p RelativePath (relative to the project root, with '/'
  /// separators) is excluded.
  bool excludes(llvm::StringRef RelativePath) const;

  bool empty() const { return Patterns.empty(); }

private:
  std::vector<llvm::Regex> Patterns;
};

/// The `exclude` list of a `.prodready.yaml` file's text; \p Path names
/// the file in errors. Unknown keys are errors (a misspelled `exlude`
/// would silently analyze the vendored code).
llvm::Expected<std::vector<std::string>>
parseProjectConfigExcludes(llvm::StringRef Text, llvm::StringRef Path);

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_PATHFILTER_H
