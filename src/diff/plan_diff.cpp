#include "diff/plan_diff.hpp"

#include "diff/matching.hpp"
#include "text/normalize.hpp"

namespace planlint::diff {
namespace {

// A declared figure changed when it appears or disappears or its values differ; rewording the sentence
// that declares the same figure is not a change of content.
ClaimPair compare_claims(ClaimKind kind, const Claim* o, const Claim* n) {
  ClaimPair c{kind, o, n, false};
  if ((o == nullptr) != (n == nullptr)) c.modified = true;
  else if (o && (o->min != n->min || o->max != n->max)) c.modified = true;
  return c;
}

// The status line appearing, going away or changing its words (case counts, as for every text: "LUONNOS"
// and "Luonnos" are different lines) is a change.
StatusPair compare_status(const Plan& o, const Plan& n) {
  StatusPair s{o.status ? &*o.status : nullptr, n.status ? &*n.status : nullptr, false};
  if ((s.old_status == nullptr) != (s.new_status == nullptr)) s.modified = true;
  else if (s.old_status) s.modified = text::normalize(s.old_status->text) != text::normalize(s.new_status->text);
  return s;
}

// The title's lines as one text: a title rewrapped over other lines is the same title.
std::string title_text(const std::vector<Span>& lines) {
  std::string t;
  for (const Span& l : lines) t.append(t.empty() ? "" : " ").append(l.text);
  return text::normalize(t);
}

TitlePair compare_title(const Plan& o, const Plan& n) {
  TitlePair t{o.title, n.title, false, {}};
  const std::string old_text = title_text(o.title), new_text = title_text(n.title);
  t.modified = old_text != new_text;
  if (t.modified) t.words = diff_words(old_text, new_text);
  return t;
}

}  // namespace

const char* to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::goal_added: return "goal-added";
    case ChangeKind::goal_removed: return "goal-removed";
    case ChangeKind::goal_title_modified: return "goal-title-modified";
    case ChangeKind::goal_renumbered: return "goal-renumbered";
    case ChangeKind::measure_added: return "measure-added";
    case ChangeKind::measure_removed: return "measure-removed";
    case ChangeKind::measure_modified: return "measure-modified";
    case ChangeKind::measure_moved: return "measure-moved";
    case ChangeKind::measure_reordered: return "measure-reordered";
    case ChangeKind::indicator_modified: return "indicator-modified";
    case ChangeKind::declared_modified: return "declared-modified";
    case ChangeKind::status_modified: return "status-modified";
    case ChangeKind::title_modified: return "title-modified";
    case ChangeKind::paragraph_added: return "paragraph-added";
    case ChangeKind::paragraph_removed: return "paragraph-removed";
    case ChangeKind::paragraph_modified: return "paragraph-modified";
    case ChangeKind::paragraph_reordered: return "paragraph-reordered";
  }
  return "unknown";
}

bool is_paragraph_change(ChangeKind kind) {
  return kind == ChangeKind::paragraph_added || kind == ChangeKind::paragraph_removed ||
         kind == ChangeKind::paragraph_modified || kind == ChangeKind::paragraph_reordered;
}

VersionMatch PlanDiff::match() const {
  VersionMatch m{old_plan, new_plan, {}, {}};
  m.goals.assign(goals.begin(), goals.end());  // each pair's GoalMatch part
  m.measures.assign(measures.begin(), measures.end());
  return m;
}

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options) {
  PlanDiff d;
  d.old_plan = &old_plan;
  d.new_plan = &new_plan;
  d.goals = match_goals(old_plan, new_plan, options);
  d.measures = match_measures(old_plan, new_plan, d.goals, options);
  const Declared od = declared(old_plan), nd = declared(new_plan);
  if (od.goal_count || nd.goal_count) d.claims.push_back(compare_claims(ClaimKind::goal_count, od.goal_count, nd.goal_count));
  if (od.measure_range || nd.measure_range)
    d.claims.push_back(compare_claims(ClaimKind::measure_range, od.measure_range, nd.measure_range));
  d.status = compare_status(old_plan, new_plan);
  d.title = compare_title(old_plan, new_plan);
  d.paragraphs = match_paragraphs(old_plan, new_plan, options);
  d.changes = list_changes(d, options);
  return d;
}

Summary PlanDiff::summary() const {
  Summary s;
  for (const Change& c : changes) {
    switch (c.kind) {
      case ChangeKind::goal_added: ++s.goals_added; break;
      case ChangeKind::goal_removed: ++s.goals_removed; break;
      case ChangeKind::goal_title_modified: ++s.goals_renamed; break;
      case ChangeKind::goal_renumbered: ++s.goals_renumbered; break;
      case ChangeKind::measure_added: ++s.measures_added; break;
      case ChangeKind::measure_removed: ++s.measures_removed; break;
      case ChangeKind::measure_modified: ++s.measures_modified; break;
      case ChangeKind::measure_moved: ++s.measures_moved; break;
      case ChangeKind::measure_reordered: ++s.measures_reordered; break;
      case ChangeKind::indicator_modified: ++s.indicators_changed; break;
      case ChangeKind::declared_modified: ++s.claims_changed; break;
      case ChangeKind::status_modified: s.status_changed = true; break;
      case ChangeKind::title_modified: s.title_changed = true; break;
      case ChangeKind::paragraph_added: ++s.paragraphs_added; break;
      case ChangeKind::paragraph_removed: ++s.paragraphs_removed; break;
      case ChangeKind::paragraph_modified: ++s.paragraphs_modified; break;
      case ChangeKind::paragraph_reordered: ++s.paragraphs_reordered; break;
    }
  }
  return s;
}

std::vector<std::size_t> PlanDiff::changes_of_goal(std::size_t g) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (changes[i].goal_pair == g) out.push_back(i);
  return out;
}

}  // namespace planlint::diff
