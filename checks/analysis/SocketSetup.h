//===--- SocketSetup.h - prodready -----------------------------*- C++ -*-===//
//
// What a function does to a socket before it reads from it or writes to it:
// whether it created the socket, gave it a receive/send timeout
// (SO_RCVTIMEO/SO_SNDTIMEO), made it non-blocking (O_NONBLOCK,
// SOCK_NONBLOCK, FIONBIO, Asio's non_blocking(true)), and whether it waits
// for readiness (poll, select, epoll_wait...) with or without a timeout.
//
// Real code configures sockets in small helpers:
//
//   static void set_timeouts(int fd, int ms) {
//     timeval tv{ms / 1000, (ms % 1000) * 1000};
//     setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
//   }
//   int fd = socket(AF_INET, SOCK_STREAM, 0);
//   set_timeouts(fd, 5000);
//   recv(fd, ...);                       // bounded
//
// so a call that passes the socket to a function of the translation unit
// applies that function's summary: "a call of f sets a timeout on (makes
// non-blocking, waits with a timeout for) the socket given as parameter k".
// Summaries are computed once per (function, parameter), follow helpers up
// to a small depth, and treat recursion as "does nothing". Lambdas in a body
// are not looked into: when they run is unknown.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_CHECKS_ANALYSIS_SOCKETSETUP_H
#define PRODREADY_CHECKS_ANALYSIS_SOCKETSETUP_H

#include "NetworkModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::prodready {

/// What is known about one socket at one point of a function.
struct SocketSetup {
  /// The function got it from socket(), accept() or accept4().
  bool Created = false;
  /// SO_RCVTIMEO or SO_SNDTIMEO is set on it.
  bool Timeout = false;
  /// It is in non-blocking mode.
  bool NonBlocking = false;
  /// Code that does not compile was given it: what it does is unknown.
  bool Unknown = false;
  /// A readiness wait with a timeout (poll(..., 5000)), and one without
  /// (poll(..., -1), select(..., NULL)), that run before the point.
  const CallExpr *BoundedWait = nullptr;
  const CallExpr *EndlessWait = nullptr;

  /// True if an operation on the socket at the point cannot wait forever:
  /// it has a timeout, readiness was awaited with a timeout, or it is
  /// non-blocking and nothing waits for it without a limit.
  bool bounded() const {
    return Unknown || Timeout || BoundedWait || (NonBlocking && !EndlessWait);
  }
  void merge(const SocketSetup &Other);
};

/// True if \p Read, a blocking read in \p Body, runs only when the
/// socket already holds the data: under a test of a value the function
/// took from `available()` (`if (sock.available(ec) >= len) read(sock,
/// buffer(p, len));`, i2pd's NTCP2 and tunnels). Such a read returns at
/// once; the data it waits for has arrived.
bool readsOnlyBufferedData(const Stmt &Body, const CallExpr &Read,
                           ASTContext &Ctx);

class SocketSetupAnalysis {
public:
  explicit SocketSetupAnalysis(const NetworkModel &Model);
  ~SocketSetupAnalysis();

  /// What \p Body does to \p Socket before \p Site (directly or through
  /// the helpers it passes the socket to). A wait without a timeout also
  /// counts when it shares a loop with \p Site (the loop keeps coming back
  /// to it). A null \p Site means anywhere in \p Body.
  SocketSetup setupBefore(const Stmt &Body, const ValueDecl &Socket,
                          const Stmt *Site, ASTContext &Ctx);

  /// What a call of \p F does to the socket it is given as parameter
  /// \p Index (Created is always false). Cached.
  SocketSetup paramSetup(const FunctionDecl &F, unsigned Index);

  void clear();

private:
  struct BodyFacts;
  const BodyFacts &factsOf(const Stmt &Body, ASTContext &Ctx);
  SocketSetup setupAt(const Stmt &Body, const ValueDecl &Socket,
                      const Stmt *Site, ASTContext &Ctx, unsigned Depth);
  SocketSetup paramSetupAt(const FunctionDecl &F, unsigned Index,
                           unsigned Depth);

  const NetworkModel &Model;
  llvm::DenseMap<const Stmt *, std::unique_ptr<BodyFacts>> Bodies;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, SocketSetup>
      Summaries;
};

} // namespace clang::tidy::prodready

#endif // PRODREADY_CHECKS_ANALYSIS_SOCKETSETUP_H
