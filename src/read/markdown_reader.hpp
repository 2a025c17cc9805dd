#pragma once
#include "model/plan.hpp"
#include "read/source.hpp"

namespace planlint::read {

// Reads a plan kept as Markdown (grammar/markdown.hpp) into the same model as a draft: goal headings, the
// overview list, pipe tables, claims, paragraphs. Positions are the .md file's own. Throws InputError on
// text that cannot be read (a control character), with its position.
Plan read_markdown(const Source& src);

}  // namespace planlint::read
