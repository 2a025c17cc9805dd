#pragma once
// The compiled form of rule files: expression trees with names resolved to slots, fields and functions,
// and rules made of checks. Built by parser.cpp, completed by resolve.cpp, read by eval.cpp; immutable
// once compiled, so that evaluation can share it between threads.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/source_range.hpp"
#include "rules/engine.hpp"
#include "rules/value.hpp"

namespace re2 {
class RE2;
}

namespace planlint::rules {

// What the compiler knows of an expression's value before running it: enough to reject `goal.titel`
// and `count(number)` with a position, and to leave the rest to run time.
struct StaticType {
  enum Tag { unknown, null, boolean, number, string, interval, part, list } tag = unknown;
  std::optional<NodeKind> node;  // of a node, or of the elements of a list of nodes
  static StaticType of(Tag t) { return StaticType{t, std::nullopt}; }
  static StaticType of_node(NodeKind k) { return StaticType{part, k}; }
  static StaticType list_of(NodeKind k) { return StaticType{list, k}; }
};

enum class Op { or_, and_, not_, eq, ne, lt, le, gt, ge, in, coalesce, range, add, sub, mul, div, mod, neg };
const char* to_string(Op op);

struct FieldDef;
struct FunctionDef;

struct Expr {
  enum class Kind { literal, text_template, list, variable, field, index, unary, binary, call, binder } kind;
  SourcePosition where;
  Value literal;                             // literal
  std::string name;                          // variable, field, function or binder name
  Op op = Op::eq;                            // unary, binary
  std::vector<std::unique_ptr<Expr>> args;   // operands, arguments, list elements, interpolations
  std::vector<std::string> texts;            // text_template: texts[0] args[0] texts[1] … texts[n]
  // Filled in by resolve():
  int slot = -1;                             // variable, binder: the slot of the bound name
  const FieldDef* field = nullptr;           // field on a base of a known kind
  const FunctionDef* function = nullptr;     // call
  std::shared_ptr<const re2::RE2> regex;     // call of matches() with a literal pattern
  StaticType type;
};
using ExprPtr = std::unique_ptr<Expr>;

struct Let {
  std::string name;
  SourcePosition where;
  ExprPtr value;
  int slot = -1;
};

// "fix TARGET with REPLACEMENT": target is a part of the document; the replacement a text (one fix), a
// list of texts (one fix each, in order: alternatives, best first) or null (no fix).
struct FixClause {
  ExprPtr target;
  ExprPtr replacement;
};

// The message of `c` in `language` ("fi", "en"): its own, else the untagged one.
struct Check;
const Expr& message_in(const Check& c, std::string_view language);

struct Check {
  std::optional<Let> each;  // "for name in list": value is the list
  std::vector<Let> lets;
  ExprPtr when;
  bool report = false;      // report: a finding when the condition holds; assert: when it does not
  ExprPtr condition;
  ExprPtr message;
  // The message in other languages, by language code ("fi"); `message` is for every other language.
  std::vector<std::pair<std::string, ExprPtr>> translations;
  ExprPtr at;
  std::vector<FixClause> fixes;
};

// version, goal_pair and measure_pair are the cross-version scopes (src/rules/pairs.hpp): they run only
// when an old version is given.
enum class Scope { plan, overview, area, goal, measure, version, goal_pair, measure_pair };

struct Param {
  ParamInfo info;
  SourcePosition where;
  int slot = -1;
};

struct Rule {
  RuleInfo info;
  Scope scope = Scope::plan;
  std::vector<Param> params;
  int configured_slot = -1;  // `configured`: the names of the params the configuration sets (rules with params)
  std::vector<Let> lets;
  std::vector<Check> checks;
  int slot_count = 0;  // slot 0 is the scope node; its parents and the plan follow (see resolve.cpp)
};

struct CompiledRules {
  std::vector<Rule> rules;
  std::vector<RuleInfo> infos;
};

// A compile error inside one rule file, before the file name is attached.
struct CompileError {
  std::string message;
  SourcePosition where;
};

}  // namespace planlint::rules
