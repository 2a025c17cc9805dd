#pragma once
// The claims a plan makes about itself ("tavoitteita on kolme", "7–12 toimenpidettä"), found in text that
// was joined from several lines, with the grammar's claim rules (grammar/common.hpp).
#include <vector>

#include "model/plan.hpp"
#include "read/joined_text.hpp"
#include "read/source.hpp"

namespace planlint::read {

// Appends the claims in `text`, in order, with ranges in `src`.
void find_claims(const Source& src, const JoinedText& text, PlanText& keep, std::vector<Claim>& out);

}  // namespace planlint::read
