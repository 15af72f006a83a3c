//===--- PluginFlags.cpp - prodready driver -------------------------------===//

#include "PluginFlags.h"
#include "llvm/ADT/StringRef.h"

namespace prodready::driver {

namespace {

/// cc1 flags that load code, followed by one value.
bool isLoadingCC1Flag(llvm::StringRef Flag) {
  return Flag == "-load" || Flag == "-plugin" || Flag == "-add-plugin" ||
         Flag.starts_with("-plugin-arg-");
}

/// Driver flags that load code, with the value joined (`-fplugin=x.so`).
bool isLoadingJoinedFlag(llvm::StringRef Flag) {
  return Flag.starts_with("-fplugin=") || Flag.starts_with("-fpass-plugin=") ||
         Flag.starts_with("-fplugin-arg-") || Flag.starts_with("--config=");
}

/// The cc1 flag that `-Xclang X` or `-Xclang=X` at \p I passes, if any.
llvm::StringRef xclangValue(const std::vector<std::string> &Args, size_t I,
                            size_t &Consumed) {
  llvm::StringRef Arg = Args[I];
  if (Arg.consume_front("-Xclang=")) {
    Consumed = 1;
    return Arg;
  }
  if (Arg == "-Xclang" && I + 1 < Args.size()) {
    Consumed = 2;
    return Args[I + 1];
  }
  Consumed = 0;
  return "";
}

} // namespace

std::vector<std::string> stripPluginFlags(std::vector<std::string> &Args) {
  std::vector<std::string> Kept, Removed;
  for (size_t I = 0; I < Args.size();) {
    llvm::StringRef Arg = Args[I];
    if (isLoadingJoinedFlag(Arg)) {
      Removed.push_back(Args[I++]);
      continue;
    }
    if (Arg == "--config" && I + 1 < Args.size()) {
      Removed.push_back(Args[I] + " " + Args[I + 1]);
      I += 2;
      continue;
    }
    size_t Consumed = 0;
    llvm::StringRef CC1Flag = xclangValue(Args, I, Consumed);
    if (Consumed && isLoadingCC1Flag(CC1Flag)) {
      // The flag's value is passed by the next -Xclang.
      std::string Spelled = CC1Flag.str();
      I += Consumed;
      size_t ValueConsumed = 0;
      llvm::StringRef Value =
          I < Args.size() ? xclangValue(Args, I, ValueConsumed) : "";
      if (ValueConsumed) {
        Spelled += " " + Value.str();
        I += ValueConsumed;
      }
      Removed.push_back("-Xclang " + Spelled);
      continue;
    }
    if (isLoadingCC1Flag(Arg) && I + 1 < Args.size()) {
      Removed.push_back(Args[I] + " " + Args[I + 1]);
      I += 2;
      continue;
    }
    Kept.push_back(Args[I++]);
  }
  Args = std::move(Kept);
  return Removed;
}

} // namespace prodready::driver
