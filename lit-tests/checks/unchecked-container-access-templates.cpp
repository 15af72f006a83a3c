// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c++20
// Templates are analyzed through their instantiations, where the container
// type is known, and reported once per location however many instantiations
// there are (CHECK-NOTES fails on any warning or note not listed). The
// fix-it edits the template, so every instantiation: it is offered only
// when all of them proposed it.

#include <array>
#include <deque>
#include <span>
#include <string>
#include <vector>

// --- A function template, instantiated three times --------------------------

template <class Seq> int firstOfFresh() {
  Seq values;
  return values[0];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return values.at(0);
}

int useFirstOfFresh() {
  return firstOfFresh<std::vector<int>>() + firstOfFresh<std::deque<int>>() +
         firstOfFresh<std::vector<long>>();
}

// A generic helper that indexes by size() / 2 is in range when not empty.
template <class Seq> auto median(const Seq &values) {
  return values[values.size() / 2];
}
template <class Seq> auto medianOfCleared(Seq values) {
  values.clear();
  return values[values.size() / 2];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return values.at(values.size() / 2);
}

int useMedian(const std::vector<int> &v, const std::deque<int> &d) {
  return median(v) + median(d) + medianOfCleared(v);
}

// --- A member of a class template, in the class and out of line -------------

template <class T> struct Box {
  T first() {
    std::vector<T> items;
    return items.front();
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'front()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the container is empty after this, and no element is added on every path to the access
    // CHECK-FIXES: return items.at(0);
  }
  T last();
  T guarded() {
    std::vector<T> items;
    return items.empty() ? T() : items.back();
  }
};

template <class T> T Box<T>::last() {
  std::deque<T> items;
  return items.back();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'back()' on a 'std::deque' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return items.at(items.size() - 1);
}

int useBox() {
  Box<int> a;
  Box<long> b;
  return a.first() + b.first() + a.last() + b.last() + a.guarded();
}

// --- A generic lambda --------------------------------------------------------

int useGenericLambda() {
  auto front = [](auto seq) {
    seq.clear();
    return seq.front();
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'front()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the container is empty after this, and no element is added on every path to the access
    // CHECK-FIXES: return seq.at(0);
  };
  return front(std::vector<int>{1}) + front(std::deque<int>{2});
}

// --- Instantiations that disagree ---------------------------------------------

// Empty as a vector, three elements as a std::array: reported (one
// instantiation is wrong), without the fix, which the array's did not ask
// for.
template <class Seq> int firstOfDefault() {
  Seq values{};
  return values[0]; // std::array<int, 3>: in range
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return values[0]; // std::array<int, 3>: in range
}

int useFirstOfDefault() {
  return firstOfDefault<std::vector<int>>() +
         firstOfDefault<std::array<int, 3>>();
}

// A raw pointer has no at(): the fix would not compile there.
template <class Seq> int firstOrPointer(Seq values) {
  values = Seq();
  return values[0]; // const int *: no at()
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return values[0]; // const int *: no at()
}
int useFirstOrPointer(const std::vector<int> &v, const int *p) {
  return firstOrPointer(v) + firstOrPointer(p);
}

// --- Near misses ---------------------------------------------------------------

// Instantiated only with a fixed size that covers the index.
template <class Seq> int firstOfArray() {
  Seq values{};
  return values[0] + values[2];
}
int useFirstOfArray() { return firstOfArray<std::array<int, 3>>(); }

// Checked on every path, in every instantiation.
template <class Seq> int firstChecked(const Seq &values) {
  if (values.empty())
    return 0;
  return values[0] + values.front();
}
int useFirstChecked(const std::vector<int> &v, const std::string &s) {
  return firstChecked(v) + firstChecked(s);
}

// --- Never instantiated ---------------------------------------------------------

// Members of an unknown type that nothing resolves: no crash, no warning.
template <class T> int unresolved(T &t) {
  auto &rows = t.rows();
  return rows[0][1] + t.cells().front() + *t.begin() + t[2];
}
template <class T> struct Table : T {
  T cells;
  int cell(int i) { return cells[i] + cells.front() + this->other().back(); }
};
