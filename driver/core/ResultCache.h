//===--- ResultCache.h - prodready driver ----------------------*- C++ -*-===//
//
// `--cache DIR`: the findings of a translation unit, reused while nothing
// they depend on has changed.
//
// An entry's key hashes what the analysis is a function of besides file
// contents: the tool's build, the compile command (after plugin flags are
// removed), the effective .clang-tidy configuration and the fix mode. The
// entry lists every file the translation unit read - the main file and
// every header, i.e. exactly the inputs of its preprocessed form - with a
// hash of its bytes, and is used only if all of them still hash the same.
// Comparing bytes rather than the preprocessed text is deliberate: a
// NOLINT comment or a column shift changes the findings but not the
// preprocessed tokens. The lookup reads and hashes those files (xxh3-128,
// each file once per run), which is far cheaper than preprocessing.
//
// With --whole-program an entry also keeps the translation unit's
// function summaries (ProgramSummaries.h, as text), so that a warm run
// links them without parsing the unit; an analysis that read other units'
// summaries has their digest in its key (see the driver). Such a later
// round's entry does not list the unit's own files again: it names the
// digest of the dependencies of the unit's first-round analysis (its
// `base`, validated earlier in the same run) and lists only the files that
// analysis did not read (another unit's file a note shows). A warm
// whole-program run then reads the long list of headers once per unit.
//
// Like ccache's direct mode, an entry does not notice a *new* header that
// would now be found earlier on the include path; `--cache` users clear
// the directory when they add such a header (see docs/driver.md).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_RESULTCACHE_H
#define PRODREADY_DRIVER_CORE_RESULTCACHE_H

#include "JsonText.h"
#include "Report.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace prodready::driver {

/// (absolute path, content hash) of one file a translation unit read.
using Dependency = std::pair<std::string, std::string>;

/// What an entry holds.
struct CachedResult {
  ReportInput Report;
  /// The unit's function summaries, or "" when the run that stored the
  /// entry did not compute them.
  std::string Summaries;
  /// Every file the entry depends on, with its hash (for an entry stored
  /// with a base: only the files not in the base, which the caller has).
  std::vector<Dependency> Dependencies;
  /// With summaries asked for: a hash of the entry's bytes. With its key,
  /// it names everything the result was computed from (the files' hashes
  /// are in it).
  std::string Digest;
};

class ResultCache {
public:
  /// Creates \p Directory if needed.
  static llvm::Expected<std::unique_ptr<ResultCache>>
  open(llvm::StringRef Directory);

  /// The key of an analysis whose inputs besides file contents are
  /// \p Parts.
  static std::string key(llvm::ArrayRef<std::string> Parts);

  /// The hash dependencies are compared by.
  static std::string contentHash(llvm::StringRef Content);

  /// A digest of \p Dependencies, whatever their order.
  static std::string dependencyDigest(llvm::ArrayRef<Dependency> Dependencies);

  /// The entry stored under \p Key, if every dependency it was stored
  /// with is unchanged and, when \p NeedsSummaries, it has summaries. An
  /// entry stored with a base is used only when \p BaseDigest is the
  /// dependencyDigest() of that base, and the base is current (the caller
  /// validated it). Thread-safe.
  std::optional<CachedResult> lookup(llvm::StringRef Key,
                                     bool NeedsSummaries = false,
                                     llvm::StringRef BaseDigest = "");

  /// The files of the entry under \p Key whose content changed since it
  /// was stored (empty when none did), or nothing when there is no
  /// readable entry. --diff uses them: an entry made stale only by files
  /// of the diff tells, without a scan, that its translation unit is
  /// affected. Thread-safe.
  std::optional<std::vector<std::string>>
  changedDependencies(llvm::StringRef Key);

  /// Stores \p Result, and \p Summaries when not empty (written
  /// atomically; concurrent runs are safe). With \p Base, the entry keeps
  /// its digest and only the dependencies not in it. Returns the hash of
  /// the entry's bytes (CachedResult::Digest), or "" when it could not be
  /// written: the cache is an optimisation, and failures are not errors.
  std::string store(llvm::StringRef Key, const ReportInput &Result,
                    const std::vector<Dependency> &Dependencies,
                    llvm::StringRef Summaries = "",
                    const std::vector<Dependency> *Base = nullptr);

  /// Where `--whole-program` leaves the linked summaries of its last run,
  /// for the editor (docs/driver.md).
  std::string summariesPath() const;

  /// Leaves a --whole-program run's linked summaries at summariesPath().
  /// The file starts by naming \p LinkedFrom (a digest of what they were
  /// linked from; "" when unknown), and when it already names it, it holds
  /// these summaries: a warm run then neither serializes them (\p
  /// Serialize, which returns a JSON object) nor writes them.
  llvm::Error storeLinkedSummaries(llvm::StringRef LinkedFrom,
                                   llvm::function_ref<std::string()> Serialize);

  /// The record a `--whole-program` run leaves of how it linked the
  /// program (WholeProgram.h), or "" when there is none.
  std::string readLinkRecord() const;
  /// Replaces that record (written atomically).
  llvm::Error storeLinkRecord(llvm::StringRef Text);

private:
  std::string linkRecordPath() const;
  explicit ResultCache(std::string Directory)
      : Directory(std::move(Directory)) {}
  std::string entryPath(llvm::StringRef Key) const;
  /// The current hash of \p Path, memoized for the run ("" if unreadable).
  std::string currentHash(const std::string &Path);
  /// The dependencies of \p Entry whose content changed, or nothing when
  /// the entry is malformed.
  std::optional<std::vector<std::string>>
  changedIn(const nlohmann::json &Entry,
            std::vector<Dependency> *Listed = nullptr);

  std::string Directory;
  std::mutex Mutex;
  llvm::StringMap<std::string> Hashes;
};

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_RESULTCACHE_H
