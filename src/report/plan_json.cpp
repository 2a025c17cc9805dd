#include "report/plan_outputs.hpp"

namespace planlint::report {
namespace {
using json = nlohmann::ordered_json;

json position_json(const SourcePosition& p) { return {{"offset", p.offset}, {"line", p.line}, {"column", p.column}}; }
json range_json(const SourceRange& r) { return {{"start", position_json(r.begin)}, {"end", position_json(r.end)}}; }
json span_json(const Span& s) { return {{"text", s.text}, {"range", range_json(s.range)}}; }

json measure_json(const Measure& m) {
  json j = {{"text", m.text.text},
            {"line", m.text.range.begin.line},
            {"column", m.text.range.begin.column},
            {"indicator", m.indicator ? json(m.indicator->text) : json(nullptr)},
            {"range", range_json(m.text.range)},
            {"indicator_range", m.indicator ? range_json(m.indicator->range) : json(nullptr)},
            {"row_range", range_json(m.row)},
            {"confidence", m.confidence}};
  json extra = json::array();
  for (const ExtraCell& c : m.extra) extra.push_back({{"column", c.column}, {"text", c.cell.text}, {"range", range_json(c.cell.range)}});
  j["extra"] = std::move(extra);
  return j;
}

}  // namespace

json plan_to_json(const Plan& plan) {
  const Declared d = declared(plan);
  json j;
  j["file"] = plan.file;
  j["format"] = plan.format;
  j["status"] = plan.status ? json(plan.status->text) : json(nullptr);
  j["declared"] = {{"goal_count", d.goal_count ? json(d.goal_count->min) : json(nullptr)},
                   {"measures_min", d.measure_range ? json(d.measure_range->min) : json(nullptr)},
                   {"measures_max", d.measure_range ? json(d.measure_range->max) : json(nullptr)}};
  json overview = json::array();
  for (const OverviewItem& o : plan.overview) {
    overview.push_back({{"number", o.number}, {"title", o.title.text}, {"line", o.range.begin.line},
                        {"column", o.range.begin.column}, {"range", range_json(o.range)}, {"title_range", range_json(o.title.range)}});
  }
  j["overview"] = std::move(overview);
  json goals = json::array();
  for (const Goal& g : plan.goals) {
    json measures = json::array();
    for (const Measure& m : g.measures) measures.push_back(measure_json(m));
    json header = json::array();
    for (const Span& h : g.header) header.push_back(span_json(h));
    goals.push_back({{"number", g.number}, {"title", g.title.text}, {"line", g.heading.begin.line},
                     {"column", g.heading.begin.column}, {"range", range_json(g.heading)},
                     {"title_range", range_json(g.title.range)}, {"header", std::move(header)},
                     {"measures", std::move(measures)}});
  }
  j["goals"] = std::move(goals);
  // Extra fields, beyond the documented core.
  json title = json::array();
  for (const Span& t : plan.title) title.push_back(span_json(t));
  j["title"] = std::move(title);
  j["status_range"] = plan.status ? range_json(plan.status->range) : json(nullptr);
  json claims = json::array();
  for (const Claim& c : plan.claims) {
    claims.push_back({{"kind", to_string(c.kind)}, {"min", c.min}, {"max", c.max}, {"text", c.text.text},
                      {"line", c.text.range.begin.line}, {"column", c.text.range.begin.column},
                      {"range", range_json(c.text.range)}});
  }
  j["claims"] = std::move(claims);
  json stray = json::array();
  for (const Measure& m : plan.stray_rows) stray.push_back(measure_json(m));
  j["stray_rows"] = std::move(stray);
  return j;
}

}  // namespace planlint::report
