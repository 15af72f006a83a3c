// RUN: %check_prodready %s prodready-unvalidated-url %t -- -- -std=c++17
// gRPC: the target of a channel, from the environment or a request.

#include <cstdlib>
#include <grpcpp/grpcpp.h>
#include <httplib.h>
#include <string>

std::shared_ptr<grpc::Channel> fromEnvironment() {
  const char *Target = std::getenv("BACKEND_TARGET");
  return grpc::CreateChannel(Target, grpc::InsecureChannelCredentials());
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: host from the environment reaches 'grpc::CreateChannel' unvalidated; whoever sets it can point the connection at any server, internal ones included [prodready-unvalidated-url]
}

std::shared_ptr<grpc::Channel> fromRequest(const httplib::Request &Req) {
  grpc::ChannelArguments Args;
  std::string Target = "dns:///" + Req.get_param_value("service") + ":50051";
  return grpc::CreateCustomChannel(Target, grpc::InsecureChannelCredentials(),
                                   Args);
  // CHECK-MESSAGES: :[[@LINE-2]]:36: warning: host from request data reaches 'grpc::CreateCustomChannel' unvalidated
}

// Not reported: a constant target, a port from the environment after a
// constant host, a target compared with the allowed one.
std::shared_ptr<grpc::Channel> constantTarget() {
  auto A = grpc::CreateChannel("localhost:50051",
                               grpc::InsecureChannelCredentials());
  int Port = std::atoi(std::getenv("BACKEND_PORT"));
  return grpc::CreateChannel("backend.internal:" + std::to_string(Port),
                             grpc::InsecureChannelCredentials());
}

std::shared_ptr<grpc::Channel> allowedTarget() {
  std::string Target = std::getenv("BACKEND_TARGET");
  if (Target != "backend.internal:50051" && Target != "localhost:50051")
    return nullptr;
  return grpc::CreateChannel(Target, grpc::InsecureChannelCredentials());
}
