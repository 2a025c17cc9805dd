#include "lsp/features.hpp"

namespace planlint::lsp {

nlohmann::json code_actions(const std::string& uri, const Source& source, const std::vector<Finding>& findings,
                            const nlohmann::json& diagnostics, std::size_t begin, std::size_t end) {
  nlohmann::json actions = nlohmann::json::array();
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    // Touching counts: a cursor (an empty range) at either end of a finding still offers its fixes.
    if (f.range.end.offset < begin || f.range.begin.offset > end) continue;
    for (std::size_t k = 0; k < f.fixes.size(); ++k) {
      const Fix& fix = f.fixes[k];
      nlohmann::json edit = {{"range", range_json(source, fix.range)}, {"newText", fix.replacement}};
      const std::string title = fix.title.empty() ? "Replace with '" + fix.replacement + "'" : fix.title;
      nlohmann::json action = {{"title", title},
                               {"kind", "quickfix"},
                               {"isPreferred", k == 0},
                               {"edit", {{"changes", {{uri, nlohmann::json::array({std::move(edit)})}}}}}};
      if (i < diagnostics.size()) action["diagnostics"] = nlohmann::json::array({diagnostics[i]});
      actions.push_back(std::move(action));
    }
  }
  return actions;
}

}  // namespace planlint::lsp
