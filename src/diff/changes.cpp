// From matched pairs to the flat list of changes that reports print and CI reads.
#include "diff/matching.hpp"
#include "text/normalize.hpp"

namespace planlint::diff {
namespace {

Side side_of(const Span& s) { return Side{s.range.begin.line, text::normalize(s.text), s.range}; }

// The title's side: where its first line begins to where its last ends, its lines as one text.
std::optional<Side> title_side(const std::vector<Span>& lines) {
  if (lines.empty()) return std::nullopt;
  std::string t;
  for (const Span& l : lines) t.append(t.empty() ? "" : " ").append(l.text);
  return Side{lines.front().range.begin.line, text::normalize(t), {lines.front().range.begin, lines.back().range.end}};
}

std::optional<Side> indicator_side(const Measure* m) {
  if (!m || !m->indicator) return std::nullopt;
  return side_of(*m->indicator);
}

}  // namespace

std::vector<Change> list_changes(const PlanDiff& d, const DiffOptions& options) {
  std::vector<Change> out;
  auto add = [&](ChangeKind kind, std::size_t goal, std::optional<Side> o, std::optional<Side> n) -> Change& {
    Change c;
    c.kind = kind;
    c.goal_pair = goal;
    c.old_side = std::move(o);
    c.new_side = std::move(n);
    out.push_back(std::move(c));
    return out.back();
  };

  if (d.status.modified) {
    add(ChangeKind::status_modified, none, d.status.old_status ? std::optional(side_of(*d.status.old_status)) : std::nullopt,
        d.status.new_status ? std::optional(side_of(*d.status.new_status)) : std::nullopt);
  }
  for (std::size_t k = 0; k < d.claims.size(); ++k) {
    const ClaimPair& c = d.claims[k];
    if (!c.modified) continue;
    add(ChangeKind::declared_modified, none, c.old_claim ? std::optional(side_of(c.old_claim->text)) : std::nullopt,
        c.new_claim ? std::optional(side_of(c.new_claim->text)) : std::nullopt)
        .claim_pair = k;
    if (c.old_claim && c.new_claim) out.back().words = diff_words(c.old_claim->text.text, c.new_claim->text.text);
  }

  if (d.title.modified) add(ChangeKind::title_modified, none, title_side(d.title.old_title), title_side(d.title.new_title)).words = d.title.words;
  for (std::size_t k = 0; k < d.paragraphs.size(); ++k) {
    const ParagraphPair& p = d.paragraphs[k];
    const auto o = p.old_paragraph ? std::optional(side_of(*p.old_paragraph)) : std::nullopt;
    const auto n = p.new_paragraph ? std::optional(side_of(*p.new_paragraph)) : std::nullopt;
    const std::size_t first = out.size();
    if (!p.old_paragraph) add(ChangeKind::paragraph_added, none, std::nullopt, n);
    if (!p.new_paragraph) add(ChangeKind::paragraph_removed, none, o, std::nullopt);
    if (p.reordered && options.show_order) add(ChangeKind::paragraph_reordered, none, o, n);
    if (p.modified) add(ChangeKind::paragraph_modified, none, o, n).words = p.words;
    for (std::size_t i = first; i < out.size(); ++i) out[i].paragraph_pair = k;
  }

  std::size_t next_measure = 0;
  for (std::size_t g = 0; g < d.goals.size(); ++g) {
    const GoalPair& gp = d.goals[g];
    const auto old_title = gp.old_goal ? std::optional(side_of(gp.old_goal->title)) : std::nullopt;
    const auto new_title = gp.new_goal ? std::optional(side_of(gp.new_goal->title)) : std::nullopt;
    if (!gp.old_goal) add(ChangeKind::goal_added, g, std::nullopt, new_title);
    if (!gp.new_goal) add(ChangeKind::goal_removed, g, old_title, std::nullopt);
    if (gp.renumbered) add(ChangeKind::goal_renumbered, g, old_title, new_title);
    if (gp.title_modified) add(ChangeKind::goal_title_modified, g, old_title, new_title).words = gp.title_diff;

    for (; next_measure < d.measures.size() && d.measures[next_measure].goal_pair == g; ++next_measure) {
      const MeasurePair& m = d.measures[next_measure];
      const auto o = m.old_measure ? std::optional(side_of(m.old_measure->text)) : std::nullopt;
      const auto n = m.new_measure ? std::optional(side_of(m.new_measure->text)) : std::nullopt;
      const std::size_t first = out.size();
      if (!m.old_measure) add(ChangeKind::measure_added, g, std::nullopt, n);
      if (!m.new_measure) add(ChangeKind::measure_removed, g, o, std::nullopt);
      if (m.moved) add(ChangeKind::measure_moved, g, o, n);
      if (m.reordered && options.show_order) add(ChangeKind::measure_reordered, g, o, n);
      if (m.text_modified) add(ChangeKind::measure_modified, g, o, n).words = m.text_diff;
      if (m.indicator_modified)
        add(ChangeKind::indicator_modified, g, indicator_side(m.old_measure), indicator_side(m.new_measure)).words =
            m.indicator_diff;
      for (std::size_t k = first; k < out.size(); ++k) out[k].measure_pair = next_measure;
    }
  }
  return out;
}

}  // namespace planlint::diff
