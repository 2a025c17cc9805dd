#pragma once
#include "model/plan.hpp"
#include "read/source.hpp"

namespace planlint::read {

// Reads `pdftotext -layout` text (grammar/layout.hpp). Throws InputError on text it cannot read.
Plan read_layout(const Source& src);

}  // namespace planlint::read
