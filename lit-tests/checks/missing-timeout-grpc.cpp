// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17

#include <chrono>
#include <grpcpp/grpcpp.h>
#include <memory>
#include <string>

// A stub written the way protoc's generated code declares one.
namespace helloworld {
struct HelloRequest { std::string name; };
struct HelloReply { std::string message; };
class Greeter {
public:
  class Stub {
  public:
    ::grpc::Status SayHello(::grpc::ClientContext *context,
                            const HelloRequest &request, HelloReply *response);
    ::grpc::Status SayGoodbye(::grpc::ClientContext *context,
                              const HelloRequest &request,
                              HelloReply *response);
  };
};
} // namespace helloworld

using helloworld::Greeter;
using helloworld::HelloReply;
using helloworld::HelloRequest;

std::string greet(Greeter::Stub &stub, const std::string &name) {
  grpc::ClientContext context;
  HelloRequest request{name};
  HelloReply reply;
  grpc::Status status = stub.SayHello(&context, request, &reply);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: gRPC call 'SayHello' with a 'grpc::ClientContext' that has no deadline can wait forever; set one with 'set_deadline' [prodready-missing-timeout]
  // CHECK-FIXES: context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES: grpc::Status status = stub.SayHello(&context, request, &reply);
  return status.ok() ? reply.message : "";
}

bool greetHeap(Greeter::Stub *stub) {
  auto context = std::make_unique<grpc::ClientContext>();
  HelloReply reply;
  return stub->SayGoodbye(context.get(), HelloRequest{}, &reply).ok();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: gRPC call 'SayGoodbye' with a 'grpc::ClientContext' that has no deadline can wait forever; set one with 'set_deadline' [prodready-missing-timeout]
  // CHECK-FIXES: context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES: return stub->SayGoodbye(context.get(), HelloRequest{}, &reply).ok();
}

// --- Not reported ---------------------------------------------------------------

std::string greetWithDeadline(Greeter::Stub &stub, const std::string &name) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(2));
  HelloReply reply;
  stub.SayHello(&context, HelloRequest{name}, &reply);
  return reply.message;
}

std::unique_ptr<grpc::ClientContext> makeContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::milliseconds(500));
  return context;
}

bool greetFromHelper(Greeter::Stub &stub) {
  auto context = makeContext();
  HelloReply reply;
  return stub.SayHello(context.get(), HelloRequest{}, &reply).ok();
}

// The caller owns the context and its deadline.
grpc::Status forward(Greeter::Stub &stub, grpc::ClientContext *context,
                     const HelloRequest &request, HelloReply *reply) {
  return stub.SayHello(context, request, reply);
}
