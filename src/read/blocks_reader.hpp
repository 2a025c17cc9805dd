#pragma once
#include "model/plan.hpp"
#include "read/source.hpp"

namespace planlint::read {

// Reads block text extracted from a PDF (grammar/blocks.hpp). Throws InputError on text it cannot read.
Plan read_blocks(const Source& src);

}  // namespace planlint::read
