#pragma once
// Ruling lines of a PDF page (the cell borders LibreOffice and Chromium draw around table cells), which
// poppler's public API does not list: found by rendering the small part of the page in question (poppler-
// cpp's page_renderer at 72 dpi, one pixel a point, thin lines drawn solid, no antialiasing). Rendering
// interprets the page's content again (1–3 ms a page), so the layout reader asks only where the text
// leaves a question open.
#include <cstdint>
#include <functional>

namespace poppler {
class document;
}

namespace planlint::read::pdf {

// A part of a page in points, y growing downwards.
struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
};

enum class Rule {
  down,    // a vertical line from the box's top to its bottom, somewhere between its left and right
  across,  // a horizontal line from the box's left to its right, somewhere between its top and bottom
};

// Whether such a line crosses the whole box on page `page` (1-based).
using FindRule = std::function<bool(std::uint32_t page, Rule rule, const Box& box)>;

// The rules of `doc`'s pages; `doc` must outlive the function.
FindRule ruling_lines(const poppler::document& doc);

}  // namespace planlint::read::pdf
