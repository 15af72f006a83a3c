//===--- TestAST.h - prodready unit tests ----------------------*- C++ -*-===//
//
// Parses a snippet into an AST and finds nodes in it by matcher, so that the
// analyses can be tested on real clang ASTs without clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_TEST_TESTAST_H
#define PRODREADY_TEST_TESTAST_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

namespace prodready::test {

class TestAST {
public:
  explicit TestAST(llvm::StringRef Code, std::vector<std::string> Args = {}) {
    Args.insert(Args.begin(), {"-std=c++17", "-resource-dir=" PRODREADY_CLANG_RESOURCE_DIR,
                               "-Wno-unused-value"});
    Unit = clang::tooling::buildASTFromCodeWithArgs(Code, Args, "input.cpp");
  }

  clang::ASTContext &context() { return Unit->getASTContext(); }
  bool hasErrors() const {
    return Unit->getDiagnostics().hasErrorOccurred();
  }

  /// The first node bound to "node" by \p Matcher.
  template <typename NodeT, typename MatcherT> const NodeT *find(MatcherT Matcher) {
    using namespace clang::ast_matchers;
    auto Results = match(Matcher.bind("node"), context());
    return selectFirst<NodeT>("node", Results);
  }

  /// All nodes bound to "node" by \p Matcher, in source order.
  template <typename NodeT, typename MatcherT>
  std::vector<const NodeT *> findAll(MatcherT Matcher) {
    using namespace clang::ast_matchers;
    std::vector<const NodeT *> Nodes;
    for (const auto &Bound : match(Matcher.bind("node"), context()))
      if (const auto *Node = Bound.template getNodeAs<NodeT>("node"))
        Nodes.push_back(Node);
    const clang::SourceManager &SM = context().getSourceManager();
    llvm::sort(Nodes, [&](const NodeT *A, const NodeT *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    return Nodes;
  }

private:
  std::unique_ptr<clang::ASTUnit> Unit;
};

} // namespace prodready::test

#endif // PRODREADY_TEST_TESTAST_H
