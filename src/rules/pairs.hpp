#pragma once
// Cross-version rules (scopes `version`, `goal-pair`, `measure-pair`): nodes for the pairs of old and new
// elements of a VersionMatch (model/version_match.hpp), their fields, and the place in the NEW document a
// finding about a pair points at. Nothing is matched here: the caller gives the match, and check/ gives the
// pairs `planlint diff` reports (diff::PlanDiff::match()).
#include <span>
#include <string>
#include <vector>

#include "model/version_match.hpp"
#include "rules/fields.hpp"

namespace planlint::rules {

bool is_pair_scope(Scope scope);

std::span<const FieldDef> version_fields();
std::span<const FieldDef> goal_pair_fields();
std::span<const FieldDef> measure_pair_fields();

NodeRef version_node(const VersionMatch& versions);
// What a pair scope iterates: the version once, or every goal pair / measure pair in the match's order.
std::vector<NodeRef> pair_scope_nodes(Scope scope, const VersionMatch& versions);

// Where a finding about a pair points in the new document: the new element when there is one; for a
// removed goal, the heading of the goal that now stands in its place (the next remaining goal, else the
// last one; the start of the document when no goal is left); for a removed measure, the place of its goal
// (the new goal's heading, or where a removed goal would be). A version points at the start of the document.
SourceRange pair_location(const NodeRef& node);

// How a pair reads in a message: a goal pair as its number, a measure pair as its (new, else old) text, a
// version as "old-file → new-file".
std::string display_pair(const NodeRef& node);

}  // namespace planlint::rules
