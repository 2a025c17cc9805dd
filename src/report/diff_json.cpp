// JSON output of `planlint diff`: a flat list of changes, each {kind, goal, old: {line, text}|null,
// new: {line, text}|null}, with extras: the word edits, the inline diff, the goals of a moved measure and the
// values of a declared figure.
#include <nlohmann/json.hpp>

#include "io/json_text.hpp"
#include "report/diff.hpp"

namespace planlint::report {
namespace {

using nlohmann::ordered_json;

// A side in a document that is not text also gives its place ("table 1, row 9, column 1"); its line and
// column are those of the text rendered from it.
ordered_json side(const diff::PlanDiff& d, const std::optional<diff::Side>& s, bool old_side) {
  if (!s) return nullptr;
  ordered_json j{{"line", s->line}, {"column", s->range.begin.column}, {"text", s->text}};
  const Plan* plan = old_side ? d.old_plan : d.new_plan;
  if (plan && plan->locations) j["place"] = side_place(d, s, old_side);
  return j;
}

ordered_json claim_value(const Claim* c) {
  if (!c) return nullptr;
  return ordered_json{{"min", c->min}, {"max", c->max}};
}

}  // namespace

std::string diff_json(const diff::PlanDiff& d) {
  ordered_json list = ordered_json::array();
  for (const auto& c : d.changes) {
    ordered_json j;
    j["kind"] = diff::to_string(c.kind);
    j["goal"] = c.goal_pair == diff::none ? ordered_json(nullptr) : ordered_json(d.goals[c.goal_pair].number());
    j["old"] = side(d, c.old_side, true);
    j["new"] = side(d, c.new_side, false);
    if (!c.words.pieces.empty()) {
      ordered_json edits = ordered_json::array();
      for (const auto& e : c.words.edits()) edits.push_back({{"old", e.old_text}, {"new", e.new_text}});
      j["edits"] = std::move(edits);
      j["diff"] = c.words.inline_text();
    }
    if (c.measure_pair != diff::none) {
      const auto& m = d.measures[c.measure_pair];
      j["old_goal"] = m.old_measure ? ordered_json(d.old_plan->goals[m.old_goal].number) : ordered_json(nullptr);
      j["new_goal"] = m.new_measure ? ordered_json(d.new_plan->goals[m.new_goal].number) : ordered_json(nullptr);
      j["matched_by"] = diff::to_string(m.by);
      if (m.by == diff::MatchedBy::similar) j["similarity"] = m.similarity;
    }
    if (c.paragraph_pair != diff::none) {
      const auto& p = d.paragraphs[c.paragraph_pair];
      j["matched_by"] = diff::to_string(p.by);
      if (p.by == diff::MatchedBy::similar) j["similarity"] = p.similarity;
    }
    if (c.claim_pair != diff::none) {
      const auto& cp = d.claims[c.claim_pair];
      j["claim"] = to_string(cp.kind);
      j["old_value"] = claim_value(cp.old_claim);
      j["new_value"] = claim_value(cp.new_claim);
    }
    if (c.kind == diff::ChangeKind::goal_renumbered) {
      j["old_number"] = d.goals[c.goal_pair].old_goal->number;
      j["new_number"] = d.goals[c.goal_pair].new_goal->number;
    }
    list.push_back(std::move(j));
  }
  return io::json_text(list) + "\n";
}

}  // namespace planlint::report
