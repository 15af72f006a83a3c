//===--- ResultCache.cpp - prodready driver -------------------------------===//

#include "ResultCache.h"
#include "FixApplier.h"
#include "JsonText.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <set>

namespace prodready::driver {

namespace {

using nlohmann::json;

/// Bumped when the entry format or the meaning of a key changes.
constexpr int EntryFormat = 2;

std::string hex128(llvm::XXH128_hash_t Hash) {
  return llvm::utohexstr(Hash.high64, /*LowerCase=*/true, 16) +
         llvm::utohexstr(Hash.low64, /*LowerCase=*/true, 16);
}

/// The entry stored at \p Path, if it exists and has this format, and
/// (\p Digest) a hash of its bytes.
std::optional<json> readEntry(const std::string &Path,
                              std::string *Digest = nullptr) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  if (Digest)
    *Digest = ResultCache::contentHash((*Buffer)->getBuffer());
  json Entry = json::parse((*Buffer)->getBuffer().begin(),
                           (*Buffer)->getBuffer().end(), nullptr,
                           /*allow_exceptions=*/false);
  if (!Entry.is_object() || !Entry.contains("format") ||
      Entry["format"] != EntryFormat || !Entry.contains("dependencies") ||
      !Entry["dependencies"].is_array())
    return std::nullopt;
  return Entry;
}

} // namespace

llvm::Expected<std::unique_ptr<ResultCache>>
ResultCache::open(llvm::StringRef Directory) {
  llvm::SmallString<256> Absolute(Directory);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Absolute))
    return llvm::errorCodeToError(EC);
  if (std::error_code EC = llvm::sys::fs::create_directories(Absolute))
    return llvm::createStringError(EC, "cannot create cache directory '" +
                                           Absolute + "': " + EC.message());
  return std::unique_ptr<ResultCache>(new ResultCache(std::string(Absolute)));
}

std::string ResultCache::key(llvm::ArrayRef<std::string> Parts) {
  std::string Joined = "prodready-cache-" + std::to_string(EntryFormat);
  for (const std::string &Part : Parts) {
    // Length-prefixed, so that no two part lists join to the same text.
    Joined += std::to_string(Part.size()) + ":" + Part;
  }
  return hex128(llvm::xxh3_128bits(llvm::arrayRefFromStringRef(Joined)));
}

std::string ResultCache::contentHash(llvm::StringRef Content) {
  return hex128(llvm::xxh3_128bits(llvm::arrayRefFromStringRef(Content)));
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key + ".json");
  return std::string(Path);
}

std::string ResultCache::summariesPath() const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "whole-program-summaries.json");
  return std::string(Path);
}

llvm::Error
ResultCache::storeLinkedSummaries(llvm::StringRef LinkedFrom,
                                  llvm::function_ref<std::string()> Serialize) {
  std::string Path = summariesPath();
  // The digest is the object's first member, so that comparing the file's
  // first bytes is enough; readers ignore the member.
  std::string Head = "{\"linkedFrom\": \"" + LinkedFrom.str() + "\",";
  if (!LinkedFrom.empty() && llvm::sys::fs::is_regular_file(Path))
    if (auto Stored = llvm::MemoryBuffer::getFileSlice(Path, Head.size(), 0);
        Stored && (*Stored)->getBuffer() == Head)
      return llvm::Error::success();
  std::string Text = Serialize();
  if (!LinkedFrom.empty() && llvm::StringRef(Text).starts_with("{") &&
      !llvm::StringRef(Text).drop_front().ltrim().starts_with("}"))
    Text = Head + Text.substr(1);
  return writeFileAtomically(Path, Text);
}

std::string ResultCache::linkRecordPath() const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "whole-program-link.json");
  return std::string(Path);
}

std::string ResultCache::readLinkRecord() const {
  auto Buffer = llvm::MemoryBuffer::getFile(linkRecordPath());
  return Buffer ? (*Buffer)->getBuffer().str() : "";
}

llvm::Error ResultCache::storeLinkRecord(llvm::StringRef Text) {
  return writeFileAtomically(linkRecordPath(), Text);
}

std::string ResultCache::currentHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = Hashes.find(Path); It != Hashes.end())
      return It->second;
  }
  std::string Hash;
  // Only a regular file: an entry naming a device or a FIFO (a damaged or
  // crafted entry) would otherwise block the run, or read forever.
  if (llvm::sys::fs::is_regular_file(Path))
    if (auto Buffer =
            llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false))
      Hash = contentHash((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(Mutex);
  Hashes[Path] = Hash;
  return Hash;
}

namespace {

bool lessByPath(const Dependency *A, const Dependency *B) { return *A < *B; }

/// \p Dependencies in the order of their paths: the order entries list
/// them in, and the one their digest is taken in.
std::vector<const Dependency *>
sortedByPath(llvm::ArrayRef<Dependency> Dependencies) {
  std::vector<const Dependency *> Sorted;
  Sorted.reserve(Dependencies.size());
  for (const Dependency &D : Dependencies)
    Sorted.push_back(&D);
  // A list read from an entry is sorted already: checking is cheaper than
  // sorting, and a warm --whole-program run takes the digest of every
  // dependent unit's list.
  if (!llvm::is_sorted(Sorted, lessByPath))
    llvm::sort(Sorted, lessByPath);
  return Sorted;
}

} // namespace

std::string
ResultCache::dependencyDigest(llvm::ArrayRef<Dependency> Dependencies) {
  std::vector<const Dependency *> Sorted = sortedByPath(Dependencies);
  size_t Size = 0;
  for (const Dependency *D : Sorted)
    Size += D->first.size() + D->second.size() + 2;
  std::string Joined;
  Joined.reserve(Size);
  for (const Dependency *D : Sorted) {
    Joined += D->first;
    Joined += '\0';
    Joined += D->second;
    Joined += '\n';
  }
  return contentHash(Joined);
}

std::optional<std::vector<std::string>>
ResultCache::changedIn(const nlohmann::json &Entry,
                       std::vector<Dependency> *Listed) {
  std::vector<std::string> Changed;
  try {
    for (const json &Dependency : Entry.at("dependencies")) {
      std::string Path = Dependency.at(0).get<std::string>();
      std::string Stored = Dependency.at(1).get<std::string>();
      std::string Hash = currentHash(Path);
      if (Hash.empty() || Hash != Stored)
        Changed.push_back(Path);
      if (Listed)
        Listed->emplace_back(std::move(Path), std::move(Stored));
    }
  } catch (const json::exception &) {
    return std::nullopt;
  }
  return Changed;
}

std::optional<CachedResult> ResultCache::lookup(llvm::StringRef Key,
                                                bool NeedsSummaries,
                                                llvm::StringRef BaseDigest) {
  // The entry is read and parsed once: a warm run is mostly this. Only a
  // whole-program run (which needs summaries) uses the digest.
  std::string Digest;
  std::optional<json> Entry =
      readEntry(entryPath(Key), NeedsSummaries ? &Digest : nullptr);
  if (!Entry)
    return std::nullopt;
  std::vector<Dependency> Dependencies;
  std::optional<std::vector<std::string>> Changed =
      changedIn(*Entry, &Dependencies);
  if (!Changed || !Changed->empty())
    return std::nullopt;
  try {
    if (Entry->contains("base") &&
        (BaseDigest.empty() ||
         Entry->at("base").get<std::string>() != BaseDigest))
      return std::nullopt;
    std::string Summaries;
    if (Entry->contains("summaries"))
      Summaries = Entry->at("summaries").get<std::string>();
    if (NeedsSummaries && Summaries.empty())
      return std::nullopt;
    std::string Report = Entry->at("report").get<std::string>();
    auto Read = readReport(Report, entryPath(Key));
    if (!Read) {
      llvm::consumeError(Read.takeError());
      return std::nullopt;
    }
    return CachedResult{std::move(Read->first), std::move(Summaries),
                        std::move(Dependencies), std::move(Digest)};
  } catch (const json::exception &) {
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>>
ResultCache::changedDependencies(llvm::StringRef Key) {
  std::optional<json> Entry = readEntry(entryPath(Key));
  if (!Entry)
    return std::nullopt;
  return changedIn(*Entry);
}

std::string ResultCache::store(llvm::StringRef Key, const ReportInput &Result,
                               const std::vector<Dependency> &Dependencies,
                               llvm::StringRef Summaries,
                               const std::vector<Dependency> *Base) {
  std::set<Dependency> InBase;
  if (Base)
    InBase.insert(Base->begin(), Base->end());
  json Deps = json::array();
  for (const Dependency *D : sortedByPath(Dependencies))
    if (!InBase.count(*D))
      Deps.push_back({D->first, D->second});
  json Entry = {{"format", EntryFormat},
                {"dependencies", std::move(Deps)},
                {"report", writeJson(Result)}};
  if (Base)
    Entry["base"] = dependencyDigest(*Base);
  if (!Summaries.empty())
    Entry["summaries"] = Summaries.str();
  std::string Path = entryPath(Key);
  auto Temp = llvm::sys::fs::TempFile::create(Path + ".tmp-%%%%%%");
  if (!Temp) {
    llvm::consumeError(Temp.takeError());
    return "";
  }
  std::string Text = dumpJson(Entry);
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Text;
  }
  if (llvm::Error E = Temp->keep(Path)) {
    llvm::consumeError(std::move(E));
    return "";
  }
  return contentHash(Text);
}

} // namespace prodready::driver
