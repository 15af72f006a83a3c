// RUN: %check_prodready %s prodready-missing-timeout %t -- -- -std=c++17
// The deadline fix-it includes <chrono> when the file does not.

#include <grpcpp/grpcpp.h>
// CHECK-FIXES: #include <grpcpp/grpcpp.h>
// CHECK-FIXES: #include <chrono>

struct Empty {};
class Stub {
public:
  ::grpc::Status Ping(::grpc::ClientContext *context, const Empty &request,
                      Empty *response);
};

bool ping(Stub &stub) {
  grpc::ClientContext context;
  Empty reply;
  return stub.Ping(&context, Empty{}, &reply).ok();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: gRPC call 'Ping' with a 'grpc::ClientContext' that has no deadline can wait forever; set one with 'set_deadline' [prodready-missing-timeout]
  // CHECK-FIXES: context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES-NEXT: return stub.Ping(&context, Empty{}, &reply).ok();
}
