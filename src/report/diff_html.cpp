// HTML output of `planlint diff`: one self-contained page (inline CSS and SVG, no script, nothing fetched),
// the summary, a chart of measure counts, then per goal the old and new version side by side with changed
// words highlighted (<del class="w"> on the old side, <ins class="w"> on the new).
#include <fmt/format.h>

#include "report/diff.hpp"
#include "report/diff_chart.hpp"
#include "report/html_escape.hpp"
#include "text/normalize.hpp"

namespace planlint::report {
namespace {

// Fixed column widths: narrow line-number columns either side.
constexpr const char* columns = "<colgroup><col class=\"ln\"><col><col class=\"ln\"><col></colgroup>\n";


// One side of a word diff: equal text and that side's changed words.
std::string side_html(const diff::WordDiff& w, bool old_side) {
  std::string s;
  for (const auto& p : w.pieces) {
    if (p.kind == diff::PieceKind::equal) s += html_escape(p.text);
    else if ((p.kind == diff::PieceKind::removed) == old_side) {
      // The space a pure insertion or deletion carries is not highlighted.
      const std::string_view t(p.text);
      const auto b = std::min(t.find_first_not_of(' '), t.size());
      const auto e = std::max(b, t.find_last_not_of(' ') + 1);
      const char* tag = old_side ? "del" : "ins";
      s += fmt::format("{}<{} class=\"w\">{}</{}>{}", t.substr(0, b), tag, html_escape(t.substr(b, e - b)), tag, t.substr(e));
    }
  }
  return s;
}

std::string cell_text(const Span* s, const diff::WordDiff* w, bool changed, bool old_side) {
  if (!s) return "";
  return changed && w ? side_html(*w, old_side) : html_escape(text::normalize(s->text));
}

std::string measure_cell(const diff::PlanDiff& d, const diff::MeasurePair& m, bool old_side) {
  const Measure* x = old_side ? m.old_measure : m.new_measure;
  if (!x) return "<td class=\"line\"></td><td class=\"empty\"></td>";
  std::string s = fmt::format("<td class=\"line\">{}</td><td><div class=\"measure\">{}</div>",
                              html_escape(place_in(old_side ? *d.old_plan : *d.new_plan, x->text.range)),
                              cell_text(&x->text, &m.text_diff, m.text_modified, old_side));
  if (x->indicator)
    s += "<div class=\"indicator\">Mittari: " +
         cell_text(&*x->indicator, &m.indicator_diff, m.indicator_modified, old_side) + "</div>";
  return s + "</td>";
}

std::string row_class(const diff::MeasurePair& m) {
  if (!m.old_measure) return "added";
  if (!m.new_measure) return "removed";
  std::string c;
  if (m.moved) c += " moved";
  if (m.text_modified) c += " modified";
  if (m.indicator_modified) c += " indicator-modified";
  return c.empty() ? "same" : c.substr(1);
}

std::string goal_section(const diff::PlanDiff& d, std::size_t g) {
  const auto& gp = d.goals[g];
  std::string cls = !gp.old_goal ? "added" : !gp.new_goal ? "removed" : gp.title_modified ? "modified" : "same";
  std::string s = fmt::format("<section class=\"goal {}\" id=\"goal-{}\">\n<h2>TAVOITE {}</h2>\n<table>\n{}", cls, g, gp.label(), columns);
  s += "<tr><th colspan=\"2\">old</th><th colspan=\"2\">new</th></tr>\n";
  s += "<tr class=\"title\"><td class=\"line\">" + (gp.old_goal ? html_escape(place_in(*d.old_plan, gp.old_goal->heading)) : "") + "</td><td>" +
       (gp.old_goal ? (label_of(*gp.old_goal) != gp.label() ? fmt::format("(TAVOITE {}) ", label_of(*gp.old_goal)) : "") +
                          cell_text(&gp.old_goal->title, &gp.title_diff, gp.title_modified, true)
                    : "") +
       "</td><td class=\"line\">" + (gp.new_goal ? html_escape(place_in(*d.new_plan, gp.new_goal->heading)) : "") + "</td><td>" +
       (gp.new_goal ? cell_text(&gp.new_goal->title, &gp.title_diff, gp.title_modified, false) : "") + "</td></tr>\n";
  for (const auto& m : d.measures) {
    if (m.goal_pair != g) continue;
    std::string note;
    if (m.moved) note = fmt::format(" title=\"moved from TAVOITE {}\"", label_of(d.old_plan->goals[m.old_goal]));
    s += fmt::format("<tr class=\"{}\"{}>{}{}</tr>\n", row_class(m), note, measure_cell(d, m, true), measure_cell(d, m, false));
  }
  return s + "</table>\n</section>\n";
}

// A table of changes outside the goals (the plan's status, figures and title; its paragraphs).
std::string change_table(const diff::PlanDiff& d, const std::vector<std::size_t>& idx, const char* cls) {
  std::string s;
  for (const auto i : idx) {
    const auto& c = d.changes[i];
    s += fmt::format("<tr class=\"{}\"><td>{}</td><td class=\"line\">{}</td><td>{}</td><td class=\"line\">{}</td><td>{}</td></tr>\n",
                     diff::to_string(c.kind), change_label(c), html_escape(side_place(d, c.old_side, true, "")),
                     c.old_side ? (c.words.pieces.empty() ? "<del class=\"w\">" + html_escape(c.old_side->text) + "</del>" : side_html(c.words, true)) : "",
                     html_escape(side_place(d, c.new_side, false, "")),
                     c.new_side ? (c.words.pieces.empty() ? "<ins class=\"w\">" + html_escape(c.new_side->text) + "</ins>" : side_html(c.words, false)) : "");
  }
  return s.empty() ? "" : fmt::format("<table class=\"{}\">\n", cls) + "<colgroup><col class=\"kind\"><col class=\"ln\"><col><col class=\"ln\"><col></colgroup>\n<tr><th></th><th colspan=\"2\">old</th><th colspan=\"2\">new</th></tr>\n" + s + "</table>\n";
}

constexpr const char* style = R"(body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:1em;table-layout:fixed}
td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
col.ln{width:3.5em}
col.kind{width:6em}
td.line{color:#888;font-size:.85em;text-align:right}
tr.same td{color:#666}
tr.added td,tr.removed td{background:#f7f7f7}
tr.added td:nth-child(4){background:#e6ffec}
tr.removed td:nth-child(2){background:#ffebe9}
tr.moved td{border-left:3px solid #3572b0}
del.w{background:#ffc0c0;text-decoration:line-through}
ins.w{background:#abf2bc;text-decoration:none}
.indicator{font-size:.9em;color:#555;margin-top:.2em}
.summary{font-weight:600}
)";

}  // namespace

std::string diff_html(const diff::PlanDiff& d) {
  std::string s = "<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n";
  s += fmt::format("<title>planlint diff: {} → {}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(d.old_plan->file),
                   html_escape(d.new_plan->file), style);
  s += fmt::format("<h1>{} → {}</h1>\n<p class=\"summary\">{}</p>\n", html_escape(d.old_plan->file), html_escape(d.new_plan->file), html_escape(diff_summary(d)));
  s += measure_count_chart(d);
  s += change_table(d, plan_changes(d), "plan");
  if (const auto p = paragraph_changes(d); !p.empty()) s += "<h2>Paragraphs</h2>\n" + change_table(d, p, "paragraphs");
  for (std::size_t g = 0; g < d.goals.size(); ++g) s += goal_section(d, g);
  return s + "</body>\n</html>\n";
}

}  // namespace planlint::report
