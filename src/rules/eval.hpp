#pragma once
// The evaluator: runs resolved expressions against one plan. One Evaluator per (rule, document): it owns
// the variable slots and counts steps against the budget, so evaluations share nothing mutable.
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/plan.hpp"
#include "rules/ast.hpp"
#include "rules/engine.hpp"
#include "rules/similar_index.hpp"
#include "rules/text_functions.hpp"
#include "rules/word_value.hpp"
#include "text/string_map.hpp"

namespace planlint::rules {

// A rule that cannot be evaluated on a document (e.g. arithmetic on null): reported as an error finding
// of that rule, not thrown at the user.
struct EvalError {
  std::string message;
  SourcePosition where;  // in the rule file
};
struct BudgetExceeded {};
struct ValueTooLarge {};  // a text or list over EvalOptions::value_bytes_limit

class Evaluator {
 public:
  Evaluator(const Plan& plan, std::size_t budget, int slot_count) : plan_(plan), budget_(budget), slots_(static_cast<std::size_t>(slot_count)) {}

  Value eval(const Expr& e);
  bool eval_bool(const Expr& e, const char* what);
  std::string eval_display(const Expr& e);
  // The number of elements of the list `e` evaluates to (count()); a list field is counted without
  // building its list. Throws EvalError naming `what` when `e` is not a list.
  std::size_t count(const Expr& e, const char* what);

  // Accounts for work done outside eval() (long strings compared, lists built); throws BudgetExceeded.
  void charge(std::size_t steps) {
    if (steps >= budget_) throw BudgetExceeded{};
    budget_ -= steps;
  }
  // Checks the size of a text or list being built (see EvalOptions::value_bytes_limit); throws ValueTooLarge.
  void check_size(std::size_t bytes) const {
    if (bytes > options().value_bytes_limit) throw ValueTooLarge{};
  }
  void set(int slot, Value v) { slots_[static_cast<std::size_t>(slot)] = std::move(v); }
  const Plan& plan() const { return plan_; }

  // The run's options (source text, accepted words); set by the engine, defaults when evaluated alone.
  const EvalOptions& options() const { return options_ ? *options_ : default_options_; }
  void set_options(const EvalOptions& o) { options_ = &o; }

  // Values that functions make and word values point to (misspelt_words()), kept for this evaluation.
  // Keeps a text for this evaluation, for a Span to view.
  std::string_view keep_string(std::string s) { return strings_.emplace_back(std::move(s)); }
  NodeRef keep(WordValue w) {
    words_.push_back(std::move(w));
    return NodeRef{.kind = NodeKind::word, .index = static_cast<int>(words_.size() - 1), .ptr = &words_.back()};
  }
  // A text node for a piece of the document that the model does not hold (document_lines()).
  NodeRef keep_text(Span s) {
    words_.push_back(WordValue{std::move(s), {}});
    return NodeRef{.kind = NodeKind::text, .ptr = &words_.back().span};
  }
  // State a family of functions keeps for this evaluation (the spelling functions' vocabulary), created
  // on first use by the functions themselves.
  std::shared_ptr<void>& extension(const char* name) { return extensions_[name]; }

  // Texts prepared for similarity tests, kept for this evaluation: a rule that compares every measure
  // with every other prepares each text once.
  const PreparedText& prepared(std::string_view text) {
    auto it = prepared_.find(text);
    if (it == prepared_.end()) {
      charge(text.size() / 16 + 1);
      it = prepared_.emplace(std::string(text), prepare(text)).first;
    }
    return it->second;
  }

  // The similarity index over `list` (texts, given by `text_of`), built once per list and threshold.
  // Lists from the plan's own fields (plan.measures) are the same object on every access (see field()),
  // so a rule that asks once per measure builds one index.
  template <typename TextOf>
  const SimilarIndex& similar_index(const ListPtr& list, double threshold, TextOf text_of) {
    if (!similar_list_ || similar_list_ != list || similar_index_->threshold() != threshold) {
      // The index views the texts (the list is held below, and the plan outlives the evaluation), keeping
      // folded copies only of texts that are not plain; the queries, usually texts of the same list, are
      // folded once each.
      std::vector<std::string_view> texts;
      texts.reserve(list->size());
      for (const Value& v : *list) {
        texts.push_back(text_of(v));
        charge(texts.back().size() / 16 + 1);  // as preparing each text for similar() would
      }
      similar_index_ = std::make_unique<SimilarIndex>(texts, threshold);
      similar_list_ = list;  // held, so that its address cannot be reused by another list
    }
    return *similar_index_;
  }

  // Position of the first goal (overview item) with this number under this parent number (0: a goal of its
  // own), found through an index built on first use.
  std::optional<std::size_t> goal_numbered(double number, double parent_number);
  std::optional<std::size_t> overview_item_numbered(double number, double parent_number);

  // Typed views of a value for functions and operators; throw EvalError naming `what` on a mismatch.
  static std::string_view text_arg(const Value& v, const Expr& where, const char* what);
  static double number_arg(const Value& v, const Expr& where, const char* what);
  static const List& list_arg(const Value& v, const Expr& where, const char* what);
  // The views point into the value: a temporary would leave them dangling.
  static std::string_view text_arg(Value&&, const Expr&, const char*) = delete;
  static const List& list_arg(Value&&, const Expr&, const char*) = delete;

 private:
  Value binary(const Expr& e);
  Value unary(const Expr& e);
  // A field read, split so that count() can ask a list field for its length alone: access() evaluates
  // the base and finds the field (nullopt for a null base), read() gets its value.
  struct FieldAccess {
    const FieldDef* def;
    NodeRef node;
    const Plan* owner;  // the document the node is read in
    bool of_plan;       // a field of the plan being evaluated (its lists are built once)
  };
  std::optional<FieldAccess> access(const Expr& e);
  Value read(const FieldAccess& a);
  Value field(const Expr& e);
  Value binder(const Expr& e);

  const Plan& plan_;
  std::size_t budget_;
  std::vector<Value> slots_;
  // Keyed by the text; looked up by views without a copy.
  text::StringMap<PreparedText> prepared_;
  // The plan's list fields, built once: the plan does not change during an evaluation.
  std::map<const void*, Value> plan_fields_;
  // The list field of another node read last (see field()).
  struct LastList {
    const FieldDef* field;
    NodeRef node;
    Value list;
  };
  std::optional<LastList> last_list_;
  // Every member, not NodeRef's ==: a field's value may depend on the index, parent goal and owner too.
  static bool same_node(const NodeRef& a, const NodeRef& b) {
    return a.kind == b.kind && a.index == b.index && a.ptr == b.ptr && a.goal == b.goal && a.owner == b.owner;
  }
  ListPtr similar_list_;
  std::unique_ptr<SimilarIndex> similar_index_;
  std::optional<std::unordered_map<double, std::size_t>> goal_numbers_, overview_numbers_;
  const EvalOptions* options_ = nullptr;
  inline static const EvalOptions default_options_{};
  std::deque<WordValue> words_;  // a deque: references stay valid as it grows
  std::deque<std::string> strings_;  // texts that spans of words_ view (keep_string)
  std::unordered_map<std::string, std::shared_ptr<void>> extensions_;
};

}  // namespace planlint::rules
