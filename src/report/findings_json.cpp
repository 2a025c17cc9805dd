#include <nlohmann/json.hpp>

#include "report/findings.hpp"

namespace planlint::report {

namespace {

// Quick fixes: alternatives, best first; each replaces one range (end exclusive) by its text.
nlohmann::ordered_json fixes_json(const std::vector<Fix>& fixes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Fix& x : fixes) {
    out.push_back({{"title", x.title},
                   {"line", x.range.begin.line},
                   {"column", x.range.begin.column},
                   {"end_line", x.range.end.line},
                   {"end_column", x.range.end.column},
                   {"offset", x.range.begin.offset},
                   {"end_offset", x.range.end.offset},
                   {"replacement", x.replacement}});
  }
  return out;
}

}  // namespace

std::string findings_json(const check::CheckResult& result) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& d : result.documents) {
    for (const Finding& f : d.findings) {
      out.push_back({{"file", f.file},
                     {"line", f.range.begin.line},
                     {"column", f.range.begin.column},
                     {"end_line", f.range.end.line},
                     {"end_column", f.range.end.column},
                     {"severity", to_string(f.severity)},
                     {"rule", f.rule},
                     {"message", f.message},
                     {"offset", f.range.begin.offset},
                     {"end_offset", f.range.end.offset}});
      if (!f.fixes.empty()) out.back()["fixes"] = fixes_json(f.fixes);
    }
  }
  return out.dump(2) + "\n";
}

}  // namespace planlint::report
