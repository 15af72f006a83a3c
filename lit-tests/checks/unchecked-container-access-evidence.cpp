// RUN: %check_prodready %s prodready-unchecked-container-access %t -- -- -std=c++20
// The default mode (Mode: Evidence) reports an access that is not proven in
// range only with a reason to think the element may be missing. Each reason
// has a positive case and a near miss; internal containers indexed by the
// code's own values, with no such reason, are not reported.

#include <istream>
#include <sstream>
#include <utility>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

std::vector<std::string> split(const std::string &Text, char Separator);

// --- Outside data in the container ------------------------------------------

int main(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::string output = args[1];
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:33: note: the container holds untrusted data that comes from here
  // CHECK-FIXES: std::string output = args.at(1);
  if (args.size() > 2)
    output = args[2]; // Checked.
  return static_cast<int>(output.size());
}

std::string secondField(std::istream &In) {
  std::string line;
  std::getline(In, line);
  std::vector<std::string> fields = split(line, ',');
  return fields[1];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the container holds untrusted data that comes from here
  // CHECK-FIXES: return fields.at(1);
}

std::string secondFieldChecked(std::istream &In) {
  std::string line;
  std::getline(In, line);
  std::vector<std::string> fields = split(line, ',');
  if (fields.size() < 2)
    return "";
  return fields[1];
}

std::string completion(const std::string &Body) {
  nlohmann::json reply = nlohmann::json::parse(Body);
  return reply["choices"][0]["text"].get<std::string>();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: JSON key "choices" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:26: note: the container holds untrusted data that comes from here
  // CHECK-NOTES: :[[@LINE-3]]:26: note: the next access in this chain is not checked either
  // CHECK-NOTES: :[[@LINE-4]]:29: note: the next access in this chain is not checked either
  // CHECK-FIXES: return reply.at("choices").at(0).at("text").get<std::string>();
}

// On a non-const value a missing key is a type_error when the null is
// used: handled here.
std::string completionCaught(const std::string &Body) {
  try {
    nlohmann::json reply = nlohmann::json::parse(Body);
    return reply["choices"][0]["text"].get<std::string>();
  } catch (const nlohmann::json::exception &) {
    return "";
  }
}

// On a const value it is undefined behaviour, which no handler catches.
std::string completionConst(const std::string &Body) {
  try {
    const nlohmann::json reply = nlohmann::json::parse(Body);
    return reply["choices"][0]["text"].get<std::string>();
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: JSON key "choices" is not checked to exist on every path; a missing key is undefined behaviour [prodready-unchecked-container-access]
    // CHECK-NOTES: :[[@LINE-3]]:34: note: the container holds untrusted data that comes from here
    // CHECK-NOTES: :[[@LINE-3]]:28: note: the next access in this chain is not checked either
    // CHECK-NOTES: :[[@LINE-4]]:31: note: the next access in this chain is not checked either
    // CHECK-FIXES: return reply.at("choices").at(0).at("text").get<std::string>();
  } catch (...) {
    return "";
  }
}

// --- No evidence: the caller's or the code's own containers -----------------

int parameterIndex(const std::vector<int> &Values, int I) { return Values[I]; }
int parameterFirst(const std::vector<int> &Values) { return Values[0]; }
int parameterFront(const std::vector<int> &Values) { return Values.front(); }
std::string configKey(const nlohmann::json &Config) {
  return Config["name"].get<std::string>();
}
int ownArithmetic(const std::vector<int> &Values, int Row, int Width) {
  return Values[Row * Width + 1];
}

// --- A container that may be empty ------------------------------------------

int firstOfNothing() {
  std::vector<int> values;
  return values[0];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return values.at(0);
}

int firstMatch(const std::vector<int> &Input) {
  std::vector<int> matches;
  for (int Value : Input)
    if (Value > 10)
      matches.push_back(Value);
  return matches.front();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'front()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return matches.at(0);
}

int firstMatchChecked(const std::vector<int> &Input) {
  std::vector<int> matches;
  for (int Value : Input)
    if (Value > 10)
      matches.push_back(Value);
  if (matches.empty())
    return -1;
  return matches.front();
}

// A loop that adds on every iteration fills the container: the path that
// skips the loop is not evidence (what the loop iterates over is nearly
// always known not to be empty where the code runs).
int squares() {
  std::vector<int> values;
  for (int I = 0; I < 10; ++I)
    values.push_back(I * I);
  return values[0];
}

int squaresUpTo(int N) {
  std::vector<int> values;
  for (int I = 0; I < N; ++I)
    values.push_back(I * I);
  return values[0];
}

// Added under a condition: the loop may add nothing.
int firstEven(const std::vector<int> &Numbers) {
  std::vector<int> evens;
  for (int Value : Numbers)
    if (Value % 2 == 0)
      evens.push_back(Value);
  return evens[0];
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return evens.at(0);
}

int lastAfterClear(std::vector<int> &Values) {
  Values.clear();
  return Values.back();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'back()' on a 'std::vector' that may be empty; on an empty container it is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container is empty after this, and no element is added on every path to the access
  // CHECK-FIXES: return Values.at(Values.size() - 1);
}

int lastAfterRefill(std::vector<int> &Values) {
  Values.clear();
  Values.push_back(1);
  return Values.back();
}

// A container filled by a function it is passed to is not known empty.
void fill(std::vector<int> &Out);
int filledByCallee() {
  std::vector<int> values;
  fill(values);
  return values[0];
}

// Reading the terminator of an empty std::string is defined.
char firstCharacter() {
  std::string text;
  return text[0];
}

// --- Indices from outside -----------------------------------------------------

std::vector<int> Table(16);

int readIndex(std::istream &In) {
  unsigned Index = 0;
  In >> Index;
  return Table[Index];
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: untrusted index into 'std::vector' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the untrusted index comes from here
}

// Stored by the program after a check: the check is where it was stored.
int sumStored(std::istream &In) {
  std::vector<unsigned> Indices;
  unsigned Index = 0;
  while (In >> Index) {
    if (Index >= Table.size())
      return -1;
    Indices.push_back(Index);
  }
  int Total = 0;
  for (unsigned Stored : Indices)
    Total += Table[Stored];
  return Total;
}

// A JSON list of indices is outside data as it stands.
int sumRequested(const std::string &Body) {
  nlohmann::json Request = nlohmann::json::parse(Body);
  int Total = 0;
  for (int Requested : Request["indices"])
    Total += Table[Requested];
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: untrusted index into 'std::vector' is not checked against both bounds; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-5]]:28: note: the untrusted index comes from here
  return Total;
}

// --- A search result used as an index ----------------------------------------

char afterColon(std::string_view Text) {
  auto Colon = Text.find(':');
  return Text[Colon + 1];
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: index into 'std::string_view' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:16: note: the index comes from this search, which returns 'npos' when nothing is found; it is not compared with 'npos' on every path
  // CHECK-FIXES: return Text.at(Colon + 1);
}

char atColon(std::string_view Text) {
  return Text[Text.find(':')];
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: index into 'std::string_view' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: the index comes from this search, which returns 'npos' when nothing is found; it is not compared with 'npos' on every path
  // CHECK-FIXES: return Text.at(Text.find(':'));
}

char afterColonChecked(std::string_view Text) {
  auto Colon = Text.find(':');
  if (Colon == std::string_view::npos)
    return 0;
  return Text[Colon];
}

// --- A constant index past the size the code established ---------------------

std::string third(const std::vector<std::string> &Parts) {
  if (Parts.size() < 2)
    return "";
  return Parts[2];
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: this check ensures 2 elements, not more; the index reads past them
  // CHECK-FIXES: return Parts.at(2);
}

std::string second(const std::vector<std::string> &Parts) {
  if (Parts.size() < 2)
    return "";
  return Parts[1];
}

int pastTheEnd() {
  std::vector<int> values = {1, 2, 3};
  return values[3];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the container holds at most 3 elements after this
  // CHECK-FIXES: return values.at(3);
}

int lastOfThree() {
  std::vector<int> values = {1, 2, 3};
  return values[2];
}

// `text[3]` reads the terminator; `text[4]` is past it, and only there
// does at() keep the meaning.
char pastTerminator() {
  std::string text = "abc";
  char terminator = text[3];
  return static_cast<char>(terminator + text[4]);
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: index into 'std::string' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the container holds at most 3 elements after this
  // CHECK-FIXES: return static_cast<char>(terminator + text.at(4));
}

// --- Seen on real code --------------------------------------------------------

// Words split from the program's own text are not outside data: reading a
// string stream reads what it was given.
std::vector<std::string> wordsOf(const std::string &Text) {
  std::vector<std::string> words;
  std::istringstream stream(Text);
  std::string word;
  while (stream >> word)
    words.push_back(word);
  return words;
}

int wakeWordLength() {
  std::vector<std::string> words = wordsOf("hey computer");
  return static_cast<int>(words[1].size());
}

// The same split of a line read from a stream is.
int secondWordLength(std::istream &In) {
  std::string line;
  std::getline(In, line);
  std::vector<std::string> words = wordsOf(line);
  return static_cast<int>(words[1].size());
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the container holds untrusted data that comes from here
  // CHECK-FIXES: return static_cast<int>(words.at(1).size());
}

// An index stored with a score while scanning the container is in range,
// even when the container holds outside data.
std::string bestCommand(std::istream &In, const std::vector<float> &Scores) {
  std::vector<std::string> commands;
  std::string line;
  while (std::getline(In, line))
    commands.push_back(line);
  std::vector<std::pair<float, int>> ranked;
  for (int I = 0; I < static_cast<int>(commands.size()); ++I)
    ranked.emplace_back(Scores.at(I), I);
  if (ranked.empty())
    return "";
  const int best = ranked[0].second;
  return commands[best];
}

// Everything of a container known to hold an element is at least one.
int firstOfPrompt(const std::vector<int> &Past, int Start) {
  std::vector<int> init = {Start};
  std::vector<int> prompt;
  prompt.insert(prompt.end(), Past.begin(), Past.end());
  prompt.clear();
  prompt.insert(prompt.end(), init.begin(), init.end());
  return prompt.front();
}

// A bound on a variable does not make a loop over the container dead code.
double firstProbability(std::vector<double> Logits, int TopK) {
  Logits.resize(TopK);
  std::vector<double> probs;
  for (double Logit : Logits)
    probs.push_back(Logit);
  double sum = 0;
  for (int I = 0; I < TopK; ++I)
    sum += probs[I];
  return sum;
}

// Outside values stored into elements the program chose leave the size of
// its own structure the program's: a conversation it keeps.
void appendDelta(nlohmann::json &Conversation, const std::string &Line) {
  nlohmann::json delta = nlohmann::json::parse(Line);
  if (!delta.contains("role"))
    return;
  Conversation["messages"].back()["role"] = delta["role"];
}

// The note points at the parse: that is where the structure comes from,
// whatever the text went through before.
std::string modelOf(std::istream &In) {
  std::string text;
  std::getline(In, text);
  nlohmann::json settings = nlohmann::json::parse(text);
  return settings["model"].get<std::string>();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: JSON key "model" is not checked to exist on every path; a missing key reads as null and fails later with a type error [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-3]]:29: note: the container holds untrusted data that comes from here
  // CHECK-FIXES: return settings.at("model").get<std::string>();
}

// One message appended per answer: how many there are is the program's.
// Lines appended until the end of a file: how many there are is the file's.
std::string lastRole(nlohmann::json &Conversation, std::istream &In) {
  std::string line;
  std::getline(In, line);
  nlohmann::json answer = nlohmann::json::parse(line);
  Conversation["messages"].push_back(answer.value("message", nlohmann::json()));
  return Conversation["messages"].back()["role"].get<std::string>();
}

std::string secondLine(std::istream &In) {
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(In, line))
    lines.push_back(line);
  return lines[1];
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: index into 'std::vector' is not checked against its size on every path; an out-of-range access is undefined behaviour [prodready-unchecked-container-access]
  // CHECK-NOTES: :[[@LINE-4]]:10: note: the container holds untrusted data that comes from here
  // CHECK-FIXES: return lines.at(1);
}
