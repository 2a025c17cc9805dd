#pragma once
// Values of the rule language at run time: null, booleans, numbers, strings, ranges (6..12), lists, and
// references to parts of the document model. Model references point into the Plan being evaluated, which
// outlives the evaluation.
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/plan.hpp"

namespace planlint::rules {

// word is a misspelt word (misspelt_words()); version, goal_pair and measure_pair are the nodes of
// cross-version rules (src/rules/pairs.hpp): pairs of old and new elements as the versions were matched.
enum class NodeKind { plan, area, goal, measure, overview, claim, declared, text, range, extra, word, version, goal_pair, measure_pair };
std::string_view to_string(NodeKind k);
// A part of one document, as opposed to a version-pair node.
inline bool is_document_kind(NodeKind k) { return k != NodeKind::version && k != NodeKind::goal_pair && k != NodeKind::measure_pair; }

// A part of the model. `goal` is the parent goal of a measure (null for a stray row); `index` is the
// position among its siblings (0-based), which lets `prev`/`next` and `index` work without searching.
// `owner` is the Plan a document node belongs to, so that an old version's goal finds its own neighbours
// and declared figures; for a version-pair node it is the VersionMatch. Values are copied all the time,
// so kind and index share one word (build NodeRefs with designated initialisers).
struct NodeRef {
  NodeKind kind = NodeKind::plan;
  int index = -1;
  const void* ptr = nullptr;
  const Goal* goal = nullptr;
  const void* owner = nullptr;
  friend bool operator==(const NodeRef& a, const NodeRef& b) { return a.kind == b.kind && a.ptr == b.ptr; }
};
static_assert(sizeof(NodeRef) <= 4 * sizeof(void*), "NodeRef is in every Value: keep it small");

struct Interval {
  double lo = 0;
  double hi = 0;
  friend bool operator==(const Interval&, const Interval&) = default;
};

struct Value;
using List = std::vector<Value>;
using ListPtr = std::shared_ptr<const List>;

struct Value {
  std::variant<std::monostate, bool, double, std::string, NodeRef, ListPtr, Interval> v;

  Value() = default;
  Value(std::monostate) {}
  Value(bool b) : v(b) {}
  Value(double d) : v(d) {}
  Value(int i) : v(static_cast<double>(i)) {}
  Value(std::size_t n) : v(static_cast<double>(n)) {}
  Value(std::string s) : v(std::move(s)) {}
  Value(const char* s) : v(std::string(s)) {}
  Value(NodeRef n) : v(n) {}
  Value(ListPtr l) : v(std::move(l)) {}
  Value(Interval r) : v(r) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(v); }
  const bool* as_bool() const { return std::get_if<bool>(&v); }
  const double* as_number() const { return std::get_if<double>(&v); }
  const NodeRef* as_node() const { return std::get_if<NodeRef>(&v); }
  const List* as_list() const {
    const auto* l = std::get_if<ListPtr>(&v);
    return l ? l->get() : nullptr;
  }
  const Interval* as_interval() const { return std::get_if<Interval>(&v); }
  // Strings, and document text (a text node reads as its text): nullptr for anything else.
  // The text of a string or of a text/word node (a view into the value or the plan), or nothing.
  std::optional<std::string_view> as_text() const;
};

Value make_list(List items);

// The bytes a value holds of its own: a text's length, a list's elements (nested lists in full); nodes,
// numbers and the like their slot. What EvalOptions::value_bytes_limit bounds.
std::size_t built_bytes(const Value& v);

// What kind of value this is, for messages: "null", "number", "text", "goal", "list" …
std::string type_name(const Value& v);

// How a value reads inside a message: numbers without a needless ".0", text as written, lists joined
// with ", ", goals and overview items by their number.
std::string display(const Value& v);

// Equality of the language's `==`: text compares as its string; numbers by value; nodes by identity.
bool equal(const Value& a, const Value& b);

}  // namespace planlint::rules
