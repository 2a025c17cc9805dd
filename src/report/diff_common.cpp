// Pieces shared by the diff renderers: the summary line and labels.
#include <fmt/format.h>

#include "report/diff.hpp"
#include "text/normalize.hpp"

namespace planlint::report {

std::string diff_summary(const diff::PlanDiff& d) {
  const auto s = d.summary();
  std::string out = fmt::format(
      "goals: {} added, {} removed, {} renamed, {} renumbered; measures: {} added, {} removed, {} modified, {} moved",
      s.goals_added, s.goals_removed, s.goals_renamed, s.goals_renumbered, s.measures_added, s.measures_removed,
      s.measures_modified, s.measures_moved);
  if (s.measures_reordered) out += fmt::format(", {} reordered", s.measures_reordered);
  out += fmt::format("; indicators: {} changed; claims: {} changed; status: {}; title: {}", s.indicators_changed,
                     s.claims_changed, s.status_changed ? "changed" : "same", s.title_changed ? "changed" : "same");
  out += fmt::format("; paragraphs: {} added, {} removed, {} modified", s.paragraphs_added, s.paragraphs_removed,
                     s.paragraphs_modified);
  if (s.paragraphs_reordered) out += fmt::format(", {} reordered", s.paragraphs_reordered);
  return out;
}

std::string change_label(const diff::Change& c) {
  using K = diff::ChangeKind;
  switch (c.kind) {
    case K::goal_added: return "goal added";
    case K::goal_removed: return "goal removed";
    case K::goal_title_modified: return "title";
    case K::goal_renumbered: return "renumbered";
    case K::measure_added: return "added";
    case K::measure_removed: return "removed";
    case K::measure_modified: return "measure";
    case K::measure_moved: return "moved";
    case K::measure_reordered: return "reordered";
    case K::indicator_modified: return "indicator";
    case K::declared_modified: return "declared";
    case K::status_modified: return "status";
    case K::title_modified: return "title";
    case K::paragraph_added: return "added";
    case K::paragraph_removed: return "removed";
    case K::paragraph_modified: return "modified";
    case K::paragraph_reordered: return "reordered";
  }
  return "change";
}

std::vector<std::size_t> plan_changes(const diff::PlanDiff& d) {
  std::vector<std::size_t> out;
  for (const auto i : d.changes_of_goal(diff::none))
    if (!diff::is_paragraph_change(d.changes[i].kind)) out.push_back(i);
  return out;
}

std::vector<std::size_t> paragraph_changes(const diff::PlanDiff& d) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < d.changes.size(); ++i)
    if (diff::is_paragraph_change(d.changes[i].kind)) out.push_back(i);
  return out;
}

std::string place_in(const Plan& plan, const SourceRange& r) {
  if (!plan.locations) return std::to_string(r.begin.line);
  return describe(plan.locations->at(r.begin.offset).value_or(Locator{}));
}

std::string side_place(const diff::PlanDiff& d, const std::optional<diff::Side>& s, bool old_side, std::string_view none) {
  if (!s) return std::string(none);
  const Plan* plan = old_side ? d.old_plan : d.new_plan;
  return plan ? place_in(*plan, s->range) : std::to_string(s->line);
}

std::string goal_heading(const diff::GoalPair& g) {
  const Goal& goal = g.new_goal ? *g.new_goal : *g.old_goal;
  return fmt::format("TAVOITE {}. {}", label_of(goal), text::normalize(goal.title.text));
}

}  // namespace planlint::report
