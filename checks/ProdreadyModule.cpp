//===--- ProdreadyModule.cpp - prodready ----------------------------------===//
//
// Registers the prodready checks with clang-tidy. Loaded as a plugin
// (`clang-tidy -load libprodready.so`) or linked into the driver and clangd.
//
//===----------------------------------------------------------------------===//

#include "HardcodedSecretCheck.h"
#include "MissingRetryCheck.h"
#include "MissingTimeoutCheck.h"
#include "RegexInLoopCheck.h"
#include "SqlInjectionCheck.h"
#include "UnboundedLogFileCheck.h"
#include "UncheckedContainerAccessCheck.h"
#include "UncheckedGetenvCheck.h"
#include "UncheckedHttpStatusCheck.h"
#include "UnsafePathJoinCheck.h"
#include "UnvalidatedEnvParseCheck.h"
#include "UnvalidatedUrlCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy {
namespace prodready {

class ProdreadyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<HardcodedSecretCheck>(
        "prodready-hardcoded-secret");
    CheckFactories.registerCheck<MissingRetryCheck>(
        "prodready-missing-retry");
    CheckFactories.registerCheck<MissingTimeoutCheck>(
        "prodready-missing-timeout");
    CheckFactories.registerCheck<RegexInLoopCheck>(
        "prodready-regex-in-loop");
    CheckFactories.registerCheck<SqlInjectionCheck>(
        "prodready-sql-injection");
    CheckFactories.registerCheck<UnboundedLogFileCheck>(
        "prodready-unbounded-log-file");
    CheckFactories.registerCheck<UncheckedContainerAccessCheck>(
        "prodready-unchecked-container-access");
    CheckFactories.registerCheck<UncheckedGetenvCheck>(
        "prodready-unchecked-getenv");
    CheckFactories.registerCheck<UncheckedHttpStatusCheck>(
        "prodready-unchecked-http-status");
    CheckFactories.registerCheck<UnsafePathJoinCheck>(
        "prodready-unsafe-path-join");
    CheckFactories.registerCheck<UnvalidatedEnvParseCheck>(
        "prodready-unvalidated-env-parse");
    CheckFactories.registerCheck<UnvalidatedUrlCheck>(
        "prodready-unvalidated-url");
  }
};

} // namespace prodready

static ClangTidyModuleRegistry::Add<prodready::ProdreadyModule>
    X("prodready", "Checks for defects found in production-readiness "
                          "reviews.");

// Referenced by builds that link the module statically (the driver, clangd)
// so that the linker keeps the registration above.
volatile int ProdreadyModuleAnchorSource = 0;

} // namespace clang::tidy
