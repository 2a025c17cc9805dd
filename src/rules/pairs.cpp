#include "rules/pairs.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace planlint::rules {
namespace {

using T = StaticType;

const VersionMatch& versions_of(const NodeRef& n) { return *static_cast<const VersionMatch*>(n.owner); }
const GoalMatch& goal_pair(const NodeRef& n) { return *static_cast<const GoalMatch*>(n.ptr); }
const MeasureMatch& measure_pair(const NodeRef& n) { return *static_cast<const MeasureMatch*>(n.ptr); }

NodeRef goal_pair_node(const VersionMatch& d, std::size_t i) {
  return NodeRef{.kind = NodeKind::goal_pair, .index = static_cast<int>(i), .ptr = &d.goals[i], .owner = &d};
}
NodeRef measure_pair_node(const VersionMatch& d, std::size_t i) {
  return NodeRef{.kind = NodeKind::measure_pair, .index = static_cast<int>(i), .ptr = &d.measures[i], .owner = &d};
}

Value goal_in(const Plan& plan, std::size_t index) {
  if (index == no_match) return {};
  return goal_node(plan, plan.goals[index]);
}

// One side of a measure pair as a measure of its own document, with its goal and position, so that
// `old.goal.number` and `old.index` read the old version.
Value measure_in(const Plan& plan, const Measure* m, std::size_t goal, std::size_t position) {
  if (m == nullptr) return {};
  return measure_node(plan, &plan.goals[goal], *m, static_cast<int>(position));
}

// Measure pairs are grouped by goal pair, in the order of the goal pairs.
std::pair<std::size_t, std::size_t> measures_of_goal_pair(const VersionMatch& d, std::size_t g) {
  const auto by_goal = [](const MeasureMatch& m, std::size_t k) { return m.goal_pair < k; };
  const auto begin = std::lower_bound(d.measures.begin(), d.measures.end(), g, by_goal);
  const auto end = std::lower_bound(begin, d.measures.end(), g + 1, by_goal);
  return {static_cast<std::size_t>(begin - d.measures.begin()), static_cast<std::size_t>(end - d.measures.begin())};
}

Value pair_list(const NodeRef& n, NodeKind kind, std::size_t begin, std::size_t end) {
  const VersionMatch& d = versions_of(n);
  List out;
  for (std::size_t i = begin; i < end; ++i) out.push_back(kind == NodeKind::goal_pair ? goal_pair_node(d, i) : measure_pair_node(d, i));
  return make_list(std::move(out));
}

const FieldDef version_field_table[] = {
    {"old", T::of_node(NodeKind::plan), [](const NodeRef& n, const Plan&) -> Value { return plan_node(*versions_of(n).old_plan); }, "the old version (--against)"},
    {"new", T::of_node(NodeKind::plan), [](const NodeRef& n, const Plan&) -> Value { return plan_node(*versions_of(n).new_plan); }, "the new version: the document being checked"},
    {"goal_pairs", T::list_of(NodeKind::goal_pair), [](const NodeRef& n, const Plan&) {
       return pair_list(n, NodeKind::goal_pair, 0, versions_of(n).goals.size());
     }, "the matched goals, added and removed ones included"},
    {"measure_pairs", T::list_of(NodeKind::measure_pair), [](const NodeRef& n, const Plan&) {
       return pair_list(n, NodeKind::measure_pair, 0, versions_of(n).measures.size());
     }, "the matched measures, added and removed ones included"},
};

const FieldDef goal_pair_field_table[] = {
    {"old", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan&) { return goal_in(*versions_of(n).old_plan, goal_pair(n).old_index); }, "the goal in the old version; null: it was added"},
    {"new", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan&) { return goal_in(*versions_of(n).new_plan, goal_pair(n).new_index); }, "the goal in the new version; null: it was removed"},
    {"number", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return goal_pair(n).number(); }, "the new number, or the old one of a removed goal"},
    {"matched_by", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return to_string(goal_pair(n).by); }, "number, title or unmatched"},
    {"renumbered", T::of(T::boolean), [](const NodeRef& n, const Plan&) -> Value { return goal_pair(n).renumbered; }, "matched by title under another number"},
    {"title_modified", T::of(T::boolean), [](const NodeRef& n, const Plan&) -> Value { return goal_pair(n).title_modified; }, "the titles differ (as planlint diff reports)"},
    {"title_similarity", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return goal_pair(n).title_similarity; }, "0–1; 1 for the same title"},
    {"measure_pairs", T::list_of(NodeKind::measure_pair), [](const NodeRef& n, const Plan&) {
       const auto [begin, end] = measures_of_goal_pair(versions_of(n), static_cast<std::size_t>(n.index));
       return pair_list(n, NodeKind::measure_pair, begin, end);
     }, "the measure pairs reported under this goal (its new measures, and the removed ones of its old goal)"},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position among the goal pairs, from 1"},
};

const FieldDef measure_pair_field_table[] = {
    {"old", T::of_node(NodeKind::measure), [](const NodeRef& n, const Plan&) {
       const MeasureMatch& m = measure_pair(n);
       return measure_in(*versions_of(n).old_plan, m.old_measure, m.old_goal, m.old_position);
     }, "the measure in the old version; null: it was added"},
    {"new", T::of_node(NodeKind::measure), [](const NodeRef& n, const Plan&) {
       const MeasureMatch& m = measure_pair(n);
       return measure_in(*versions_of(n).new_plan, m.new_measure, m.new_goal, m.new_position);
     }, "the measure in the new version; null: it was removed"},
    {"old_goal", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan&) { return goal_in(*versions_of(n).old_plan, measure_pair(n).old_goal); }, "the old measure's goal, or null"},
    {"new_goal", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan&) { return goal_in(*versions_of(n).new_plan, measure_pair(n).new_goal); }, "the new measure's goal, or null"},
    {"goal_pair", T::of_node(NodeKind::goal_pair), [](const NodeRef& n, const Plan&) -> Value {
       const std::size_t g = measure_pair(n).goal_pair;
       return g == no_match ? Value() : Value(goal_pair_node(versions_of(n), g));
     }, "the goal pair the measure is reported under: its new goal's, or its old goal's when removed"},
    {"matched_by", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return to_string(measure_pair(n).by); }, "exact, similar or unmatched"},
    {"similarity", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return measure_pair(n).similarity; }, "0–1, of the two texts"},
    {"text_modified", T::of(T::boolean), [](const NodeRef& n, const Plan&) -> Value { return measure_pair(n).text_modified; }, "the measure texts differ (as planlint diff reports)"},
    {"indicator_modified", T::of(T::boolean), [](const NodeRef& n, const Plan&) -> Value { return measure_pair(n).indicator_modified; }, "the indicators differ (as planlint diff reports)"},
    {"moved", T::of(T::boolean), [](const NodeRef& n, const Plan&) -> Value { return measure_pair(n).moved; }, "it changed goal: its old and new goals are not a pair"},
    {"reordered", T::of(T::boolean), [](const NodeRef& n, const Plan&) -> Value { return measure_pair(n).reordered; }, "same goal, out of the old order"},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position among the measure pairs, from 1"},
};

SourceRange goal_pair_location(const VersionMatch& d, std::size_t i) {
  if (const Goal* g = d.goals[i].new_goal) return g->heading;
  for (std::size_t k = i + 1; k < d.goals.size(); ++k) {
    if (const Goal* g = d.goals[k].new_goal) return g->heading;
  }
  for (std::size_t k = i; k-- > 0;) {
    if (const Goal* g = d.goals[k].new_goal) return g->heading;
  }
  return SourceRange{};
}

}  // namespace

bool is_pair_scope(Scope scope) { return scope == Scope::version || scope == Scope::goal_pair || scope == Scope::measure_pair; }

std::span<const FieldDef> version_fields() { return version_field_table; }
std::span<const FieldDef> goal_pair_fields() { return goal_pair_field_table; }
std::span<const FieldDef> measure_pair_fields() { return measure_pair_field_table; }

NodeRef version_node(const VersionMatch& d) { return NodeRef{.kind = NodeKind::version, .ptr = &d, .owner = &d}; }

std::vector<NodeRef> pair_scope_nodes(Scope scope, const VersionMatch& d) {
  std::vector<NodeRef> out;
  if (scope == Scope::version) out.push_back(version_node(d));
  if (scope == Scope::goal_pair) {
    for (std::size_t i = 0; i < d.goals.size(); ++i) out.push_back(goal_pair_node(d, i));
  }
  if (scope == Scope::measure_pair) {
    for (std::size_t i = 0; i < d.measures.size(); ++i) out.push_back(measure_pair_node(d, i));
  }
  return out;
}

SourceRange pair_location(const NodeRef& n) {
  const VersionMatch& d = versions_of(n);
  switch (n.kind) {
    case NodeKind::goal_pair: return goal_pair_location(d, static_cast<std::size_t>(n.index));
    case NodeKind::measure_pair: {
      const MeasureMatch& m = measure_pair(n);
      if (m.new_measure) return m.new_measure->row;
      return m.goal_pair == no_match ? SourceRange{} : goal_pair_location(d, m.goal_pair);
    }
    default: return SourceRange{};
  }
}

std::string display_pair(const NodeRef& n) {
  const VersionMatch& d = versions_of(n);
  switch (n.kind) {
    case NodeKind::goal_pair: return fmt::format("{}", goal_pair(n).number());
    case NodeKind::measure_pair: {
      const MeasureMatch& m = measure_pair(n);
      return std::string((m.new_measure ? m.new_measure : m.old_measure)->text.text);
    }
    default: return fmt::format("{} → {}", d.old_plan->file, d.new_plan->file);
  }
}

}  // namespace planlint::rules
