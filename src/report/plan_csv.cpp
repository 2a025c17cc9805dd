#include <fmt/format.h>

#include "report/plan_outputs.hpp"

namespace planlint::report {
namespace {

// RFC 4180: quote a field that holds a comma, a quote or a line break; double the quotes inside.
std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string plan_to_csv(const Plan& plan) {
  // A document that is not text has no lines: its rows are given by place ("table 1, row 9, column 1").
  const DocumentMap* map = plan.locations.get();
  std::string out = map ? "goal,goal_title,measure,indicator,place\r\n" : "goal,goal_title,measure,indicator,line\r\n";
  for (const Goal& g : plan.goals) {
    for (const Measure& m : g.measures) {
      const std::string at = map ? csv_field(describe(map->at(m.text.range.begin.offset).value_or(Locator{})))
                                 : std::to_string(m.text.range.begin.line);
      out += fmt::format("{},{},{},{},{}\r\n", label_of(g), csv_field(g.title.text), csv_field(m.text.text),
                         m.indicator ? csv_field(m.indicator->text) : std::string(), at);
    }
  }
  return out;
}

}  // namespace planlint::report
