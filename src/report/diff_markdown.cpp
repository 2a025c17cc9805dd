// Markdown output of `planlint diff`, for a pull-request comment: the summary, then a table per goal with
// word changes as ~~old~~ **new**.
#include <fmt/format.h>

#include "report/diff.hpp"

namespace planlint::report {
namespace {

// Table cells: characters that would end the cell or start markup are escaped.
std::string esc(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '|' || c == '*' || c == '_' || c == '~' || c == '`' || c == '[' || c == ']' || c == '\\' || c == '#')
      out += '\\';
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string marked(std::string_view s, std::string_view mark) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return std::string(s);
  const auto e = s.find_last_not_of(' ') + 1;
  return std::string(s.substr(0, b)) + std::string(mark) + esc(s.substr(b, e - b)) + std::string(mark) + std::string(s.substr(e));
}

std::string text_of(const diff::Change& c) {
  if (!c.words.pieces.empty()) {
    std::string s;
    for (const auto& p : c.words.pieces)
      s += p.kind == diff::PieceKind::equal ? esc(p.text) : marked(p.text, p.kind == diff::PieceKind::removed ? "~~" : "**");
    return s;
  }
  using K = diff::ChangeKind;
  if (c.kind == K::measure_removed || c.kind == K::goal_removed || c.kind == K::paragraph_removed) return marked(c.old_side->text, "~~");
  if (c.kind == K::measure_added || c.kind == K::goal_added || c.kind == K::paragraph_added) return marked(c.new_side->text, "**");
  if (c.kind == diff::ChangeKind::status_modified)
    return (c.old_side ? marked(c.old_side->text, "~~") : "") + (c.old_side && c.new_side ? " " : "") +
           (c.new_side ? marked(c.new_side->text, "**") : "");
  return esc(c.new_side ? c.new_side->text : c.old_side->text);
}

std::string lines(const diff::PlanDiff& d, const diff::Change& c) {
  return fmt::format("{} → {}", side_place(d, c.old_side, true, "–"), side_place(d, c.new_side, false, "–"));
}

std::string table(const diff::PlanDiff& d, const std::vector<std::size_t>& idx) {
  std::string s = "| Change | Lines | Text |\n|---|---|---|\n";
  for (const auto i : idx) {
    const auto& c = d.changes[i];
    std::string label = change_label(c);
    if (c.kind == diff::ChangeKind::measure_moved) {
      const auto& m = d.measures[c.measure_pair];
      label = fmt::format("moved from goal {}", label_of(d.old_plan->goals[m.old_goal]));
    }
    s += fmt::format("| {} | {} | {} |\n", label, lines(d, c), text_of(c));
  }
  return s;
}

}  // namespace

std::string diff_markdown(const diff::PlanDiff& d) {
  std::string out = fmt::format("## planlint diff: `{}` → `{}`\n\n", d.old_plan->file, d.new_plan->file);
  if (d.same()) return out + "No changes in the title, status, paragraphs, goals, measures, indicators or claims.\n";
  out += "**Summary:** " + esc(diff_summary(d)) + "\n";
  const auto plan_level = plan_changes(d);
  if (!plan_level.empty()) out += "\n### Plan\n\n" + table(d, plan_level);
  const auto paragraphs = paragraph_changes(d);
  if (!paragraphs.empty()) out += "\n### Paragraphs\n\n" + table(d, paragraphs);
  for (std::size_t g = 0; g < d.goals.size(); ++g) {
    const auto idx = d.changes_of_goal(g);
    if (!idx.empty()) out += "\n### " + esc(goal_heading(d.goals[g])) + "\n\n" + table(d, idx);
  }
  return out;
}

}  // namespace planlint::report
