#pragma once
// Findings on a document that is not text (.docx, .odt, PDF) point at its paragraphs and cells, not at
// lines of the text rendered from it, which the user never sees.
#include <vector>

#include "model/finding.hpp"
#include "model/plan.hpp"

namespace planlint::check {

// Sets each finding's `where` from the plan's DocumentMap, and drops its fixes: they are edits of the
// rendered text, which cannot be applied to the document (the message still names the suggestion). Does
// nothing for a text document.
void attach_locations(const Plan& plan, std::vector<Finding>& findings);

}  // namespace planlint::check
