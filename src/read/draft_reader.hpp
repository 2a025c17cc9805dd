#pragma once
#include "model/plan.hpp"
#include "read/source.hpp"

namespace planlint::read {

// Reads a plain-text draft (grammar/draft.hpp). Throws InputError on text that is not a plan draft.
Plan read_draft(const Source& src);

}  // namespace planlint::read
