#pragma once
#include <string>

// The server's settings, read from the environment.
std::string outputDir();
int workerThreads();
