//===--- MemoryRegion.h - prodready ----------------------------*- C++ -*-===//
//
// C buffers as the analyses see them. A *region* is one block of memory: a
// local or global array, or a heap block from malloc/calloc/realloc or
// `new T[n]`. A pointer expression designates a region and an offset into
// it: `buf`, `buf + n`, `&buf[k]`, `p` after `char *p = buf; p += n;` all
// designate `buf`'s region, the last three past its start. Pointer
// arithmetic keeps the region, so the taint analysis (what a write at an
// offset adds to a buffer) and the bounds analysis (how many elements a
// heap block holds) name the same memory the same way.
//
// See docs/design/regions-and-summaries.md.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_MEMORYREGION_H
#define PRODREADY_CHECKS_ANALYSIS_MEMORYREGION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::prodready {

/// A pointer expression taken apart: the expression naming the region
/// (an array, or a pointer variable holding the block) and whether it
/// points past the region's start.
struct RegionPointer {
  const Expr *Base = nullptr;
  bool AtOffset = false;
};

/// Takes apart \p Pointer: casts and parentheses are looked through,
/// `base + n`, `n + base`, `base - n` and `&base[k]` (k not 0) are `base`
/// at an offset; anything else is its own base at offset 0.
RegionPointer regionPointer(const Expr &Pointer);

/// How many elements a fresh heap block holds.
struct AllocationSize {
  /// The count, when the compiler can evaluate it.
  std::optional<int64_t> Count;
  /// Otherwise the expression that counts the elements: `n` of
  /// `malloc(n * sizeof(T))`, `calloc(n, sizeof(T))`, `new T[n]`, or of
  /// `malloc(n)` for a byte buffer.
  const Expr *CountExpr = nullptr;
};

/// If \p E (casts looked through) allocates a block - `malloc(bytes)`,
/// `calloc(n, size)`, `realloc(p, bytes)`, `new T[n]` - its size in
/// elements of \p Element. nullopt when \p E is not an allocation or its
/// byte size is not a whole number of elements.
std::optional<AllocationSize> allocationSize(const Expr &E, QualType Element,
                                             const ASTContext &Ctx);

/// True if \p E (casts looked through) calls an allocation function or is
/// an array `new`.
bool isAllocation(const Expr &E);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_MEMORYREGION_H
