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
      {"prodready-hardcoded-secret",
       "A credential written into the source: a string literal named as a "
       "secret, passed to a credential parameter, or in a credential "
       "format.",
       {"CWE-798", "CWE-259", "CWE-321"},
       Severity::Error,
       "docs/checks/hardcoded-secret.md",
       /*RedactsSnippets=*/true},
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
      {"prodready-sql-injection",
       "SQL text built from untrusted (error) or non-constant (warning) "
       "data that reaches a function running it, instead of a bound "
       "parameter.",
       {"CWE-89"},
       Severity::Error,
       "docs/checks/sql-injection.md"},
      {"prodready-unbounded-log-file",
       "A log file that grows without bound: never rotated or size-limited.",
       {"CWE-400", "CWE-779"},
       Severity::Warning,
       "docs/checks/unbounded-log-file.md"},
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
      {"prodready-unvalidated-url",
       "A URL or host from an untrusted source that reaches a connection "
       "with neither its scheme nor its host validated, or redirects "
       "followed with no protocol restriction.",
       {"CWE-918", "CWE-20"},
       Severity::Error,
       "docs/checks/unvalidated-url.md"},
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

Severity findingSeverity(llvm::StringRef CheckName, llvm::StringRef Message) {
  struct MilderKind {
    const char *Check;
    const char *MessagePrefix;
  };
  static constexpr MilderKind Warnings[] = {
      {"prodready-sql-injection", "SQL built from non-constant text"},
  };
  for (const MilderKind &Kind : Warnings)
    if (CheckName == Kind.Check && Message.starts_with(Kind.MessagePrefix))
      return Severity::Warning;
  return checkInfo(CheckName).DefaultSeverity;
}

bool reportsDataFlow(llvm::StringRef CheckName) {
  return CheckName == "prodready-unsafe-path-join" ||
         CheckName == "prodready-sql-injection" ||
         CheckName == "prodready-unvalidated-url";
}

} // namespace prodready::driver
