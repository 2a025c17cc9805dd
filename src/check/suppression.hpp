#pragma once
// In-document suppression, from comment lines the readers keep apart from the text:
//   <!-- planlint-disable-next-line rule-id[, rule-id…] -->   the next line
//   <!-- planlint-disable rule-id… --> … <!-- planlint-enable rule-id… -->   a range of lines
//   <!-- planlint-disable-file rule-id… -->                   the whole document
// Without ids a directive applies to every rule. A directive that silences nothing is reported as an
// `unused-suppression` finding, so that stale ones do not pile up. A directive that cannot do what it
// says — it names a rule that is not loaded, its keyword is misspelt ("planlint-disable-fil") or what
// follows the keyword is not a list of rule ids — is an `invalid-suppression` finding, with a
// did-you-mean where one is near: otherwise the finding it was meant to silence would stay and nobody
// would know why.
#include <vector>

#include "check/rule_names.hpp"
#include "model/finding.hpp"
#include "model/plan.hpp"

namespace planlint::check {

struct SuppressionOptions {
  const RuleNames* names = nullptr;  // the rules loaded; null: every rule id is taken as known
  bool report_unused = true;         // unused-suppression findings
  bool report_invalid = true;        // invalid-suppression findings
  std::string language = "en";       // of the unused-suppression message ("en", "fi")
};

// Removes suppressed findings and appends the unused-suppression and invalid-suppression findings, in
// document order.
std::vector<Finding> apply_suppressions(const Plan& plan, std::vector<Finding> findings, const SuppressionOptions& options);

// The same with every rule id taken as known.
inline std::vector<Finding> apply_suppressions(const Plan& plan, std::vector<Finding> findings, bool report_unused) {
  return apply_suppressions(plan, std::move(findings), SuppressionOptions{nullptr, report_unused, true});
}

}  // namespace planlint::check
