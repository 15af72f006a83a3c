// RUN: %check_prodready %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++20
// Strict mode: every access form on every container type, on internal
// containers with no evidence of risk (the default mode reports those only
// with evidence; see unchecked-container-access-evidence.cpp).

#include <array>
#include <cassert>
#include <deque>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// --- Every access form on every container type ------------------------------

int vectorSubscript(const std::vector<int> &v) { return v[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:58: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int vectorSubscript(const std::vector<int> &v) { return v.at(0); }
void vectorWrite(std::vector<int> &v) { v[1] = 5; }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: void vectorWrite(std::vector<int> &v) { v.at(1) = 5; }
int vectorFront(std::vector<int> &v) { return v.front(); }
// CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'front()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int vectorFront(std::vector<int> &v) { return v.at(0); }
int vectorBack(const std::vector<int> &v) { return v.back(); }
// CHECK-MESSAGES: :[[@LINE-1]]:54: warning: 'back()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int vectorBack(const std::vector<int> &v) { return v.at(v.size() - 1); }
int vectorBegin(const std::vector<int> &v) { return *v.begin(); }
// CHECK-MESSAGES: :[[@LINE-1]]:53: warning: '*begin()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int vectorBegin(const std::vector<int> &v) { return v.at(0); }
int dequeSubscript(const std::deque<int> &d) { return d[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:56: warning: index into 'std::deque' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int dequeSubscript(const std::deque<int> &d) { return d.at(0); }
int dequeBack(std::deque<int> &d) { return d.back(); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'back()' on a 'std::deque' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int dequeBack(std::deque<int> &d) { return d.at(d.size() - 1); }
char stringFront(const std::string &s) { return s.front(); }
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: 'front()' on a 'std::string' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: char stringFront(const std::string &s) { return s.at(0); }
char stringLast(const std::string &s) { return s[s.size() - 1]; }
// CHECK-MESSAGES: :[[@LINE-1]]:49: warning: index into 'std::string' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: char stringLast(const std::string &s) { return s.at(s.size() - 1); }
char stringViewSubscript(std::string_view sv) { return sv[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:58: warning: index into 'std::string_view' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: char stringViewSubscript(std::string_view sv) { return sv.at(0); }
char stringViewBack(std::string_view sv) { return sv.back(); }
// CHECK-MESSAGES: :[[@LINE-1]]:54: warning: 'back()' on a 'std::string_view' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: char stringViewBack(std::string_view sv) { return sv.at(sv.size() - 1); }
int spanSubscript(std::span<const int> values) { return values[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:63: warning: index into 'std::span' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
int spanFront(std::span<const int> values) { return values.front(); }
// CHECK-MESSAGES: :[[@LINE-1]]:60: warning: 'front()' on a 'std::span' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]

int arrays() {
  std::array<int, 3> a{1, 2, 3};
  int raw[4] = {};
  return a[2] + a[0] + a.front() + a.back() + raw[3];
}
int arrayPastTheEnd() {
  std::array<int, 3> a{1, 2, 3};
  return a[3];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: index into 'std::array' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return a.at(3);
}

struct Session {
  std::vector<std::string> Args;
  std::string first() const { return Args[0]; }
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: std::string first() const { return Args.at(0); }
  std::string second() const { return this->Args.at(1); }
  const std::string &last() const { return Args.back(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'back()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: const std::string &last() const { return Args.at(Args.size() - 1); }
  std::string lastButOne() const { return Args.size() > 1 ? Args[Args.size() - 2] : ""; }
};

int throughPointer(const std::vector<int> *p) { return (*p)[1]; }
// CHECK-MESSAGES: :[[@LINE-1]]:60: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int throughPointer(const std::vector<int> *p) { return (*p).at(1); }
int throughArrow(const std::vector<int> *p) { return p->back(); }
// CHECK-MESSAGES: :[[@LINE-1]]:57: warning: 'back()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int throughArrow(const std::vector<int> *p) { return p->at(p->size() - 1); }
int nested(const std::vector<std::vector<int>> &rows) { return rows[0][0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:68: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
// CHECK-FIXES: int nested(const std::vector<std::vector<int>> &rows) { return rows.at(0).at(0); }
int onceReported(const std::vector<int> &v) {
  // After the first access (or its .at() fix) the element is known to exist.
  return v[0] + v[0] + v.front();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(0) + v[0] + v.front();
}

// --- Guards that make accesses safe -----------------------------------------

int notEmpty(const std::vector<int> &v) {
  if (!v.empty())
    return v[0] + v.front() + v.back() + *v.begin();
  return 0;
}

int earlyReturn(const std::vector<int> &v) {
  if (v.empty())
    return 0;
  return v.front();
}

int earlyThrow(const std::deque<int> &d) {
  if (d.empty())
    throw std::runtime_error("no data");
  return d.back();
}

int earlyContinue(const std::vector<std::vector<int>> &rows) {
  int sum = 0;
  for (const auto &row : rows) {
    if (row.empty())
      continue;
    sum += row[0];
  }
  return sum;
}

int sizeGreater(const std::vector<int> &v) {
  if (v.size() > 2)
    return v[2];
  return 0;
}

int sizeAtLeastK(const std::vector<int> &v, size_t k) {
  if (k > 0 && v.size() >= k)
    return v[k - 1];
  return 0;
}

int indexBelowSize(const std::vector<int> &v, size_t i) {
  size_t j = i * 2;
  if (j < v.size())
    return v[j];
  return 0;
}

int loopBound(const std::vector<int> &v) {
  int sum = 0;
  for (size_t i = 0; i < v.size(); ++i)
    sum += v[i];
  return sum;
}

int constructedSize() {
  std::vector<int> v(10);
  std::string s(4, ' ');
  std::vector<int> list = {1, 2, 3};
  return v[9] + s[3] + list[2];
}

int resized(std::vector<int> &v) {
  v.resize(3);
  v.assign(5, 0);
  return v[4];
}

int pushed() {
  std::vector<int> v;
  v.push_back(1);
  v.emplace_back(2);
  return v[1] + v.back();
}

int rangeFor(const std::vector<int> &v) {
  int sum = 0;
  for (int x : v)
    sum += x * v.front();
  return sum;
}

int asserted(const std::vector<int> &v) {
  assert(!v.empty());
  return v.front();
}

// --- Stale guards are reported again ----------------------------------------

int clearedAfterCheck(std::vector<int> &v) {
  if (v.empty())
    return 0;
  v.clear();
  return v[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(0);
}

int poppedAfterCheck(std::vector<int> &v) {
  if (v.size() < 2)
    return 0;
  v.pop_back();
  return v[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(1);
}

int erasedAfterCheck(std::vector<int> &v) {
  if (v.empty())
    return 0;
  v.erase(v.begin());
  return v.front();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'front()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(0);
}

int reassignedAfterCheck(std::vector<int> &v, std::vector<int> other) {
  if (v.empty())
    return 0;
  v = other;
  return v.back();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'back()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(v.size() - 1);
}

int indexChangedAfterCheck(const std::vector<int> &v) {
  size_t i = 0;
  if (i >= v.size())
    return 0;
  i += 3;
  return v[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(i);
}

int oneSidedPaths(const std::vector<int> &v, bool fast) {
  if (fast && v.empty())
    return 0;
  return v[0];  // when !fast nothing checked v
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return v.at(0);  // when !fast nothing checked v
}

int offByOne(const std::vector<int> &v) {
  int sum = 0;
  for (size_t i = 0; i <= v.size(); ++i)
    sum += v[i];
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
    // CHECK-FIXES: sum += v.at(i);
  return sum;
}

// --- Suppression works as for every clang-tidy check ---------------------------

int suppressed(const std::vector<int> &v) {
  return v[0]; // NOLINT(prodready-unchecked-container-access)
}

int suppressedNextLine(const std::vector<int> &v) {
  // NOLINTNEXTLINE(prodready-unchecked-container-access)
  return v.front();
}
