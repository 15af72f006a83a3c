//===--- Fingerprint.cpp - prodready driver -------------------------------===//

#include "Fingerprint.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <cctype>
#include <numeric>
#include <tuple>

namespace prodready::driver {

std::string normalizedLineText(const std::string &Text) {
  std::string Result;
  Result.reserve(Text.size());
  for (char C : Text)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Result.push_back(C);
  return Result;
}

std::vector<std::string> fingerprints(const std::vector<Finding> &Findings) {
  // Rank findings with the same identity in source order, so that the
  // ranks do not depend on the order the findings were reported in.
  std::vector<size_t> Order(Findings.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    const Finding &X = Findings[A], &Y = Findings[B];
    return std::tie(X.File, X.Line, X.Column, A) <
           std::tie(Y.File, Y.Line, Y.Column, B);
  });
  std::vector<std::string> Result(Findings.size());
  llvm::StringMap<unsigned> Seen;
  for (size_t Index : Order) {
    const Finding &F = Findings[Index];
    std::string Identity = F.Check + '\0' + F.File + '\0' + F.Message + '\0' +
                           normalizedLineText(F.LineText);
    unsigned Rank = Seen[Identity]++;
    Identity += '\0' + std::to_string(Rank);
    std::string Hex;
    llvm::raw_string_ostream(Hex)
        << llvm::format_hex_no_prefix(llvm::xxh3_64bits(Identity), 16);
    Result[Index] = Hex;
  }
  return Result;
}

} // namespace prodready::driver
