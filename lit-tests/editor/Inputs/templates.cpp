#include <array>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

template <class T> std::string setting() { return std::getenv("API_BASE"); }

template <class Seq> int firstOfFresh() {
  Seq values;
  return values[0];
}

// Empty as a vector, in range as a std::array<int, 3>: no quick fix.
template <class Seq> int firstOfDefault() {
  Seq values{};
  return values[0];
}

template <class T> struct Box {
  T last();
};

template <class T> T Box<T>::last() {
  std::vector<T> items;
  return items.back();
}

std::string use() {
  Box<int> a;
  Box<long> b;
  return setting<int>() + setting<char>() + setting<long>() +
         std::to_string(firstOfFresh<std::vector<int>>() +
                        firstOfFresh<std::deque<int>>() + a.last() + b.last() +
                        firstOfDefault<std::vector<int>>() +
                        firstOfDefault<std::array<int, 3>>());
}
