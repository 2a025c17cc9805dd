#pragma once
// The identity of a finding that survives edits elsewhere in its document, shared by the baseline
// (check/baseline) and SARIF's partialFingerprints (report/findings_sarif): the rule, what the finding is
// about by content (its goal's title, its measure's text, the text it points at) and, among findings of
// one document with all of those equal, its place in document order. No line number, no message (which
// quotes line numbers), no goal number: inserting lines or reordering goals changes none of it.
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "model/plan.hpp"

namespace planlint::check {

// Fills each finding's `context` from the plan it was found in and the document's bytes (what ranges
// index). Findings must be in document order, as the rule engine and suppressions leave them.
void attach_context(const Plan& plan, std::string_view document, std::vector<Finding>& findings);

struct FingerprintParts {
  std::string rule;
  FindingContext context;
  std::size_t occurrence = 0;  // earlier findings of the same document with the same rule and context
  friend auto operator<=>(const FingerprintParts&, const FingerprintParts&) = default;
};

// The parts of each finding, in order. Occurrences are counted per document (Finding::file), so the list
// may hold several documents' findings, each document's in document order.
std::vector<FingerprintParts> fingerprint_parts(const std::vector<Finding>& findings);

// A stable hash of a document's key (e.g. its path) and the parts: 16 hex digits, the same across runs,
// builds and machines.
std::string fingerprint_hash(std::string_view document, const FingerprintParts& parts);

}  // namespace planlint::check
