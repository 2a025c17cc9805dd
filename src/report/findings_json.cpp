#include <nlohmann/json.hpp>

#include "report/findings.hpp"

namespace planlint::report {

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
    }
  }
  return out.dump(2) + "\n";
}

}  // namespace planlint::report
