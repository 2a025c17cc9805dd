// `planlint check --format html`: one self-contained page (no scripts, fonts or other files: it is mailed to
// plan authors and opened on intranets without internet) with, per document, its goals' measure counts
// against the allowed range as a small chart, and the findings grouped by the goal they stand under, each
// with its severity, message, place, the quoted text and the fixes offered.
#include <algorithm>

#include <fmt/format.h>

#include "report/findings.hpp"
#include "report/html_escape.hpp"
#include "report/wording.hpp"

namespace planlint::report {
namespace {


constexpr const char* style = R"(body{display:flex;flex-direction:column;font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h1{font-size:1.5em;order:-2}.top{order:-1}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.05em;margin:1.4em 0 .4em}.summary{color:#555}
.finding{border-left:4px solid #999;padding:.3em .8em;margin:.5em 0;background:#fafafa}
.finding.error{border-color:#c62828}.finding.warning{border-color:#ef8f00}.finding.info{border-color:#1565c0}
.sev{font-weight:600;text-transform:uppercase;font-size:.8em;margin-right:.5em}
.error .sev{color:#c62828}.warning .sev{color:#a35f00}.info .sev{color:#1565c0}
.place,.rule{color:#666;font-size:.85em}.quote{font-family:monospace;background:#fff;border:1px solid #ddd;padding:.1em .4em;margin:.3em 0;white-space:pre-wrap}
.fix{font-size:.9em;color:#2e7d32}.docerror{color:#c62828;font-weight:600}svg text{font:12px system-ui,sans-serif}
)";

// Goals' measure counts as horizontal bars over the allowed range (a shaded band); a count outside it red.
std::string_view origin_words(check::MeasureRange::Origin o, std::string_view language) {
  switch (o) {
    case check::MeasureRange::Origin::declared: return worded(language, "declared by the plan", "suunnitelman oma");
    case check::MeasureRange::Origin::configured: return worded(language, "configured", "asetuksista");
    case check::MeasureRange::Origin::planlint_default: return worded(language, "planlint's default", "planlintin oletus");
  }
  return "";
}

std::string chart(const check::DocumentResult& d) {
  const std::string_view l = d.message_language;
  if (d.goals.empty()) return {};
  const int hi = std::max(d.range ? d.range->max : 0, static_cast<int>(std::max_element(d.goals.begin(), d.goals.end(), [](const auto& a, const auto& b) {
                                                                           return a.measures < b.measures;
                                                                         })->measures)) + 1;
  constexpr int left = 70, width = 420, row = 22;
  const auto x = [&](double n) { return left + n * width / hi; };
  const int height = static_cast<int>(d.goals.size()) * row + 24;
  std::string s = fmt::format(R"(<svg role="img" width="{}" height="{}" aria-label="{}">)", left + width + 60, height,
                              worded(l, "measures per goal", "toimenpiteitä tavoitetta kohden"));
  if (d.range) {
    s += fmt::format(R"(<rect x="{:.1f}" y="0" width="{:.1f}" height="{}" fill="#e8f5e9"/>)", x(d.range->min), x(d.range->max) - x(d.range->min),
                     height - 20);
  }
  for (std::size_t i = 0; i < d.goals.size(); ++i) {
    const auto& g = d.goals[i];
    const int y = static_cast<int>(i) * row;
    const bool inside = !d.range || !g.counted || (static_cast<int>(g.measures) >= d.range->min && static_cast<int>(g.measures) <= d.range->max);
    s += fmt::format(R"(<text x="0" y="{}">{} {}</text>)", y + 15, worded(l, "goal", "tavoite"), html_escape(g.label));
    s += fmt::format(R"(<rect x="{}" y="{}" width="{:.1f}" height="14" fill="{}"><title>{}</title></rect>)", left, y + 4,
                     x(static_cast<double>(g.measures)) - left, !g.counted ? "#bbb" : inside ? "#43a047" : "#e53935", html_escape(g.title));
    s += fmt::format(R"(<text x="{:.1f}" y="{}">{}</text>)", x(static_cast<double>(g.measures)) + 4, y + 15, g.measures);
  }
  if (d.range) {
    s += fmt::format(R"(<text x="{}" y="{}">{} {}–{} ({})</text>)", left, height - 4, worded(l, "allowed", "sallittu"),
                     d.range->min, d.range->max, origin_words(d.range->from, l));
  }
  return s + "</svg>\n";
}

std::string finding_html(const check::DocumentResult& d, const Finding& f) {
  std::string s = fmt::format(R"(<div class="finding {}"><span class="sev">{}</span>{} <span class="rule">[{}]</span>)",
                              to_string(f.severity), severity_word(f.severity, d.message_language), html_escape(f.message),
                              html_escape(f.rule));
  s += fmt::format(R"(<div class="place">{}</div>)", html_escape(finding_place(f, d.message_language)));
  if (d.source) {
    const std::string quote = quote_of(*d.source, f.range);
    if (!quote.empty()) s += fmt::format(R"(<div class="quote">{}</div>)", html_escape(quote));
  }
  for (const Fix& x : f.fixes) {
    s += fmt::format(R"(<div class="fix">{}: {}</div>)", worded(d.message_language, "fix", "korjaus"), html_escape(x.title));
  }
  return s + "</div>\n";
}

}  // namespace

// The findings of a document grouped under the goal whose heading they follow; those before the first goal
// (the title, the overview, claims) and those of the whole document come first.
std::string document_html(const check::DocumentResult& d) {
  const std::string_view l = d.message_language;
  std::string s = fmt::format("<h2>{}</h2>\n", html_escape(d.file));
  if (d.error) s += fmt::format(R"(<p class="docerror">{}</p>)", html_escape(*d.error)) + "\n";
  s += chart(d);
  std::vector<const Finding*> sorted;
  for (const Finding& f : d.findings) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) { return a->range.begin.offset < b->range.begin.offset; });
  if (sorted.empty() && !d.error) s += fmt::format("<p class=\"summary\">{}</p>\n", worded(l, "No findings.", "Ei löydöksiä."));
  // Group 0 is the document before its first goal; group k the goal d.goals[k - 1].
  std::size_t group = 0, shown = SIZE_MAX;
  for (const Finding* f : sorted) {
    while (group < d.goals.size() && d.goals[group].offset <= f->range.begin.offset) ++group;
    if (group != shown) {
      if (group == 0) {
        s += fmt::format("<h3>{}</h3>\n", worded(l, "The document", "Asiakirja"));
      } else {
        const auto& goal = d.goals[group - 1];
        s += fmt::format("<h3>{} {}: {} <span class=\"summary\">({})</span></h3>\n", worded(l, "Goal", "Tavoite"),
                         html_escape(goal.label), html_escape(goal.title),
                         l == "fi" ? counted(goal.measures, "toimenpide", "toimenpidettä") : counted(goal.measures, "measure", "measures"));
      }
      shown = group;
    }
    s += finding_html(d, *f);
  }
  return s;
}

std::string html_begin(std::string_view language) {
  const std::string_view title = worded(language, "planlint report", "planlint-raportti");
  std::string s = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>",
                              language == "fi" ? "fi" : "en", title);
  s += style;
  return s + fmt::format("</style>\n</head>\n<body>\n<h1>{}</h1>\n", title);
}

// The summary is known only after the last document; written last, it is shown under the title (.top).
std::string html_end(const Totals& totals, const std::vector<std::string>& errors, std::string_view language) {
  std::string s = fmt::format("<p class=\"summary top\">{}</p>\n", html_escape(findings_summary(totals, language)));
  for (const std::string& e : errors) s += fmt::format(R"(<p class="docerror top">{}</p>)", html_escape(e)) + "\n";
  return s + "</body>\n</html>\n";
}

std::string findings_html(const check::CheckResult& result, std::string_view language) {
  std::string s = html_begin(language);
  Totals totals;
  for (const check::DocumentResult& d : result.documents) {
    totals.add(d);
    s += document_html(d);
  }
  totals.errors += result.errors.size();
  return s + html_end(totals, result.errors, language);
}

}  // namespace planlint::report
