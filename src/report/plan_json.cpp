#include "report/plan_outputs.hpp"

#include "io/json_text.hpp"
#include "model/locator_fields.hpp"

namespace planlint::report {
namespace {
using json = nlohmann::ordered_json;

json position_json(const SourcePosition& p) { return {{"offset", p.offset}, {"line", p.line}, {"column", p.column}}; }

// In a document that is not text (.docx, .odt, PDF) a range is also given as the place the user can find
// ("table 1, row 9, column 2"), with its fields: offsets, lines and columns are those of the text rendered
// from the document (docs: README, "Word, LibreOffice and PDF documents").
json range_json(const SourceRange& r, const DocumentMap* map) {
  json j = {{"start", position_json(r.begin)}, {"end", position_json(r.end)}};
  if (!map) return j;
  const Locator where = map->at(r.begin.offset).value_or(Locator{});
  j["place"] = describe(where);
  for (const auto& [name, value] : located_fields(where)) j[name] = value;
  return j;
}
json span_json(const Span& s, const DocumentMap* map) { return {{"text", s.text}, {"range", range_json(s.range, map)}}; }

json measure_json(const Measure& m, const DocumentMap* map) {
  json j = {{"text", m.text.text},
            {"line", m.text.range.begin.line},
            {"column", m.text.range.begin.column},
            {"indicator", m.indicator ? json(m.indicator->text) : json(nullptr)},
            {"range", range_json(m.text.range, map)},
            {"indicator_range", m.indicator ? range_json(m.indicator->range, map) : json(nullptr)},
            {"row_range", range_json(m.row, map)},
            {"confidence", m.confidence}};
  json extra = json::array();
  for (const ExtraCell& c : m.extra) extra.push_back({{"column", c.column}, {"text", c.cell.text}, {"range", range_json(c.cell.range, map)}});
  j["extra"] = std::move(extra);
  return j;
}

json goal_json(const Goal& g, const DocumentMap* map) {
  json measures = json::array();
  for (const Measure& m : g.measures) measures.push_back(measure_json(m, map));
  json header = json::array();
  for (const Span& h : g.header) header.push_back(span_json(h, map));
  return {{"number", g.number}, {"title", g.title.text}, {"line", g.heading.begin.line},
          {"column", g.heading.begin.column}, {"range", range_json(g.heading, map)},
          {"title_range", range_json(g.title.range, map)}, {"header", std::move(header)},
          {"measures", std::move(measures)},
          // Levels, beyond the documented core: a sub-goal's parent number, the area it stands under.
          {"parent_number", g.parent_number ? json(g.parent_number) : json(nullptr)},
          {"area", g.area >= 0 ? json(g.area) : json(nullptr)}};
}

// Everything but the goals, with an empty "goals" array in its place.
json plan_json_without_goals(const Plan& plan) {
  const Declared d = declared(plan);
  const DocumentMap* map = plan.locations.get();
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
                        {"column", o.range.begin.column}, {"range", range_json(o.range, map)}, {"title_range", range_json(o.title.range, map)},
                        {"parent_number", o.parent_number ? json(o.parent_number) : json(nullptr)}});
  }
  j["overview"] = std::move(overview);
  j["goals"] = json::array();  // filled by the callers: whole, or streamed one goal at a time
  // Extra fields, beyond the documented core.
  json title = json::array();
  for (const Span& t : plan.title) title.push_back(span_json(t, map));
  j["title"] = std::move(title);
  j["status_range"] = plan.status ? range_json(plan.status->range, map) : json(nullptr);
  json claims = json::array();
  for (const Claim& c : plan.claims) {
    claims.push_back({{"kind", to_string(c.kind)}, {"min", c.min}, {"max", c.max}, {"text", c.text.text},
                      {"line", c.text.range.begin.line}, {"column", c.text.range.begin.column},
                      {"range", range_json(c.text.range, map)}});
  }
  j["claims"] = std::move(claims);
  json areas = json::array();  // levels above goals: a goal's "area" is an index into this list
  for (const Area& a : plan.areas) {
    areas.push_back({{"number", a.number}, {"title", a.title.text}, {"line", a.heading.begin.line},
                     {"column", a.heading.begin.column}, {"range", range_json(a.heading, map)}});
  }
  j["areas"] = std::move(areas);
  json paragraphs = json::array();
  for (const Span& p : plan.paragraphs) paragraphs.push_back(span_json(p, map));
  j["paragraphs"] = std::move(paragraphs);
  json stray = json::array();
  for (const Measure& m : plan.stray_rows) stray.push_back(measure_json(m, map));
  j["stray_rows"] = std::move(stray);
  if (map) {  // a .docx or .odt: its tracked changes not yet accepted (the plan reads as if they were)
    json changes = json::array();
    for (const Span& c : plan.pending_changes) changes.push_back(span_json(c, map));
    j["pending_changes"] = std::move(changes);
  }
  return j;
}

}  // namespace

json plan_to_json(const Plan& plan) {
  json j = plan_json_without_goals(plan);
  for (const Goal& g : plan.goals) j["goals"].push_back(goal_json(g, plan.locations.get()));
  return j;
}

void write_plan_json(const Plan& plan, std::FILE* out) {
  // The same bytes as plan_to_json(plan).dump(2) + "\n", without the whole document in memory (a 50 MB
  // plan's tree took 2.6 GB): the rest of the document is dumped with an empty "goals" array, which is
  // then written one goal at a time, each indented as dump(2) indents an element at depth 2.
  const std::string rest = io::json_text(plan_json_without_goals(plan));
  const std::string placeholder = "\n  \"goals\": []";  // strings in JSON hold no raw line breaks
  const std::size_t at = rest.find(placeholder) + placeholder.size() - 2;
  std::fwrite(rest.data(), 1, at, out);
  if (plan.goals.empty()) {
    std::fputs("[]", out);
  } else {
    std::fputs("[\n", out);
    for (std::size_t i = 0; i < plan.goals.size(); ++i) {
      std::string goal = io::json_text(goal_json(plan.goals[i], plan.locations.get()));
      std::string indented = "    ";
      indented.reserve(goal.size() + goal.size() / 8);
      for (const char c : goal) {
        indented += c;
        if (c == '\n') indented += "    ";
      }
      if (i + 1 < plan.goals.size()) indented += ",\n";
      std::fwrite(indented.data(), 1, indented.size(), out);
    }
    std::fputs("\n  ]", out);
  }
  std::fwrite(rest.data() + at + 2, 1, rest.size() - at - 2, out);
  std::fputs("\n", out);
}

}  // namespace planlint::report
