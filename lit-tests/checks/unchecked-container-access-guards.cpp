// RUN: %check_prodready %s prodready-unchecked-container-access %t -- \
// RUN:   -config="{CheckOptions: {prodready-unchecked-container-access.Mode: Strict}}" \
// RUN:   -- -std=c++20
// The guards real code uses, each with a near miss. Strict mode, so that a
// silent case shows the guard is recognised (the default mode needs
// evidence of risk first: see unchecked-container-access-evidence.cpp).

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

// --- Prefix and suffix tests -------------------------------------------------

char warningLetter(std::string_view Arg) {
  if (Arg.starts_with("-W"))
    return Arg[1];
  return 0;
}

char afterPrefix(std::string_view Arg) {
  if (Arg.starts_with("-W"))
    return Arg[2];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: index into 'std::string_view' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return Arg.at(2);
  return 0;
}

// On a std::string the index may be the terminator: `-Wa,` then arg[4].
char assemblerOption(const std::string &Arg) {
  if (Arg.rfind("-Wa,", 0) == 0)
    return Arg[4];
  return 0;
}

char extension(const std::string &Name) {
  if (Name.ends_with(".o"))
    return Name[1];
  return 0;
}

struct Option {
  std::string Text;
  const std::string &name() const { return Text; }
};

// Through a getter.
char firstLetter(const Option &O) {
  if (!O.name().empty())
    return O.name()[0];
  return 0;
}

// --- Search results compared with npos ---------------------------------------

char valueStart(std::string_view Line) {
  auto Equals = Line.find('=');
  if (Equals != std::string_view::npos)
    return Line[Equals];
  return 0;
}

char lastSlash(std::string_view Path) {
  auto Slash = Path.find_last_of('/');
  if (Slash == std::string_view::npos)
    return 0;
  return Path[Slash];
}

char separator(std::string_view Path) {
  auto Slash = Path.find_first_of("/\\");
  return Path[Slash];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: index into 'std::string_view' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: the index comes from this search, which returns 'npos' when nothing is found; it is not compared with 'npos' on every path
  // CHECK-FIXES: return Path.at(Slash);
}

// --- Loops bounded by the same container or one of equal size ----------------

void copyScaled(std::size_t N) {
  std::vector<float> In(N), Out(N);
  for (std::size_t I = 0; I < In.size(); ++I)
    Out[I] = In[I] * 2;
}

void copyChecked(const std::vector<int> &A, std::vector<int> &B) {
  if (A.size() != B.size())
    return;
  for (std::size_t I = 0; I < A.size(); ++I)
    B[I] = A[I];
}

void copyUnchecked(const std::vector<int> &A, std::vector<int> &B) {
  for (std::size_t I = 0; I < A.size(); ++I)
    B[I] = A[I];
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: B.at(I) = A[I];
}

// The bound and the size spelled alike: `n - 1` on an unsigned n.
void differences(const std::vector<double> &Values, std::size_t N) {
  std::vector<double> Diffs(N - 1);
  for (std::size_t T = 0; T < N - 1; ++T)
    Diffs[T] = 1.0;
}

void differencesTooFar(std::size_t N) {
  std::vector<double> Diffs(N - 1);
  for (std::size_t T = 0; T < N; ++T)
    Diffs[T] = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: Diffs.at(T) = 1.0;
}

// A loop index handed to a logger or formatter (forwarding references) or
// to a function that only reads it keeps its bounds; one that may change
// it does not.
template <class... Args> void log(const char *Format, Args &&...Values);
void show(int &Value) { std::printf("%d\n", Value); }
void bump(int &Value) { ++Value; }

int sumLogged(const std::vector<int> &V) {
  int Total = 0;
  for (int I = 0; I < static_cast<int>(V.size()); ++I) {
    log("item {}", I);
    show(I);
    Total += V[I];
  }
  return Total;
}

int sumBumped(const std::vector<int> &V) {
  int Total = 0;
  for (int I = 0; I < static_cast<int>(V.size()); ++I) {
    bump(I);
    Total += V[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
    // CHECK-FIXES: Total += V.at(I);
  }
  return Total;
}

// --- assert and helpers that never return -------------------------------------

int asserted(const std::vector<int> &V, std::size_t I) {
  assert(I < V.size());
  int Local = static_cast<int>(I);
  return V[Local];
}

void usage(const char *Program) {
  std::fprintf(stderr, "usage: %s FILE\n", Program);
  std::exit(2);
}

void warnOnly(const char *Program) { std::fprintf(stderr, "%s\n", Program); }

std::string fileArgument(const std::vector<std::string> &Args) {
  if (Args.size() < 2)
    usage("tool");
  return Args[1];
}

std::string fileArgumentWarned(const std::vector<std::string> &Args) {
  if (Args.size() < 2)
    warnOnly("tool");
  return Args[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return Args.at(1);
}

// --- Every form of the empty() test ------------------------------------------

int emptyComparedWithFalse(const std::vector<int> &V) {
  if (V.empty() == false)
    return V[0];
  return 0;
}

int stdEmpty(const std::vector<int> &V) {
  if (std::empty(V))
    return 0;
  return V[0];
}

int notSize(const std::vector<int> &V) {
  if (!V.size())
    return 0;
  return V.front();
}

int sizeNotZero(const std::vector<int> &V) { return V.size() != 0 ? V[0] : 0; }

int emptyComparedWithTrue(const std::vector<int> &V) {
  if (V.empty() == true)
    return V[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return V.at(0);
  return 0;
}

// --- A data pointer is not an element read -----------------------------------

std::size_t writeAll(std::FILE *F, const std::vector<char> &Buffer) {
  return std::fwrite(&Buffer[0], 1, Buffer.size(), F);
}

std::size_t writeTen(std::FILE *F, const std::vector<char> &Buffer) {
  return std::fwrite(&Buffer[0], 1, 10, F);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-FIXES: return std::fwrite(&Buffer.at(0), 1, 10, F);
}

// --- JSON elements of an items() loop ---------------------------------------

int sumIds(const nlohmann::json &Items) {
  int Total = 0;
  for (const auto &Item : Items.items())
    if (Item.value().contains("id"))
      Total += Item.value()["id"].get<int>();
  return Total;
}
