#include "lsp/features.hpp"

namespace planlint::lsp {

int diagnostic_severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::info: return 3;
  }
  return 1;
}

nlohmann::json diagnostic_json(const Source& source, const Finding& finding, const std::string& docs_href) {
  nlohmann::json d = {{"range", range_json(source, finding.range)},
                      {"severity", diagnostic_severity(finding.severity)},
                      {"code", finding.rule},
                      {"source", "planlint"},
                      {"message", finding.message}};
  if (!docs_href.empty()) d["codeDescription"] = {{"href", docs_href}};
  return d;
}

}  // namespace planlint::lsp
