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

/// Function names from an option, qualified or not: `::app::warm_cache`
/// matches that fully qualified name; `Cache::fill` matches it inside any
/// namespace, as `hasName` does (inline and anonymous namespaces left out);
/// a bare `warm_cache` matches a function of that name in any scope.
class FunctionNameList {
public:
  explicit FunctionNameList(llvm::ArrayRef<std::string> Names) {
    for (llvm::StringRef Name : Names) {
      if (Name.starts_with("::"))
        Qualified.insert(Name.drop_front(2));
      else if (Name.contains("::"))
        Partial.push_back(("::" + Name).str());
      else
        Bare.insert(Name);
    }
  }

  bool empty() const {
    return Qualified.empty() && Partial.empty() && Bare.empty();
  }

  bool matches(const NamedDecl &D) const {
    if (empty() || !D.getIdentifier())
      return false;
    if (Bare.contains(D.getName()))
      return true;
    if (Qualified.empty() && Partial.empty())
      return false;
    std::string Full = qualifiedNameWithoutInlineNamespaces(D);
    // `ns::(anonymous namespace)::C::m` is written `ns::C::m`.
    for (size_t At; (At = Full.find("(anonymous namespace)::")) !=
                    std::string::npos;)
      Full.erase(At, llvm::StringRef("(anonymous namespace)::").size());
    if (Qualified.contains(Full))
      return true;
    std::string Scoped = "::" + Full;
    return llvm::any_of(Partial, [&](const std::string &Suffix) {
      return llvm::StringRef(Scoped).ends_with(Suffix);
    });
  }

private:
  llvm::StringSet<> Qualified;
  std::vector<std::string> Partial; ///< `::C::m`, matched as a suffix.
  llvm::StringSet<> Bare;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_CHECKOPTIONS_H
