#include "net/net.h"
#include "store/store.h"

#include <fstream>

// The client names the export file: "../../etc/cron.d/x" writes anywhere.
// Only the whole program shows it (receiveName is in //net).
void exportKeys(int Socket, const std::vector<std::string> &Keys) {
  std::ofstream Out("/var/lib/example/exports/" + receiveName(Socket));
  for (const std::string &Key : Keys)
    Out << Key << "\n";
}
