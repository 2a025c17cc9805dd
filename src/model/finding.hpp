#pragma once
// A finding: one rule's verdict on one place of one document. Produced by the rule evaluator
// (src/rules/), filtered by src/check/, printed by src/report/; so it lives here, below all three.
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "model/document_map.hpp"
#include "model/source_range.hpp"

namespace planlint {

enum class Severity { info, warning, error };

inline std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

inline std::optional<Severity> severity_from_string(std::string_view s) {
  if (s == "info") return Severity::info;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

// An edit that fixes a finding: replace `range` of the document by `replacement`. Editors offer it as a
// quick fix (LSP code action), never apply it unasked; SARIF carries it as a `fix`. Produced by a rule's
// `fix` statement (docs/rule-language.md, "Fixes").
struct Fix {
  std::string title;        // e.g. "Replace 'Työkäisille' with 'Työikäisille'"
  SourceRange range;
  std::string replacement;
};

// What a finding is about, by content rather than by position, so that baselines and SARIF fingerprints
// (check/fingerprint.hpp) survive lines that move: the title of the goal and the text of the measure it
// falls in, and the document text it points at (empty when that is the goal's heading or the measure's
// row: the goal or measure says it). Whitespace-normalised. Filled by check::attach_context.
struct FindingContext {
  std::string goal;
  std::string measure;
  std::string text;
  friend auto operator<=>(const FindingContext&, const FindingContext&) = default;
};

struct Finding {
  std::string rule;      // kebab-case rule id
  Severity severity = Severity::error;
  std::string message;   // already interpolated
  std::string file;      // the document, as the user named it
  SourceRange range;     // what the finding points at
  std::vector<Fix> fixes;  // alternatives, best first (e.g. spelling suggestions); empty when there is none
  FindingContext context;
  // In a document that is not text (.docx, .odt, PDF): where `range` lies in the document's own terms
  // (table, row, column, paragraph, page); `range` then points into the text rendered from it. Filled by
  // check::attach_locations.
  std::optional<Locator> where;
};

}  // namespace planlint
