//===--- PathFilter.cpp - prodready driver --------------------------------===//

#include "PathFilter.h"
#include "llvm/Support/YAMLTraits.h"

namespace {
struct ProjectConfig {
  std::vector<std::string> Exclude;
};
} // namespace

namespace llvm::yaml {
template <> struct MappingTraits<ProjectConfig> {
  static void mapping(IO &IO, ProjectConfig &Config) {
    IO.mapOptional("exclude", Config.Exclude);
  }
};
} // namespace llvm::yaml

namespace prodready::driver {

llvm::Expected<PathFilter>
PathFilter::create(llvm::ArrayRef<std::string> Patterns,
                   llvm::StringRef Origin) {
  PathFilter Filter;
  for (const std::string &Pattern : Patterns) {
    llvm::Regex Regex(Pattern);
    std::string Error;
    if (Pattern.empty())
      Error = "empty pattern";
    else
      Regex.isValid(Error);
    if (!Error.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     Origin + ": invalid exclude pattern '" +
                                         Pattern + "': " + Error);
    Filter.Patterns.push_back(std::move(Regex));
  }
  return Filter;
}

void PathFilter::add(PathFilter &&Other) {
  for (llvm::Regex &Pattern : Other.Patterns)
    Patterns.push_back(std::move(Pattern));
  Other.Patterns.clear();
}

bool PathFilter::excludes(llvm::StringRef RelativePath) const {
  return llvm::any_of(Patterns, [&](const llvm::Regex &Pattern) {
    return Pattern.match(RelativePath);
  });
}

llvm::Expected<std::vector<std::string>>
parseProjectConfigExcludes(llvm::StringRef Text, llvm::StringRef Path) {
  ProjectConfig Config;
  std::string Diagnostic;
  llvm::yaml::Input Input(
      Text, nullptr,
      [](const llvm::SMDiagnostic &D, void *Context) {
        auto &Out = *static_cast<std::string *>(Context);
        if (Out.empty())
          Out = std::to_string(D.getLineNo()) + ":" +
                std::to_string(D.getColumnNo() + 1) + ": " +
                D.getMessage().str();
      },
      &Diagnostic);
  // An empty file is an empty configuration.
  if (!Text.trim().empty())
    Input >> Config;
  if (Input.error())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "cannot parse '" + Path + "': " +
            (Diagnostic.empty() ? Input.error().message() : Diagnostic));
  return Config.Exclude;
}

} // namespace prodready::driver
