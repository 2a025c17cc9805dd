// Text output of `planlint diff`: a summary line, then per goal its changes with old → new line numbers and
// word changes inline as `[-old-]{+new+}` (git's --word-diff=plain), coloured on a terminal.
#include <fmt/format.h>

#include "report/diff.hpp"

namespace planlint::report {
namespace {

constexpr const char* red = "\x1b[31m";
constexpr const char* green = "\x1b[32m";
constexpr const char* bold = "\x1b[1m";
constexpr const char* reset = "\x1b[0m";

std::string words(const diff::WordDiff& w, bool color) {
  if (!color) return w.inline_text();
  std::string s;
  for (const auto& p : w.pieces) {
    if (p.kind == diff::PieceKind::equal) {
      s += p.text;
      continue;
    }
    // The space a pure insertion or deletion carries stays outside the markers, as in inline_text().
    const std::string_view t(p.text);
    const auto b = t.find_first_not_of(' ');
    if (b == std::string_view::npos) {
      s += p.text;
      continue;
    }
    const auto e = t.find_last_not_of(' ') + 1;
    s.append(t.substr(0, b));
    if (p.kind == diff::PieceKind::removed) s += fmt::format("{}[-{}-]{}", red, t.substr(b, e - b), reset);
    else s += fmt::format("{}{{+{}+}}{}", green, t.substr(b, e - b), reset);
    s.append(t.substr(e));
  }
  return s;
}

std::string body(const diff::PlanDiff& d, const diff::Change& c, bool color) {
  using K = diff::ChangeKind;
  const auto removed = [&](const std::string& t) { return color ? fmt::format("{}[-{}-]{}", red, t, reset) : "[-" + t + "-]"; };
  const auto added = [&](const std::string& t) { return color ? fmt::format("{}{{+{}+}}{}", green, t, reset) : "{+" + t + "+}"; };
  if (!c.words.pieces.empty()) return words(c.words, color);
  switch (c.kind) {
    case K::measure_moved: {
      const auto& m = d.measures[c.measure_pair];
      return fmt::format("{} (from goal {} to goal {})", c.new_side->text, label_of(d.old_plan->goals[m.old_goal]),
                         label_of(d.new_plan->goals[m.new_goal]));
    }
    case K::goal_renumbered:
      return fmt::format("{} (was goal {})", c.new_side->text, d.goals[c.goal_pair].old_goal->number);
    case K::measure_reordered:
    case K::paragraph_reordered: return c.new_side->text;
    default: break;
  }
  std::string s;
  if (c.old_side) s += removed(c.old_side->text);
  if (c.new_side) s += added(c.new_side->text);
  return s;
}

std::string row(const diff::PlanDiff& d, const diff::Change& c, bool color) {
  return fmt::format("  {:<10} {:>5} → {:<5} {}\n", change_label(c), side_place(d, c.old_side, true),
                     side_place(d, c.new_side, false), body(d, c, color));
}

}  // namespace

std::string diff_text(const diff::PlanDiff& d, const DiffTextOptions& o) {
  std::string out = fmt::format("--- {}\n+++ {}\n", d.old_plan->file, d.new_plan->file);
  for (const auto& note : o.notes) out += note + "\n";
  out += diff_summary(d) + "\n";
  const auto section = [&](const char* name, const std::vector<std::size_t>& idx) {
    if (idx.empty()) return;
    out += o.color ? fmt::format("\n{}{}{}\n", bold, name, reset) : fmt::format("\n{}\n", name);
    for (const auto i : idx) out += row(d, d.changes[i], o.color);
  };
  section("plan", plan_changes(d));
  section("paragraphs", paragraph_changes(d));
  for (std::size_t g = 0; g < d.goals.size(); ++g) {
    const auto idx = d.changes_of_goal(g);
    if (idx.empty()) continue;
    const std::string head = goal_heading(d.goals[g]);
    out += o.color ? fmt::format("\n{}{}{}\n", bold, head, reset) : "\n" + head + "\n";
    for (const auto i : idx) out += row(d, d.changes[i], o.color);
  }
  return out;
}

}  // namespace planlint::report
