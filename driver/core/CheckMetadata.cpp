//===--- CheckMetadata.cpp - prodready driver -----------------------------===//

#include "CheckMetadata.h"
#include "llvm/ADT/StringMap.h"

namespace prodready::driver {

llvm::StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(llvm::StringRef Name) {
  if (Name == "note")
    return Severity::Note;
  if (Name == "warning")
    return Severity::Warning;
  if (Name == "error")
    return Severity::Error;
  return std::nullopt;
}

const std::vector<CheckInfo> &prodreadyChecks() {
  // Errors: undefined behaviour or a security hole on input an attacker or
  // an outage controls. Warnings: robustness.
  static const std::vector<CheckInfo> Checks = {
      {"prodready-missing-retry",
       "A network call whose failure is an error exit with no retry, or a "
       "retry loop without delay.",
       {"CWE-703", "CWE-400"},
       Severity::Warning,
       "docs/checks/missing-retry.md"},
      {"prodready-missing-timeout",
       "A blocking network operation that can wait forever.",
       {"CWE-1088", "CWE-400"},
       Severity::Warning,
       "docs/checks/missing-timeout.md"},
      {"prodready-regex-in-loop",
       "A regex compiled again and again from the same pattern: in a loop, "
       "or as a non-static local of a function.",
       {"CWE-1176", "CWE-400"},
       Severity::Warning,
       "docs/checks/regex-in-loop.md"},
      {"prodready-unchecked-container-access",
       "An element access that nothing shows to be in range on every path.",
       {"CWE-129", "CWE-125"},
       Severity::Error,
       "docs/checks/unchecked-container-access.md"},
      {"prodready-unchecked-getenv",
       "A getenv result used where null is undefined behaviour.",
       {"CWE-690", "CWE-476"},
       Severity::Error,
       "docs/checks/unchecked-getenv.md"},
      {"prodready-unchecked-http-status",
       "A network result used as if the request had succeeded.",
       {"CWE-252", "CWE-754"},
       Severity::Warning,
       "docs/checks/unchecked-http-status.md"},
      {"prodready-unsafe-path-join",
       "Untrusted data joined into a path that reaches a filesystem "
       "operation unsanitized.",
       {"CWE-22", "CWE-23", "CWE-36"},
       Severity::Error,
       "docs/checks/unsafe-path-join.md"},
      {"prodready-unvalidated-env-parse",
       "A number parsed from the environment with a conversion that throws "
       "uncaught or fails silently.",
       {"CWE-20", "CWE-1284"},
       Severity::Warning,
       "docs/checks/unvalidated-env-parse.md"},
  };
  return Checks;
}

CheckInfo checkInfo(llvm::StringRef CheckName) {
  static const llvm::StringMap<const CheckInfo *> ByName = [] {
    llvm::StringMap<const CheckInfo *> Map;
    for (const CheckInfo &Info : prodreadyChecks())
      Map[Info.Name] = &Info;
    return Map;
  }();
  if (auto It = ByName.find(CheckName); It != ByName.end())
    return *It->second;
  // Other clang-tidy checks a project enables: described by their name.
  CheckInfo Other;
  Other.Name = CheckName.str();
  Other.Description = "clang-tidy check " + CheckName.str() + ".";
  return Other;
}

} // namespace prodready::driver
