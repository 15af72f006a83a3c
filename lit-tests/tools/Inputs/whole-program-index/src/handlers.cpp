#include <string>
#include <vector>

std::vector<std::string> readFields(int fd);
int readSlot(int fd);

static std::vector<int> counts(16);

std::string command(int fd) {
  std::vector<std::string> fields = readFields(fd);
  return fields[1];
}

std::string checkedCommand(int fd) {
  std::vector<std::string> fields = readFields(fd);
  if (fields.size() < 2)
    return "";
  return fields[1];
}

void count(int fd) { counts[readSlot(fd)]++; }

void countChecked(int fd) {
  int slot = readSlot(fd);
  if (slot >= 0 && static_cast<size_t>(slot) < counts.size())
    counts[slot]++;
}
