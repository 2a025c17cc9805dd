#pragma once
// The fields the rule language sees on each kind of model node ("goal.title", "measure.indicator" …):
// one table, used by the compiler to check names and by the evaluator to read them.
#include <span>
#include <string_view>

#include "model/plan.hpp"
#include "rules/ast.hpp"
#include "rules/value.hpp"

namespace planlint::rules {

class Evaluator;

struct FieldDef {
  std::string_view name;
  StaticType type;
  Value (*get)(const NodeRef& node, const Plan& plan);
  std::string_view doc;
  // For a list field: its length without building the list, for count() (a goal's measures, once per
  // goal and rule). Null: count() builds the list.
  std::size_t (*size)(const NodeRef& node, const Plan& plan) = nullptr;
  // A field that needs the evaluation's options or state (plan.language: the configured language, the
  // spellers): read through this instead of `get`, which then gives what the model alone says.
  Value (*evaluate)(Evaluator& ev, const NodeRef& node, const Plan& plan) = nullptr;
};

std::span<const FieldDef> fields_of(NodeKind kind);
const FieldDef* find_field(NodeKind kind, std::string_view name);

// The range a node stands for when a finding points at it: a goal's heading, a measure's row, an
// overview item's line, a claim's words, a text's own range. The plan is its first position.
// A version-pair node stands for a place in the new document (src/rules/pairs.hpp).
SourceRange location_of(const NodeRef& node);

// References to model nodes, with the parent, sibling index and owning plan the fields need.
NodeRef plan_node(const Plan& plan);
NodeRef area_node(const Plan& plan, const Area& area);
NodeRef goal_node(const Plan& plan, const Goal& goal);
NodeRef measure_node(const Plan& plan, const Goal* goal, const Measure& m, int index);
NodeRef overview_node(const Plan& plan, const OverviewItem& item);

}  // namespace planlint::rules
