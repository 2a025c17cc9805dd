#include <algorithm>

#include <fmt/format.h>

#include "report/diff_chart.hpp"

namespace planlint::report {

std::string measure_count_chart(const diff::PlanDiff& d) {
  const Declared od = declared(*d.old_plan), nd = declared(*d.new_plan);
  int top = 1;
  for (const auto& g : d.goals) {
    if (g.old_goal) top = std::max(top, static_cast<int>(g.old_goal->measures.size()));
    if (g.new_goal) top = std::max(top, static_cast<int>(g.new_goal->measures.size()));
  }
  if (nd.measure_range) top = std::max(top, nd.measure_range->max);
  if (od.measure_range) top = std::max(top, od.measure_range->max);
  top += 1;
  const int left = 90, width = 360, bar = 12, gap = 10, row_h = 2 * bar + gap;
  const int height = 30 + row_h * static_cast<int>(d.goals.size()) + 20;
  auto x = [&](int v) { return left + width * v / top; };
  std::string s = fmt::format(
      "<svg class=\"chart\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"Measures per goal, old and new version\">\n",
      left + width + 20, height);
  // The allowed range of the new version as a band, the old one as dashed lines when it differs.
  if (nd.measure_range) {
    s += fmt::format("<rect class=\"range\" x=\"{}\" y=\"20\" width=\"{}\" height=\"{}\" fill=\"#dff0d8\"><title>allowed: {}–{}</title></rect>\n",
                     x(nd.measure_range->min), x(nd.measure_range->max) - x(nd.measure_range->min), height - 40,
                     nd.measure_range->min, nd.measure_range->max);
  }
  if (od.measure_range && (!nd.measure_range || od.measure_range->min != nd.measure_range->min ||
                           od.measure_range->max != nd.measure_range->max)) {
    for (const int v : {od.measure_range->min, od.measure_range->max})
      s += fmt::format("<line class=\"old-range\" x1=\"{0}\" x2=\"{0}\" y1=\"20\" y2=\"{1}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n",
                       x(v), height - 20);
  }
  s += fmt::format("<text x=\"{}\" y=\"14\" font-size=\"11\"><tspan fill=\"#aaa\">■</tspan> old  <tspan fill=\"#3572b0\">■</tspan> new{}</text>\n", left,
                   nd.measure_range ? fmt::format("  (band: allowed {}–{})", nd.measure_range->min, nd.measure_range->max) : "");
  int y = 30;
  for (const auto& g : d.goals) {
    s += fmt::format("<text x=\"4\" y=\"{}\" font-size=\"12\">TAVOITE {}</text>\n", y + bar + 4, g.label());
    const int counts[2] = {g.old_goal ? static_cast<int>(g.old_goal->measures.size()) : 0,
                           g.new_goal ? static_cast<int>(g.new_goal->measures.size()) : 0};
    for (int k = 0; k < 2; ++k) {
      const char* cls = k == 0 ? "old" : "new";
      s += fmt::format("<rect class=\"bar {0}\" x=\"{1}\" y=\"{2}\" width=\"{3}\" height=\"{4}\" fill=\"{5}\"><title>{0}: {6}</title></rect>"
                       "<text x=\"{7}\" y=\"{8}\" font-size=\"10\">{6}</text>\n",
                       cls, left, y + k * bar, x(counts[k]) - left, bar - 1, k == 0 ? "#aaa" : "#3572b0", counts[k],
                       x(counts[k]) + 3, y + k * bar + bar - 2);
    }
    y += row_h;
  }
  return s + "</svg>\n";
}

}  // namespace planlint::report
