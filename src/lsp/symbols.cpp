#include "lsp/features.hpp"

#include <fmt/format.h>

namespace planlint::lsp {
namespace {

// LSP SymbolKind values: goals are the namespaces of a plan's outline, measures its entries.
constexpr int kind_namespace = 3;
constexpr int kind_string = 15;

nlohmann::json symbol(const Source& source, std::string name, std::string detail, int kind, const SourceRange& range,
                      const SourceRange& selection) {
  return {{"name", std::move(name)},
          {"detail", std::move(detail)},
          {"kind", kind},
          {"range", range_json(source, range)},
          {"selectionRange", range_json(source, selection)},
          {"children", nlohmann::json::array()}};
}

}  // namespace

nlohmann::json document_symbols(const Source& source, const Plan& plan) {
  nlohmann::json goals = nlohmann::json::array();
  for (const Goal& g : plan.goals) {
    SourceRange whole = g.heading;
    if (!g.measures.empty() && g.measures.back().row.end.offset > whole.end.offset) whole.end = g.measures.back().row.end;
    // Editors reject empty symbol names.
    std::string name = g.title.text.empty() ? fmt::format("TAVOITE {}", label_of(g))
                                            : fmt::format("{}. {}", label_of(g), g.title.text);
    nlohmann::json goal = symbol(source, std::move(name),
                                 fmt::format("{} measure{}", g.measures.size(), g.measures.size() == 1 ? "" : "s"),
                                 kind_namespace, whole, g.heading);
    for (const Measure& m : g.measures) {
      // The selection must lie inside the range: an empty measure cell selects the start of its row.
      const SourceRange selection = m.text.text.empty() ? SourceRange{m.row.begin, m.row.begin} : m.text.range;
      goal["children"].push_back(symbol(source, std::string(m.text.text.empty() ? "(empty measure)" : m.text.text),
                                        std::string(m.indicator ? m.indicator->text : ""), kind_string, m.row, selection));
    }
    goals.push_back(std::move(goal));
  }
  return goals;
}

}  // namespace planlint::lsp
