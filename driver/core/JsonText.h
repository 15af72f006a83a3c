//===--- JsonText.h - prodready driver -------------------------*- C++ -*-===//
//
// How the driver's core writes JSON (reports, baselines, cache entries):
// indented, and robust to source text that is not UTF-8.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_DRIVER_CORE_JSONTEXT_H
#define PRODREADY_DRIVER_CORE_JSONTEXT_H

#include <nlohmann/json.hpp>
#include <string>

namespace prodready::driver {

/// \p Json as text. Snippets and messages come from source files, which may
/// hold bytes that are not UTF-8 (a Latin-1 comment); nlohmann would throw
/// on them, so they become U+FFFD.
inline std::string dumpJson(const nlohmann::json &Json) {
  return Json.dump(2, ' ', /*ensure_ascii=*/false,
                   nlohmann::json::error_handler_t::replace) +
         "\n";
}

} // namespace prodready::driver

#endif // PRODREADY_DRIVER_CORE_JSONTEXT_H
