#include <fmt/format.h>

#include "report/plan_outputs.hpp"
#include "text/utf8.hpp"

namespace planlint::report {
namespace {

// At most `width` code points, with an ellipsis when cut.
std::string clip(std::string_view s, std::size_t width) {
  std::size_t i = 0, n = 0;
  while (i < s.size() && n < width) {
    utf8::decode(s, i);
    ++n;
  }
  if (i >= s.size()) return std::string(s);
  return std::string(s.substr(0, i)) + "…";
}

// Where a piece is: its line, or in a document that is not text its place ("table 1, row 9, column 1"),
// which then leads the line as a heading of its own.
class Place {
 public:
  explicit Place(const Plan& plan) : map_(plan.locations.get()) {}
  std::string operator()(const SourceRange& r) const {
    if (!map_) return fmt::format("{:>4}", r.begin.line);
    return "[" + describe(map_->at(r.begin.offset).value_or(Locator{})) + "]";
  }

 private:
  const DocumentMap* map_;
};

}  // namespace

std::string plan_outline(const Plan& plan) {
  std::string out;
  const Place at(plan);
  const Declared d = declared(plan);
  out += fmt::format("{} ({} format)\n", plan.file, plan.format);
  for (const Span& t : plan.title) out += fmt::format("  title   {}  {}\n", at(t.range), t.text);
  out += plan.status ? fmt::format("  status  {}  {}\n", at(plan.status->range), plan.status->text)
                     : std::string("  status        none (no draft marker)\n");
  if (d.goal_count) {
    out += fmt::format("  claims  {}  {} goals (\"{}\")\n", at(d.goal_count->text.range), d.goal_count->min,
                       d.goal_count->text.text);
  }
  if (d.measure_range) {
    out += fmt::format("  claims  {}  {}–{} measures per goal (\"{}\")\n", at(d.measure_range->text.range),
                       d.measure_range->min, d.measure_range->max, d.measure_range->text.text);
  }
  if (!d.goal_count && !d.measure_range) out += "  claims        none found\n";
  out += fmt::format("paragraphs: {}\n", plan.paragraphs.size());
  if (!plan.overview.empty()) out += fmt::format("overview: {} goals\n", plan.overview.size());
  for (const OverviewItem& o : plan.overview) {
    out += fmt::format("  {}  {}. {}\n", at(o.range), label_of(o.number, o.parent_number), clip(o.title.text, 90));
  }
  if (plan.goals.empty()) {
    out += "goals: none found (no \"TAVOITE N.\" heading with a table)\n";
    return out;
  }
  std::size_t total = 0;
  for (const Goal& g : plan.goals) total += g.measures.size();
  out += fmt::format("goals: {} with {} measures\n", plan.goals.size(), total);
  for (const Goal& g : plan.goals) {
    if (g.area >= 0 && (&g == &plan.goals.front() || (&g)[-1].area != g.area)) {
      const Area& a = plan.areas[static_cast<std::size_t>(g.area)];
      out += fmt::format("  {}  area {}: {}\n", at(a.heading), a.number, clip(a.title.text, 80));
    }
    out += fmt::format("  {}  goal {}: {} measures  {}\n", at(g.heading), label_of(g), g.measures.size(),
                       clip(g.title.text, 80));
    if (g.header.empty()) out += "        (table has no header row)\n";
    for (const Measure& m : g.measures) {
      out += fmt::format("  {}    - {}\n", at(m.row), clip(m.text.text, 70));
      out += m.indicator ? fmt::format("            indicator: {}\n", clip(m.indicator->text, 70))
                         : std::string("            indicator: (none)\n");
    }
  }
  if (!plan.stray_rows.empty()) {
    out += fmt::format("table rows before any goal heading: {}\n", plan.stray_rows.size());
  }
  return out;
}

}  // namespace planlint::report
