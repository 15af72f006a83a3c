//===--- CheckOptions.h - prodready ----------------------------*- C++ -*-===//
//
// Helpers for reading prodready's check options.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_CHECKOPTIONS_H
#define PRODREADY_CHECKS_CHECKOPTIONS_H

#include "analysis/ASTHelpers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "llvm/ADT/StringSet.h"
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

/// Function names from an option, qualified or not: `::app::warm_cache` and
/// `app::Cache::fill` match the qualified name (inline namespaces left
/// out, a leading `::` optional), a bare `warm_cache` matches a function of
/// that name in any scope.
class FunctionNameList {
public:
  explicit FunctionNameList(llvm::ArrayRef<std::string> Names) {
    for (llvm::StringRef Name : Names) {
      Name = Name.ltrim(':');
      (Name.contains("::") ? Qualified : Bare).insert(Name);
    }
  }

  bool empty() const { return Qualified.empty() && Bare.empty(); }

  bool matches(const NamedDecl &D) const {
    if (empty() || !D.getIdentifier())
      return false;
    return Bare.contains(D.getName()) ||
           (!Qualified.empty() &&
            Qualified.contains(qualifiedNameWithoutInlineNamespaces(D)));
  }

private:
  llvm::StringSet<> Qualified;
  llvm::StringSet<> Bare;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_CHECKOPTIONS_H
