// RUN: %check_prodready %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++20
// Strict mode, so that the silence below shows each guard is recognised
// (the default mode would be silent on these internal containers anyway).
//
// Realistic access patterns that are safe: the check must stay silent on
// every one of them (precision matters most for this check).

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <queue>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using nlohmann::json;

// 1. Indexed loop bounded by size().
int sum(const std::vector<int> &v) {
  int total = 0;
  for (size_t i = 0; i < v.size(); ++i)
    total += v[i];
  return total;
}

// 2. Loop with a cached size.
int sumCached(const std::vector<int> &v) {
  int total = 0;
  for (size_t i = 0, n = v.size(); i < n; ++i)
    total += v[i];
  return total;
}

// 3. Adjacent pairs.
int maxStep(const std::vector<int> &v) {
  int best = 0;
  for (size_t i = 0; i + 1 < v.size(); ++i)
    best = std::max(best, v[i + 1] - v[i]);
  return best;
}

// 4. Starting at 1, looking back.
bool isSorted(const std::vector<int> &v) {
  for (size_t i = 1; i < v.size(); ++i)
    if (v[i - 1] > v[i])
      return false;
  return true;
}

// 5. Reverse loop.
std::string reversed(const std::string &s) {
  std::string out;
  for (size_t i = s.size(); i > 0; --i)
    out += s[i - 1];
  return out;
}

// 6. Signed loop against a cast size.
int signedLoop(const std::vector<int> &v) {
  int total = 0;
  for (int i = 0; i < static_cast<int>(v.size()); ++i)
    total += v[i];
  return total;
}

// 7. While loop over an index.
size_t countSpaces(std::string_view text) {
  size_t i = 0, count = 0;
  while (i < text.size()) {
    if (text[i] == ' ')
      ++count;
    ++i;
  }
  return count;
}

// 8. Early return on empty.
int firstOrZero(const std::vector<int> &v) {
  if (v.empty())
    return 0;
  return v.front() + v[0];
}

// 9. Ternary guard.
int lastOrMinusOne(const std::vector<int> &v) {
  return v.empty() ? -1 : v.back();
}

// 10. Throwing guard.
const std::string &command(const std::vector<std::string> &args) {
  if (args.size() < 2)
    throw std::invalid_argument("usage: tool COMMAND");
  return args[1];
}

// 11. Size compared with a constant before fixed indices.
double average3(const std::vector<double> &samples) {
  if (samples.size() >= 3)
    return (samples[0] + samples[1] + samples[2]) / 3;
  return 0;
}

// 12. Size from construction.
std::vector<int> squares() {
  std::vector<int> out(10);
  for (int i = 0; i < 10; ++i)
    out[i] = i * i;
  return out;
}

// 13. Size from a variable at construction.
std::vector<double> scaled(const std::vector<double> &in, double factor) {
  std::vector<double> out(in.size());
  for (size_t i = 0; i < in.size(); ++i)
    out[i] = in[i] * factor;
  return out;
}

// 14. resize() before filling.
void fill(std::vector<int> &buffer, size_t n) {
  buffer.resize(n);
  for (size_t i = 0; i < n; ++i)
    buffer[i] = 0;
}

// 15. Initializer list.
int weekday(unsigned day) {
  std::vector<int> hours = {8, 8, 8, 8, 6};
  return hours[0] + hours[4];
}

// 16. push_back then back().
int pushThenRead(std::vector<int> &v, int x) {
  v.push_back(x);
  return v.back();
}

// 17. Range-for, reading through the container inside.
int relativeToFirst(const std::vector<int> &v) {
  int total = 0;
  for (int x : v)
    total += x - v.front();
  return total;
}

// 18. Queue processing with !empty().
int drain(std::deque<int> &work) {
  int total = 0;
  while (!work.empty()) {
    total += work.front();
    work.pop_front();
  }
  return total;
}

// 19. std::queue-like processing on a vector used as a stack.
int drainStack(std::vector<int> &stack) {
  int total = 0;
  while (!stack.empty()) {
    total += stack.back();
    stack.pop_back();
  }
  return total;
}

// 20. Index from find().
std::string keyOf(const std::string &line) {
  auto pos = line.find('=');
  if (pos == std::string::npos)
    return line;
  return line.substr(0, pos) + line[pos];
}

// 21. Index from find(), the character after it (std::string allows size()).
char afterColon(const std::string &s) {
  size_t colon = s.find(':');
  if (colon != std::string::npos)
    return s[colon + 1];
  return 0;
}

// 22. Last character of a non-empty string.
bool endsWithSlash(const std::string &path) {
  return !path.empty() && path[path.size() - 1] == '/';
}

// 23. Trailing newline trimming.
void chomp(std::string &line) {
  while (!line.empty() && line.back() == '\n')
    line.pop_back();
}

// 24. Modulo indexing (hash tables, ring buffers).
int bucket(const std::vector<int> &buckets, size_t hash) {
  if (buckets.empty())
    return -1;
  return buckets[hash % buckets.size()];
}

// 25. Ring buffer with a constant capacity.
struct Ring {
  std::array<int, 16> slots{};
  size_t head = 0;
  void put(int x) { slots[head++ % 16] = x; }
};

// 26. std::array with constant indices.
int rgb() {
  std::array<int, 3> color{255, 128, 0};
  return color[0] + color[1] + color[2] + color.front() + color.back();
}

// 27. Raw array with constant and loop indices.
int table() {
  int values[8] = {};
  for (int i = 0; i < 8; ++i)
    values[i] = i;
  return values[7];
}

// 28. Matrix traversal.
int trace(const std::vector<std::vector<int>> &m) {
  int total = 0;
  for (size_t r = 0; r < m.size(); ++r)
    for (size_t c = 0; c < m[r].size(); ++c)
      if (r == c)
        total += m[r][c];
  return total;
}

// 29. Assert-style guard.
int pop(std::vector<int> &stack) {
  assert(!stack.empty());
  int top = stack.back();
  stack.pop_back();
  return top;
}

// 30. Guard with size() != 0.
int firstIfAny(const std::vector<int> &v) {
  if (v.size() != 0)
    return v[0];
  return 0;
}

// 31. Binary search with lo/hi inside the range.
bool contains(const std::vector<int> &sorted, int key) {
  size_t lo = 0, hi = sorted.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sorted[mid] == key)
      return true;
    if (sorted[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return false;
}

// 32. Index checked against size() before use.
int at(const std::vector<int> &v, size_t index) {
  if (index >= v.size())
    throw std::out_of_range("index");
  return v[index];
}

// 33. Parameters index: the caller's contract (documented).
int get(const std::vector<int> &v, size_t index) { return v[index]; }

// 34. Member containers of a class with an invariant.
class Tokens {
public:
  explicit Tokens(std::vector<std::string> t) : items(std::move(t)) {}
  const std::string &peek() const {
    static const std::string End;
    return pos < items.size() ? items[pos] : End;
  }
  bool done() const { return pos >= items.size(); }

private:
  std::vector<std::string> items;
  size_t pos = 0;
};

// 35. Command-line arguments copied into a vector.
std::string outputPath(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  if (args.size() > 2)
    return args[2];
  return "out.txt";
}

// 36. JSON: contains() before reading.
std::string model(const json &config) {
  if (config.contains("model"))
    return config["model"].get<std::string>();
  return "default";
}

// 37. JSON: the checked chain of an API answer.
std::string reply(const std::string &body) {
  json answer = json::parse(body);
  if (!answer.contains("choices") || !answer["choices"].is_array() ||
      answer["choices"].empty())
    return "";
  const json &first = answer["choices"][0];
  if (!first.contains("message") || !first["message"].contains("content"))
    return "";
  return first["message"]["content"].get<std::string>();
}

// 38. JSON: find() != end().
int port(const json &config) {
  auto it = config.find("port");
  if (it == config.end())
    return 8080;
  return config["port"].get<int>();
}

// 39. JSON: building a request with operator[].
json request(const std::string &prompt) {
  json body;
  body["model"] = "small";
  body["messages"][0]["role"] = "user";
  body["messages"][0]["content"] = prompt;
  return body;
}

// 40. JSON: iterating an array by index.
int total(const json &numbers) {
  int sum = 0;
  if (!numbers.is_array())
    return 0;
  for (size_t i = 0; i < numbers.size(); ++i)
    sum += numbers[i].get<int>();
  return sum;
}

// 41. JSON: value() with a default is not an element access.
int retries(const json &config) { return config.value("retries", 3); }

// 42. Split on a delimiter.
std::vector<std::string> split(const std::string &s, char delim) {
  std::vector<std::string> parts(1);
  for (char c : s) {
    if (c == delim)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  return parts;
}

// 43. Two-pointer palindrome test.
bool isPalindrome(std::string_view s) {
  if (s.empty())
    return true;
  size_t i = 0, j = s.size() - 1;
  while (i < j) {
    if (s[i] != s[j])
      return false;
    ++i;
    --j;
  }
  return true;
}

// 44. Span with a checked length.
int header(std::span<const unsigned char> packet) {
  if (packet.size() < 4)
    return -1;
  return packet[0] << 24 | packet[1] << 16 | packet[2] << 8 | packet[3];
}

// 45. Guard function that throws, inline.
void require(bool ok, const char *what) {
  if (!ok)
    throw std::runtime_error(what);
}
int firstRequired(const std::vector<int> &v) {
  if (v.empty())
    require(false, "no values");
  return v.empty() ? 0 : v[0];
}

// 46. Prefix sums sized from the input.
std::vector<long> prefixSums(const std::vector<int> &v) {
  std::vector<long> sums(v.size() + 1);
  for (size_t i = 0; i < v.size(); ++i)
    sums[i + 1] = sums[i] + v[i];
  return sums;
}

// 47. Lookup in a map, not a sequence.
int lookup(std::map<std::string, int> &counts, const std::string &key) {
  return counts[key];
}

// 48. Copying a checked vector keeps the size.
int copyThenRead(const std::vector<int> &v) {
  if (v.size() < 2)
    return 0;
  std::vector<int> copy = v;
  return copy[1];
}

// 49. Index found with std::find.
int indexOf(const std::vector<int> &v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end())
    return -1;
  return *it;
}

// 50. Last element after a size check with a variable.
int lastOf(const std::vector<int> &v, size_t n) {
  if (n == 0 || v.size() < n)
    return 0;
  return v[n - 1];
}
