//===--- Finding.h - prodready driver --------------------------*- C++ -*-===//
//
// The driver's model of one diagnostic, independent of clang: what the
// output writers, fingerprints, baselines, diff filtering and shard merging
// work on. The driver fills it from clang-tidy's diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_FINDING_H
#define PRODREADY_DRIVER_CORE_FINDING_H

#include <map>
#include <string>
#include <vector>

namespace prodready::driver {

enum class Severity { Note, Warning, Error };

/// One edit of a fix-it, in 1-based line/column positions of \p File
/// (the end is exclusive, as in SARIF regions and clang's char ranges).
struct Replacement {
  std::string File;
  unsigned StartLine = 0, StartColumn = 0, EndLine = 0, EndColumn = 0;
  /// The same range in bytes: what `--fix` applies (the line/column form
  /// is for people and SARIF viewers).
  unsigned Offset = 0, Length = 0;
  std::string Text;

  bool operator==(const Replacement &Other) const {
    return File == Other.File && Offset == Other.Offset &&
           Length == Other.Length && Text == Other.Text;
  }
};

/// A note clang-tidy attached to a warning: where the value came from, the
/// guard that is missing, a fix found in a note.
struct Note {
  std::string File; ///< Like Finding::File.
  unsigned Line = 0, Column = 0;
  std::string Message;
  std::string LineText;
};

struct Finding {
  std::string Check;   ///< prodready-unsafe-path-join
  std::string File;    ///< Relative to the project root, '/'-separated.
  unsigned Line = 0;   ///< 1-based.
  unsigned Column = 0; ///< 1-based.
  std::string Message;
  /// The check's default severity, or `error` for compiler errors and
  /// checks listed in WarningsAsErrors.
  Severity Level = Severity::Warning;
  /// The text of the reported line, for fingerprints that survive edits
  /// elsewhere in the file.
  std::string LineText;
  /// The fix-it of the warning, if any (all edits or none).
  std::vector<Replacement> Fix;
  std::vector<Note> Notes;
};

/// The SHA-256 (hex) of each file a fix edits, as the analysis read it:
/// `--fix` and `prodready fix` refuse to edit a file whose content differs.
using FileDigests = std::map<std::string, std::string>;

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_FINDING_H
