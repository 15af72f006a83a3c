// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// --- Blocking Asio and Beast I/O ---------------------------------------------

std::string fetchSync(asio::io_context &io, const std::string &host) {
  tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(5)); // no effect on blocking calls
  stream.connect(resolver.resolve(host, "80"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking 'connect' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
  http::request<http::string_body> req{http::verb::get, "/", 11};
  http::write(stream, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking 'boost::beast::http::write' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking 'boost::beast::http::read' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
  return res.body();
}

size_t readHeader(tcp::socket &socket, char *out, size_t size) {
  return asio::read(socket, asio::buffer(out, size));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking 'boost::asio::read' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
}

// A read of data the socket already holds (available()) returns at once
// (i2pd reads a message's rest this way).
size_t readBuffered(tcp::socket &socket, char *out, size_t len) {
  boost::system::error_code ec;
  size_t ready = socket.available(ec);
  if (!ec && ready >= len)
    return asio::read(socket, asio::buffer(out, len), ec);
  return 0;
}

size_t readWhatArrived(tcp::socket &socket, char *out) {
  boost::system::error_code ec;
  size_t more = 0;
  more = socket.available(ec);
  if (more)
    return asio::read(socket, asio::buffer(out, more), ec);
  return 0;
}

// A count tested for something else: the read still waits.
size_t readNonEmpty(tcp::socket &socket, char *out, size_t len) {
  if (len > 0)
    return asio::read(socket, asio::buffer(out, len));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking 'boost::asio::read' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
  return 0;
}

// A write waits for the peer to take the data, whatever has arrived.
void answerWhenAsked(tcp::socket &socket) {
  if (socket.available() > 0)
    asio::write(socket, asio::buffer("ok", 2));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking 'boost::asio::write' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
}

size_t readWithSocketTimeout(tcp::socket &socket, char *out, size_t size) {
  timeval timeout{5, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout,
             sizeof timeout);
  return asio::read(socket, asio::buffer(out, size));
}

size_t readNonBlocking(tcp::socket &socket, char *out, size_t size) {
  // Synchronous operations on a non-blocking socket fail with would_block.
  socket.non_blocking(true);
  return socket.read_some(asio::buffer(out, size));
}

static void makeNonBlocking(tcp::socket &socket) { socket.non_blocking(true); }

size_t readAfterHelper(tcp::socket &socket, char *out, size_t size) {
  makeNonBlocking(socket);
  return socket.read_some(asio::buffer(out, size));
}

size_t readBlockingAgain(tcp::socket &socket, char *out, size_t size) {
  socket.non_blocking(false);
  return socket.read_some(asio::buffer(out, size));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking 'read_some' has no timeout and can wait forever: Asio deadlines and Beast's 'expires_after' apply only to asynchronous operations [prodready-missing-timeout]
}

// --- Asynchronous Beast I/O ------------------------------------------------------

class Session {
public:
  explicit Session(asio::io_context &io) : stream_(io) {}
  void run(const tcp::resolver::results_type &endpoints) {
    stream_.async_connect(endpoints, [this](beast::error_code ec,
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'async_connect' on a 'beast::tcp_stream' with no 'expires_after' or 'expires_at' before it can wait forever [prodready-missing-timeout]
                                           tcp::endpoint) {
      if (!ec)
        http::async_write(stream_, req_,
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::beast::http::async_write' on a 'beast::tcp_stream' with no 'expires_after' or 'expires_at' before it can wait forever [prodready-missing-timeout]
                          [](beast::error_code, std::size_t) {});
    });
  }

private:
  beast::tcp_stream stream_;
  http::request<http::string_body> req_;
};

class TimedSession {
public:
  explicit TimedSession(asio::io_context &io) : stream_(io) {}
  void run(const tcp::resolver::results_type &endpoints) {
    stream_.expires_after(std::chrono::seconds(30));
    stream_.async_connect(endpoints, [](beast::error_code, tcp::endpoint) {});
  }

private:
  beast::tcp_stream stream_;
};

void localStream(asio::io_context &io, http::request<http::string_body> &req) {
  beast::tcp_stream stream(io);
  http::async_write(stream, req, [](beast::error_code, std::size_t) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::beast::http::async_write' on a 'beast::tcp_stream' with no 'expires_after' or 'expires_at' before it can wait forever [prodready-missing-timeout]
}

void fetchAsyncWithDeadline(beast::tcp_stream &stream,
                            http::request<http::string_body> &req) {
  stream.expires_after(std::chrono::seconds(10));
  http::async_write(stream, req, [](beast::error_code, std::size_t) {});
}

void asyncOnPlainSocket(tcp::socket &socket, char *data, size_t size) {
  // Plain Asio sockets take their deadlines from timers the caller runs.
  asio::async_read(socket, asio::buffer(data, size),
                   [](boost::system::error_code, std::size_t) {});
}
