#pragma once
// In-document suppression, from comment lines the readers keep apart from the text:
//   <!-- planlint-disable-next-line rule-id[, rule-id…] -->   the next line
//   <!-- planlint-disable rule-id… --> … <!-- planlint-enable rule-id… -->   a range of lines
//   <!-- planlint-disable-file rule-id… -->                   the whole document
// Without ids a directive applies to every rule. A directive that silences nothing is reported as an
// `unused-suppression` finding, so that stale ones do not pile up.
#include <vector>

#include "check/finding.hpp"
#include "model/plan.hpp"

namespace planlint::check {

// Removes suppressed findings and appends one `unused-suppression` warning per directive that silenced
// nothing (when `report_unused`).
std::vector<Finding> apply_suppressions(const Plan& plan, std::vector<Finding> findings, bool report_unused);

}  // namespace planlint::check
