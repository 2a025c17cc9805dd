#pragma once
// What the server answers, as pure functions of an analysed document (no I/O, no threads): diagnostics,
// document symbols, hover and code actions. Ranges go out in UTF-16 code units (lsp/positions.hpp).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/positions.hpp"
#include "model/finding.hpp"
#include "model/plan.hpp"
#include "read/source.hpp"

namespace planlint::lsp {

// LSP DiagnosticSeverity: 1 error, 2 warning, 3 information.
int diagnostic_severity(Severity s);

// A Diagnostic: range, severity, code (the rule id), codeDescription (when `docs_href` is not empty),
// source "planlint", message.
nlohmann::json diagnostic_json(const Source& source, const Finding& finding, const std::string& docs_href);

// DocumentSymbol[]: each goal (its heading to its last row) with its measures as children.
nlohmann::json document_symbols(const Source& source, const Plan& plan);

// The measure count a goal may have, from the effective parameters of the rule that checks it.
struct MeasureAllowance {
  std::string rule;                    // the rule id, shown in the hover
  bool in_force = false;               // the rule is loaded and selected for this document
  std::optional<double> min, max;
};

// Hover on a goal heading: the goal's measure count against the allowance; nullopt elsewhere.
std::optional<nlohmann::json> hover(const Source& source, const Plan& plan, const MeasureAllowance& allowance,
                                    const Position& at);

// CodeAction[]: one quick fix per Fix of every finding whose range touches [begin, end) (byte offsets),
// each linked to the finding's diagnostic (`diagnostics[i]` belongs to `findings[i]`).
nlohmann::json code_actions(const std::string& uri, const Source& source, const std::vector<Finding>& findings,
                            const nlohmann::json& diagnostics, std::size_t begin, std::size_t end);

}  // namespace planlint::lsp
