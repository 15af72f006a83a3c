#pragma once
#include <string>

// A name sent by a client on a connected socket.
std::string receiveName(int Socket);
