//===--- Baseline.cpp - prodready driver ----------------------------------===//

#include "Baseline.h"
#include "JsonText.h"
#include <algorithm>
#include <tuple>

namespace prodready::driver {

namespace {
constexpr int BaselineVersion = 1;

llvm::Error baselineError(llvm::StringRef Name, const std::string &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Name.str() + ": " + What);
}
} // namespace

std::string Baseline::serialize(const std::vector<Finding> &Findings,
                                const std::vector<std::string> &Fingerprints) {
  std::vector<size_t> Order;
  for (size_t I = 0; I < Findings.size() && I < Fingerprints.size(); ++I)
    Order.push_back(I);
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return std::tie(Findings[A].File, Findings[A].Check, Fingerprints[A]) <
           std::tie(Findings[B].File, Findings[B].Check, Fingerprints[B]);
  });
  nlohmann::json Entries = nlohmann::json::array();
  for (size_t I : Order)
    Entries.push_back({{"fingerprint", Fingerprints[I]},
                       {"check", Findings[I].Check},
                       {"file", Findings[I].File}});
  nlohmann::json Document = {{"tool", "prodready"},
                             {"version", BaselineVersion},
                             {"findings", std::move(Entries)}};
  return dumpJson(Document);
}

llvm::Expected<Baseline> Baseline::parse(llvm::StringRef Text,
                                         llvm::StringRef Name) {
  nlohmann::json Document = nlohmann::json::parse(
      Text.begin(), Text.end(), /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (Document.is_discarded())
    return baselineError(Name, "not valid JSON");
  const auto Tool =
      Document.is_object() ? Document.find("tool") : Document.end();
  if (Tool == Document.end() || *Tool != "prodready")
    return baselineError(Name, "not a prodready baseline (no \"tool\": "
                               "\"prodready\")");
  if (!Document.contains("version") ||
      !Document["version"].is_number_integer() ||
      Document["version"].get<int>() != BaselineVersion)
    return baselineError(Name, "unsupported baseline version (expected " +
                                   std::to_string(BaselineVersion) + ")");
  const auto Entries = Document.find("findings");
  if (Entries == Document.end() || !Entries->is_array())
    return baselineError(Name, "\"findings\" must be an array");
  Baseline Result;
  size_t Index = 0;
  for (const nlohmann::json &Entry : *Entries) {
    const auto Fingerprint =
        Entry.is_object() ? Entry.find("fingerprint") : Entry.end();
    if (!Entry.is_object() || Fingerprint == Entry.end() ||
        !Fingerprint->is_string())
      return baselineError(Name, "finding " + std::to_string(Index) +
                                     " has no \"fingerprint\" string");
    Result.Known.insert(Fingerprint->get<std::string>());
    ++Index;
  }
  return Result;
}

} // namespace prodready::driver
