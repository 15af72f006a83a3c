//===--- CheckOptions.h - prodready ----------------------------*- C++ -*-===//
//
// Helpers for reading prodready's check options.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_CHECKOPTIONS_H
#define PRODREADY_CHECKS_CHECKOPTIONS_H

#include "clang-tidy/utils/OptionsUtils.h"
#include <string>
#include <vector>

namespace clang::tidy::prodready {

/// The non-empty, trimmed items of a `;`-separated option value, owned (the
/// analyses outlive no option string, but owning them keeps that obvious).
inline std::vector<std::string> parseNameList(llvm::StringRef Value) {
  std::vector<std::string> Names;
  for (llvm::StringRef Item : utils::options::parseStringList(Value))
    if (!Item.trim().empty())
      Names.push_back(Item.trim().str());
  return Names;
}

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_CHECKOPTIONS_H
