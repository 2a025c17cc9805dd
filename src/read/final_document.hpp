#pragma once
// Puts classified lines of PDF-extracted text (read/final_lines.hpp) together into the document model:
// the title, the overview of goals, goal headings (which may wrap over lines), paragraphs and the claims
// in them, and goal tables, whose rows row_recovery finds. Shared by the block and layout readers.
#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "read/final_lines.hpp"
#include "read/source.hpp"

namespace planlint::read {

enum class Flavour {
  blocks,  // a blank line after every line; soft wraps keep a trailing blank; one chunk per line
  layout,  // columns by position; blank lines mean something
};

Plan assemble_final(const Source& src, std::span<const FinalLine> lines, Flavour flavour);

}  // namespace planlint::read
