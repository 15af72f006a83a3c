//===--- ContainerModel.h - prodready --------------------------*- C++ -*-===//
//
// What prodready knows about containers: which class types hold elements
// that may not be there (sequences such as std::vector, fixed-size arrays,
// nlohmann::json values), and which expressions access an element of one
// without a check of their own (`c[i]`, `c.front()`, `c.back()`,
// `*c.begin()`, `j["key"]`). The bounds analysis and the
// unchecked-container-access check share it. A new container type is a
// name in the table (or the `Containers` option), not new code.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_CONTAINERMODEL_H
#define PRODREADY_CHECKS_ANALYSIS_CONTAINERMODEL_H

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::prodready {

enum class ContainerKind {
  None,
  Sequence,   ///< size() elements, any of which may be missing.
  FixedArray, ///< std::array and raw arrays: the size is in the type.
  Json,       ///< nlohmann::basic_json: an object (keys) or an array.
};

/// The default container types (qualified template names).
extern const char DefaultContainerTypes[];

class ContainerModel {
public:
  /// \p TypeNames: qualified class (template) names, e.g. `std::vector`;
  /// `std::array` is a fixed-size array and `nlohmann::basic_json` a JSON
  /// value, every other name a sequence with `size()` and `operator[]`.
  explicit ContainerModel(const std::vector<std::string> &TypeNames);

  /// The kind of container an expression of type \p Type (references and
  /// cv-qualifiers ignored) is; raw arrays are FixedArray.
  ContainerKind kindOf(QualType Type) const;
  ContainerKind kindOf(const CXXRecordDecl *Record) const;

  /// "std::vector", "nlohmann::json", ... for messages.
  static std::string displayName(QualType Type);

private:
  llvm::StringMap<ContainerKind> Kinds;
  mutable llvm::DenseMap<const CXXRecordDecl *, ContainerKind> Cache;
};

/// An element access that does not check the element exists itself.
struct ElementAccess {
  enum FormKind {
    Subscript,  ///< c[i], j["k"], j[0], a[i] (raw array)
    Front,      ///< c.front()
    Back,       ///< c.back()
    DerefBegin, ///< *c.begin()
  };
  FormKind Form = Subscript;
  ContainerKind Kind = ContainerKind::None;
  const Expr *Access = nullptr;    ///< The whole access expression.
  const Expr *Container = nullptr; ///< The container (object) expression.
  const Expr *Index = nullptr;     ///< Subscript only: the index or key.
  bool IsKey = false;              ///< JSON subscript with a key.
  bool IsConst = false;            ///< Accessed through a const object.
  /// Fixed arrays: the number of elements (0 if unknown).
  uint64_t StaticSize = 0;
  /// `p[i]` through a pointer: the size of the region is not in the type
  /// (a heap block's is known from its allocation, see MemoryRegion.h).
  bool IsBuffer = false;
};

/// \p S as an element access of a container of \p Model, if it is one.
std::optional<ElementAccess> matchElementAccess(const Stmt &S,
                                                const ContainerModel &Model);

/// The member function called on a container by \p Call, with the
/// container expression, if \p Call is a call of one.
struct ContainerCall {
  const CXXMethodDecl *Method = nullptr;
  const Expr *Object = nullptr;
  ContainerKind Kind = ContainerKind::None;
};
std::optional<ContainerCall> matchContainerCall(const Expr &E,
                                                const ContainerModel &Model);

/// `c.size()`, `c.length()`, `std::size(c)`, `std::ssize(c)`: the container.
const Expr *sizeQueryOf(const Expr &E, const ContainerModel &Model);

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_CONTAINERMODEL_H
