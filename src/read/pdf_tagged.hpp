#pragma once
// The structure tree of a tagged PDF (LibreOffice's "Tagged PDF" export, Chromium's print-to-PDF), read
// with poppler's own classes: the author's own paragraphs, headings, list items and table cells, exact where the
// page text of an untagged PDF has to be guessed from positions.
#include <optional>
#include <string_view>

#include "read/pdf_text.hpp"
#include "read/structured.hpp"

namespace planlint::read::pdf {

// The document the structure tree describes; nullopt when the PDF has no structure tree (or poppler cannot
// open it). Running headers, footers and page numbers are artifacts, outside the tree (in
// LibreOffice's; Chromium's has them: pdf_reader drops them). Line wraps are left marked (pdf_joins.hpp settles them).
std::optional<structured::Document> read_tagged(std::string_view bytes);

}  // namespace planlint::read::pdf
